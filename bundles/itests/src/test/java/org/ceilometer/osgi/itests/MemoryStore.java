package org.ceilometer.osgi.itests;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.StorageConnection;
import org.ceilometer.osgi.api.StorageDriver;
import org.ceilometer.osgi.api.annotations.StorageBackend;
import org.osgi.service.component.annotations.Component;

/** A storage backend of the tests, scheme {@code itest://}: samples kept in memory to be asserted on. */
@Component
@StorageBackend(storage_scheme = "itest")
public class MemoryStore implements StorageDriver {
    static final List<Sample> SAMPLES = Collections.synchronizedList(new ArrayList<>());

    static List<Sample> of(String meter) {
        synchronized (SAMPLES) {
            return SAMPLES.stream().filter(s -> s.name().equals(meter)).collect(Collectors.toList());
        }
    }

    @Override
    public StorageConnection connect(URI url, Map<String, Object> options) {
        return new StorageConnection() {
            @Override
            public void recordMeteringData(List<Sample> samples) {
                SAMPLES.addAll(samples);
            }

            @Override
            public boolean isHealthy() {
                return true;
            }

            @Override
            public String describe() {
                return "in-memory test store";
            }

            @Override
            public void close() {}
        };
    }
}
