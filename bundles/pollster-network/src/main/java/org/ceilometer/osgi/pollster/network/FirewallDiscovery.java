package org.ceilometer.osgi.pollster.network;

import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * {@code fw_services}: every FWaaS v2 firewall group ({@code GET /v2.0/fwaas/firewall_groups}) whose
 * status is not {@code error}, as master's {@code FirewallDiscovery}. Master compares the status with
 * the lower-case {@code 'error'} while Neutron writes {@code ERROR}, so in practice no group is left
 * out, and a group in error reaches the pollster (volume 7); we keep that comparison as it is.
 */
@Component(service = Discovery.class, configurationPid = NetworkPollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = FirewallDiscovery.NAME)
public final class FirewallDiscovery extends AbstractNeutronDiscovery {
    public static final String NAME = "fw_services";

    @Activate
    public FirewallDiscovery(NetworkPollsterConfig config) {
        super(config);
    }

    @Override
    NeutronKind kind() {
        return NeutronKind.FIREWALL_GROUPS;
    }

    /** Master's filter, {@code i.get('status', None) != 'error'}, kept case-sensitive. */
    @Override
    boolean keep(NeutronRecord record) {
        return !"error".equals(record.status);
    }
}
