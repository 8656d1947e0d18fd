package org.ceilometer.osgi.pollster.network;

import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * {@code vpn_services}: every VPNaaS service ({@code GET /v2.0/vpn/vpnservices}), as master's
 * {@code VPNServicesDiscovery}.
 */
@Component(service = Discovery.class, configurationPid = NetworkPollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = VpnServicesDiscovery.NAME)
public final class VpnServicesDiscovery extends AbstractNeutronDiscovery {
    public static final String NAME = "vpn_services";

    @Activate
    public VpnServicesDiscovery(NetworkPollsterConfig config) {
        super(config);
    }

    @Override
    NeutronKind kind() {
        return NeutronKind.VPN_SERVICES;
    }
}
