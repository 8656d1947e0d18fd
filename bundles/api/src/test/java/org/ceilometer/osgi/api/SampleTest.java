package org.ceilometer.osgi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SampleTest {

    private static Sample.Builder base() {
        return Sample.builder().name("m").type(MeterType.GAUGE).unit("u").volume(1).resourceId("r");
    }

    @Test
    void metadataIsAPrivateUnmodifiableCopy() {
        Map<String, Object> md = new HashMap<>(Map.of("a", 1));
        Sample s = base().resourceMetadata(md).build();
        md.put("b", 2);
        assertEquals(Map.of("a", 1), s.resourceMetadata(), "the caller's later edits do not reach the sample");
        assertThrows(UnsupportedOperationException.class, () -> s.resourceMetadata().put("c", 3));
        Sample t = s.withTimestamp(Instant.EPOCH);
        assertEquals(s.resourceMetadata(), t.resourceMetadata());
        assertThrows(UnsupportedOperationException.class, () -> t.resourceMetadata().put("c", 3));
        Sample u = s.toBuilder().resourceMetadata(Map.of("z", 0)).build();
        assertEquals(Map.of("z", 0), u.resourceMetadata());
        assertEquals(Map.of("a", 1), s.resourceMetadata());
    }

    @Test
    void messageIdsAreVersion4UuidsAndUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = base().build().id();
            UUID u = UUID.fromString(id);
            assertEquals(4, u.version());
            assertEquals(2, u.variant());
            assertTrue(ids.add(id));
        }
        assertNotEquals(base().build().id(), base().build().id());
        assertEquals("given", base().id("given").build().id());
    }

    @Test
    void wholeNumbersStayWholeAndBadVolumesAreRefused() {
        assertEquals(42L, base().volume(42).build().volume());
        assertEquals(1.5, base().volume(1.5f).build().volume());
        assertThrows(IllegalArgumentException.class, () -> base().volume(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> base().volume(null).build());
        assertThrows(IllegalArgumentException.class, () -> base().resourceId("").build());
    }
}
