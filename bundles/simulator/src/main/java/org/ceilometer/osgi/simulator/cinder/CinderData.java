package org.ceilometer.osgi.simulator.cinder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ceilometer.osgi.simulator.Ids;
import org.ceilometer.osgi.simulator.SimImage;
import org.ceilometer.osgi.simulator.SimProject;
import org.ceilometer.osgi.simulator.SimulatorData;

/**
 * The seeded Cinder data: volumes, snapshots and backups of the tenant projects (of {@code admin}
 * when there are none), the scheduler's pools and the Cinder services. Nothing is stored: every item
 * is computed from the seed and its index, newest first as Cinder lists them.
 *
 * <p>Pools: one per back end, {@code storage-NN@<backend>#<pool>}, of three kinds by index: LVM thin
 * (floats, over-subscription 20), Ceph RBD (thin, ratio 1.5) and NFS (thick, nothing provisioned); every
 * pool of index 5 modulo 7 reports {@code unknown} total and free capacity, as some drivers do.
 * Services: {@code cinder-scheduler} and {@code cinder-backup} on {@code controller}, then one
 * {@code cinder-volume} per pool; the last {@code servicesDown} of them are {@code down}, and every
 * service of index 4 modulo 5 is {@code disabled}.
 */
public final class CinderData {
    private static final long NEWEST_EPOCH = Instant.parse("2025-06-01T00:00:00Z").getEpochSecond();
    /** Cinder's timestamps: naive UTC with microseconds. */
    private static final DateTimeFormatter CINDER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final long[] SIZES = {1, 1, 2, 5, 10, 10, 20, 40, 50, 80, 100, 200, 500, 1000};
    private static final String[] VOLUME_TYPES = {"__DEFAULT__", "lvmdriver-1", "ceph-ssd"};
    private static final String AZ = "nova";

    private final SimulatorData data;
    private final int volumeCount;
    private final int snapshotCount;
    private final int backupCount;
    private final int poolCount;
    private final int servicesDown;
    private final Ids volumeIds;
    private final Ids snapshotIds;
    private final Ids backupIds;
    private final Ids attachmentIds;
    private final Ids serverIds;
    private final Ids typeIds;
    private final Ids userIds;
    private final List<SimVolumePool> pools;
    private final List<SimVolumeService> services;

    /**
     * @param data the simulator's projects (owners) and images (sources of bootable volumes)
     * @param servicesDown how many services, counted from the last, report {@code down}
     */
    public CinderData(SimulatorData data, int volumes, int snapshots, int backups, int pools, int servicesDown) {
        if (volumes < 0 || snapshots < 0 || backups < 0 || pools < 0 || servicesDown < 0) {
            throw new IllegalArgumentException("Cinder counts must not be negative: volumes=" + volumes
                    + ", snapshots=" + snapshots + ", backups=" + backups + ", pools=" + pools
                    + ", services down=" + servicesDown);
        }
        this.data = data;
        this.volumeCount = volumes;
        this.snapshotCount = snapshots;
        this.backupCount = backups;
        this.poolCount = pools;
        long seed = data.seed();
        this.volumeIds = new Ids(seed, "volume");
        this.snapshotIds = new Ids(seed, "volume-snapshot");
        this.backupIds = new Ids(seed, "volume-backup");
        this.attachmentIds = new Ids(seed, "volume-attachment");
        this.serverIds = new Ids(seed, "server");
        this.typeIds = new Ids(seed, "volume-type");
        this.userIds = new Ids(seed, "tenant-user");
        List<SimVolumePool> p = new ArrayList<>(pools);
        for (int i = 0; i < pools; i++) {
            p.add(makePool(i));
        }
        this.pools = Collections.unmodifiableList(p);
        int serviceCount = 2 + pools;
        this.servicesDown = Math.min(servicesDown, serviceCount);
        List<SimVolumeService> s = new ArrayList<>(serviceCount);
        for (int i = 0; i < serviceCount; i++) {
            s.add(makeService(i, serviceCount));
        }
        this.services = Collections.unmodifiableList(s);
    }

    /** The id of the simulated user who acts in a project (Cinder's and Manila's {@code user_id}). */
    public String userIdOf(SimProject project) {
        return userIds.hex32(project.index());
    }

    public int volumeCount() {
        return volumeCount;
    }

    public int snapshotCount() {
        return snapshotCount;
    }

    public int backupCount() {
        return backupCount;
    }

