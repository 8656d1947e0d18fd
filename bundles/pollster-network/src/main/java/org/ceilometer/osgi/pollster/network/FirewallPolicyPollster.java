package org.ceilometer.osgi.pollster.network;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code network.services.firewall.policy}: a gauge of 1 per FWaaS v2 firewall policy (unit
 * {@code firewall_policy}); as master's {@code FirewallPolicyPollster}
 * ({@code ceilometer/network/services/fwaas.py}).
 */
@Component(service = Pollster.class)
@PollsterService(meter = FirewallPolicyPollster.METER)
public final class FirewallPolicyPollster extends AbstractNeutronPollster {
    public static final String METER = "network.services.firewall.policy";

    @Override
    public String defaultDiscovery() {
        return FirewallPolicyDiscovery.NAME;
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "firewall_policy";
    }

    @Override
    NeutronKind kind() {
        return NeutronKind.FIREWALL_POLICIES;
    }

    @Override
    boolean statusVolume() {
        return false;
    }
}
