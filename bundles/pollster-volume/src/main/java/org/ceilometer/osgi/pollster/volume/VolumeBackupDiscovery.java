package org.ceilometer.osgi.pollster.volume;

import java.util.List;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The {@code volume_backups} discovery: every backup of every project,
 * {@code GET /v3/backups/detail?all_tenants=True} paged through {@code backups_links}, as Ceilometer's
 * {@code VolumeBackupsDiscovery}. Resource id: the backup id.
 */
@Component(service = Discovery.class, configurationPid = CinderConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = VolumeBackupDiscovery.NAME)
public final class VolumeBackupDiscovery extends AbstractCinderDiscovery<BackupRecord> {
    public static final String NAME = "volume_backups";

    @Activate
    public VolumeBackupDiscovery(CinderConfig config) {
        super(config);
    }

    @Override
    List<BackupRecord> list(PollContext context) throws Exception {
        return api.list(context, "backups/detail?all_tenants=True", "backups", true, BackupRecord::of);
    }

    @Override
    String idOf(BackupRecord record) {
        return record.id;
    }
}
