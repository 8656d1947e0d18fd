package org.ceilometer.osgi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.ceilometer.osgi.simulator.TestHttp.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OctaviaTest {
    private static Simulator sim;
    private static String token;
    private static String lbs;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.builder().seed(3).projects(4).loadBalancers(50).start();
        token = TestHttp.token(sim);
        lbs = sim.endpoint("load-balancer", "public") + "/v2/lbaas/loadbalancers";
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

    private static String link(JsonNode page, String rel) {
        for (JsonNode l : page.path("loadbalancers_links")) {
            if (rel.equals(l.path("rel").asText())) {
                return l.path("href").asText();
            }
        }
        return null;
    }

    @Test
    void everyLoadBalancerInOnePageByDefaultWithTheReferenceFields() throws Exception {
        JsonNode page = get(lbs);
        assertEquals(50, page.path("loadbalancers").size());
        assertTrue(page.path("loadbalancers_links").isArray());
        assertEquals(0, page.path("loadbalancers_links").size(), "no next link under Octavia's 1000");
        OctaviaData.LoadBalancer e = sim.octavia().loadBalancer(9);
        JsonNode lb = page.path("loadbalancers").get(9);
        assertEquals(e.id(), lb.path("id").asText());
        assertEquals("ERROR", lb.path("provisioning_status").asText(), "every 40th from index 9");
        assertEquals(e.operatingStatus(), lb.path("operating_status").asText());
        assertEquals(e.projectId(), lb.path("project_id").asText());
        for (String field : List.of("name", "availability_zone", "vip_address", "vip_port_id", "provider",
                "flavor_id", "admin_state_up", "listeners", "pools", "created_at", "updated_at", "vip_subnet_id",
                "vip_network_id", "description", "tags")) {
            assertTrue(lb.has(field), field);
        }
        assertEquals("ERROR", sim.octavia().loadBalancer(17).operatingStatus());
        JsonNode one = get(lbs.replace("/v2/", "/v2.0/") + "/" + e.id());
        assertEquals(e.name(), one.path("loadbalancer").path("name").asText());
    }

    @Test
    void pagesByLimitAndMarkerWithNextOnFullPages() throws Exception {
        List<String> ids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String url = lbs + "?limit=25";
        int pages = 0;
        while (url != null) {
            JsonNode page = get(url);
            page.path("loadbalancers").forEach(l -> ids.add(l.path("id").asText()));
            sizes.add(page.path("loadbalancers").size());
            if (pages++ > 0 && page.path("loadbalancers").size() > 0) {
                assertTrue(link(page, "previous").contains("page_reverse=True"));
            }
            url = link(page, "next");
        }
        assertEquals(List.of(25, 25, 0), sizes, "an exact multiple ends with an empty page");
        assertEquals(sim.octavia().loadBalancers().stream().map(OctaviaData.LoadBalancer::id).toList(), ids);
        assertEquals(lbs + "?limit=25&marker=" + ids.get(24), link(get(lbs + "?limit=25"), "next"));
    }

    @Test
    void errorsAsOctaviaWritesThem() throws Exception {
        Reply bad = TestHttp.get(lbs + "?marker=" + sim.data().image(0).id(), token);
        assertEquals(400, bad.status());
        assertTrue(bad.json().path("faultstring").asText().contains("marker"));
        Reply missing = TestHttp.get(lbs + "/" + sim.data().image(0).id(), token);
        assertEquals(404, missing.status());
        assertEquals("Client", missing.json().path("faultcode").asText());
        assertEquals(401, TestHttp.get(lbs, null).status());
        String project = sim.octavia().loadBalancer(0).projectId();
        get(lbs + "?project_id=" + project).path("loadbalancers")
                .forEach(l -> assertEquals(project, l.path("project_id").asText()));
    }
}