    /** How many services report {@code down}. */
    public int servicesDown() {
        return servicesDown;
    }

    /** The volume type names, with {@link #volumeTypeId(String)} for their ids. */
    public List<String> volumeTypes() {
        return List.of(VOLUME_TYPES);
    }

    public String volumeTypeId(String name) {
        for (int i = 0; i < VOLUME_TYPES.length; i++) {
            if (VOLUME_TYPES[i].equals(name)) {
                return typeIds.uuid(i);
            }
        }
        throw new IllegalArgumentException("no volume type " + name);
    }

    // ------------------------------------------------------------------ listings

    /** Every volume, in Cinder's default order (newest first). Computed on access. */
    public List<SimVolume> volumes() {
        return lazyList(volumeCount, this::volume);
    }

    public List<SimVolumeSnapshot> snapshots() {
        return lazyList(snapshotCount, this::snapshot);
    }

    public List<SimVolumeBackup> backups() {
        return lazyList(backupCount, this::backup);
    }

    /** The scheduler's pools, in name order. */
    public List<SimVolumePool> pools() {
        return pools;
    }

    /** The services, scheduler and backup first. */
    public List<SimVolumeService> services() {
        return services;
    }

    private static <T> List<T> lazyList(int size, java.util.function.IntFunction<T> item) {
        return new AbstractList<>() {
            @Override
            public T get(int index) {
                return item.apply(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The index of a volume id, or -1. */
    public int volumeIndex(String id) {
        return index(volumeIds, id, volumeCount);
    }

    public int snapshotIndex(String id) {
        return index(snapshotIds, id, snapshotCount);
    }

    public int backupIndex(String id) {
        return index(backupIds, id, backupCount);
    }

    private static int index(Ids ids, String id, int count) {
        int i = ids.index(id);
        return i >= 0 && i < count && ids.uuid(i).equals(id) ? i : -1;
    }

    public Optional<SimVolume> volumeById(String id) {
        int i = volumeIndex(id);
        return i < 0 ? Optional.empty() : Optional.of(volume(i));
    }

    // ------------------------------------------------------------------ items

    private SimProject owner(SplittableRandom r) {
        int tenants = data.tenantProjectCount();
        return tenants > 0 ? data.project(SimulatorData.FIRST_TENANT + r.nextInt(tenants)) : data.adminProject();
    }

    public SimVolume volume(int index) {
        Objects.checkIndex(index, volumeCount);
        SplittableRandom r = new SplittableRandom(volumeIds.itemSeed(index));
        String id = volumeIds.uuid(index);
        long created = NEWEST_EPOCH - index * 90L - r.nextInt(60);
        SimProject project = owner(r);
        long size = SIZES[r.nextInt(SIZES.length)];
        int s = r.nextInt(100);
        String status = s < 45 ? "in-use" : s < 90 ? "available" : s < 94 ? "error" : s < 96 ? "creating"
                : s < 98 ? "extending" : "maintenance";
        String type = VOLUME_TYPES[r.nextInt(VOLUME_TYPES.length)];
        String host = "creating".equals(status) || poolCount == 0 ? null : pools.get(r.nextInt(poolCount)).name();
        String migration = r.nextInt(100) < 3 ? "success" : null;
        SimVolume.Attachment attachment = null;
        if ("in-use".equals(status)) {
            attachment = new SimVolume.Attachment(attachmentIds.uuid(index), serverIds.uuid(r.nextInt(1 << 20)),
                    "compute-" + pad(1 + r.nextInt(8), 2), "/dev/vd" + (char) ('b' + r.nextInt(4)),
                    CINDER_TIME.format(Instant.ofEpochSecond(created + 30 + r.nextInt(3600))));
        }
        String snapshotId = null;
        String sourceVolid = null;
        int origin = r.nextInt(100);
        if (origin < 5 && snapshotCount > 0) {
            snapshotId = snapshotIds.uuid(r.nextInt(snapshotCount));
        } else if (origin < 10 && index + 1 < volumeCount) {
            sourceVolid = volumeIds.uuid(index + 1 + r.nextInt(volumeCount - index - 1));
        }
        Map<String, String> imageMetadata = null;
        boolean bootable = r.nextInt(100) < 30;
        int imageCount = data.imageCount();
        if (bootable) {
            if (imageCount > 0) {
                SimImage image = data.image(r.nextInt(imageCount));
                imageMetadata = imageMetadata(image.id(), image.name(), image.containerFormat(), image.diskFormat(),
                        image.minDisk(), image.minRam(), image.size());
            } else {
                imageMetadata = imageMetadata(new Ids(data.seed(), "volume-image").uuid(index), "image-" + pad(index, 5),
                        "bare", "qcow2", 0, 0, 16L << 20);
            }
        }
        Map<String, String> metadata = r.nextInt(100) < 20 ? Map.of("purpose", "simulated") : Map.of();
        String name = r.nextInt(100) < 10 ? null : "vol-" + pad(index, 5);
        String description = r.nextInt(100) < 50 ? null : "Simulated volume " + index;
        boolean encrypted = r.nextInt(100) < 5;
        boolean multiattach = r.nextInt(100) < 3;
        boolean sharedTargets = r.nextBoolean();
        String updatedAt = "creating".equals(status) ? null
                : CINDER_TIME.format(Instant.ofEpochSecond(created + r.nextInt(30 * 86400)));
        return new SimVolume(index, id, project.id(), userIdOf(project), name, description, status, size, AZ, type,
                volumeTypeId(type), host, migration, attachment, snapshotId, sourceVolid, imageMetadata, metadata,
                bootable, encrypted, multiattach, sharedTargets, CINDER_TIME.format(Instant.ofEpochSecond(created)),
                updatedAt);
    }

    private static Map<String, String> imageMetadata(String imageId, String imageName, String container, String disk,
            int minDisk, int minRam, Long size) {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        m.put("image_id", imageId);
        m.put("image_name", imageName);
        m.put("container_format", container);
        m.put("disk_format", disk);
        m.put("min_disk", Integer.toString(minDisk));
        m.put("min_ram", Integer.toString(minRam));
        if (size != null) {
            m.put("size", Long.toString(size));
        }
        return Collections.unmodifiableMap(m);
    }

    public SimVolumeSnapshot snapshot(int index) {
        Objects.checkIndex(index, snapshotCount);
        SplittableRandom r = new SplittableRandom(snapshotIds.itemSeed(index));
        String id = snapshotIds.uuid(index);
        long created = NEWEST_EPOCH - index * 300L - r.nextInt(120);
        SimProject project;
        String volumeId;
        long size;
        if (volumeCount > 0) {
            SimVolume v = volume(r.nextInt(volumeCount));
            project = data.projectById(v.projectId()).orElseThrow();
            volumeId = v.id();
            size = v.size();
        } else {
            project = owner(r);
            volumeId = volumeIds.uuid(Integer.MAX_VALUE - index);
            size = SIZES[r.nextInt(SIZES.length)];
        }
        int s = r.nextInt(100);
        String status = s < 90 ? "available" : s < 94 ? "creating" : s < 97 ? "error" : "deleting";
        String progress = "available".equals(status) ? "100%" : "creating".equals(status) ? r.nextInt(100) + "%"
                : "0%";
        String name = r.nextInt(100) < 10 ? null : "snap-" + pad(index, 5);
        String description = r.nextInt(100) < 40 ? null : "Daily snapshot " + index;
        Map<String, String> metadata = r.nextInt(100) < 25 ? Map.of("schedule", "daily") : Map.of();
        String updatedAt = "creating".equals(status) ? null
                : CINDER_TIME.format(Instant.ofEpochSecond(created + 5 + r.nextInt(600)));
        return new SimVolumeSnapshot(index, id, project.id(), userIdOf(project), volumeId, name, description, status,
                size, progress, metadata, CINDER_TIME.format(Instant.ofEpochSecond(created)), updatedAt);
    }

    public SimVolumeBackup backup(int index) {
        Objects.checkIndex(index, backupCount);
        SplittableRandom r = new SplittableRandom(backupIds.itemSeed(index));
        String id = backupIds.uuid(index);
        long created = NEWEST_EPOCH - index * 600L - r.nextInt(300);
        SimProject project;
        String volumeId;
        long size;
        if (volumeCount > 0) {
            SimVolume v = volume(r.nextInt(volumeCount));
            project = data.projectById(v.projectId()).orElseThrow();
            volumeId = v.id();
            size = v.size();
        } else {
            project = owner(r);
            volumeId = volumeIds.uuid(Integer.MAX_VALUE - index);
            size = SIZES[r.nextInt(SIZES.length)];
        }
        int s = r.nextInt(100);
        String status = s < 88 ? "available" : s < 94 ? "creating" : s < 97 ? "error" : "restoring";
        boolean incremental = r.nextInt(100) < 30;
        boolean done = "available".equals(status) || "restoring".equals(status);
        long objects = done ? Math.max(1, size * (incremental ? 2 : 20)) : 0;
        String container = "creating".equals(status) || "error".equals(status) ? null : "volumebackups";
        String failReason = "error".equals(status) ? "Simulated failure of the backup driver" : null;
        String name = r.nextInt(100) < 10 ? null : "backup-" + pad(index, 5);
        String description = r.nextInt(100) < 50 ? null : "Nightly backup " + index;
        String az = r.nextInt(100) < 70 ? AZ : null;
        String updatedAt = CINDER_TIME.format(Instant.ofEpochSecond(created + 1 + r.nextInt(3600)));
        return new SimVolumeBackup(index, id, project.id(), userIdOf(project), volumeId, name, description, status,
                size, incremental, objects, container, az, failReason,
                CINDER_TIME.format(Instant.ofEpochSecond(created)), updatedAt);
    }

    private SimVolumePool makePool(int index) {
        SplittableRandom r = new SplittableRandom(new Ids(data.seed(), "volume-pool").itemSeed(index));
        String host = "storage-" + pad(index + 1, 2);
        String timestamp = CINDER_TIME.format(Instant.ofEpochSecond(NEWEST_EPOCH + r.nextInt(60)));
        boolean unknown = index % 7 == 5;
        switch (index % 3) {
            case 0: {
                // LVM thin: floats from the volume group, over-subscription 20
                double total = (100 + r.nextInt(9900)) + r.nextInt(100) / 100.0;
                double free = Math.round(total * r.nextDouble() * 100) / 100.0;
                double provisioned = Math.round((total - free) * (1 + r.nextInt(30) / 10.0) * 100) / 100.0;
                long allocated = Math.round(provisioned);
                return new SimVolumePool(index, host + "@lvmdriver-1#lvmdriver-1", "lvmdriver-1", "lvmdriver-1",
                        "iSCSI", unknown ? "unknown" : total, unknown ? "unknown" : free, allocated, provisioned,
                        r.nextInt(3) * 5, true, "20.0", allocated / 10, timestamp);
            }
            case 1: {
                // Ceph RBD: whole GiB, thin, a modest ratio
                long total = 1000L * (1 + r.nextInt(100));
                long free = (long) (total * (0.2 + 0.8 * r.nextDouble()));
                long provisioned = (total - free) + r.nextInt(500);
                return new SimVolumePool(index, host + "@ceph#ceph", "ceph", "ceph", "ceph",
                        unknown ? "unknown" : total, unknown ? "unknown" : free, total - free, provisioned, 0, true,
                        "1.5", provisioned / 20, timestamp);
            }
            default: {
                // NFS: thick, nothing provisioned reported
                long total = 500L * (1 + r.nextInt(40));
                double free = Math.round(total * r.nextDouble() * 100) / 100.0;
                return new SimVolumePool(index, host + "@nfs#" + host + ":/srv/cinder", host + ":/srv/cinder",
                        "nfs", "nfs", unknown ? "unknown" : total, unknown ? "unknown" : free, 0L, 0L, 10, false,
                        "1.0", 0, timestamp);
            }
        }
    }

    private SimVolumeService makeService(int index, int count) {
        SplittableRandom r = new SplittableRandom(new Ids(data.seed(), "volume-service").itemSeed(index));
        String binary;
        String host;
        if (index == 0) {
            binary = "cinder-scheduler";
            host = "controller";
        } else if (index == 1) {
            binary = "cinder-backup";
            host = "controller";
        } else {
            binary = "cinder-volume";
            host = pools.get(index - 2).backendHost();
        }
        boolean down = index >= count - servicesDown;
        boolean disabled = index % 5 == 4;
        long seen = NEWEST_EPOCH - (down ? 3600 + r.nextInt(86400) : r.nextInt(30));
        return new SimVolumeService(index, binary, host, AZ, disabled ? "disabled" : "enabled", down ? "down" : "up",
                disabled ? "Simulated maintenance" : null, CINDER_TIME.format(Instant.ofEpochSecond(seen)));
    }

    static String pad(int n, int width) {
        String s = Integer.toString(n);
        StringBuilder b = new StringBuilder();
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s).toString();
    }

    /** Exposes the user id scheme to Manila's data, which shares it. */
    public static String userIdOf(long seed, SimProject project) {
        return new Ids(seed, "tenant-user").hex32(project.index());
    }
}
