package org.ceilometer.osgi.pollster.loadbalancer;

import java.util.Map;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code loadbalancer.provisioning}: a gauge per load balancer of its {@code provisioning_status} code,
 * as master's {@code LoadBalancerProvisioningStatusPollster}.
 */
@Component(service = Pollster.class)
@PollsterService(meter = LoadBalancerProvisioningPollster.METER)
public final class LoadBalancerProvisioningPollster extends AbstractLoadBalancerPollster {
    public static final String METER = "loadbalancer.provisioning";
    /** Master's {@code PROVISIONING_STATUS}. */
    static final Map<String, Integer> CODES = Map.of("active", 1, "deleted", 2, "error", 3, "pending_create", 4,
            "pending_update", 5, "pending_delete", 6);

    @Override
    String meter() {
        return METER;
    }

    @Override
    String status(LoadBalancerRecord lb) {
        return lb.provisioningStatus;
    }

    @Override
    Map<String, Integer> codes() {
        return CODES;
    }
}
