package org.ceilometer.osgi.pollster.network;

import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code fip_services}: every floating IP of Neutron ({@code GET /v2.0/floatingips}), as master's
 * {@code FloatingIPDiscovery}. Declares the configuration the other Neutron discoveries read too.
 */
@Component(service = Discovery.class, configurationPid = NetworkPollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = FloatingIpDiscovery.NAME)
@Designate(ocd = NetworkPollsterConfig.class)
public final class FloatingIpDiscovery extends AbstractNeutronDiscovery {
    public static final String NAME = "fip_services";

    @Activate
    public FloatingIpDiscovery(NetworkPollsterConfig config) {
        super(config);
    }

    @Override
    NeutronKind kind() {
        return NeutronKind.FLOATING_IPS;
    }
}
