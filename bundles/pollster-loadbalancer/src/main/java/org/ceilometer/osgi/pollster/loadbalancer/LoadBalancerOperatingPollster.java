package org.ceilometer.osgi.pollster.loadbalancer;

import java.util.Map;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code loadbalancer.operating}: a gauge per load balancer of its {@code operating_status} code, as
 * master's {@code LoadBalancerOperatingStatusPollster}.
 */
@Component(service = Pollster.class)
@PollsterService(meter = LoadBalancerOperatingPollster.METER)
public final class LoadBalancerOperatingPollster extends AbstractLoadBalancerPollster {
    public static final String METER = "loadbalancer.operating";
    /** Master's {@code OPERATING_STATUS}. */
    static final Map<String, Integer> CODES = Map.of("online", 1, "draining", 2, "offline", 3, "degraded", 4,
            "error", 5, "no_monitor", 6);

    @Override
    String meter() {
        return METER;
    }

    @Override
    String status(LoadBalancerRecord lb) {
        return lb.operatingStatus;
    }

    @Override
    Map<String, Integer> codes() {
        return CODES;
    }
}
