package org.ceilometer.osgi.simulator.rgw;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.ceilometer.osgi.simulator.SimProject;
import org.ceilometer.osgi.simulator.SimulatorData;

/**
 * The simulated Ceph RGW's users, buckets and usage log, computed from the seed: nothing is stored.
 *
 * <p>Every Keystone project but {@code service} has an RGW user, its id the project id, or
 * {@code <project>$<project>} when the gateway runs with implicit tenants (as Keystone-authenticated
 * users are created then). Each user owns the configured number of buckets; every tenth (index 7, 17,
 * ...) is empty (no usage category), every ninth (index 4, 13, ...) holds an unfinished multipart upload
 * ({@code rgw.multimeta} beside {@code rgw.main}). Every fifth project (index 3, 8, ...) has an empty
 * usage log.
 *
 * <p>Two admin keys: {@link #ACCESS_KEY} with the {@code buckets=read} and {@code usage=read} caps, and
 * {@link #BUCKETS_ONLY_ACCESS_KEY} with {@code buckets=read} only.
 */
public final class RgwData {
    /** The access key of the admin user with {@code buckets=read;usage=read}. */
    public static final String ACCESS_KEY = "SIMRGWADMIN7QX2EXAMP";
    /** Its secret key. */
    public static final String SECRET_KEY = "sim/Rgw+Admin+Secret/K7MDENG+bPxRfiCYSIM";
    /** The access key of a user with {@code buckets=read} only. */
    public static final String BUCKETS_ONLY_ACCESS_KEY = "SIMRGWBUCKETSONLY0EX";
    /** Its secret key. */
    public static final String BUCKETS_ONLY_SECRET_KEY = "sim/Rgw+Buckets+Only/0123456789abcdefSIM";
    /** The admin capability a read of {@code /admin/bucket} needs. */
    public static final String CAP_BUCKETS = "buckets";
    /** The admin capability a read of {@code /admin/usage} needs. */
    public static final String CAP_USAGE = "usage";
    /** The largest number of buckets per user the simulator takes. */
    public static final int MAX_BUCKETS = 10_000;
    /** The usage categories of the simulated log, in RGW's (alphabetical) order. */
    public static final List<String> USAGE_CATEGORIES = List.of(
            "create_bucket", "delete_obj", "get_obj", "list_bucket", "list_buckets", "put_obj", "stat_bucket");

    private static final String[] WORDS = {"archive", "backups", "data", "logs", "media", "photos", "reports", "www"};
    private static final long NEWEST = Instant.parse("2025-06-01T00:00:00Z").getEpochSecond();
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** An admin key and the caps of its user. */
    public record AdminKey(String accessKey, String secretKey, Set<String> caps) {
        @Override
        public String toString() {
            return "AdminKey[" + accessKey + ", caps=" + caps + "]";
        }
    }

    private final SimulatorData data;
    private final int bucketsPerUser;
    private final boolean implicitTenants;
    private final long key;
    private final Map<String, AdminKey> keys = Map.of(
            ACCESS_KEY, new AdminKey(ACCESS_KEY, SECRET_KEY, Set.of(CAP_BUCKETS, CAP_USAGE)),
            BUCKETS_ONLY_ACCESS_KEY, new AdminKey(BUCKETS_ONLY_ACCESS_KEY, BUCKETS_ONLY_SECRET_KEY, Set.of(CAP_BUCKETS)));

    /**
     * @param bucketsPerUser buckets of each user, 0 to {@value #MAX_BUCKETS}
     * @param implicitTenants users are {@code <project>$<project>} rather than {@code <project>}
     */
    public RgwData(SimulatorData data, int bucketsPerUser, boolean implicitTenants) {
        if (bucketsPerUser < 0 || bucketsPerUser > MAX_BUCKETS) {
            throw new IllegalArgumentException("RGW buckets per user must be 0 to " + MAX_BUCKETS + ": " + bucketsPerUser);
        }
        this.data = data;
        this.bucketsPerUser = bucketsPerUser;
        this.implicitTenants = implicitTenants;
        this.key = mix64(data.seed() * GOLDEN + "rgw".hashCode());
    }

    public int bucketsPerUser() {
        return bucketsPerUser;
    }

    public boolean implicitTenants() {
        return implicitTenants;
    }

    /** The admin key of an access key, or null. */
    public AdminKey adminKey(String accessKey) {
        return accessKey == null ? null : keys.get(accessKey);
    }

    /** Whether a project has an RGW user: every project but {@code service}. */
    public boolean hasUser(SimProject project) {
        return project.index() != SimulatorData.SERVICE_PROJECT;
    }

