package org.ceilometer.osgi.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeterMatcherTest {

    @Test
    void wildcardMatchesEverything() {
        MeterMatcher m = MeterMatcher.of(List.of("*"));
        assertTrue(m.matches("image"));
        assertTrue(m.matches("storage.objects.size"));
    }

    @Test
    void namesAndFnmatchPatterns() {
        MeterMatcher m = MeterMatcher.of(List.of("image", "storage.*", "volume.?ize"));
        assertTrue(m.matches("image"));
        assertFalse(m.matches("image.size"));
        assertTrue(m.matches("storage.objects"));
        assertTrue(m.matches("volume.size"));
        assertFalse(m.matches("ip.floating"));
    }

    @Test
    void onlyExclusionsAllowTheRest() {
        MeterMatcher m = MeterMatcher.of(List.of("!image", "!storage.*"));
        assertFalse(m.matches("image"));
        assertFalse(m.matches("storage.objects"));
        assertTrue(m.matches("image.size"));
    }

    @Test
    void wildcardWithExclusions() {
        MeterMatcher m = MeterMatcher.of(List.of("*", "!image.size"));
        assertTrue(m.matches("image"));
        assertFalse(m.matches("image.size"));
    }

    @Test
    void characterClassesAsPythonFnmatch() {
        MeterMatcher m = MeterMatcher.of(List.of("disk.[rw]*", "cpu[!_]x"));
        assertTrue(m.matches("disk.read.bytes"));
        assertTrue(m.matches("disk.write.bytes"));
        assertFalse(m.matches("disk.iops"));
        assertTrue(m.matches("cpu.x"));
        assertFalse(m.matches("cpu_x"));
    }

    @Test
    void colonSuffixIsNormalized() {
        MeterMatcher m = MeterMatcher.of(List.of("instance:*"));
        assertTrue(m.matches("instance:m1.tiny"));
        assertFalse(m.matches("instance"));
    }

    @Test
    void ceilometersRulesAndWording() {
        assertEquals("No meters specified",
                assertThrows(IllegalArgumentException.class, () -> MeterMatcher.of(List.of())).getMessage());
        assertEquals("Both included and excluded meters specified",
                assertThrows(IllegalArgumentException.class, () -> MeterMatcher.of(List.of("a", "!b"))).getMessage());
        assertEquals("Included meters specified with wildcard",
                assertThrows(IllegalArgumentException.class, () -> MeterMatcher.of(List.of("*", "a"))).getMessage());
    }
}
