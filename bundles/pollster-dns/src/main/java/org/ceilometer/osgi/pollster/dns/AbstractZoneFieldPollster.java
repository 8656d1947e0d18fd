package org.ceilometer.osgi.pollster.dns;

import java.time.Instant;
import java.util.List;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.SampleSink;

/** A zone meter whose volume comes from the zone listing alone (status, TTL, serial). */
abstract class AbstractZoneFieldPollster extends AbstractZonePollster {
    /** The volume of a zone. */
    abstract long volume(ZoneRecord zone);

    @Override
    public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) {
        Instant timestamp = context.timestamp();
        for (ZoneRecord zone : zones(resources)) {
            sink.accept(sample(zone, volume(zone), timestamp));
        }
    }
}
