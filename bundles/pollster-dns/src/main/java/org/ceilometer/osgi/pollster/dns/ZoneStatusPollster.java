package org.ceilometer.osgi.pollster.dns;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.SampleSink;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code dns.zone.status}: a gauge per zone (unit {@code status}) of its status code, as master's
 * {@code ZoneStatusPollster}: the status lower-cased and mapped by {@code ZONE_STATUS}; an empty or
 * unknown status is -1 and still gives a sample.
 */
@Component(service = Pollster.class)
@PollsterService(meter = ZoneStatusPollster.METER)
public final class ZoneStatusPollster extends AbstractZonePollster {
    public static final String METER = "dns.zone.status";
    static final int UNKNOWN = -1;
    /** Master's {@code ZONE_STATUS}. */
    static final Map<String, Integer> CODES = Map.of("active", 1, "pending", 2, "error", 3, "deleted", 4);

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "status";
    }

    /** Master's {@code get_status_id}. */
    static int code(String status) {
        if (status == null || status.isEmpty()) {
            return UNKNOWN;
        }
        return CODES.getOrDefault(status.toLowerCase(Locale.ROOT), UNKNOWN);
    }

    @Override
    public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) {
        Instant timestamp = context.timestamp();
        int unknown = 0;
        ZoneRecord first = null;
        for (ZoneRecord zone : zones(resources)) {
            int code = code(zone.status);
            if (code == UNKNOWN && unknown++ == 0) {
                first = zone;
            }
            sink.accept(sample(zone, code, timestamp));
        }
        if (unknown > 0) {
            log.warn("{}: {} zone(s) with an unknown status, volume set to -1 (first: {} for {} ({}))", METER, unknown,
                    first.status, first.name, first.id);
        }
    }
}
