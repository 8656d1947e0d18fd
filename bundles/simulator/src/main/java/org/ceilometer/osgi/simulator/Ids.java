package org.ceilometer.osgi.simulator;

/**
 * Deterministic ids for the seeded items of one kind: index {@code i} always gives the same id for the
 * same seed, the ids look random, and an id gives its index back without any table (the last 32 bits
 * are a keyed bijection of the index). So 100,000 images need no map for {@code marker} look-ups.
 */
public final class Ids {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int C1 = 0x85ebca6b;
    private static final int C2 = 0xc2b2ae35;
    private static final int C1_INV = inverse(C1);
    private static final int C2_INV = inverse(C2);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final long key;
    private final int key32;

    public Ids(long seed, String kind) {
        this.key = mix64(seed * GOLDEN + kind.hashCode());
        this.key32 = (int) (key >>> 32);
    }

    /** splitmix64's finalizer: a well-mixed 64-bit value of a 64-bit input. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for the random values of item {@code index}, distinct per kind. */
    public long itemSeed(int index) {
        return mix64(key ^ (index * GOLDEN + 0x632BE59BD9B4E019L));
    }

    /** A UUID-shaped id (version 4, variant 1), as Glance, Cinder and Neutron use. */
    public String uuid(int index) {
        long hi = hi(index);
        long lo = lo(index, hi);
        char[] c = new char[36];
        int p = 0;
        for (int i = 15; i >= 0; i--) {
            c[p++] = HEX[(int) (hi >>> (i * 4)) & 0xF];
            if (p == 8 || p == 13) {
                c[p++] = '-';
            }
        }
        c[p++] = '-';
        for (int i = 15; i >= 0; i--) {
            c[p++] = HEX[(int) (lo >>> (i * 4)) & 0xF];
            if (p == 23) {
                c[p++] = '-';
            }
        }
        return new String(c);
    }

    /** A 32-hex-digit id, as Keystone uses. */
    public String hex32(int index) {
        long hi = hi(index);
        long lo = lo(index, hi);
        char[] c = new char[32];
        for (int i = 0; i < 16; i++) {
            c[i] = HEX[(int) (hi >>> ((15 - i) * 4)) & 0xF];
            c[16 + i] = HEX[(int) (lo >>> ((15 - i) * 4)) & 0xF];
        }
        return new String(c);
    }

    /**
     * The index an id of this kind was made from, or -1 when it cannot be one. The caller compares
     * the id made from the returned index with the given one to be sure.
     */
    public int index(String id) {
        if (id == null || id.length() < 8) {
            return -1;
        }
        long v;
        try {
            v = Long.parseLong(id.substring(id.length() - 8), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
        int index = unpermute((int) v);
        return index < 0 ? -1 : index;
    }

    private long hi(int index) {
        long h = itemSeed(index);
        return (h & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    }

    private long lo(int index, long hi) {
        long r = mix64(hi);
        return 0x8000000000000000L | (r & 0x3FFFFFFF00000000L) | (permute(index) & 0xFFFFFFFFL);
    }

    private int permute(int x) {
        int h = x ^ key32;
        h ^= h >>> 16;
        h *= C1;
        h ^= h >>> 13;
        h *= C2;
        h ^= h >>> 16;
        return h;
    }

    private int unpermute(int h) {
        h ^= h >>> 16;
        h *= C2_INV;
        h ^= (h >>> 13) ^ (h >>> 26);
        h *= C1_INV;
        h ^= h >>> 16;
        return h ^ key32;
    }

    /** The multiplicative inverse of an odd number modulo 2^32 (Newton's iteration). */
    private static int inverse(int c) {
        int x = c;
        for (int i = 0; i < 5; i++) {
            x *= 2 - c * x;
        }
        return x;
    }
}
