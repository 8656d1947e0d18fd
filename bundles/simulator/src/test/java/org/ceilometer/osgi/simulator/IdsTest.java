package org.ceilometer.osgi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdsTest {
    private static final Pattern UUID4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");

    @Test
    void idsAreWellFormedDistinctAndGiveTheirIndexBack() {
        Ids ids = new Ids(42, "image");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String uuid = ids.uuid(i);
            assertTrue(UUID4.matcher(uuid).matches(), uuid);
            assertTrue(seen.add(uuid), "duplicate " + uuid);
            assertEquals(i, ids.index(uuid));
            String hex = ids.hex32(i);
            assertTrue(HEX32.matcher(hex).matches(), hex);
            assertEquals(i, ids.index(hex));
            assertEquals(uuid.replace("-", ""), hex);
        }
    }

    @Test
    void seedAndKindChangeTheIds() {
        assertNotEquals(new Ids(42, "image").uuid(0), new Ids(43, "image").uuid(0));
        assertNotEquals(new Ids(42, "image").uuid(0), new Ids(42, "project").uuid(0));
        assertEquals(new Ids(42, "image").uuid(7), new Ids(42, "image").uuid(7));
    }

    @Test
    void garbageGivesNoIndex() {
        Ids ids = new Ids(1, "image");
        assertEquals(-1, ids.index(null));
        assertEquals(-1, ids.index("short"));
        assertEquals(-1, ids.index("zzzzzzzzzzzz"));
    }
}
