package org.ceilometer.osgi.simulator.manila;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.ceilometer.osgi.simulator.Ids;
import org.ceilometer.osgi.simulator.SimProject;
import org.ceilometer.osgi.simulator.SimulatorData;
import org.ceilometer.osgi.simulator.cinder.CinderData;

/**
 * The seeded Manila shares of the tenant projects (of {@code admin} when there are none), computed from
 * the seed and their index, newest first as Manila lists them. Most are {@code available}; a few are in
 * other states Ceilometer knows, and every share of index 13 modulo 50 is {@code deferred_deleting},
 * a state Ceilometer's status map lacks. User ids are those of {@link CinderData#userIdOf(long, SimProject)}.
 */
public final class ManilaData {
    private static final long NEWEST_EPOCH = Instant.parse("2025-06-01T00:00:00Z").getEpochSecond();
    private static final DateTimeFormatter MANILA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final String[] TYPES = {"default", "cephfsnative", "dhss_true"};
    private static final String[] PROTOCOLS = {"NFS", "NFS", "NFS", "CIFS", "CEPHFS", "NFS", "GLUSTERFS", "CIFS"};
    private static final long[] SIZES = {1, 1, 2, 5, 10, 20, 50, 100, 250, 500, 1000};

    private final SimulatorData data;
    private final int shareCount;
    private final Ids shareIds;
    private final Ids typeIds;
    private final Ids networkIds;
    private final Ids serverIds;
    private final Ids snapshotIds;

    public ManilaData(SimulatorData data, int shares) {
        if (shares < 0) {
            throw new IllegalArgumentException("share count must not be negative: " + shares);
        }
        this.data = data;
        this.shareCount = shares;
        long seed = data.seed();
        this.shareIds = new Ids(seed, "share");
        this.typeIds = new Ids(seed, "share-type");
        this.networkIds = new Ids(seed, "share-network");
        this.serverIds = new Ids(seed, "share-server");
        this.snapshotIds = new Ids(seed, "share-snapshot");
    }

    public int shareCount() {
        return shareCount;
    }

    /** Every share, in Manila's default order (newest first). Computed on access. */
    public List<SimShare> shares() {
        return new AbstractList<>() {
            @Override
            public SimShare get(int index) {
                return share(index);
            }

            @Override
            public int size() {
                return shareCount;
            }
        };
    }

    /** The index of a share id, or -1. */
    public int shareIndex(String id) {
        int i = shareIds.index(id);
        return i >= 0 && i < shareCount && shareIds.uuid(i).equals(id) ? i : -1;
    }

    /** The share type names, with {@link #shareTypeId(String)} for their ids. */
    public List<String> shareTypes() {
        return List.of(TYPES);
    }

    public String shareTypeId(String name) {
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i].equals(name)) {
                return typeIds.uuid(i);
            }
        }
        throw new IllegalArgumentException("no share type " + name);
    }

    public SimShare share(int index) {
        Objects.checkIndex(index, shareCount);
        SplittableRandom r = new SplittableRandom(shareIds.itemSeed(index));
        String id = shareIds.uuid(index);
        long created = NEWEST_EPOCH - index * 120L - r.nextInt(60);
        int tenants = data.tenantProjectCount();
        SimProject project = tenants > 0
                ? data.project(SimulatorData.FIRST_TENANT + r.nextInt(tenants))
                : data.adminProject();
        int s = r.nextInt(100);
        String status;
        if (index % 50 == 13) {
            status = "deferred_deleting";
        } else {
            status = s < 80 ? "available" : s < 84 ? "creating" : s < 88 ? "error" : s < 91 ? "extending"
                    : s < 93 ? "shrinking" : s < 95 ? "deleting" : s < 97 ? "creating_from_snapshot"
                    : s < 99 ? "migrating" : "manage_error";
        }
        long size = SIZES[r.nextInt(SIZES.length)];
        String proto = PROTOCOLS[r.nextInt(PROTOCOLS.length)];
        int t = r.nextInt(TYPES.length);
        boolean dhss = t == 2;
        String network = dhss ? networkIds.uuid(r.nextInt(16)) : null;
        String server = dhss ? serverIds.uuid(r.nextInt(16)) : null;
        String backend = "CEPHFS".equals(proto) ? "cephfsnative1#cephfs" : dhss ? "generic1#generic1" : "lvm#lvm-single-pool";
        String host = "manila-share-" + (1 + r.nextInt(3)) + "@" + backend;
        boolean isPublic = r.nextInt(100) < 5;
        String snapshot = "creating_from_snapshot".equals(status) || r.nextInt(100) < 5
                ? snapshotIds.uuid(r.nextInt(1 << 16)) : null;
        Map<String, String> metadata = r.nextInt(100) < 20 ? Map.of("__mount_options", "ro") : Map.of();
        String name = r.nextInt(100) < 10 ? null : "share-" + pad5(index);
        String description = r.nextInt(100) < 50 ? null : "Simulated share " + index;
        String export = "creating".equals(status) || "error".equals(status) ? null
                : "10.0.0." + (1 + r.nextInt(250)) + ":/shares/share-" + id;
        return new SimShare(index, id, project.id(), CinderData.userIdOf(data.seed(), project), name, description,
                status, size, "nova", proto, typeIds.uuid(t), TYPES[t], network, server, host, isPublic, snapshot,
                metadata, export, MANILA_TIME.format(Instant.ofEpochSecond(created)));
    }

    private static String pad5(int n) {
        String s = Integer.toString(n);
        return s.length() >= 5 ? s : "00000".substring(s.length()) + s;
    }
}
