package org.ceilometer.osgi.coordination.zookeeper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A consistent hash ring over the members of a group.
 *
 * <p>Each member owns {@link #POINTS_PER_MEMBER} points: the first 8 bytes (big-endian) of the MD5 of
 * {@code "<member>-<i>"}. A key belongs to the member of the first point at or after the MD5 of the key
 * (same 8 bytes; positions compare as signed 64-bit integers), wrapping round at the end. The ring depends only on the set of members, never on their order, so
 * every agent that sees the same members computes the same assignment; a member that joins or leaves
 * moves only the keys it takes or gives up. The points per member are part of the protocol: agents
 * that share a group must agree on them.
 *
 * <p>Immutable and thread-safe.
 */
final class HashRing {
    /** Enough points for every member to get within a few percent of an even share up to 50 members. */
    static final int POINTS_PER_MEMBER = 4096;

    private final List<String> members;
    private final long[] points;
    private final int[] owners;

    HashRing(Collection<String> members) {
        this(members, POINTS_PER_MEMBER);
    }

    HashRing(Collection<String> memberIds, int pointsPerMember) {
        if (pointsPerMember < 1) {
            throw new IllegalArgumentException("pointsPerMember must be positive: " + pointsPerMember);
        }
        this.members = List.copyOf(new TreeSet<>(memberIds));
        int n = members.size() * pointsPerMember;
        long[][] pairs = new long[n][];
        MessageDigest md5 = md5();
        int k = 0;
        for (int m = 0; m < members.size(); m++) {
            String prefix = members.get(m) + "-";
            for (int i = 0; i < pointsPerMember; i++) {
                pairs[k++] = new long[] {hash(md5, prefix + i), m};
            }
        }
        // Ties (practically impossible with 64 bits) go to the member that sorts first: still deterministic.
        Arrays.sort(pairs, Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        this.points = new long[n];
        this.owners = new int[n];
        for (int i = 0; i < n; i++) {
            points[i] = pairs[i][0];
            owners[i] = (int) pairs[i][1];
        }
    }

    /** The members, sorted. */
    List<String> members() {
        return members;
    }

    boolean contains(String member) {
        return members.contains(member);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    /** The member that owns {@code key}; {@code null} when the ring is empty. */
    String owner(String key) {
        return ownerOfHash(hash(md5(), key));
    }

    /** Like {@link #owner(String)}, reusing a digest from {@link #md5()} (not thread-safe itself). */
    String owner(MessageDigest md5, String key) {
        return ownerOfHash(hash(md5, key));
    }

    /** The member that owns a position on the ring, as computed by {@link #hash}. */
    String ownerOfHash(long position) {
        if (points.length == 0) {
            return null;
        }
        int i = Arrays.binarySearch(points, position);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i > 0 && points[i - 1] == position) {
                i--;
            }
        }
        if (i == points.length) {
            i = 0;
        }
        return members.get(owners[i]);
    }

    /** A position on the ring: the first 8 bytes of the MD5 of the UTF-8 text, big-endian. */
    static long hash(MessageDigest md5, String text) {
        Objects.requireNonNull(text, "key");
        byte[] d = md5.digest(text.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v;
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashRing && ((HashRing) o).members.equals(members)
                && Arrays.equals(((HashRing) o).points, points);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return "HashRing" + members;
    }
}
