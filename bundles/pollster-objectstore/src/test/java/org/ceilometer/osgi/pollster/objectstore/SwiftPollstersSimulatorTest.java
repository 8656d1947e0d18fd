package org.ceilometer.osgi.pollster.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.openstack.TenantDiscovery;
import org.ceilometer.osgi.simulator.SimProject;
import org.ceilometer.osgi.simulator.Simulator;
import org.ceilometer.osgi.simulator.swift.SimAccount;
import org.ceilometer.osgi.simulator.swift.SimContainer;
import org.ceilometer.osgi.simulator.swift.SwiftAccounts;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.ceilometer.osgi.testsupport.SimulatorClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Swift pollsters against the OpenStack simulator, through the real Keystone session of the
 * openstack bundle and its {@code tenant} discovery, with the requests on a real pool.
 */
class SwiftPollstersSimulatorTest {
    private static final Instant NOW = SwiftPollstersTest.NOW;
    private Simulator sim;
    private OpenStackClient client;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        SimulatorClients.close(client, sim);
    }

    private void start(Simulator.Builder b) throws Exception {
        sim = b.start();
        client = SimulatorClients.client(sim, "public", sim.regionName());
    }

    private FakePollContext cycle(Instant at) {
        return new FakePollContext(client, at, pool, 4);
    }

    private List<Resource> tenants(FakePollContext ctx) throws Exception {
        return new TenantDiscovery(Map.of()).discover(ctx, null);
    }

    private static List<Sample> poll(AbstractSwiftPollster p, FakePollContext ctx, List<Resource> resources)
            throws Exception {
        return ctx.samples(p, resources);
    }

    private long count(String method, String pathPrefix) {
        return sim.recentRequests().stream().filter(r -> r.startsWith(method + " " + pathPrefix)).count();
    }

    @Test
    void everyMeterOfEveryProjectMatchesTheSimulatorsAccounts() throws Exception {
        start(Simulator.builder().seed(21).projects(6).swiftContainers(20));
        FakePollContext ctx = cycle(NOW);
        List<Resource> projects = tenants(ctx);
        assertEquals(8, projects.size(), "admin, service and 6 tenants");
        sim.resetRequestCounts();

        Map<String, List<Sample>> byMeter = new HashMap<>();
        for (AbstractSwiftPollster p : SwiftPollstersTest.all(SwiftPollstersTest.defaults())) {
            List<Sample> samples = poll(p, ctx, projects);
            byMeter.put(samples.isEmpty() ? p.getClass().getSimpleName() : samples.get(0).name(), samples);
        }
        int expectedContainers = 0;
        for (SimProject project : sim.data().projects()) {
            SimAccount a = sim.swift().account(project);
            String id = project.id();
            assertAccountSample(byMeter.get("storage.objects"), id, "object", a.objectCount());
            assertAccountSample(byMeter.get("storage.objects.size"), id, "B", a.bytesUsed());
            assertAccountSample(byMeter.get("storage.objects.containers"), id, "container", a.containerCount());
            for (SimContainer c : sim.swift().containers(project)) {
                expectedContainers++;
                Sample objects = find(byMeter.get("storage.containers.objects"), id + "/" + c.name());
                Sample size = find(byMeter.get("storage.containers.objects.size"), id + "/" + c.name());
                assertEquals(c.count(), objects.volume());
                assertEquals("object", objects.unit());
                assertEquals(c.bytes(), size.volume());
                assertEquals("B", size.unit());
                for (Sample s : List.of(objects, size)) {
                    assertEquals(MeterType.GAUGE, s.type());
                    assertEquals(id, s.projectId());
                    assertNull(s.userId());
                    assertEquals(NOW, s.timestamp());
                    Map<String, Object> md = new HashMap<>();
                    md.put("storage_policy", c.storagePolicy());
                    assertEquals(md, s.resourceMetadata());
                }
            }
        }
        assertEquals(7 * 20, expectedContainers, "the service project's account is empty");
        assertEquals(expectedContainers, byMeter.get("storage.containers.objects").size());
        assertEquals(expectedContainers, byMeter.get("storage.containers.objects.size").size());
        assertTrue(byMeter.get("storage.containers.objects").stream()
                .anyMatch(s -> s.resourceId().endsWith(" +\u00fc & 100%")), "odd names come through");
        assertTrue(byMeter.get("storage.containers.objects").stream()
                .anyMatch(s -> s.resourceMetadata().get("storage_policy") == null));
        assertEquals(8, count("HEAD", "/object-store/v1/AUTH_"), "one HEAD per project for three meters");
        assertEquals(8, count("GET", "/object-store/v1/AUTH_"), "one GET per project for two meters");
        assertTrue(sim.recentRequests().contains("GET /object-store/v1/"
                + SwiftAccounts.accountName(sim.data().project(2)) + "?format=json&limit=10000"));
    }

    private static void assertAccountSample(List<Sample> samples, String project, String unit, long volume) {
        Sample s = find(samples, project);
        assertEquals(unit, s.unit());
        assertEquals(volume, s.volume());
        assertEquals(project, s.projectId());
        assertEquals(MeterType.GAUGE, s.type());
        assertNull(s.userId());
        assertEquals(Map.of(), s.resourceMetadata());
        assertEquals(NOW, s.timestamp());
    }

    private static Sample find(List<Sample> samples, String resourceId) {
        List<Sample> found = samples.stream().filter(s -> s.resourceId().equals(resourceId)).toList();
        assertEquals(1, found.size(), resourceId);
        return found.get(0);
    }

    @Test
    void containerListingsAreFollowedAcrossPagesWithEncodedMarkers() throws Exception {
        start(Simulator.builder().seed(4).projects(2).swiftContainers(20));
        FakePollContext ctx = cycle(NOW);
        List<Resource> projects = tenants(ctx);
        sim.resetRequestCounts();
        List<Sample> samples = poll(new ContainersObjectsPollster(SwiftPollstersTest.config("AUTH_", 6)), ctx, projects);
        List<String> expected = new ArrayList<>();
        for (SimProject p : sim.data().projects()) {
            sim.swift().containers(p).forEach(c -> expected.add(p.id() + "/" + c.name()));
        }
        assertEquals(expected, samples.stream().map(Sample::resourceId).toList());
        // 20 by 6: four pages for each of the three full accounts, one for the empty one; the third
        // page starts after the 18th container, whose name has spaces, '&', '+', '%' and a 'ü'
        assertEquals(3 * 4 + 1, count("GET", "/object-store/v1/AUTH_"));
        assertTrue(sim.recentRequests().stream().anyMatch(r -> r.contains("&marker=")
                && r.contains("%C3%BC") && r.contains("%26")), "markers are URL-encoded");

        sim.resetRequestCounts();
        List<Sample> exact = poll(new ContainersSizePollster(SwiftPollstersTest.config("AUTH_", 10)), cycle(NOW),
                projects);
        assertEquals(expected.size(), exact.size());
        assertEquals(3 * 3 + 1, count("GET", "/object-store/v1/AUTH_"),
                "20 by 10: a full last page needs one more, empty, page");
    }

    @Test
    void aServerErrorOnOneAccountKeepsTheOthersSamples() throws Exception {
        start(Simulator.builder().seed(5).projects(4).swiftContainers(3));
        FakePollContext ctx = cycle(NOW);
        List<Resource> projects = tenants(ctx);
        SimProject broken = sim.data().tenantProjects().get(1);
        sim.faults().failNext("/object-store/v1/" + SwiftAccounts.accountName(broken), 1, 500);

        List<Sample> samples = new ArrayList<>();
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> new ObjectsPollster(SwiftPollstersTest.defaults()).getSamples(ctx, projects, samples::add));
        assertEquals(500, e.status());
        assertEquals(projects.size() - 1, samples.size());
        assertTrue(samples.stream().noneMatch(s -> broken.id().equals(s.projectId())));

        List<Sample> size = new ArrayList<>();
        assertThrows(OpenStackException.class, () -> new ObjectsSizePollster(SwiftPollstersTest.defaults())
                .getSamples(ctx, projects, size::add));
        assertEquals(projects.size() - 1, size.size(), "same cycle: the same accounts, no new HEAD");
        assertEquals(projects.size(), count("HEAD", "/object-store/v1/"));

        List<Sample> containers = poll(new ContainersObjectsPollster(SwiftPollstersTest.defaults()), ctx, projects);
        assertTrue(containers.stream().anyMatch(s -> broken.id().equals(s.projectId())),
                "the listing of that account worked");
    }

    @Test
    void missingAndForbiddenAccountsAreSkipped() throws Exception {
        start(Simulator.builder().seed(6).projects(2).swiftContainers(2));
        FakePollContext ctx = cycle(NOW);
        List<Resource> projects = new ArrayList<>(tenants(ctx));
        projects.add(0, Resource.of("0123456789abcdef0123456789abcdef"));
        List<Sample> samples = poll(new ObjectsContainersPollster(SwiftPollstersTest.defaults()), ctx, projects);
        assertEquals(projects.size() - 1, samples.size(), "the unknown project's account answered 404");
        List<Sample> listed = poll(new ContainersSizePollster(SwiftPollstersTest.defaults()), ctx, projects);
        assertEquals(3 * 2, listed.size());

        FakePollContext other = cycle(NOW);
        List<Sample> none = poll(new ObjectsPollster(SwiftPollstersTest.config("SERVICE_", 100)), other, projects);
        assertTrue(none.isEmpty(), "every account answered 403: logged, nothing thrown");
        assertEquals(projects.size(), count("HEAD", "/object-store/v1/SERVICE_"));
    }

    @Test
    void withoutSwiftInTheCatalogRegionTheMetersGiveNothing() throws Exception {
        start(Simulator.builder().seed(6).projects(2));
        SimulatorClients.close(client);
        client = SimulatorClients.client(sim, "public", "RegionTwo");
        FakePollContext ctx = cycle(NOW);
        List<Resource> projects = sim.data().projects().stream().map(p -> Resource.of(p.id())).toList();
        for (AbstractSwiftPollster p : SwiftPollstersTest.all(SwiftPollstersTest.defaults())) {
            assertTrue(poll(p, ctx, projects).isEmpty());
        }
        assertEquals(0, sim.requestCount("/object-store"));
    }

    @Test
    void withoutSwiftInTheCatalogTheMetersGiveNothingAndDoNotFail() throws Exception {
        start(Simulator.builder().seed(6).projects(2).omitServices("object-store"));
        FakePollContext ctx = cycle(NOW);
        List<Resource> projects = tenants(ctx);
        assertEquals(4, projects.size());
        for (AbstractSwiftPollster p : SwiftPollstersTest.all(SwiftPollstersTest.defaults())) {
            assertTrue(poll(p, ctx, projects).isEmpty());
        }
        assertEquals(0, sim.requestCount("/object-store"));
        assertEquals(1, ctx.cache().loads().get(
                org.ceilometer.osgi.pollster.objectstore.SwiftAccounts.ENDPOINT_KEY), "looked up (and logged) once");
    }

    @Test
    void anExpiredTokenMidCycleIsRenewedOnceAndNoSampleIsLost() throws Exception {
        start(Simulator.builder().seed(8).projects(10).swiftContainers(5));
        FakePollContext ctx = cycle(NOW);
        List<Resource> projects = tenants(ctx);
        List<Sample> heads = poll(new ObjectsPollster(SwiftPollstersTest.defaults()), ctx, projects);
        assertEquals(12, heads.size());
        long authBefore = count("POST", "/identity/v3/auth/tokens");

        sim.faults().expireTokens();
        List<Sample> containers = poll(new ContainersObjectsPollster(SwiftPollstersTest.defaults()), ctx, projects);
        assertEquals(11 * 5, containers.size());
        assertEquals(authBefore + 1, count("POST", "/identity/v3/auth/tokens"),
                "the requests that met the 401 share one new token");
        assertTrue(sim.recentRequests().size() < 1000, "the request log holds the whole test");
    }
}
