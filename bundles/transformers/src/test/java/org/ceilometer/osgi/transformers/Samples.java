package org.ceilometer.osgi.transformers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;

/** Test samples. */
final class Samples {
    static final Instant T0 = Instant.parse("2014-10-16T10:00:00Z");

    private Samples() {}

    static Sample.Builder of(String name, MeterType type, String unit, Number volume) {
        return Sample.builder().name(name).type(type).unit(unit).volume(volume).userId("u1").projectId("p1")
                .resourceId("r1").timestamp(T0).id("id-" + name);
    }

    static Sample at(Sample.Builder b, long secondsAfterT0) {
        return b.timestamp(T0.plusSeconds(secondsAfterT0)).build();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
