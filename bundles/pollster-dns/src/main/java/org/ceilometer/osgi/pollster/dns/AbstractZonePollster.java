package org.ceilometer.osgi.pollster.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Designate pollsters share ({@code ceilometer/dns/designate.py}, {@code _BaseZonePollster}):
 * the {@code dns_zones} discovery, and one gauge per zone with the zone id, its project, no user, and
 * Ceilometer's metadata. Resources that are not zones of {@code dns_zones} are skipped with one
 * warning per run.
 */
abstract class AbstractZonePollster implements Pollster {
    final Logger log = LoggerFactory.getLogger(getClass());

    abstract String meter();

    abstract String unit();

    @Override
    public String defaultDiscovery() {
        return ZoneDiscovery.NAME;
    }

    /** The zones among the resources, in their order. */
    List<ZoneRecord> zones(List<Resource> resources) {
        List<ZoneRecord> zones = new ArrayList<>(resources.size());
        int skipped = 0;
        for (Resource r : resources) {
            if (r.payload() instanceof ZoneRecord z) {
                zones.add(z);
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            log.warn("{}: {} resource(s) are not zones from the {} discovery and were skipped", meter(), skipped,
                    ZoneDiscovery.NAME);
        }
        return zones;
    }

    Sample sample(ZoneRecord zone, long volume, Instant timestamp) {
        return Sample.builder()
                .name(meter())
                .type(MeterType.GAUGE)
                .unit(unit())
                .volume(volume)
                .userId(null)
                .projectId(zone.projectId)
                .resourceId(zone.id)
                .timestamp(timestamp)
                .resourceMetadata(zone.metadata())
                .build();
    }
}
