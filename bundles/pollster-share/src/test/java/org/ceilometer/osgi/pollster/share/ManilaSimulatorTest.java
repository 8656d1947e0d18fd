package org.ceilometer.osgi.pollster.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.simulator.Simulator;
import org.ceilometer.osgi.simulator.manila.SimShare;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.ceilometer.osgi.testsupport.SimulatorClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Manila discovery and pollsters against the simulator, through the real Keystone session. */
class ManilaSimulatorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private Simulator sim;
    private OpenStackClient client;

    @AfterEach
    void stop() {
        SimulatorClients.close(client, sim);
    }

    private void start(Simulator.Builder b) throws Exception {
        sim = b.start();
        client = SimulatorClients.client(sim, "public");
    }

    private String shares() {
        return "/sharev2/v2/" + sim.data().adminProject().id() + "/shares";
    }

    private static List<Sample> poll(Pollster p, FakePollContext ctx, List<Resource> resources) throws Exception {
        return ctx.samples(p, resources);
    }

    static Map<String, Object> metadata(SimShare e, String status, String shareType) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("availability_zone", e.availabilityZone());
        m.put("share_type", shareType);
        m.put("share_network_id", e.shareNetworkId());
        m.put("status", status);
        m.put("host", e.host());
        m.put("is_public", e.isPublic());
        m.put("protocol", e.shareProto());
        return m;
    }

    @Test
    void everyShareGivesItsStatusAndSizeAsCeilometerSeesThem() throws Exception {
        start(Simulator.builder().seed(17).projects(8).shares(1500));
        FakePollContext ctx = new FakePollContext(client, NOW);
        List<Resource> resources = new ShareDiscovery(ManilaPollstersTest.defaults()).discover(ctx, null);
        List<Sample> status = poll(new ShareStatusPollster(), ctx, resources);
        List<Sample> size = poll(new ShareSizePollster(), ctx, resources);
        assertEquals(1, sim.requestCount(shares()), "all shares in one streamed response, as Ceilometer asks");
        assertTrue(sim.recentRequests().contains("GET " + shares() + "/detail?all_tenants=True"));
        assertEquals(1500, status.size());
        assertEquals(1500, size.size());
        int unknown = 0;
        for (int i = 0; i < 1500; i++) {
            SimShare e = sim.manila().share(i);
            // Manila 2.0, as Ceilometer gets it: type names, no user, creating_from_snapshot shown as creating
            String shown = "creating_from_snapshot".equals(e.status()) ? "creating" : e.status();
            Sample st = status.get(i);
            assertEquals("manila.share.status", st.name());
            assertEquals(MeterType.GAUGE, st.type());
            assertEquals("status", st.unit());
            assertEquals(ShareStatusPollster.SHARE_STATUS.getOrDefault(shown, -1L), st.volume());
            assertEquals(e.id(), st.resourceId());
            assertEquals(e.projectId(), st.projectId());
            assertNull(st.userId());
            assertEquals(NOW, st.timestamp());
            assertEquals(metadata(e, shown, e.shareTypeName()), st.resourceMetadata());
            Sample sz = size.get(i);
            assertEquals("manila.share.size", sz.name());
            assertEquals("GiB", sz.unit());
            assertEquals(e.size(), sz.volume());
            assertEquals(st.resourceMetadata(), sz.resourceMetadata());
            unknown += st.volume().equals(-1L) ? 1 : 0;
        }
        assertEquals(30, unknown, "deferred_deleting, which Ceilometer's map lacks, every 50 shares");
    }

    @Test
    void aLaterMicroversionBringsUserIdsAndTypeIds() throws Exception {
        start(Simulator.builder().shares(12));
        FakePollContext ctx = new FakePollContext(client, NOW);
        List<Sample> samples = poll(new ShareSizePollster(), ctx,
                new ShareDiscovery(ManilaPollstersTest.config("sharev2", "2.16", 0)).discover(ctx, null));
        for (int i = 0; i < samples.size(); i++) {
            SimShare e = sim.manila().share(i);
            assertEquals(e.userId(), samples.get(i).userId());
            assertEquals(e.shareTypeId(), samples.get(i).resourceMetadata().get("share_type"));
        }
    }

    @Test
    void offsetPagesAreFollowedAcrossPageBoundaries() throws Exception {
        start(Simulator.builder().shares(30));
        FakePollContext ctx = new FakePollContext(client, NOW);
        List<Resource> bySeven = new ShareDiscovery(ManilaPollstersTest.config("sharev2", "2.0", 7))
                .discover(ctx, null);
        assertEquals(sim.manila().shares().stream().map(SimShare::id).toList(),
                bySeven.stream().map(Resource::id).toList());
        assertEquals(5, sim.requestCount(shares()), "30 by 7: offsets 0, 7, 14, 21 and the short page at 28");
        assertTrue(sim.recentRequests().contains("GET " + shares() + "/detail?all_tenants=True&limit=7&offset=28"));

        sim.resetRequestCounts();
        List<Resource> byTen = new ShareDiscovery(ManilaPollstersTest.config("sharev2", "2.0", 10))
                .discover(new FakePollContext(client, NOW), null);
        assertEquals(30, byTen.size());
        assertEquals(4, sim.requestCount(shares()), "an exact multiple ends with an empty page");
    }

    @Test
    void aCloudWithoutManilaGivesEndpointNotFound() throws Exception {
        start(Simulator.builder().omitServices("sharev2"));
        EndpointNotFoundException e = assertThrows(EndpointNotFoundException.class,
                () -> new ShareDiscovery(ManilaPollstersTest.defaults()).discover(new FakePollContext(client, NOW),
                        null));
        assertEquals("sharev2", e.serviceType());
    }

    @Test
    void aFailingPageFailsTheListingWhichTheNextCallerRetries() throws Exception {
        start(Simulator.builder().shares(30));
        FakePollContext ctx = new FakePollContext(client, NOW);
        ShareDiscovery byTen = new ShareDiscovery(ManilaPollstersTest.config("sharev2", "2.0", 10));
        sim.faults().failNext(shares() + "/detail?all_tenants=True&limit=10&offset=10", 1);
        OpenStackException e = assertThrows(OpenStackException.class, () -> byTen.discover(ctx, null));
        assertEquals(500, e.status());
        assertTrue(ctx.cache().values().isEmpty());
        sim.faults().malformedNext(shares() + "/detail", 1);
        assertThrows(OpenStackException.class,
                () -> new ShareDiscovery(ManilaPollstersTest.defaults()).discover(ctx, null));
        assertEquals(30, byTen.discover(ctx, null).size());
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheCycleGoesOn() throws Exception {
        start(Simulator.builder().shares(25));
        client.endpoint("sharev2"); // authenticated before the cycle
        long auths = sim.requestCount("/identity/v3/auth/tokens");
        FakePollContext ctx = new FakePollContext(client, NOW);
        sim.faults().failNext(shares() + "/detail?all_tenants=True&limit=10&offset=10", 1, 401);
        List<Resource> byTen = new ShareDiscovery(ManilaPollstersTest.config("sharev2", "2.0", 10))
                .discover(ctx, null);
        assertEquals(sim.manila().shares().stream().map(SimShare::id).toList(),
                byTen.stream().map(Resource::id).toList());
        assertEquals(auths + 1, sim.requestCount("/identity/v3/auth/tokens"));
        sim.faults().expireTokens();
        assertEquals(25, new ShareDiscovery(ManilaPollstersTest.defaults()).discover(ctx, null).size());
        assertEquals(auths + 2, sim.requestCount("/identity/v3/auth/tokens"));
    }
}
