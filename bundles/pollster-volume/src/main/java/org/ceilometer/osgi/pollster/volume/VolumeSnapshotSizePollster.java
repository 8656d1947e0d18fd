package org.ceilometer.osgi.pollster.volume;

import java.time.Instant;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code volume.snapshot.size}: a gauge of each snapshot's size in GiB, as Ceilometer's
 * {@code VolumeSnapshotSize}. User: {@code user_id}; project:
 * {@code os-extended-snapshot-attributes:project_id}; resource: the snapshot id.
 */
@Component(service = Pollster.class)
@PollsterService(meter = VolumeSnapshotSizePollster.METER)
public final class VolumeSnapshotSizePollster extends AbstractCinderPollster<SnapshotRecord> {
    public static final String METER = "volume.snapshot.size";

    public VolumeSnapshotSizePollster() {
        super(SnapshotRecord.class, VolumeSnapshotDiscovery.NAME);
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    Sample sample(SnapshotRecord s, Instant timestamp) {
        if (s.size == null) {
            return null;
        }
        return gauge("GiB", s.size, timestamp).userId(s.userId).projectId(s.projectId).resourceId(s.id)
                .resourceMetadata(s.metadata()).build();
    }
}
