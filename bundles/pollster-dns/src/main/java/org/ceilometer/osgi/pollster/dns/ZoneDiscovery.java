package org.ceilometer.osgi.pollster.dns;

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
 * {@code dns_zones}: every Designate zone of every project ({@code GET /v2/zones} with
 * {@code X-Auth-All-Projects: True}), as master's {@code ZoneDiscovery} ({@code ceilometer/dns/discovery.py}).
 * Each is a {@link Resource} whose id is the zone id and whose payload is its {@link ZoneRecord}. A
 * catalog without Designate throws {@link org.ceilometer.osgi.api.openstack.EndpointNotFoundException},
 * which the agent logs once per cycle.
 */
@Component(service = Discovery.class, configurationPid = DnsPollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = ZoneDiscovery.NAME)
@Designate(ocd = DnsPollsterConfig.class)
public final class ZoneDiscovery implements Discovery {
    public static final String NAME = "dns_zones";

    private final int pageSize;
    private final boolean allProjects;

    @Activate
    public ZoneDiscovery(DnsPollsterConfig config) {
        this.pageSize = config.designate__page__size();
        this.allProjects = config.all__projects();
    }

    @Override
    public List<Resource> discover(PollContext context, String param) throws Exception {
        List<ZoneRecord> zones = DesignateZones.list(context, pageSize, allProjects);
        List<Resource> out = new ArrayList<>(zones.size());
        for (ZoneRecord z : zones) {
            out.add(Resource.of(z.id, z));
        }
        return out;
    }
}
