package org.ceilometer.osgi.pollster.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.simulator.DesignateData;
import org.ceilometer.osgi.simulator.Simulator;
import org.ceilometer.osgi.testsupport.DelegatingClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.ceilometer.osgi.testsupport.SimulatorClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Designate discovery and pollsters against the simulator, through the real Keystone session. */
class DnsPollstersSimulatorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final int PARALLELISM = 4;
    private Simulator sim;
    private OpenStackClient client;
    private ExecutorService pool;

    @BeforeEach
    void pool() {
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        SimulatorClients.close(client, sim);
    }

    private void start(Simulator.Builder b) throws Exception {
        sim = b.start();
        client = SimulatorClients.client(sim, "public");
    }

    /** A cycle whose fan-out pool has more threads than the parallelism it announces. */
    private FakePollContext cycle(OpenStackClient c) {
        return new FakePollContext(c, NOW, pool, PARALLELISM);
    }

    private static long status(String s) {
        return switch (s) {
            case "ACTIVE" -> 1;
            case "PENDING" -> 2;
            case "ERROR" -> 3;
            case "DELETED" -> 4;
            default -> -1;
        };
    }

    private static Map<String, Object> metadata(DesignateData.Zone z) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", z.name());
        m.put("email", z.email());
        m.put("ttl", (long) z.ttl());
        m.put("description", z.description());
        m.put("type", z.type());
        m.put("status", z.status());
        m.put("action", z.action());
        m.put("serial", z.serial());
        m.put("pool_id", z.poolId());
        return m;
    }

    @Test
    void everyZoneGivesItsFourSamplesWithTheSimulatorsValues() throws Exception {
        start(Simulator.builder().seed(31).projects(8).dnsZones(60));
        sim.faults().latency("/dns/v2/zones/", Duration.ofMillis(15));
        DelegatingClient counting = new DelegatingClient(client);
        FakePollContext cycle = cycle(counting);
        DnsPollsterConfig config = DnsPollstersTest.config(20, true);
        List<Sample> status = DnsPollstersTest.poll(new ZoneStatusPollster(), cycle, config);
        List<Sample> ttl = DnsPollstersTest.poll(new ZoneTtlPollster(), cycle, config);
        List<Sample> serial = DnsPollstersTest.poll(new ZoneSerialPollster(), cycle, config);
        List<Sample> recordsets = DnsPollstersTest.poll(new ZoneRecordsetCountPollster(config), cycle, config);
        assertEquals(4, sim.recentRequests().stream().filter(r -> r.startsWith("GET /dns/v2/zones?")).count(),
                "60 by 20: three full pages and the empty one, once for the four meters");

        int recordsetPages = 0;
        for (int i = 0; i < 60; i++) {
            DesignateData.Zone z = sim.designate().zone(i);
            recordsetPages += z.recordsetCount() / 20 + 1;
            Sample r = recordsets.get(i);
            for (Sample s : List.of(status.get(i), ttl.get(i), serial.get(i), r)) {
                assertEquals(MeterType.GAUGE, s.type());
                assertEquals(z.id(), s.resourceId());
                assertEquals(z.projectId(), s.projectId());
                assertNull(s.userId());
                assertEquals(NOW, s.timestamp());
                assertEquals(metadata(z), s.resourceMetadata());
            }
            assertEquals(status(z.status()), status.get(i).volume());
            assertEquals((long) z.ttl(), ttl.get(i).volume());
            assertEquals("second", ttl.get(i).unit());
            assertEquals(z.serial(), serial.get(i).volume());
            assertEquals("dns.zone.recordsets", r.name());
            assertEquals("recordset", r.unit());
            assertEquals((long) z.recordsetCount(), r.volume(), "zone " + i);
        }
        assertEquals(3L, status.get(13).volume(), "the simulator's zone in ERROR");
        assertTrue(recordsets.get(3).volume().longValue() > 20, "a zone whose recordsets take two pages");
        assertEquals(recordsetPages, sim.requestCount("/dns/v2/zones/"), "every page of every zone's recordsets");
        int max = counting.maxListingsInFlight();
        assertTrue(max <= PARALLELISM, "at most the parallelism in flight: " + max);
        assertTrue(max >= 2, "zones are counted in parallel: " + max);
    }

    @Test
    void oneZoneFailingDoesNotLoseTheOthersSamples() throws Exception {
        start(Simulator.builder().projects(3).dnsZones(12));
        DesignateData.Zone broken = sim.designate().zone(5);
        sim.faults().failNext("/dns/v2/zones/" + broken.id() + "/recordsets", 1);
        FakePollContext cycle = cycle(client);
        List<Resource> zones = new ZoneDiscovery(DnsPollstersTest.config(1000, true)).discover(cycle, null);
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        OpenStackException e = assertThrows(OpenStackException.class, () -> new ZoneRecordsetCountPollster(
                DnsPollstersTest.config(1000, true)).getSamples(cycle, zones, samples::add));
        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("1 of 12 zones"), e.getMessage());
        List<String> expected = new ArrayList<>(sim.designate().zones().stream().map(DesignateData.Zone::id).toList());
        expected.remove(broken.id());
        assertEquals(expected, samples.stream().map(Sample::resourceId).toList());
    }

    @Test
    void withoutTheHeaderTheAdminSeesOnlyItsOwnProjectsZones() throws Exception {
        start(Simulator.builder().projects(3).dnsZones(10));
        List<Resource> own = new ZoneDiscovery(DnsPollstersTest.config(1000, false)).discover(cycle(client), null);
        assertTrue(own.isEmpty(), "the simulator's zones belong to tenant projects");
        assertEquals(10, new ZoneDiscovery(DnsPollstersTest.config(1000, true)).discover(cycle(client), null).size());
    }

    @Test
    void aCloudWithoutDesignateHasNoDnsEndpoint() throws Exception {
        start(Simulator.builder().omitServices("dns"));
        EndpointNotFoundException e = assertThrows(EndpointNotFoundException.class,
                () -> new ZoneDiscovery(DnsPollstersTest.config(1000, true)).discover(cycle(client), null));
        assertEquals("dns", e.serviceType());
        assertEquals(0, sim.requestCount("/dns"));
    }

    @Test
    void aTokenThatExpiresBetweenDiscoveryAndTheFanOutIsRenewedOnce() throws Exception {
        start(Simulator.builder().projects(4).dnsZones(30));
        FakePollContext cycle = cycle(client);
        List<Resource> zones = new ZoneDiscovery(DnsPollstersTest.config(1000, true)).discover(cycle, null);
        sim.faults().expireTokens();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        new ZoneRecordsetCountPollster(DnsPollstersTest.config(1000, true)).getSamples(cycle, zones, samples::add);
        assertEquals(30, samples.size());
        assertEquals(2, sim.requestCount("/identity/v3/auth/tokens"), "one renewal shared by the parallel requests");
    }

    @Test
    void aTokenThatExpiresMidZoneListingIsRenewed() throws Exception {
        start(Simulator.builder().projects(4).dnsZones(45));
        OpenStackClient expiring = new DelegatingClient(client).afterItems(20, () -> sim.faults().expireTokens());
        List<Sample> status = DnsPollstersTest.poll(new ZoneStatusPollster(), cycle(expiring),
                DnsPollstersTest.config(20, true));
        assertEquals(sim.designate().zones().stream().map(DesignateData.Zone::id).toList(),
                status.stream().map(Sample::resourceId).toList());
        assertEquals(2, sim.requestCount("/identity/v3/auth/tokens"));
    }

    @Test
    void tenThousandZonesAndTheirRecordsetsInOneCycle() throws Exception {
        start(Simulator.builder().projects(50).dnsZones(10_000));
        FakePollContext cycle = cycle(client);
        DnsPollsterConfig config = DnsPollstersTest.config(1000, true);
        List<Sample> status = DnsPollstersTest.poll(new ZoneStatusPollster(), cycle, config);
        List<Sample> counts = DnsPollstersTest.poll(new ZoneRecordsetCountPollster(config), cycle, config);
        assertEquals(10_000, status.size());
        assertEquals(10_000, counts.size());
        assertEquals((long) sim.designate().zone(9_999).recordsetCount(), counts.get(9_999).volume());
    }
}
