package org.ceilometer.osgi.pollster.loadbalancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.simulator.OctaviaData;
import org.ceilometer.osgi.simulator.Simulator;
import org.ceilometer.osgi.testsupport.DelegatingClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.ceilometer.osgi.testsupport.SimulatorClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Octavia discovery and pollsters against the simulator, through the real Keystone session. */
class LoadBalancerPollstersSimulatorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private Simulator sim;
    private OpenStackClient client;

    @AfterEach
    void stop() {
        SimulatorClients.close(client, sim);
    }

    private void start(Simulator.Builder b, String interfaceName) throws Exception {
        sim = b.start();
        client = SimulatorClients.client(sim, interfaceName);
    }

    /** Octavia's operating statuses as Ceilometer codes them. */
    private static long operating(String s) {
        return switch (s) {
            case "ONLINE" -> 1;
            case "DRAINING" -> 2;
            case "OFFLINE" -> 3;
            case "DEGRADED" -> 4;
            case "ERROR" -> 5;
            case "NO_MONITOR" -> 6;
            default -> -1;
        };
    }

    /** Octavia's provisioning statuses as Ceilometer codes them. */
    private static long provisioning(String s) {
        return switch (s) {
            case "ACTIVE" -> 1;
            case "DELETED" -> 2;
            case "ERROR" -> 3;
            case "PENDING_CREATE" -> 4;
            case "PENDING_UPDATE" -> 5;
            case "PENDING_DELETE" -> 6;
            default -> -1;
        };
    }

    private static Map<String, Object> metadata(OctaviaData.LoadBalancer lb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", lb.name());
        m.put("availability_zone", lb.availabilityZone());
        m.put("vip_address", lb.vipAddress());
        m.put("vip_port_id", lb.vipPortId());
        m.put("provisioning_status", lb.provisioningStatus());
        m.put("operating_status", lb.operatingStatus());
        m.put("provider", lb.provider());
        m.put("flavor_id", lb.flavorId());
        return m;
    }

    @Test
    void everyLoadBalancerGivesBothSamplesWithTheSimulatorsValuesFromOneListing() throws Exception {
        start(Simulator.builder().seed(23).projects(6).loadBalancers(100), "public");
        FakePollContext cycle = new FakePollContext(client, NOW);
        List<Sample> ops = LoadBalancerPollstersTest.poll(new LoadBalancerOperatingPollster(), cycle, 30);
        List<Sample> provs = LoadBalancerPollstersTest.poll(new LoadBalancerProvisioningPollster(), cycle, 30);
        assertEquals(4, sim.requestCount("/load-balancer/v2/lbaas/loadbalancers"),
                "100 by 30: 3 full pages and one of 10, once for both meters");
        assertEquals(100, ops.size());
        assertEquals(100, provs.size());
        for (int i = 0; i < 100; i++) {
            OctaviaData.LoadBalancer lb = sim.octavia().loadBalancer(i);
            for (Sample s : List.of(ops.get(i), provs.get(i))) {
                assertEquals(MeterType.GAUGE, s.type());
                assertEquals("status", s.unit());
                assertEquals(lb.id(), s.resourceId());
                assertEquals(lb.projectId(), s.projectId());
                assertNull(s.userId());
                assertEquals(NOW, s.timestamp());
                assertEquals(metadata(lb), s.resourceMetadata());
            }
            assertEquals("loadbalancer.operating", ops.get(i).name());
            assertEquals(operating(lb.operatingStatus()), ops.get(i).volume());
            assertEquals("loadbalancer.provisioning", provs.get(i).name());
            assertEquals(provisioning(lb.provisioningStatus()), provs.get(i).volume());
        }
        assertEquals(3L, provs.get(9).volume(), "the simulator's load balancer in provisioning ERROR");
        assertEquals(5L, ops.get(17).volume(), "and in operating ERROR");
    }

    @Test
    void tenThousandInFullPagesEndWithTheEmptyPageOctaviaLinksTo() throws Exception {
        start(Simulator.builder().projects(30).loadBalancers(10_000), "admin");
        List<Sample> ops = LoadBalancerPollstersTest.poll(new LoadBalancerOperatingPollster(),
                new FakePollContext(client, NOW), 1000);
        assertEquals(10_000, ops.size());
        assertEquals(sim.octavia().loadBalancer(9_999).id(), ops.get(9_999).resourceId());
        assertEquals(11, sim.requestCount("/load-balancer-admin/v2/lbaas/loadbalancers"));
    }

    @Test
    void aCloudWithoutOctaviaHasNoLoadBalancerEndpoint() throws Exception {
        start(Simulator.builder().omitServices("load-balancer"), "public");
        EndpointNotFoundException e = assertThrows(EndpointNotFoundException.class, () -> new LoadBalancerDiscovery(
                LoadBalancerPollstersTest.config(1000)).discover(new FakePollContext(client, NOW), null));
        assertEquals("load-balancer", e.serviceType());
    }

    @Test
    void aFailedPageFailsTheListingAndTheOtherMeterTriesAgain() throws Exception {
        start(Simulator.builder().loadBalancers(25), "public");
        FakePollContext cycle = new FakePollContext(client, NOW);
        sim.faults().failNext("/load-balancer/v2/lbaas/loadbalancers?limit=10&marker=", 1, 503);
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> LoadBalancerPollstersTest.poll(new LoadBalancerOperatingPollster(), cycle, 10));
        assertEquals(503, e.status());
        assertEquals(25, LoadBalancerPollstersTest.poll(new LoadBalancerProvisioningPollster(), cycle, 10).size());
        sim.faults().malformedNext("/load-balancer/v2/lbaas", 1);
        assertThrows(OpenStackException.class, () -> LoadBalancerPollstersTest.poll(
                new LoadBalancerOperatingPollster(), new FakePollContext(client, NOW), 10), "a cut body fails too");
    }

    @Test
    void aTokenThatExpiresMidListingIsRenewedOnce() throws Exception {
        start(Simulator.builder().loadBalancers(40), "public");
        OpenStackClient expiring = new DelegatingClient(client).afterItems(15, () -> sim.faults().expireTokens());
        List<Sample> ops = LoadBalancerPollstersTest.poll(new LoadBalancerOperatingPollster(),
                new FakePollContext(expiring, NOW), 15);
        assertEquals(sim.octavia().loadBalancers().stream().map(OctaviaData.LoadBalancer::id).toList(),
                ops.stream().map(Sample::resourceId).toList());
        assertEquals(2, sim.requestCount("/identity/v3/auth/tokens"));
        assertTrue(sim.recentRequests().stream().filter(r -> r.startsWith("GET /load-balancer/")).count() == 4,
                "3 pages and the one retried after the 401");
    }
}
