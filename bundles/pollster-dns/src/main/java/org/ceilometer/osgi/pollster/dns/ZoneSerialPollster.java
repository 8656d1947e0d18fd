package org.ceilometer.osgi.pollster.dns;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code dns.zone.serial}: a gauge per zone (unit {@code serial}) of its SOA serial, 0 when Designate
 * gives none, as master's {@code ZoneSerialPollster}.
 */
@Component(service = Pollster.class)
@PollsterService(meter = ZoneSerialPollster.METER)
public final class ZoneSerialPollster extends AbstractZoneFieldPollster {
    public static final String METER = "dns.zone.serial";

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "serial";
    }

    @Override
    long volume(ZoneRecord zone) {
        return zone.serial == null ? 0 : zone.serial;
    }
}
