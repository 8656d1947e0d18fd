package org.ceilometer.osgi.pollster.volume;

import java.time.Instant;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code volume.backup.size}: a gauge of each backup's size in GiB, as Ceilometer's
 * {@code VolumeBackupSize}. User: {@code user_id}; project: {@code os-backup-project-attr:project_id};
 * resource: the backup id.
 */
@Component(service = Pollster.class)
@PollsterService(meter = VolumeBackupSizePollster.METER)
public final class VolumeBackupSizePollster extends AbstractCinderPollster<BackupRecord> {
    public static final String METER = "volume.backup.size";

    public VolumeBackupSizePollster() {
        super(BackupRecord.class, VolumeBackupDiscovery.NAME);
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    Sample sample(BackupRecord b, Instant timestamp) {
        if (b.size == null) {
            return null;
        }
        return gauge("GiB", b.size, timestamp).userId(b.userId).projectId(b.projectId).resourceId(b.id)
                .resourceMetadata(b.metadata()).build();
    }
}
