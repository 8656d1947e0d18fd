package org.ceilometer.osgi.pollster.dns;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code dns.zone.ttl}: a gauge per zone (unit {@code second}) of its default TTL, 0 when Designate
 * gives none, as master's {@code ZoneTTLPollster}.
 */
@Component(service = Pollster.class)
@PollsterService(meter = ZoneTtlPollster.METER)
public final class ZoneTtlPollster extends AbstractZoneFieldPollster {
    public static final String METER = "dns.zone.ttl";

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "second";
    }

    @Override
    long volume(ZoneRecord zone) {
        return zone.ttl == null ? 0 : zone.ttl;
    }
}
