package org.ceilometer.osgi.pollster.rgw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.ceilometer.osgi.simulator.SimulatorData;
import org.ceilometer.osgi.simulator.rgw.RgwData;
import org.ceilometer.osgi.simulator.rgw.SimBucket;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.ceilometer.osgi.testsupport.SimulatorClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The RGW pollsters against the OpenStack simulator: the endpoint from the real Keystone session's
 * catalog, the projects from the real {@code tenant} discovery, every admin request signed with
 * AWS Signature Version 4 and checked by the simulator, on a real pool.
 */
class RgwPollstersSimulatorTest {
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private Simulator sim;
    private OpenStackClient client;
    private RgwAdminComponent admin;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        if (admin != null) {
            admin.deactivate();
        }
        SimulatorClients.close(client, sim);
    }

    private void start(Simulator.Builder b) throws Exception {
        sim = b.start();
        client = SimulatorClients.client(sim, "public", sim.regionName());
    }

    /** The three sections as the conf bundle maps them: radosgw=radosgw and the simulator's admin keys. */
    static Map<String, Object> config(String access, String secret, boolean implicitTenants) {
        Map<String, Object> c = new HashMap<>();
        c.put("radosgw", "radosgw");
        c.put("access_key", access);
        c.put("secret_key", secret);
        c.put("implicit_tenants", Boolean.toString(implicitTenants));
        c.put("swift", "object-store"); // another option of [service_types], ignored
        return c;
    }

    private RgwAdminComponent admin(Map<String, Object> config) {
        if (admin != null) {
            admin.deactivate();
        }
        admin = new RgwAdminComponent(config, Clock.systemUTC());
        return admin;
    }

    private FakePollContext cycle(int parallelism) {
        return new FakePollContext(client, NOW, pool, parallelism);
    }

    private List<Resource> tenants(FakePollContext ctx) throws Exception {
        return new TenantDiscovery(Map.of()).discover(ctx, null);
    }

    static List<AbstractRgwPollster> all(RgwAdmin admin) {
        return List.of(new ObjectsPollster(admin), new ObjectsSizePollster(admin), new ObjectsContainersPollster(admin),
                new ContainersObjectsPollster(admin), new ContainersSizePollster(admin), new UsagePollster(admin));
    }

    static List<Sample> poll(AbstractRgwPollster p, FakePollContext ctx, List<Resource> resources) throws Exception {
        return ctx.samples(p, resources);
    }

    private long count(String pathAndQueryPrefix) {
        return sim.recentRequests().stream().filter(r -> r.startsWith("GET " + pathAndQueryPrefix)).count();
    }

    private static Sample only(List<Sample> samples, String resourceId) {
        List<Sample> found = samples.stream().filter(s -> s.resourceId().equals(resourceId)).toList();
        assertEquals(1, found.size(), resourceId);
        return found.get(0);
    }

    private static void assertGauge(Sample s, String meter, String unit, long volume, String project) {
        assertEquals(meter, s.name());
        assertEquals(MeterType.GAUGE, s.type());
        assertEquals(unit, s.unit());
        assertEquals(volume, s.volume());
        assertEquals(project, s.projectId());
        assertNull(s.userId());
        assertEquals(Map.of(), s.resourceMetadata());
        assertEquals(NOW, s.timestamp());
    }

    @Test
    void everyMeterOfEveryProjectMatchesTheSimulatorsGateway() throws Exception {
        start(Simulator.builder().seed(11).projects(5).rgwBuckets(12));
        RgwAdmin a = admin(config(RgwData.ACCESS_KEY, RgwData.SECRET_KEY, false));
        FakePollContext ctx = cycle(4);
        List<Resource> projects = tenants(ctx);
        assertEquals(7, projects.size(), "admin, service and 5 tenants");
        sim.resetRequestCounts();

        Map<String, List<Sample>> byMeter = new LinkedHashMap<>();
        for (AbstractRgwPollster p : all(a)) {
            List<Sample> samples = poll(p, ctx, projects);
            assertTrue(samples.stream().allMatch(s -> s.name().equals(samples.get(0).name())));
            byMeter.put(samples.get(0).name(), samples);
        }
        assertEquals(List.of("radosgw.objects", "radosgw.objects.size", "radosgw.objects.containers",
                "radosgw.containers.objects", "radosgw.containers.objects.size", "radosgw.api.request"),
                List.copyOf(byMeter.keySet()));

        RgwData rgw = sim.rgw();
        int categories = 0;
        for (SimProject project : sim.data().projects()) {
            String id = project.id();
            assertGauge(only(byMeter.get("radosgw.api.request"), id), "radosgw.api.request", "request",
                    rgw.totalOps(project), id);
            if (!rgw.hasUser(project)) {
                assertTrue(byMeter.get("radosgw.objects").stream().noneMatch(s -> id.equals(s.projectId())),
                        "a project without RGW user (404) gives no bucket sample");
                continue;
            }
            long objects = 0;
            long kb = 0;
            for (SimBucket b : rgw.buckets(project)) {
                List<Sample> bucketObjects = byMeter.get("radosgw.containers.objects").stream()
                        .filter(s -> s.resourceId().equals(id + "/" + b.name())).toList();
                List<Sample> bucketSizes = byMeter.get("radosgw.containers.objects.size").stream()
                        .filter(s -> s.resourceId().equals(id + "/" + b.name())).toList();
                assertEquals(b.usage().size(), bucketObjects.size(), "one sample per usage category, as master");
                assertEquals(b.usage().size(), bucketSizes.size());
                for (int i = 0; i < b.usage().size(); i++) {
                    SimBucket.Category c = b.usage().get(i);
                    assertGauge(bucketObjects.get(i), "radosgw.containers.objects", "object", c.numObjects(), id);
                    assertGauge(bucketSizes.get(i), "radosgw.containers.objects.size", "B", c.sizeKb() * 1024, id);
                    objects += c.numObjects();
                    kb += c.sizeKb();
                    categories++;
                }
            }
            assertGauge(only(byMeter.get("radosgw.objects"), id), "radosgw.objects", "object", objects, id);
            assertGauge(only(byMeter.get("radosgw.objects.size"), id), "radosgw.objects.size", "B", kb * 1024, id);
            assertGauge(only(byMeter.get("radosgw.objects.containers"), id), "radosgw.objects.containers", "object",
                    12, id);
        }
        assertEquals(6, byMeter.get("radosgw.objects").size());
        assertEquals(categories, byMeter.get("radosgw.containers.objects").size());
        assertTrue(sim.data().projects().stream().anyMatch(p -> rgw.hasUser(p) && rgw.totalOps(p) == 0),
                "a user with an empty usage log gives 0");
        assertEquals(7, count("/admin/bucket?uid="), "one bucket request per project for five meters");
        assertEquals(7, count("/admin/usage?uid="), "one usage request per project");
        SimProject first = sim.data().project(SimulatorData.ADMIN_PROJECT);
        assertTrue(sim.recentRequests().contains("GET /admin/bucket?uid=" + first.id() + "&stats=true"));
        assertTrue(sim.recentRequests().contains("GET /admin/usage?uid=" + first.id()));
    }

    @Test
    void aWrongSecretIsRefusedWith403AndStopsTheRound() throws Exception {
        start(Simulator.builder().seed(12).projects(8).rgwBuckets(2));
        RgwAdmin a = admin(config(RgwData.ACCESS_KEY, "not-the-secret-key", false));
        FakePollContext ctx = cycle(2);
        List<Resource> projects = tenants(ctx);
        sim.resetRequestCounts();

        for (AbstractRgwPollster p : all(a)) {
            List<Sample> samples = new ArrayList<>();
            RgwAdminException e = assertThrows(RgwAdminException.class, () -> p.getSamples(ctx, projects, samples::add));
            assertEquals(403, e.status());
            assertEquals("SignatureDoesNotMatch", e.code());
            assertTrue(e.getMessage().contains("[rgw_admin_credentials]"), e.getMessage());
            assertTrue(!e.getMessage().contains("not-the-secret-key"), "the secret is never shown");
            assertTrue(samples.isEmpty());
        }
        assertTrue(count("/admin/bucket") <= 2, "the round stops at the first 403: at most parallelism requests");
        assertTrue(count("/admin/usage") <= 2);
        assertEquals(1, ctx.cache().loads().keySet().stream().filter(k -> k.startsWith(RgwAccounts.BUCKET_KEY)).count());
        assertEquals(1, ctx.cache().loads().get(ctx.cache().loads().keySet().stream()
                .filter(k -> k.startsWith(RgwAccounts.BUCKET_KEY)).findFirst().orElseThrow()),
                "the five bucket meters share one round");

        RgwAdmin unknown = admin(config("UNKNOWNACCESSKEY0000", RgwData.SECRET_KEY, false));
        RgwAdminException e = assertThrows(RgwAdminException.class,
                () -> new ObjectsPollster(unknown).getSamples(cycle(2), projects, s -> { }));
        assertEquals("InvalidAccessKeyId", e.code());
    }

    @Test
    void aKeyWithoutTheUsageCapKeepsTheBucketMeters() throws Exception {
        start(Simulator.builder().seed(13).projects(2).rgwBuckets(3));
        RgwAdmin a = admin(config(RgwData.BUCKETS_ONLY_ACCESS_KEY, RgwData.BUCKETS_ONLY_SECRET_KEY, false));
        FakePollContext ctx = cycle(4);
        List<Resource> projects = tenants(ctx);
        assertEquals(3, poll(new ObjectsContainersPollster(a), ctx, projects).size(), "3 projects with a user");
        RgwAdminException e = assertThrows(RgwAdminException.class,
                () -> new UsagePollster(a).getSamples(ctx, projects, s -> { }));
        assertEquals(403, e.status());
        assertEquals("AccessDenied", e.code());
    }

    @Test
    void implicitTenantsAskForProjectDollarProjectUsers() throws Exception {
        start(Simulator.builder().seed(14).projects(3).rgwBuckets(4).rgwImplicitTenants(true));
        FakePollContext ctx = cycle(4);
        List<Resource> projects = tenants(ctx);
        sim.resetRequestCounts();

        RgwAdmin on = admin(config(RgwData.ACCESS_KEY, RgwData.SECRET_KEY, true));
        List<Sample> objects = poll(new ObjectsPollster(on), ctx, projects);
        assertEquals(4, objects.size(), "every project but service has a user");
        SimProject p = sim.data().tenantProjects().get(0);
        assertTrue(sim.recentRequests().contains("GET /admin/bucket?uid=" + p.id() + "%24" + p.id() + "&stats=true"),
                "the '$' is sent encoded and signed as RGW recodes it");
        assertEquals(p.id(), only(objects, p.id()).projectId(), "the sample is the project's, not the user's");
        List<Sample> usage = poll(new UsagePollster(on), ctx, projects);
        assertEquals(sim.rgw().totalOps(p), only(usage, p.id()).volume());
        assertTrue(sim.recentRequests().contains("GET /admin/usage?uid=" + p.id() + "%24" + p.id()));

        RgwAdmin off = admin(config(RgwData.ACCESS_KEY, RgwData.SECRET_KEY, false));
        FakePollContext other = cycle(4);
        assertTrue(poll(new ObjectsPollster(off), other, projects).isEmpty(),
                "without implicit_tenants every user is unknown (404): skipped, no failure");
        assertTrue(sim.recentRequests().contains("GET /admin/bucket?uid=" + p.id() + "&stats=true"));
    }

    @Test
    void aServerErrorOnOneProjectKeepsTheOthersSamples() throws Exception {
        start(Simulator.builder().seed(15).projects(4).rgwBuckets(3));
        RgwAdmin a = admin(config(RgwData.ACCESS_KEY, RgwData.SECRET_KEY, false));
        FakePollContext ctx = cycle(4);
        List<Resource> projects = tenants(ctx);
        SimProject broken = sim.data().tenantProjects().get(1);
        sim.faults().failNext("/admin/bucket?uid=" + broken.id(), 1, 500);
        sim.faults().malformedNext("/admin/usage?uid=" + broken.id(), 1);
        sim.resetRequestCounts();

        List<Sample> samples = new ArrayList<>();
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> new ObjectsPollster(a).getSamples(ctx, projects, samples::add));
        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("1 of 6"), e.getMessage());
        assertEquals(4, samples.size(), "6 projects, the service project has no user, one failed");
        assertTrue(samples.stream().noneMatch(s -> broken.id().equals(s.projectId())));

        List<Sample> sizes = new ArrayList<>();
        assertThrows(OpenStackException.class,
                () -> new ContainersSizePollster(a).getSamples(ctx, projects, sizes::add));
        assertTrue(sizes.stream().noneMatch(s -> broken.id().equals(s.projectId())));
        assertEquals(6, count("/admin/bucket"), "same cycle: the same answers, no new request");

        List<Sample> usage = new ArrayList<>();
        OpenStackException cut = assertThrows(OpenStackException.class,
                () -> new UsagePollster(a).getSamples(ctx, projects, usage::add));
        assertEquals(5, usage.size(), "a cut body fails that project only");
        assertTrue(cut.getMessage().contains("GET /admin/usage failed for 1 of 6"), cut.getMessage());

        List<Sample> next = poll(new ObjectsPollster(a), cycle(4), projects);
        assertEquals(5, next.size(), "the next cycle reads the project again");
    }

    @Test
    void withoutRgwInTheCatalogOrTheConfigTheMetersGiveNothing() throws Exception {
        start(Simulator.builder().seed(16).projects(2).omitServices("radosgw"));
        FakePollContext ctx = cycle(4);
        List<Resource> projects = tenants(ctx);
        RgwAdmin a = admin(config(RgwData.ACCESS_KEY, RgwData.SECRET_KEY, false));
        for (AbstractRgwPollster p : all(a)) {
            assertTrue(poll(p, ctx, projects).isEmpty());
        }
        assertEquals(1, ctx.cache().loads().get(RgwAccounts.ENDPOINT_KEY + "radosgw|null"), "looked up (and logged) once");
        assertEquals(0, sim.requestCount("/admin"));

        Map<String, Object> noType = config(RgwData.ACCESS_KEY, RgwData.SECRET_KEY, false);
        noType.remove("radosgw");
        RgwAdmin unconfigured = admin(noType);
        FakePollContext next = cycle(4);
        for (AbstractRgwPollster p : all(unconfigured)) {
            assertTrue(poll(p, next, projects).isEmpty(), "Ceilometer has no default for [service_types] radosgw");
        }
        Map<String, Object> noKeys = config(null, null, false);
        RgwAdmin keyless = admin(noKeys);
        SimulatorClients.close(client);
        sim.close();
        start(Simulator.builder().seed(16).projects(2));
        FakePollContext third = cycle(4);
        assertTrue(poll(new ObjectsPollster(keyless), third, tenants(third)).isEmpty(), "no credentials: nothing");
        assertEquals(0, sim.requestCount("/admin"));
        assertEquals(1, third.cache().loads().get(RgwAccounts.CREDENTIALS_KEY), "logged once per cycle");
    }

    @Test
    void anExpiredTokenMidCycleLosesNoSample() throws Exception {
        start(Simulator.builder().seed(17).projects(6).rgwBuckets(2));
        RgwAdmin a = admin(config(RgwData.ACCESS_KEY, RgwData.SECRET_KEY, false));
        FakePollContext ctx = cycle(4);
        List<Resource> projects = tenants(ctx);
        sim.faults().expireTokens();
        List<Sample> samples = poll(new ObjectsPollster(a), ctx, projects);
        assertEquals(7, samples.size(), "the admin API needs no token: every user with one is read");
        List<Sample> usage = poll(new UsagePollster(a), ctx, projects);
        assertEquals(8, usage.size());
        assertInstanceOf(Long.class, usage.get(0).volume());
    }
}
