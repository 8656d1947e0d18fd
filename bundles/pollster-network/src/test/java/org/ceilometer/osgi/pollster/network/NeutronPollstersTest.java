package org.ceilometer.osgi.pollster.network;

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
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.testsupport.FakeOpenStackClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.junit.jupiter.api.Test;

/** The Neutron discoveries and pollsters against a fake client serving the API reference's examples. */
class NeutronPollstersTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String NEUTRON = "http://neutron.example:9696";
    static final String V2 = NEUTRON + "/v2.0";

    static NetworkPollsterConfig config(int pageSize, boolean psk) {
        return new NetworkPollsterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return NetworkPollsterConfig.class;
            }

            @Override
            public int neutron__page__size() {
                return pageSize;
            }

            @Override
            public boolean ipsec__psk__in__metadata() {
                return psk;
            }
        };
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The floating IP of the Networking API reference's "List floating IPs" example. */
    static final JsonNode FIP = json("{'router_id': 'd23abc8d-2991-4a55-ba98-2aaea84cc72f', 'description': 'for test',"
            + " 'dns_domain': 'my-domain.org.', 'dns_name': 'myfip', 'created_at': '2016-12-21T10:55:50Z',"
            + " 'updated_at': '2016-12-21T10:55:53Z', 'revision_number': 1,"
            + " 'project_id': '4969c491a3c74ee4af974e6d800c62de', 'tenant_id': '4969c491a3c74ee4af974e6d800c62de',"
            + " 'floating_network_id': '376da547-b977-4cfe-9cba-275c80debf57', 'fixed_ip_address': '10.0.0.3',"
            + " 'floating_ip_address': '172.24.4.228', 'port_id': 'ce705c24-c1ef-408a-bda3-7bbd946164ab',"
            + " 'id': '2f245a7b-796b-4f26-9cf9-9e82d248fda7', 'status': 'ACTIVE', 'tags': ['tag1,tag2'],"
            + " 'port_forwardings': [], 'qos_policy_id': null}");
    static final JsonNode FREE_FIP = json("{'router_id': null, 'description': '', 'project_id': 'p-2',"
            + " 'tenant_id': 'p-2', 'floating_network_id': '376da547-b977-4cfe-9cba-275c80debf57',"
            + " 'fixed_ip_address': null, 'floating_ip_address': '172.24.4.227', 'port_id': null,"
            + " 'id': '61cea855-49cb-4846-997d-801b70c71bdd', 'status': 'DOWN', 'user_id': 'u-9'}");
    static final JsonNode VPN = json("{'router_id': '66e3b16c-8ce5-40fb-bb49-ab6d8dc3f2aa', 'status': 'PENDING_CREATE',"
            + " 'name': 'myservice', 'external_v6_ip': '2001:db8::1', 'admin_state_up': true,"
            + " 'subnet_id': null, 'project_id': '10039663455a446d8ba2cbb058b0f578',"
            + " 'tenant_id': '10039663455a446d8ba2cbb058b0f578', 'external_v4_ip': '172.32.1.11',"
            + " 'id': '5c561d9d-eaea-45f6-ae3e-08d1a7080828', 'description': ''}");
    static final JsonNode IPSEC = json("{'status': 'PENDING_CREATE', 'initiator': 'bi-directional',"
            + " 'name': 'vpnconnection1', 'admin_state_up': true, 'tenant_id': 'b6887d0b45b54a249b2ce3dee01caa47',"
            + " 'auth_mode': 'psk', 'peer_cidrs': [], 'mtu': 1500, 'peer_ep_group_id': 'eb1fe8d7-8e51-4a7f-9b5b-13a4c4d6f2a0',"
            + " 'ikepolicy_id': '9b00d6b0-6c93-4ca5-9747-b8ade7bb514f', 'dpd': {'action': 'hold', 'interval': 30,"
            + " 'timeout': 120}, 'route_mode': 'static', 'vpnservice_id': '5c561d9d-eaea-45f6-ae3e-08d1a7080828',"
            + " 'peer_address': '172.24.4.226', 'peer_id': '172.24.4.226', 'id': '851f280f-5639-4ea3-81aa-e298525ab74b',"
            + " 'psk': 'secret', 'ipsecpolicy_id': 'e6e23d0c-9519-4d52-8ea4-5b1f96d857b1', 'description': '',"
            + " 'local_ep_group_id': '3e1815dd-e2b5-4b5c-a8b4-8ab9ed4d9b02'}");
    static final JsonNode FW_GROUP = json("{'admin_state_up': true, 'description': '',"
            + " 'egress_firewall_policy_id': null, 'id': '3af94f0e-b52d-491a-87d2-704497305948',"
            + " 'ingress_firewall_policy_id': 'c69933c1-b472-44f9-8226-30dc4ffd454c', 'name': 'fwg',"
            + " 'ports': ['650bfd2f-7766-4a0d-839f-218f33e16998'], 'project_id': '45977fa2dbd7482098dd68d0d8970117',"
            + " 'shared': false, 'status': 'ACTIVE', 'tenant_id': '45977fa2dbd7482098dd68d0d8970117'}");
    static final JsonNode FW_POLICY = json("{'audited': false, 'description': '',"
            + " 'firewall_rules': ['8722e0e0-9cc9-4490-9660-8c9a5732fbb0'], 'id': 'c69933c1-b472-44f9-8226-30dc4ffd454c',"
            + " 'name': 'test-policy', 'project_id': '45977fa2dbd7482098dd68d0d8970117', 'shared': false,"
            + " 'tenant_id': '45977fa2dbd7482098dd68d0d8970117'}");

    static JsonNode with(JsonNode base, String field, Object value) {
        ObjectNode n = base.deepCopy();
        n.set(field, MAPPER.valueToTree(value));
        return n;
    }

    static List<Sample> poll(Discovery discovery, Pollster pollster, FakePollContext cycle) throws Exception {
        return cycle.samples(pollster, discovery.discover(cycle, null));
    }

    private static FakeOpenStackClient neutron() {
        return new FakeOpenStackClient().endpoint("network", NEUTRON);
    }

    @Test
    void floatingIpSamplesHaveCeilometersValuesAndMetadata() throws Exception {
        FakeOpenStackClient client = neutron().serve(V2 + "/floatingips", List.of(FIP, FREE_FIP));
        List<Sample> samples = poll(new FloatingIpDiscovery(config(1000, false)), new FloatingIpPollster(),
                new FakePollContext(client, NOW));
        assertEquals(2, samples.size());
        Sample s = samples.get(0);
        assertEquals("ip.floating", s.name());
        assertEquals(MeterType.GAUGE, s.type());
        assertEquals("ip", s.unit());
        assertEquals(1L, s.volume(), "ACTIVE");
        assertEquals("2f245a7b-796b-4f26-9cf9-9e82d248fda7", s.resourceId());
        assertEquals("4969c491a3c74ee4af974e6d800c62de", s.projectId());
        assertNull(s.userId());
        assertEquals(NOW, s.timestamp());
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("router_id", "d23abc8d-2991-4a55-ba98-2aaea84cc72f");
        md.put("status", "ACTIVE");
        md.put("floating_network_id", "376da547-b977-4cfe-9cba-275c80debf57");
        md.put("fixed_ip_address", "10.0.0.3");
        md.put("port_id", "ce705c24-c1ef-408a-bda3-7bbd946164ab");
        md.put("floating_ip_address", "172.24.4.228");
        assertEquals(md, s.resourceMetadata());
        assertEquals(List.copyOf(md.keySet()), List.copyOf(s.resourceMetadata().keySet()));

        Sample free = samples.get(1);
        assertEquals(3L, free.volume(), "DOWN");
        assertEquals("u-9", free.userId(), "user_id when Neutron gives one");
        assertTrue(free.resourceMetadata().containsKey("router_id"));
        assertNull(free.resourceMetadata().get("router_id"));
        assertEquals(List.of(V2 + "/floatingips?limit=1000"), client.paginated());
    }

    @Test
    void statusCodesAreMastersAndAnUnknownStatusStillGivesASampleOfMinusOne() throws Exception {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("INACTIVE", 0L);
        expected.put("ACTIVE", 1L);
        expected.put("PENDING_CREATE", 2L);
        expected.put("DOWN", 3L);
        expected.put("CREATED", 4L);
        expected.put("PENDING_UPDATE", 5L);
        expected.put("PENDING_DELETE", 6L);
        expected.put("ERROR", 7L);
        expected.put("error", 7L);
        expected.put("BUILD", -1L);
        expected.put("", -1L);
        List<JsonNode> vpns = new ArrayList<>();
        int n = 0;
        for (String status : expected.keySet()) {
            vpns.add(with(with(VPN, "status", status), "id", "vpn-" + n++));
        }
        vpns.add(with(with(VPN, "status", null), "id", "vpn-null"));
        FakeOpenStackClient client = neutron().serve(V2 + "/vpn/vpnservices", vpns);
        List<Sample> samples = poll(new VpnServicesDiscovery(config(1000, false)), new VpnServicesPollster(),
                new FakePollContext(client, NOW));
        List<Long> volumes = new ArrayList<>(expected.values());
        volumes.add(-1L);
        assertEquals(volumes, samples.stream().map(Sample::volume).toList());
        assertEquals("network.services.vpn", samples.get(0).name());
        assertEquals("vpnservice", samples.get(0).unit());
    }

    @Test
    void vpnMetadataKeysAreTheSdksAndMissingFieldsAreNull() throws Exception {
        FakeOpenStackClient client = neutron().serve(V2 + "/vpn/vpnservices", List.of(VPN));
        Sample s = poll(new VpnServicesDiscovery(config(1000, false)), new VpnServicesPollster(),
                new FakePollContext(client, NOW)).get(0);
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("is_admin_state_up", true);
        md.put("description", "");
        md.put("name", "myservice");
        md.put("status", "PENDING_CREATE");
        md.put("subnet_id", null);
        md.put("router_id", "66e3b16c-8ce5-40fb-bb49-ab6d8dc3f2aa");
        md.put("flavor_id", null);
        md.put("external_v4_ip", "172.32.1.11");
        md.put("external_v6_ip", "2001:db8::1");
        assertEquals(md, s.resourceMetadata());
        assertEquals(List.copyOf(md.keySet()), List.copyOf(s.resourceMetadata().keySet()));
        assertEquals("10039663455a446d8ba2cbb058b0f578", s.projectId());
        assertNull(s.userId());
        assertEquals(2L, s.volume());
    }

    @Test
    void ipsecConnectionsCountOneAndMaskTheirPreSharedKeyUnlessTold() throws Exception {
        FakeOpenStackClient client = neutron().serve(V2 + "/vpn/ipsec-site-connections", List.of(IPSEC));
        Sample s = poll(new IpsecConnectionsDiscovery(config(1000, false)), new IpsecConnectionsPollster(),
                new FakePollContext(client, NOW)).get(0);
        assertEquals("network.services.vpn.connections", s.name());
        assertEquals("ipsec_site_connection", s.unit());
        assertEquals(1L, s.volume(), "one per connection, whatever its status");
        assertEquals("b6887d0b45b54a249b2ce3dee01caa47", s.projectId(), "tenant_id when project_id is missing");
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("name", "vpnconnection1");
        md.put("description", "");
        md.put("peer_address", "172.24.4.226");
        md.put("peer_id", "172.24.4.226");
        md.put("peer_cidrs", List.of());
        md.put("peer_ep_group_id", "eb1fe8d7-8e51-4a7f-9b5b-13a4c4d6f2a0");
        md.put("psk", "***");
        md.put("initiator", "bi-directional");
        md.put("ikepolicy_id", "9b00d6b0-6c93-4ca5-9747-b8ade7bb514f");
        md.put("ipsecpolicy_id", "e6e23d0c-9519-4d52-8ea4-5b1f96d857b1");
        md.put("vpnservice_id", "5c561d9d-eaea-45f6-ae3e-08d1a7080828");
        md.put("mtu", 1500L);
        md.put("is_admin_state_up", true);
        md.put("status", "PENDING_CREATE");
        md.put("project_id", "b6887d0b45b54a249b2ce3dee01caa47");
        assertEquals(md, s.resourceMetadata());
        assertEquals(List.copyOf(md.keySet()), List.copyOf(s.resourceMetadata().keySet()));

        FakePollContext cycle = new FakePollContext(client, NOW);
        List<Resource> found = new IpsecConnectionsDiscovery(config(1000, false)).discover(cycle, null);
        assertFalse(found.get(0).payload().toString().contains("secret"), "a record never prints its key");

        Sample shown = poll(new IpsecConnectionsDiscovery(config(1000, true)), new IpsecConnectionsPollster(),
                new FakePollContext(client, NOW)).get(0);
        assertEquals("secret", shown.resourceMetadata().get("psk"), "Ceilometer's own behaviour when configured");
    }

    @Test
    void firewallGroupsAndPoliciesFollowMaster() throws Exception {
        JsonNode lowerError = with(with(FW_GROUP, "status", "error"), "id", "fw-lower");
        JsonNode upperError = with(with(FW_GROUP, "status", "ERROR"), "id", "fw-upper");
        FakeOpenStackClient client = neutron().serve(V2 + "/fwaas/firewall_groups", List.of(FW_GROUP, lowerError,
                upperError)).serve(V2 + "/fwaas/firewall_policies", List.of(FW_POLICY));
        FakePollContext cycle = new FakePollContext(client, NOW);
        List<Sample> groups = poll(new FirewallDiscovery(config(1000, false)), new FirewallPollster(), cycle);
        assertEquals(List.of("3af94f0e-b52d-491a-87d2-704497305948", "fw-upper"),
                groups.stream().map(Sample::resourceId).toList(), "master drops status 'error', case-sensitively");
        assertEquals(List.of(1L, 7L), groups.stream().map(Sample::volume).toList());
        Sample g = groups.get(0);
        assertEquals("network.services.firewall", g.name());
        assertEquals("firewall", g.unit());
        assertEquals("45977fa2dbd7482098dd68d0d8970117", g.projectId());
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("admin_state_up", true);
        md.put("description", "");
        md.put("name", "fwg");
        md.put("status", "ACTIVE");
        md.put("ingress_firewall_policy_id", "c69933c1-b472-44f9-8226-30dc4ffd454c");
        md.put("egress_firewall_policy_id", null);
        assertEquals(md, g.resourceMetadata());

        Sample p = poll(new FirewallPolicyDiscovery(config(1000, false)), new FirewallPolicyPollster(), cycle).get(0);
        assertEquals("network.services.firewall.policy", p.name());
        assertEquals("firewall_policy", p.unit());
        assertEquals(1L, p.volume());
        assertEquals(List.of("name", "description", "firewall_rules", "shared", "audited"),
                List.copyOf(p.resourceMetadata().keySet()), "master's duplicate 'name' is one key");
        assertEquals(List.of("8722e0e0-9cc9-4490-9660-8c9a5732fbb0"), p.resourceMetadata().get("firewall_rules"));
        assertEquals(false, p.resourceMetadata().get("audited"));
    }

    @Test
    void aMissingExtensionGivesNothingAndAnotherFailureIsThrownAndNotCached() throws Exception {
        FakeOpenStackClient client = neutron().serve(V2 + "/floatingips", List.of(FIP))
                .fail(V2 + "/vpn/vpnservices", 500);
        FakePollContext cycle = new FakePollContext(client, NOW);
        assertTrue(new FirewallDiscovery(config(1000, false)).discover(cycle, null).isEmpty(), "404: no FWaaS");
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> new VpnServicesDiscovery(config(1000, false)).discover(cycle, null));
        assertEquals(500, e.status());
        assertFalse(cycle.cache().values().containsKey("network.vpnservices:" + V2));
        assertTrue(cycle.cache().values().containsKey("network.firewall_groups:" + V2), "the empty answer is kept");
        assertEquals(1, new FloatingIpDiscovery(config(1000, false)).discover(cycle, null).size());
    }

    @Test
    void aCatalogWithoutNeutronThrowsEndpointNotFound() {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("image", "http://glance");
        EndpointNotFoundException e = assertThrows(EndpointNotFoundException.class,
                () -> new FloatingIpDiscovery(config(1000, false)).discover(new FakePollContext(client, NOW), null));
        assertEquals("network", e.serviceType());
        assertTrue(client.paginated().isEmpty());
    }

    @Test
    void oneListingPerCycleAndUrlsFromAnyEndpointForm() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("network", NEUTRON + "/v2.0/")
                .serve(V2 + "/floatingips", List.of(FIP));
        FakePollContext cycle = new FakePollContext(client, NOW);
        new FloatingIpDiscovery(config(50, false)).discover(cycle, null);
        new FloatingIpDiscovery(config(50, false)).discover(cycle, null);
        assertEquals(List.of(V2 + "/floatingips?limit=50"), client.paginated(), "cached for the cycle");
        new FloatingIpDiscovery(config(0, false)).discover(new FakePollContext(client, NOW), null);
        assertEquals(V2 + "/floatingips", client.paginated().get(1), "no limit: Neutron answers everything");
        assertEquals(V2, NeutronListing.v2Root(NEUTRON + "/"));
    }

    @Test
    void resourcesOfAnotherKindOrSourceAreSkipped() throws Exception {
        FakeOpenStackClient client = neutron().serve(V2 + "/floatingips", List.of(FIP))
                .serve(V2 + "/vpn/vpnservices", List.of(VPN));
        FakePollContext cycle = new FakePollContext(client, NOW);
        List<Resource> mixed = new ArrayList<>(new FloatingIpDiscovery(config(1000, false)).discover(cycle, null));
        mixed.addAll(new VpnServicesDiscovery(config(1000, false)).discover(cycle, null));
        mixed.add(Resource.of("static-resource"));
        List<Sample> samples = new ArrayList<>();
        new FloatingIpPollster().getSamples(cycle, mixed, samples::add);
        assertEquals(List.of("2f245a7b-796b-4f26-9cf9-9e82d248fda7"), samples.stream().map(Sample::resourceId).toList());
    }

    @Test
    void aCancelledCycleStopsTheListing() {
        FakeOpenStackClient client = neutron().serve(V2 + "/floatingips", List.of(FIP, FREE_FIP));
        FakePollContext cycle = new FakePollContext(client, NOW);
        cycle.cancel();
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> new FloatingIpDiscovery(config(1000, false)).discover(cycle, null));
        assertTrue(cycle.cache().values().isEmpty());
    }

    @Test
    void pollstersNameTheirDefaultDiscoveries() {
        assertEquals("fip_services", new FloatingIpPollster().defaultDiscovery());
        assertEquals("vpn_services", new VpnServicesPollster().defaultDiscovery());
        assertEquals("ipsec_connections", new IpsecConnectionsPollster().defaultDiscovery());
        assertEquals("fw_services", new FirewallPollster().defaultDiscovery());
        assertEquals("fw_policy", new FirewallPolicyPollster().defaultDiscovery());
    }
}
