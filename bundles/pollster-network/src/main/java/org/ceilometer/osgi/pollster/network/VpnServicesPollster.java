package org.ceilometer.osgi.pollster.network;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code network.services.vpn}: a gauge per VPNaaS service (unit {@code vpnservice}) whose volume is
 * its status code; as master's {@code VPNServicesPollster} ({@code ceilometer/network/services/vpnaas.py}).
 */
@Component(service = Pollster.class)
@PollsterService(meter = VpnServicesPollster.METER)
public final class VpnServicesPollster extends AbstractNeutronPollster {
    public static final String METER = "network.services.vpn";

    @Override
    public String defaultDiscovery() {
        return VpnServicesDiscovery.NAME;
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "vpnservice";
    }

    @Override
    NeutronKind kind() {
        return NeutronKind.VPN_SERVICES;
    }

    @Override
    boolean statusVolume() {
        return true;
    }
}
