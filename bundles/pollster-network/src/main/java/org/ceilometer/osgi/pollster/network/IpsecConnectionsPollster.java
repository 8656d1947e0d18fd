package org.ceilometer.osgi.pollster.network;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code network.services.vpn.connections}: a gauge of 1 per IPsec site connection (unit
 * {@code ipsec_site_connection}); as master's {@code IPSecConnectionsPollster}
 * ({@code ceilometer/network/services/vpnaas.py}).
 */
@Component(service = Pollster.class)
@PollsterService(meter = IpsecConnectionsPollster.METER)
public final class IpsecConnectionsPollster extends AbstractNeutronPollster {
    public static final String METER = "network.services.vpn.connections";

    @Override
    public String defaultDiscovery() {
        return IpsecConnectionsDiscovery.NAME;
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "ipsec_site_connection";
    }

    @Override
    NeutronKind kind() {
        return NeutronKind.IPSEC_CONNECTIONS;
    }

    @Override
    boolean statusVolume() {
        return false;
    }
}
