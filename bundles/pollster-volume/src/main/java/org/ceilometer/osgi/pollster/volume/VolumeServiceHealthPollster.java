package org.ceilometer.osgi.pollster.volume;

import java.time.Instant;
import java.util.Locale;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code volume.service.health}: 1 for a Cinder service that is {@code up}, 0 for one that is
 * {@code down} (unit {@code health}), per {@code <binary>@<host>}, with its binary, host, zone and status as
 * metadata, as Ceilometer's {@code VolumeServiceHealthPollster} (master, 2026). Another state gives no
 * sample and fails the run once the other services are sampled, as Ceilometer raises on it.
 */
@Component(service = Pollster.class)
@PollsterService(meter = VolumeServiceHealthPollster.METER)
public final class VolumeServiceHealthPollster extends AbstractCinderPollster<ServiceRecord> {
    public static final String METER = "volume.service.health";

    public VolumeServiceHealthPollster() {
        super(ServiceRecord.class, VolumeServiceDiscovery.NAME);
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    Sample sample(ServiceRecord s, Instant timestamp) {
        String state = s.state == null ? "" : s.state.toLowerCase(Locale.ROOT);
        long value;
        if ("up".equals(state)) {
            value = 1L;
        } else if ("down".equals(state)) {
            value = 0L;
        } else {
            throw new InvalidRecordException("Unknown service state '" + state + "' for " + s.resourceId);
        }
        return gauge("health", value, timestamp).userId(null).projectId(null).resourceId(s.resourceId)
                .resourceMetadata(s.metadata()).build();
    }
}
