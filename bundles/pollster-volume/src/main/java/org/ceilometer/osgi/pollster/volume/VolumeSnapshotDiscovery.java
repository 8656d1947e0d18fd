package org.ceilometer.osgi.pollster.volume;

import java.util.List;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The {@code volume_snapshots} discovery: every snapshot of every project,
 * {@code GET /v3/snapshots/detail?all_tenants=True} paged through {@code snapshots_links}, as Ceilometer's
 * {@code VolumeSnapshotsDiscovery}. Resource id: the snapshot id.
 */
@Component(service = Discovery.class, configurationPid = CinderConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = VolumeSnapshotDiscovery.NAME)
public final class VolumeSnapshotDiscovery extends AbstractCinderDiscovery<SnapshotRecord> {
    public static final String NAME = "volume_snapshots";

    @Activate
    public VolumeSnapshotDiscovery(CinderConfig config) {
        super(config);
    }

    @Override
    List<SnapshotRecord> list(PollContext context) throws Exception {
        return api.list(context, "snapshots/detail?all_tenants=True", "snapshots", true, SnapshotRecord::of);
    }

    @Override
    String idOf(SnapshotRecord record) {
        return record.id;
    }
}
