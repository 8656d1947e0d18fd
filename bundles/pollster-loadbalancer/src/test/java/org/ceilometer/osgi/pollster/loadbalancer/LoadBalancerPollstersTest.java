package org.ceilometer.osgi.pollster.loadbalancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.testsupport.FakeOpenStackClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.junit.jupiter.api.Test;

/** The Octavia discovery and pollsters against a fake client serving the API reference's example. */
class LoadBalancerPollstersTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String OCTAVIA = "http://octavia.example:9876";
    static final String LIST = OCTAVIA + "/v2/lbaas/loadbalancers";

    /** The load balancer of the Load Balancer API reference's "List Load Balancers" example. */
    static final JsonNode LB = json("{'description': 'My favorite load balancer', 'admin_state_up': true,"
            + " 'project_id': 'e3cd678b11784734bc366148aa37580e', 'provisioning_status': 'ACTIVE', 'flavor_id': '',"
            + " 'vip_subnet_id': 'd4af86e1-0051-488c-b7a0-527f97490c9a',"
            + " 'listeners': [{'id': '023f2e34-7806-443b-bfae-16c324569a3d'}], 'vip_address': '203.0.113.50',"
            + " 'vip_network_id': 'd0d217df-3958-4fbf-a3c2-8dad2908c709',"
            + " 'vip_port_id': 'b4ca07d1-a31e-43e2-891a-7d14f419f342', 'additional_vips': [], 'provider': 'octavia',"
            + " 'pools': [{'id': '9aa16cdf-ff8f-4a8c-9ef4-b8b1b3e66cb4'}], 'created_at': '2017-02-28T00:41:44',"
            + " 'updated_at': '2017-02-28T00:43:30', 'id': '607226db-27ef-4d41-ae89-f2a800e9c2db',"
            + " 'operating_status': 'ONLINE', 'name': 'best_load_balancer',"
            + " 'vip_qos_policy_id': 'ec4f78ca-8da8-4e99-8a1a-e3b94595a7a3', 'availability_zone': 'my_az',"
            + " 'tags': ['test_tag']}");

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static LoadBalancerPollsterConfig config(int pageSize) {
        return new LoadBalancerPollsterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return LoadBalancerPollsterConfig.class;
            }

            @Override
            public int octavia__page__size() {
                return pageSize;
            }
        };
    }

    static List<Sample> poll(AbstractLoadBalancerPollster pollster, FakePollContext cycle, int pageSize)
            throws Exception {
        return cycle.samples(pollster, new LoadBalancerDiscovery(config(pageSize)).discover(cycle, null));
    }

    private static JsonNode lb(String id, String operating, String provisioning) {
        ObjectNode n = LB.deepCopy();
        n.put("id", id);
        n.put("operating_status", operating);
        n.put("provisioning_status", provisioning);
        return n;
    }

    @Test
    void bothMetersCarryCeilometersValuesAndMetadata() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("load-balancer", OCTAVIA)
                .serve(LIST, List.of(LB));
        FakePollContext cycle = new FakePollContext(client, NOW);
        Sample operating = poll(new LoadBalancerOperatingPollster(), cycle, 1000).get(0);
        Sample provisioning = poll(new LoadBalancerProvisioningPollster(), cycle, 1000).get(0);
        assertEquals(List.of(LIST + "?limit=1000"), client.paginated(), "one listing for both meters");

        Map<String, Object> md = new LinkedHashMap<>();
        md.put("name", "best_load_balancer");
        md.put("availability_zone", "my_az");
        md.put("vip_address", "203.0.113.50");
        md.put("vip_port_id", "b4ca07d1-a31e-43e2-891a-7d14f419f342");
        md.put("provisioning_status", "ACTIVE");
        md.put("operating_status", "ONLINE");
        md.put("provider", "octavia");
        md.put("flavor_id", "");
        for (Sample s : List.of(operating, provisioning)) {
            assertEquals(MeterType.GAUGE, s.type());
            assertEquals("status", s.unit());
            assertEquals(1L, s.volume());
            assertEquals("607226db-27ef-4d41-ae89-f2a800e9c2db", s.resourceId());
            assertEquals("e3cd678b11784734bc366148aa37580e", s.projectId());
            assertNull(s.userId());
            assertEquals(NOW, s.timestamp());
            assertEquals(md, s.resourceMetadata());
            assertEquals(List.copyOf(md.keySet()), List.copyOf(s.resourceMetadata().keySet()));
        }
        assertEquals("loadbalancer.operating", operating.name());
        assertEquals("loadbalancer.provisioning", provisioning.name());
    }

    @Test
    void statusCodesAreMastersAndUnknownOnesAreMinusOne() throws Exception {
        List<String> operating = List.of("ONLINE", "DRAINING", "OFFLINE", "DEGRADED", "ERROR", "NO_MONITOR", "online",
                "UNKNOWN", "");
        List<String> provisioning = List.of("ACTIVE", "DELETED", "ERROR", "PENDING_CREATE", "PENDING_UPDATE",
                "PENDING_DELETE", "active", "BUILD", "");
        List<JsonNode> lbs = new ArrayList<>();
        for (int i = 0; i < operating.size(); i++) {
            lbs.add(lb("lb-" + i, operating.get(i), provisioning.get(i)));
        }
        ObjectNode bare = (ObjectNode) lb("lb-bare", "x", "x");
        bare.remove(List.of("operating_status", "provisioning_status", "flavor_id"));
        lbs.add(bare);
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("load-balancer", OCTAVIA).serve(LIST, lbs);
        FakePollContext cycle = new FakePollContext(client, NOW);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 1L, -1L, -1L, -1L),
                poll(new LoadBalancerOperatingPollster(), cycle, 1000).stream().map(Sample::volume).toList());
        List<Sample> prov = poll(new LoadBalancerProvisioningPollster(), cycle, 1000);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 1L, -1L, -1L, -1L), prov.stream().map(Sample::volume).toList());
        Map<String, Object> md = prov.get(9).resourceMetadata();
        assertTrue(md.containsKey("flavor_id") && md.get("flavor_id") == null, "a missing field is null, as getattr");
        assertNull(md.get("operating_status"));
    }

    @Test
    void endpointFormsPageSizeAndTheCycleCache() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("load-balancer", OCTAVIA + "/v2.0/")
                .serve(OCTAVIA + "/v2.0/lbaas/loadbalancers", List.of(LB));
        FakePollContext cycle = new FakePollContext(client, NOW);
        poll(new LoadBalancerOperatingPollster(), cycle, 50);
        poll(new LoadBalancerOperatingPollster(), new FakePollContext(client, NOW), 0);
        assertEquals(List.of(OCTAVIA + "/v2.0/lbaas/loadbalancers?limit=50", OCTAVIA + "/v2.0/lbaas/loadbalancers"),
                client.paginated());
        assertTrue(cycle.cache().values().get("loadbalancer.loadbalancers:" + OCTAVIA + "/v2.0") instanceof List<?> l
                && l.get(0) instanceof LoadBalancerRecord, "compact records are cached");
        assertEquals(OCTAVIA + "/v2", OctaviaLoadBalancers.v2Root(OCTAVIA + "/"));
        assertEquals(OCTAVIA + "/load-balancer/v2", OctaviaLoadBalancers.v2Root(OCTAVIA + "/load-balancer"));
    }

    @Test
    void failuresAreThrownAndNotCachedAndAMissingOctaviaIsEndpointNotFound() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("load-balancer", OCTAVIA).fail(LIST, 503);
        FakePollContext cycle = new FakePollContext(client, NOW);
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> new LoadBalancerDiscovery(config(1000)).discover(cycle, null));
        assertEquals(503, e.status());
        assertFalse(cycle.cache().values().containsKey("loadbalancer.loadbalancers:" + OCTAVIA + "/v2"));

        FakeOpenStackClient none = new FakeOpenStackClient().endpoint("network", "http://neutron");
        EndpointNotFoundException missing = assertThrows(EndpointNotFoundException.class,
                () -> new LoadBalancerDiscovery(config(1000)).discover(new FakePollContext(none, NOW), null));
        assertEquals("load-balancer", missing.serviceType());
    }

    @Test
    void otherResourcesAreSkippedAndTheDiscoveryIsNamed() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("load-balancer", OCTAVIA)
                .serve(LIST, List.of(LB));
        FakePollContext cycle = new FakePollContext(client, NOW);
        List<Resource> resources = new ArrayList<>(new LoadBalancerDiscovery(config(1000)).discover(cycle, null));
        resources.add(0, Resource.of("http://static"));
        List<Sample> out = new ArrayList<>();
        new LoadBalancerProvisioningPollster().getSamples(cycle, resources, out::add);
        assertEquals(1, out.size());
        assertEquals("607226db-27ef-4d41-ae89-f2a800e9c2db", resources.get(1).id(), "the id partitioning hashes");
        assertEquals("lb_services", new LoadBalancerOperatingPollster().defaultDiscovery());
        assertEquals("lb_services", new LoadBalancerProvisioningPollster().defaultDiscovery());
    }

    @Test
    void aCancelledCycleStopsTheListing() {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("load-balancer", OCTAVIA)
                .serve(LIST, List.of(LB));
        FakePollContext cycle = new FakePollContext(client, NOW);
        cycle.cancel();
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> new LoadBalancerDiscovery(config(1000)).discover(cycle, null));
    }
}
