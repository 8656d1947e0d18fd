package org.ceilometer.osgi.coordination.zookeeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashRingTest {
    private static final int KEYS = 100_000;
    private static long[] keyHashes;

    @BeforeAll
    static void hashKeys() {
        Random random = new Random(42);
        MessageDigest md5 = HashRing.md5();
        keyHashes = new long[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keyHashes[i] = HashRing.hash(md5, new UUID(random.nextLong(), random.nextLong()).toString());
        }
    }

    private static List<String> members(int n, long seed) {
        Random random = new Random(seed);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        return members;
    }

    private static String[] assign(HashRing ring) {
        String[] owners = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            owners[i] = ring.ownerOfHash(keyHashes[i]);
        }
        return owners;
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 7, 10, 16, 25, 37, 50})
    void everyMemberGetsWithinTenPercentOfAnEvenShare(int n) {
        List<String> members = members(n, 1000 + n);
        HashRing ring = new HashRing(members);
        Map<String, Integer> counts = new HashMap<>();
        for (String owner : assign(ring)) {
            counts.merge(owner, 1, Integer::sum);
        }
        double even = (double) KEYS / n;
        assertEquals(n, counts.size(), "every member owns keys");
        double worst = 0;
        for (String m : members) {
            double deviation = Math.abs(counts.get(m) - even) / even;
            worst = Math.max(worst, deviation);
        }
        System.out.printf("ring of %d members: largest deviation from an even share %.1f%%%n", n, worst * 100);
        assertTrue(worst <= 0.10, "largest deviation " + worst + " for " + n + " members");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 10, 49})
    void aJoiningMemberTakesAboutItsShareAndOnlyFromOthers(int n) {
        List<String> before = members(n + 1, 2000 + n);
        String newcomer = before.remove(n);
        String[] owners = assign(new HashRing(before));
        List<String> after = new ArrayList<>(before);
        after.add(newcomer);
        String[] ownersAfter = assign(new HashRing(after));
        int moved = 0;
        for (int i = 0; i < KEYS; i++) {
            if (!owners[i].equals(ownersAfter[i])) {
                moved++;
                assertEquals(newcomer, ownersAfter[i], "a moved key goes to the newcomer only");
            }
        }
        double expected = (double) KEYS / (n + 1);
        System.out.printf("join to %d members: %d of %d keys moved (1/(n+1) = %.0f)%n", n, moved, KEYS, expected);
        assertTrue(Math.abs(moved - expected) <= 0.10 * expected, moved + " moved, expected about " + expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 11, 50})
    void aLeavingMemberGivesUpOnlyItsOwnKeys(int n) {
        List<String> before = members(n, 3000 + n);
        String[] owners = assign(new HashRing(before));
        String leaver = before.get(n / 2);
        List<String> after = new ArrayList<>(before);
        after.remove(leaver);
        String[] ownersAfter = assign(new HashRing(after));
        int moved = 0;
        for (int i = 0; i < KEYS; i++) {
            if (owners[i].equals(leaver)) {
                moved++;
                assertTrue(!ownersAfter[i].equals(leaver), "the leaver owns nothing");
            } else {
                assertEquals(owners[i], ownersAfter[i], "keys of the others stay");
            }
        }
        double expected = (double) KEYS / n;
        System.out.printf("leave from %d members: %d of %d keys moved (1/n = %.0f)%n", n, moved, KEYS, expected);
        assertTrue(Math.abs(moved - expected) <= 0.10 * expected, moved + " moved, expected about " + expected);
    }

    @Test
    void theSameMembersGiveTheSameAssignmentWhateverTheirOrder() {
        List<String> members = members(7, 7);
        List<String> shuffled = new ArrayList<>(members);
        Collections.shuffle(shuffled, new Random(3));
        HashRing a = new HashRing(members);
        HashRing b = new HashRing(shuffled);
        assertEquals(a, b);
        assertEquals(a.members(), b.members());
        int differences = 0;
        for (long h : keyHashes) {
            if (!a.ownerOfHash(h).equals(b.ownerOfHash(h))) {
                differences++;
            }
        }
        assertEquals(0, differences);
    }

    /**
     * Pins the hash scheme: agents of different builds must agree on owners. Changing any of these is a
     * change of protocol: all agents of a group must be upgraded together.
     */
    @Test
    void theAssignmentIsStableAcrossBuilds() {
        HashRing ring = new HashRing(List.of("agent-a", "agent-b", "agent-c"));
        Map<String, String> owners = new HashMap<>();
        for (String key : List.of("image-1", "image-2", "volume-1", "project-42", "http://swift:8080/v1")) {
            owners.put(key, ring.owner(key));
        }
        // Computed independently (Python: hashlib.md5, signed 64-bit positions, bisect_left, wrap to 0).
        assertEquals(Map.of("image-1", "agent-c", "image-2", "agent-b", "volume-1", "agent-c",
                "project-42", "agent-a", "http://swift:8080/v1", "agent-a"), owners);
        // A ring position is the first 8 bytes of the MD5, big-endian (as Python's hashlib shows them).
        assertEquals("df767b7f745ffc63", String.format("%016x", HashRing.hash(HashRing.md5(), "agent-a-0")));
        assertEquals("74513e0cda179230", String.format("%016x", HashRing.hash(HashRing.md5(), "image-1")));
    }

    @Test
    void emptyAndSingleMemberRings() {
        assertNull(new HashRing(List.of()).owner("x"));
        HashRing single = new HashRing(List.of("only"));
        for (int i = 0; i < 100; i++) {
            assertEquals("only", single.owner("key-" + i));
        }
    }
}
