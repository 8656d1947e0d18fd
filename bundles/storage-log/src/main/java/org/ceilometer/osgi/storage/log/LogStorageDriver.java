package org.ceilometer.osgi.storage.log;

import java.net.URI;
import java.util.Map;
import org.ceilometer.osgi.api.StorageConnection;
import org.ceilometer.osgi.api.StorageDriver;
import org.ceilometer.osgi.api.annotations.StorageBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The storage driver of scheme {@code log}: it stores nothing and logs each sample, as Ceilometer's
 * {@code ceilometer.storage.impl_log}. Useful to run an agent without a database.
 */
@Component(service = StorageDriver.class)
@StorageBackend(storage_scheme = "log")
public final class LogStorageDriver implements StorageDriver {
    @Override
    public StorageConnection connect(URI url, Map<String, Object> options) {
        return new LogStorageConnection(url);
    }
}
