package org.ceilometer.osgi.pollster.volume;

import java.time.Instant;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code volume.size}: a gauge of each volume's size in GiB, as Ceilometer's {@code VolumeSizePollster}.
 * User: the volume's {@code user_id}; project: {@code os-vol-tenant-attr:tenant_id}; resource: its id.
 */
@Component(service = Pollster.class)
@PollsterService(meter = VolumeSizePollster.METER)
public final class VolumeSizePollster extends AbstractCinderPollster<VolumeRecord> {
    public static final String METER = "volume.size";

    public VolumeSizePollster() {
        super(VolumeRecord.class, VolumeDiscovery.NAME);
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    Sample sample(VolumeRecord v, Instant timestamp) {
        if (v.size == null) {
            return null;
        }
        return gauge("GiB", v.size, timestamp).userId(v.userId).projectId(v.projectId).resourceId(v.id)
                .resourceMetadata(v.metadata()).build();
    }
}
