package org.ceilometer.osgi.pollster.network;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code ip.floating}: a gauge per floating IP (unit {@code ip}) whose volume is its status code, user the
 * floating IP's {@code user_id} if Neutron gives one, project its {@code tenant_id}; as master's
 * {@code FloatingIPPollster} ({@code ceilometer/network/floatingip.py}).
 */
@Component(service = Pollster.class)
@PollsterService(meter = FloatingIpPollster.METER)
public final class FloatingIpPollster extends AbstractNeutronPollster {
    public static final String METER = "ip.floating";

    @Override
    public String defaultDiscovery() {
        return FloatingIpDiscovery.NAME;
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "ip";
    }

    @Override
    NeutronKind kind() {
        return NeutronKind.FLOATING_IPS;
    }

    @Override
    boolean statusVolume() {
        return true;
    }

    @Override
    String userId(NeutronRecord record) {
        return record.userId;
    }
}
