package org.ceilometer.osgi.pollster.network;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code network.services.firewall}: a gauge per FWaaS v2 firewall group (unit {@code firewall}) whose
 * volume is its status code; as master's {@code FirewallPollster} ({@code ceilometer/network/services/fwaas.py}).
 */
@Component(service = Pollster.class)
@PollsterService(meter = FirewallPollster.METER)
public final class FirewallPollster extends AbstractNeutronPollster {
    public static final String METER = "network.services.firewall";

    @Override
    public String defaultDiscovery() {
        return FirewallDiscovery.NAME;
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "firewall";
    }

    @Override
    NeutronKind kind() {
        return NeutronKind.FIREWALL_GROUPS;
    }

    @Override
    boolean statusVolume() {
        return true;
    }
}
