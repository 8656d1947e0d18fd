package org.ceilometer.osgi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulatorDataTest {

    @Test
    void sameSeedGivesSameDataAndAnotherSeedOtherData() {
        SimulatorData a = new SimulatorData(42, 10, 500);
        SimulatorData b = new SimulatorData(42, 10, 500);
        SimulatorData c = new SimulatorData(43, 10, 500);
        assertEquals(a.images(), b.images());
        assertEquals(a.projects(), b.projects());
        assertEquals(a.credentials().userId(), b.credentials().userId());
        assertNotEquals(a.image(0), c.image(0));
        assertNotEquals(a.project(2).id(), c.project(2).id());
    }

    @Test
    void imagesAreListedNewestFirstWithGlanceFields() {
        SimulatorData d = new SimulatorData(7, 5, 400);
        Set<String> tenantIds = d.tenantProjects().stream().map(SimProject::id).collect(Collectors.toSet());
        Instant previous = Instant.MAX;
        Set<String> owners = new HashSet<>();
        for (SimImage i : d.images()) {
            Instant created = Instant.parse(i.createdAt());
            assertTrue(created.isBefore(previous), "created_at must strictly decrease at " + i.index());
            assertFalse(Instant.parse(i.updatedAt()).isBefore(created));
            previous = created;
            assertTrue(tenantIds.contains(i.owner()), i.owner());
            owners.add(i.owner());
            assertEquals(i.index(), d.imageIndex(i.id()));
            assertEquals("/v2/images/" + i.id() + "/file", i.file());
            assertNotNull(i.name());
            assertTrue(Set.of("public", "private", "shared", "community").contains(i.visibility()));
            if ("queued".equals(i.status())) {
                assertNull(i.size());
                assertNull(i.virtualSize());
                assertNull(i.checksum());
                assertNull(i.osHashValue());
            } else {
                assertTrue(i.size() >= 1 << 20 && i.size() <= 20L << 30, "size " + i.size());
                assertEquals(32, i.checksum().length());
                assertEquals("sha512", i.osHashAlgo());
                assertEquals(128, i.osHashValue().length());
            }
        }
        assertEquals(5, owners.size(), "400 images spread over the 5 tenant projects");
    }

    @Test
    void everyThirtySeventhImageIsQueuedWithoutSize() {
        SimulatorData d = new SimulatorData(1, 3, 100);
        assertEquals("queued", d.image(5).status());
        assertNull(d.image(5).size());
        assertEquals("queued", d.image(42).status());
        assertEquals(3, d.images().stream().filter(i -> i.size() == null).count());
    }

    @Test
    void withoutTenantProjectsTheAdminOwnsTheImages() {
        SimulatorData d = new SimulatorData(1, 0, 10);
        assertEquals(2, d.projectCount());
        assertTrue(d.images().stream().allMatch(i -> i.owner().equals(d.adminProject().id())));
    }

    @Test
    void projectsAreFoundByIdAndByNameInTheirDomain() {
        SimulatorData d = new SimulatorData(42, 10, 0);
        assertEquals("admin", d.adminProject().name());
        assertEquals(SimulatorData.DEFAULT_DOMAIN_ID, d.adminProject().domainId());
        SimProject fourth = d.project(SimulatorData.FIRST_TENANT + 3);
        assertEquals("project-00004", fourth.name());
        assertEquals(d.domains().get(1).id(), fourth.domainId(), "every fourth tenant is in Simulated");
        assertEquals(fourth, d.projectByName("project-00004", fourth.domainId()).orElseThrow());
        assertTrue(d.projectByName("project-00004", SimulatorData.DEFAULT_DOMAIN_ID).isEmpty());
        assertTrue(d.projectByName("project-00011", SimulatorData.DEFAULT_DOMAIN_ID).isEmpty());
        assertEquals(fourth, d.projectById(fourth.id()).orElseThrow());
        assertTrue(d.projectById("0123456789abcdef0123456789abcdef").isEmpty());
        assertThrows(IndexOutOfBoundsException.class, () -> d.project(12));
    }

    @Test
    void aHundredThousandImagesCostNoHeapAndLittleTime() {
        long t0 = System.nanoTime();
        SimulatorData d = new SimulatorData(42, 100, 100_000);
        long bytes = 0;
        long queued = 0;
        for (SimImage i : d.images()) {
            if (i.size() == null) {
                queued++;
            } else {
                bytes += i.size();
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(bytes > 0);
        assertEquals(2703, queued, "indexes 5, 42, ... below 100,000");
        assertTrue(millis < 10_000, "generating 100,000 images took " + millis + " ms");
        assertEquals(99_999, d.imageIndex(d.image(99_999).id()));
    }
}
