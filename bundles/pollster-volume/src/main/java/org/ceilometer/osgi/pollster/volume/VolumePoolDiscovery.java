package org.ceilometer.osgi.pollster.volume;

import java.util.List;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The {@code volume_pools} discovery: every pool the scheduler knows,
 * {@code GET /v3/scheduler-stats/get_pools?detail=True}, as Ceilometer's {@code VolumePoolsDiscovery}.
 * Resource id: the pool name ({@code host@backend#pool}).
 */
@Component(service = Discovery.class, configurationPid = CinderConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = VolumePoolDiscovery.NAME)
public final class VolumePoolDiscovery extends AbstractCinderDiscovery<PoolRecord> {
    public static final String NAME = "volume_pools";

    @Activate
    public VolumePoolDiscovery(CinderConfig config) {
        super(config);
    }

    @Override
    List<PoolRecord> list(PollContext context) throws Exception {
        return api.list(context, "scheduler-stats/get_pools?detail=True", "pools", false, PoolRecord::of);
    }

    @Override
    String idOf(PoolRecord record) {
        return record.name;
    }
}
