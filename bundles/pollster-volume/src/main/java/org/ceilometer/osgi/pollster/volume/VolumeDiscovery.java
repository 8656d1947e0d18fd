package org.ceilometer.osgi.pollster.volume;

import java.util.List;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@code volumes} discovery: every volume of every project,
 * {@code GET /v3/volumes/detail?all_tenants=True} paged through {@code volumes_links}, as Ceilometer's
 * {@code VolumeDiscovery}. Resource id: the volume id. Declares the configuration of every Cinder discovery
 * for the metatype.
 */
@Component(service = Discovery.class, configurationPid = CinderConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = VolumeDiscovery.NAME)
@Designate(ocd = CinderConfig.class)
public final class VolumeDiscovery extends AbstractCinderDiscovery<VolumeRecord> {
    public static final String NAME = "volumes";

    @Activate
    public VolumeDiscovery(CinderConfig config) {
        super(config);
    }

    @Override
    List<VolumeRecord> list(PollContext context) throws Exception {
        return api.list(context, "volumes/detail?all_tenants=True", "volumes", true, VolumeRecord::of);
    }

    @Override
    String idOf(VolumeRecord record) {
        return record.id;
    }
}
