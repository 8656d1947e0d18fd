package org.ceilometer.osgi.pollster.network;

import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * {@code ipsec_connections}: every VPNaaS IPsec site connection
 * ({@code GET /v2.0/vpn/ipsec-site-connections}), as master's {@code IPSecConnectionsDiscovery}.
 */
@Component(service = Discovery.class, configurationPid = NetworkPollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = IpsecConnectionsDiscovery.NAME)
public final class IpsecConnectionsDiscovery extends AbstractNeutronDiscovery {
    public static final String NAME = "ipsec_connections";

    @Activate
    public IpsecConnectionsDiscovery(NetworkPollsterConfig config) {
        super(config);
    }

    @Override
    NeutronKind kind() {
        return NeutronKind.IPSEC_CONNECTIONS;
    }
}
