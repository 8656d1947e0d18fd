package org.ceilometer.osgi.pollster.volume;

import java.util.List;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The {@code volume_services} discovery: every Cinder service, {@code GET /v3/os-services}, as Ceilometer's
 * {@code VolumeServicesDiscovery}. Resource id: {@code <binary>@<host>}.
 */
@Component(service = Discovery.class, configurationPid = CinderConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = VolumeServiceDiscovery.NAME)
public final class VolumeServiceDiscovery extends AbstractCinderDiscovery<ServiceRecord> {
    public static final String NAME = "volume_services";

    @Activate
    public VolumeServiceDiscovery(CinderConfig config) {
        super(config);
    }

    @Override
    List<ServiceRecord> list(PollContext context) throws Exception {
        return api.list(context, "os-services", "services", false, ServiceRecord::of);
    }

    @Override
    String idOf(ServiceRecord record) {
        return record.resourceId;
    }
}
