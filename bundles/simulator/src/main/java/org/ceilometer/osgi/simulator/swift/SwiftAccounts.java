package org.ceilometer.osgi.simulator.swift;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ceilometer.osgi.simulator.SimProject;
import org.ceilometer.osgi.simulator.SimulatorData;

/**
 * The simulator's Swift accounts, one per Keystone project ({@code AUTH_<project id>}), computed from
 * the seed like the rest of the simulator's data: nothing is stored.
 *
 * <p>Every project's account holds the configured number of containers, except the {@code service}
 * project's, which is empty (as an account Swift created on first use). Container names sort in index
 * order ({@code archive-000001}, ..., {@code videos-000020}), every seventh carries spaces, {@code &},
 * {@code +}, {@code %} and a non-ASCII letter, so that markers must be encoded; about one in ten
 * containers is empty; every 50th (index 17, 67, ...) has no known storage policy.
 */
public final class SwiftAccounts {
    /** Swift's {@code reseller_prefix} for Keystone accounts. */
    public static final String RESELLER_PREFIX = "AUTH_";
    /** Swift's name of the default storage policy, then the other policies of the simulated cluster. */
    public static final List<String> POLICIES = List.of("Policy-0", "gold", "ec42");
    /** The largest number of containers per account the simulator takes. */
    public static final int MAX_CONTAINERS = 100_000;

    private static final String[] WORDS = {
        "archive", "backups", "documents", "images", "logs", "media", "reports", "videos",
    };
    private static final String ODD_SUFFIX = " +\u00fc & 100%";
    private static final long NEWEST = Instant.parse("2025-06-01T00:00:00Z").getEpochSecond();
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final SimulatorData data;
    private final int containersPerProject;
    private final long key;

    /**
     * @param containersPerProject containers in each account but the {@code service} project's, 0 to
     *     {@value #MAX_CONTAINERS}
     */
    public SwiftAccounts(SimulatorData data, int containersPerProject) {
        if (containersPerProject < 0 || containersPerProject > MAX_CONTAINERS) {
            throw new IllegalArgumentException("containers per project must be 0 to " + MAX_CONTAINERS + ": "
                    + containersPerProject);
        }
        this.data = data;
        this.containersPerProject = containersPerProject;
        this.key = mix64(data.seed() * GOLDEN + "swift".hashCode());
    }

    public int containersPerProject() {
        return containersPerProject;
    }

    /** {@code AUTH_<project id>}. */
    public static String accountName(SimProject project) {
        return RESELLER_PREFIX + project.id();
    }

    /**
     * The project of an account name, if the account exists: the name must carry the reseller prefix
     * and the id of one of the simulator's projects.
     */
    public Optional<SimProject> projectOfAccount(String account) {
        if (account == null || !account.startsWith(RESELLER_PREFIX)) {
            return Optional.empty();
        }
        return data.projectById(account.substring(RESELLER_PREFIX.length()));
    }

    /** How many containers the project's account holds. */
    public int containerCount(SimProject project) {
        return project.index() == SimulatorData.SERVICE_PROJECT ? 0 : containersPerProject;
    }

    /** The account's containers in listing order (by name). Computed on access. */
    public List<SimContainer> containers(SimProject project) {
        int n = containerCount(project);
        return new AbstractList<>() {
            @Override
            public SimContainer get(int index) {
                return container(project, index);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    /** The container at a position of the account's listing. */
    public SimContainer container(SimProject project, int index) {
        int n = containerCount(project);
        java.util.Objects.checkIndex(index, n);
        SplittableRandom r = random(project, index);
        long count;
        long bytes;
        if (r.nextInt(100) < 10) {
            count = 0;
            bytes = 0;
        } else {
            count = (long) Math.exp(r.nextDouble() * Math.log(200_000));
            count = Math.max(1, count);
            double logAvg = Math.log(1024) + r.nextDouble() * (Math.log(64L << 20) - Math.log(1024));
            bytes = count * (long) Math.exp(logAvg);
        }
        int p = r.nextInt(100);
        String policy = index % 50 == 17 ? null : POLICIES.get(p < 70 ? 0 : p < 90 ? 1 : 2);
        long seconds = NEWEST - r.nextInt(365 * 86400);
        int micros = r.nextInt(100_000) * 10;
        String lastModified = ISO.format(Instant.ofEpochSecond(seconds)) + String.format(Locale.ROOT, ".%06d", micros);
        return new SimContainer(index, name(index, n), count, bytes, lastModified, policy);
    }

    /** What a HEAD of the project's account answers. */
    public SimAccount account(SimProject project) {
        long objects = 0;
        long bytes = 0;
        Map<String, long[]> byPolicy = new LinkedHashMap<>();
        for (SimContainer c : containers(project)) {
            objects += c.count();
            bytes += c.bytes();
            if (c.storagePolicy() != null) {
                long[] s = byPolicy.computeIfAbsent(c.storagePolicy(), k -> new long[3]);
                s[0]++;
                s[1] += c.count();
                s[2] += c.bytes();
            }
        }
        List<SimAccount.PolicyStats> policies = new ArrayList<>();
        for (String name : POLICIES) {
            long[] s = byPolicy.get(name);
            if (s != null) {
                policies.add(new SimAccount.PolicyStats(name, s[0], s[1], s[2]));
            }
        }
        SplittableRandom r = random(project, -1);
        long created = NEWEST - 400L * 86400 - r.nextInt(1000 * 86400);
        String timestamp = String.format(Locale.ROOT, "%d.%05d", created, r.nextInt(100_000));
        return new SimAccount(accountName(project), project.id(), containerCount(project), objects, bytes, timestamp,
                List.copyOf(policies));
    }

    /**
     * The first position whose name sorts after {@code marker} (Swift's {@code marker}: exclusive), in
     * Swift's order: the UTF-8 bytes, which is the order of code points.
     */
    public int after(SimProject project, String marker) {
        int n = containerCount(project);
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareUtf8(name(mid, n), marker) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first position whose name sorts at or after {@code prefix}. */
    public int atOrAfter(SimProject project, String prefix) {
        int n = containerCount(project);
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareUtf8(name(mid, n), prefix) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Compares by code points, which is how UTF-8 bytes compare (SQLite's memcmp in Swift). */
    public static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Names grow with the index: the word of a name never comes before the word of an earlier one. */
    private static String name(int index, int n) {
        String word = WORDS[(int) ((long) index * WORDS.length / n)];
        String digits = Integer.toString(index + 1);
        String name = word + "-" + "000000".substring(digits.length()) + digits;
        return index % 7 == 3 ? name + ODD_SUFFIX : name;
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
