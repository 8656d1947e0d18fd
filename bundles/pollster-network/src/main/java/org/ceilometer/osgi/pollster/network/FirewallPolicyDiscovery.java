package org.ceilometer.osgi.pollster.network;

import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * {@code fw_policy}: every FWaaS v2 firewall policy ({@code GET /v2.0/fwaas/firewall_policies}), as
 * master's {@code FirewallPolicyDiscovery}.
 */
@Component(service = Discovery.class, configurationPid = NetworkPollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = FirewallPolicyDiscovery.NAME)
public final class FirewallPolicyDiscovery extends AbstractNeutronDiscovery {
    public static final String NAME = "fw_policy";

    @Activate
    public FirewallPolicyDiscovery(NetworkPollsterConfig config) {
        super(config);
    }

    @Override
    NeutronKind kind() {
        return NeutronKind.FIREWALL_POLICIES;
    }
}
