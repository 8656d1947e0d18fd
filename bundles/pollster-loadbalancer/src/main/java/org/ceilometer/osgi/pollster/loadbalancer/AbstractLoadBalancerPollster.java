package org.ceilometer.osgi.pollster.loadbalancer;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both Octavia pollsters share ({@code ceilometer/load_balancer/octavia.py},
 * {@code _BaseLoadBalancerPollster}): the {@code lb_services} discovery, and one gauge per load balancer
 * (unit {@code status}) whose volume is a status mapped to a code, lower-cased; an empty or unknown
 * status is -1 and still gives a sample. Resources that are not load balancers of {@code lb_services}
 * are skipped with one warning per run.
 */
abstract class AbstractLoadBalancerPollster implements Pollster {
    static final int UNKNOWN = -1;
    private final Logger log = LoggerFactory.getLogger(getClass());

    abstract String meter();

    /** The status this meter measures. */
    abstract String status(LoadBalancerRecord lb);

    /** Master's map of that status, lower-case names to codes. */
    abstract Map<String, Integer> codes();

    @Override
    public String defaultDiscovery() {
        return LoadBalancerDiscovery.NAME;
    }

    /** Master's {@code get_status_id}. */
    final int code(String status) {
        if (status == null || status.isEmpty()) {
            return UNKNOWN;
        }
        return codes().getOrDefault(status.toLowerCase(Locale.ROOT), UNKNOWN);
    }

    @Override
    public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) {
        Instant timestamp = context.timestamp();
        int skipped = 0;
        int unknown = 0;
        LoadBalancerRecord firstUnknown = null;
        for (Resource resource : resources) {
            if (!(resource.payload() instanceof LoadBalancerRecord lb)) {
                skipped++;
                continue;
            }
            int volume = code(status(lb));
            if (volume == UNKNOWN && unknown++ == 0) {
                firstUnknown = lb;
            }
            sink.accept(Sample.builder()
                    .name(meter())
                    .type(MeterType.GAUGE)
                    .unit("status")
                    .volume(volume)
                    .userId(null)
                    .projectId(lb.projectId)
                    .resourceId(lb.id)
                    .timestamp(timestamp)
                    .resourceMetadata(lb.metadata())
                    .build());
        }
        if (unknown > 0) {
            log.warn("{}: {} load balancer(s) with an unknown status, volume set to -1 (first: {} for {} ({}))",
                    meter(), unknown, status(firstUnknown), firstUnknown.name, firstUnknown.id);
        }
        if (skipped > 0) {
            log.warn("{}: {} resource(s) are not load balancers from the {} discovery and were skipped", meter(),
                    skipped, LoadBalancerDiscovery.NAME);
        }
    }
}
