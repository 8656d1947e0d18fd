package org.ceilometer.osgi.itests.pollster;

import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * A pollster that the in-framework tests install, poll and uninstall at runtime: one gauge sample per
 * resource of its source. Also the smallest example of a pollster bundle.
 */
@Component
@PollsterService(meter = HotDeployedPollster.METER)
public class HotDeployedPollster implements Pollster {
    public static final String METER = "itest.hotdeploy";

    @Override
    public String defaultDiscovery() {
        return null;
    }

    @Override
    public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) {
        for (Resource r : resources) {
            sink.accept(Sample.builder()
                    .name(METER)
                    .type(MeterType.GAUGE)
                    .unit("thing")
                    .volume(1)
                    .resourceId(r.id())
                    .projectId("itest-project")
                    .timestamp(context.timestamp())
                    .resourceMetadata(Map.of("source", context.sourceName()))
                    .build());
        }
    }
}