    /** The RGW user id of a project's user: {@code <id>}, or {@code <id>$<id>} with implicit tenants. */
    public String uid(SimProject project) {
        return implicitTenants ? project.id() + "$" + project.id() : project.id();
    }

    /** The project whose user has this id, if that user exists. */
    public Optional<SimProject> userProject(String uid) {
        if (uid == null) {
            return Optional.empty();
        }
        String id;
        if (implicitTenants) {
            int dollar = uid.indexOf('$');
            if (dollar < 0 || !uid.substring(0, dollar).equals(uid.substring(dollar + 1))) {
                return Optional.empty();
            }
            id = uid.substring(0, dollar);
        } else {
            if (uid.indexOf('$') >= 0) {
                return Optional.empty();
            }
            id = uid;
        }
        return data.projectById(id).filter(this::hasUser);
    }

    /** The projects that have a user, in project order. */
    public List<SimProject> users() {
        List<SimProject> out = new ArrayList<>();
        for (SimProject p : data.projects()) {
            if (hasUser(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The buckets of a project's user in listing order (none without a user). Computed on access. */
    public List<SimBucket> buckets(SimProject project) {
        int n = hasUser(project) ? bucketsPerUser : 0;
        return new AbstractList<>() {
            @Override
            public SimBucket get(int index) {
                return bucket(project, index);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    /** The bucket at a position of the user's listing. */
    public SimBucket bucket(SimProject project, int index) {
        java.util.Objects.checkIndex(index, hasUser(project) ? bucketsPerUser : 0);
        SplittableRandom r = random(project, index);
        List<SimBucket.Category> usage = new ArrayList<>(2);
        if (index % 10 != 7) {
            long objects = Math.max(1, (long) Math.exp(r.nextDouble() * Math.log(100_000)));
            double logAvg = Math.log(512) + r.nextDouble() * (Math.log(32L << 20) - Math.log(512));
            long size = objects * (long) Math.exp(logAvg) + r.nextInt(1024);
            usage.add(new SimBucket.Category("rgw.main", size, actual(size, objects), objects));
        }
        if (index % 9 == 4) {
            usage.add(new SimBucket.Category("rgw.multimeta", 0, 0, 1 + r.nextInt(3)));
        }
        String word = WORDS[(int) ((long) index * WORDS.length / Math.max(1, bucketsPerUser))];
        String digits = Integer.toString(index + 1);
        String name = word + "-" + project.id().substring(0, 8) + "-" + "00000".substring(Math.min(5, digits.length()))
                + digits;
        long created = NEWEST - r.nextInt(700 * 86400);
        String creation = ISO.format(Instant.ofEpochSecond(created)) + String.format(Locale.ROOT, ".%06dZ",
                r.nextInt(1_000_000));
        String id = "d6a1f0c2-5b3e-4c7a-9e41-" + String.format(Locale.ROOT, "%012x", (long) project.index() << 20 | index)
                + ".4126." + (index + 1);
        return new SimBucket(index, name, id, creation, List.copyOf(usage));
    }

    /** Bytes as stored: every object rounded up to 4 KiB, roughly. */
    private static long actual(long size, long objects) {
        long perObject = size / objects;
        long rounded = (perObject + 4095) / 4096 * 4096;
        return rounded * objects;
    }

    /** The usage log of a project's user summed per category, in RGW's order; empty for some users. */
    public List<SimUsage> usage(SimProject project) {
        if (!hasUser(project) || project.index() % 5 == 3) {
            return List.of();
        }
        SplittableRandom r = random(project, -1);
        List<SimUsage> out = new ArrayList<>(USAGE_CATEGORIES.size());
        for (String c : USAGE_CATEGORIES) {
            long ops = r.nextInt(5000);
            if (ops == 0) {
                continue;
            }
            long ok = ops - r.nextInt((int) Math.min(ops, 50));
            long sent = "get_obj".equals(c) ? ops * (1 + r.nextInt(1 << 20)) : ops * r.nextInt(600);
            long received = "put_obj".equals(c) ? ops * (1 + r.nextInt(1 << 20)) : 0;
            out.add(new SimUsage(c, sent, received, ops, ok));
        }
        return List.copyOf(out);
    }

    /** The {@code total.ops} of a project's user: what {@code radosgw.api.request} reads. */
    public long totalOps(SimProject project) {
        return usage(project).stream().mapToLong(SimUsage::ops).sum();
    }

    private SplittableRandom random(SimProject project, int index) {
        return new SplittableRandom(mix64(key ^ mix64(project.index() * GOLDEN + index)));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
