package org.ceilometer.osgi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ceilometer.osgi.simulator.TestHttp.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NeutronTest {
    private static Simulator sim;
    private static String token;
    private static String neutron;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.builder().seed(7).projects(5).floatingIps(20).vpnServices(45).ipsecConnections(12)
                .firewallGroups(33).firewallPolicies(6).start();
        token = TestHttp.token(sim);
        neutron = sim.endpoint("network", "public");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static JsonNode get(String url) throws Exception {
        Reply r = TestHttp.get(url, token);
        assertEquals(200, r.status(), r.raw().body());
        return r.json();
    }

    private static String next(JsonNode page, String key) {
        for (JsonNode l : page.path(key + "_links")) {
            if ("next".equals(l.path("rel").asText())) {
                return l.path("href").asText();
            }
        }
        return null;
    }

    @Test
    void withoutLimitTheWholeCollectionComesWithoutLinks() throws Exception {
        JsonNode page = get(neutron + "/v2.0/floatingips");
        assertEquals(20, page.path("floatingips").size());
        assertFalse(page.has("floatingips_links"));
        NeutronData.FloatingIp expected = sim.neutron().floatingIp(4);
        JsonNode f = page.path("floatingips").get(4);
        assertEquals(expected.id(), f.path("id").asText());
        assertEquals(expected.projectId(), f.path("tenant_id").asText());
        assertEquals(expected.projectId(), f.path("project_id").asText());
        assertEquals(expected.status(), f.path("status").asText());
        assertEquals(expected.floatingIpAddress(), f.path("floating_ip_address").asText());
        assertEquals(expected.floatingNetworkId(), f.path("floating_network_id").asText());
        for (String field : List.of("router_id", "fixed_ip_address", "port_id", "description", "created_at",
                "updated_at", "revision_number", "tags", "port_details", "qos_policy_id")) {
            assertTrue(f.has(field), field);
        }
        Set<String> owners = new HashSet<>();
        sim.data().tenantProjects().forEach(p -> owners.add(p.id()));
        page.path("floatingips").forEach(i -> assertTrue(owners.contains(i.path("tenant_id").asText())));
        assertEquals("ERROR", sim.neutron().floatingIp(3).status(), "every 50th floating IP from index 3 is in error");
    }

    @Test
    void pagesFollowTheNextLinkWhichNeutronWritesForEveryFullPage() throws Exception {
        List<String> ids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String url = neutron + "/v2.0/fwaas/firewall_groups?limit=11";
        while (url != null) {
            JsonNode page = get(url);
            page.path("firewall_groups").forEach(g -> ids.add(g.path("id").asText()));
            sizes.add(page.path("firewall_groups").size());
            url = next(page, "firewall_groups");
            if (url != null) {
                assertTrue(url.startsWith(neutron + "/v2.0/fwaas/firewall_groups?limit=11&marker="), url);
            }
        }
        assertEquals(List.of(11, 11, 11, 0), sizes, "33 by 11: a full last page is followed by an empty one");
        assertEquals(sim.neutron().firewallGroups().stream().map(NeutronData.FirewallGroup::id).toList(), ids);

        JsonNode second = get(neutron + "/v2.0/fwaas/firewall_groups?limit=11&marker=" + ids.get(10));
        String previous = null;
        for (JsonNode l : second.path("firewall_groups_links")) {
            if ("previous".equals(l.path("rel").asText())) {
                previous = l.path("href").asText();
            }
        }
        assertTrue(previous.endsWith("marker=" + ids.get(11) + "&page_reverse=True"), previous);
        JsonNode back = get(previous);
        List<String> backIds = new ArrayList<>();
        back.path("firewall_groups").forEach(g -> backIds.add(g.path("id").asText()));
        assertEquals(ids.subList(0, 11), backIds, "page_reverse pages backwards from the marker");
    }

    @Test
    void vpnaasAndFwaasCollectionsHaveTheReferenceFields() throws Exception {
        JsonNode vpns = get(neutron + "/v2.0/vpn/vpnservices");
        assertEquals(45, vpns.path("vpnservices").size());
        JsonNode v = vpns.path("vpnservices").get(7);
        assertEquals("BUILD", v.path("status").asText(), "every 40th VPN service from index 7 is BUILD");
        for (String field : List.of("router_id", "status", "name", "external_v6_ip", "admin_state_up", "subnet_id",
                "tenant_id", "project_id", "external_v4_ip", "id", "description", "flavor_id")) {
            assertTrue(v.has(field), field);
        }
        JsonNode conns = get(neutron + "/v2.0/vpn/ipsec-site-connections");
        assertEquals(12, conns.path("ipsec_site_connections").size());
        JsonNode c = conns.path("ipsec_site_connections").get(0);
        NeutronData.IpsecConnection ec = sim.neutron().ipsecConnection(0);
        assertEquals(ec.psk(), c.path("psk").asText());
        assertEquals(ec.vpnserviceId(), c.path("vpnservice_id").asText());
        assertEquals(ec.peerCidrs().size(), c.path("peer_cidrs").size());
        assertEquals(ec.mtu(), c.path("mtu").asInt());
        JsonNode policies = get(neutron + "/v2.0/fwaas/firewall_policies");
        assertEquals(6, policies.path("firewall_policies").size());
        JsonNode p = policies.path("firewall_policies").get(2);
        assertEquals(sim.neutron().firewallPolicy(2).firewallRules().size(), p.path("firewall_rules").size());
        assertTrue(p.has("audited") && p.has("shared"));
        assertEquals("ERROR", get(neutron + "/v2.0/fwaas/firewall_groups").path("firewall_groups").get(11)
                .path("status").asText());
    }

    @Test
    void oneByIdFiltersAndErrorsAsNeutronWritesThem() throws Exception {
        NeutronData.VpnService v = sim.neutron().vpnService(3);
        assertEquals(v.name(), get(neutron + "/v2.0/vpn/vpnservices/" + v.id()).path("vpnservice").path("name").asText());
        Reply missing = TestHttp.get(neutron + "/v2.0/floatingips/" + v.id(), token);
        assertEquals(404, missing.status());
        assertEquals("FloatingIPNotFound", missing.json().path("NeutronError").path("type").asText());
        Reply badMarker = TestHttp.get(neutron + "/v2.0/floatingips?limit=5&marker=" + v.id(), token);
        assertEquals(404, badMarker.status());
        assertEquals(400, TestHttp.get(neutron + "/v2.0/floatingips?limit=x", token).status());

        String project = sim.neutron().floatingIp(0).projectId();
        JsonNode mine = get(neutron + "/v2.0/floatingips?tenant_id=" + project);
        assertEquals(sim.neutron().floatingIps().stream().filter(f -> f.projectId().equals(project)).count(),
                mine.path("floatingips").size());
        JsonNode down = get(neutron + "/v2.0/floatingips?status=DOWN");
        down.path("floatingips").forEach(f -> assertEquals("DOWN", f.path("status").asText()));
    }

    @Test
    void tokensAreCheckedButNotForTheVersionList() throws Exception {
        assertEquals(401, TestHttp.get(neutron + "/v2.0/floatingips", null).status());
        assertEquals(200, TestHttp.get(neutron + "/", null).status());
        assertEquals(404, TestHttp.get(neutron + "/v2.0/networks", token).status());
    }

    @Test
    void tenThousandOfEachAreCheapAndAnOmittedNeutronIsGone() throws Exception {
        try (Simulator big = Simulator.builder().projects(50).floatingIps(10_000).vpnServices(10_000)
                .ipsecConnections(10_000).firewallGroups(10_000).firewallPolicies(10_000).start()) {
            String t = TestHttp.token(big);
            String url = big.endpoint("network", "internal") + "/v2.0/floatingips";
            Reply all = TestHttp.get(url, t);
            assertEquals(10_000, all.json().path("floatingips").size());
            Reply last = TestHttp.get(url + "?limit=1000&marker=" + big.neutron().floatingIp(9_499).id(), t);
            assertEquals(500, last.json().path("floatingips").size());
            assertNull(next(last.json(), "floatingips"));
        }
        try (Simulator without = Simulator.builder().omitServices("network").start()) {
            assertFalse(without.serviceTypes().contains("network"));
            assertThrows(IllegalArgumentException.class, () -> without.endpoint("network", "public"));
            assertEquals(404, TestHttp.get(without.baseUrl() + "/network/v2.0/floatingips",
                    TestHttp.token(without)).status());
        }
    }
}
