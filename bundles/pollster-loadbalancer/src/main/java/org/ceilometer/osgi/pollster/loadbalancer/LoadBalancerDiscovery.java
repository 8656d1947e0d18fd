package org.ceilometer.osgi.pollster.loadbalancer;

import java.util.ArrayList;
import java.util.List;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code lb_services}: every Octavia load balancer ({@code GET /v2/lbaas/loadbalancers}, all projects
 * for an admin), as master's {@code LoadBalancerDiscovery} ({@code ceilometer/load_balancer/discovery.py}).
 * Each is a {@link Resource} whose id is the load balancer id and whose payload is its
 * {@link LoadBalancerRecord}. A catalog without Octavia throws
 * {@link org.ceilometer.osgi.api.openstack.EndpointNotFoundException}, which the agent logs once per cycle.
 */
@Component(service = Discovery.class, configurationPid = LoadBalancerPollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = LoadBalancerDiscovery.NAME)
@Designate(ocd = LoadBalancerPollsterConfig.class)
public final class LoadBalancerDiscovery implements Discovery {
    public static final String NAME = "lb_services";

    private final int pageSize;

    @Activate
    public LoadBalancerDiscovery(LoadBalancerPollsterConfig config) {
        this.pageSize = config.octavia__page__size();
    }

    @Override
    public List<Resource> discover(PollContext context, String param) throws Exception {
        List<LoadBalancerRecord> records = OctaviaLoadBalancers.list(context, pageSize);
        List<Resource> out = new ArrayList<>(records.size());
        for (LoadBalancerRecord r : records) {
            out.add(Resource.of(r.id, r));
        }
        return out;
    }
}
