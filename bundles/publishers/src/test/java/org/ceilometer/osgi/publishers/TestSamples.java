package org.ceilometer.osgi.publishers;

import java.time.Instant;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;

final class TestSamples {
    private TestSamples() {}

    static Sample sample(String id, Number volume) {
        return Sample.builder().name("storage.objects").type(MeterType.GAUGE).unit("object").volume(volume)
                .projectId("p1").resourceId("p1").timestamp(Instant.parse("2013-10-12T14:35:59Z"))
                .resourceMetadata(Map.of("a", 1L)).id(id).build();
    }
}
