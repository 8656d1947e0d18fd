package org.ceilometer.osgi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DesignateTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static Simulator sim;
    private static String token;
    private static String zones;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.builder().seed(9).projects(6).dnsZones(45).start();
        token = TestHttp.token(sim);
        zones = sim.endpoint("dns", "public") + "/v2/zones";
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static HttpResponse<String> get(String url, boolean allProjects) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("X-Auth-Token", token);
        if (allProjects) {
            b.header("X-Auth-All-Projects", "True");
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String url) throws Exception {
        HttpResponse<String> r = get(url, true);
        assertEquals(200, r.statusCode(), r.body());
        return TestHttp.MAPPER.readTree(r.body());
    }

    @Test
    void everyProjectsZonesOnlyWithTheAllProjectsHeader() throws Exception {
        JsonNode own = TestHttp.MAPPER.readTree(get(zones, false).body());
        assertEquals(0, own.path("zones").size(), "the admin project owns no zone");
        assertEquals(0, own.path("metadata").path("total_count").asInt());
        JsonNode all = json(zones);
        assertEquals(20, all.path("zones").size(), "Designate's default limit");
        assertEquals(45, all.path("metadata").path("total_count").asInt());
        DesignateData.Zone z = sim.designate().zone(13);
        JsonNode zone = all.path("zones").get(13);
        assertEquals(z.id(), zone.path("id").asText());
        assertEquals("ERROR", zone.path("status").asText(), "every 50th zone from index 13");
        assertEquals(z.serial(), zone.path("serial").asLong());
        assertEquals(z.ttl(), zone.path("ttl").asInt());
        for (String field : List.of("name", "email", "ttl", "description", "type", "status", "action", "serial",
                "pool_id", "project_id", "created_at", "updated_at", "masters", "links")) {
            assertTrue(zone.has(field), field);
        }
        assertEquals(404, get(zones + "/" + z.id(), false).statusCode(), "another project's zone");
        assertEquals(z.name(), json(zones + "/" + z.id()).path("name").asText());
    }

    @Test
    void zonesPageByAbsoluteNextLinks() throws Exception {
        List<String> ids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String url = zones + "?limit=15";
        while (url != null) {
            JsonNode page = json(url);
            page.path("zones").forEach(z -> ids.add(z.path("id").asText()));
            sizes.add(page.path("zones").size());
            url = page.path("links").path("next").isTextual() ? page.path("links").path("next").asText() : null;
            if (url != null) {
                assertTrue(url.startsWith(zones + "?limit=15&marker="), url);
            }
        }
        assertEquals(List.of(15, 15, 15, 0), sizes);
        assertEquals(sim.designate().zones().stream().map(DesignateData.Zone::id).toList(), ids);
        assertEquals(45, json(zones + "?limit=max").path("zones").size());
        assertEquals(400, get(zones + "?marker=" + sim.data().image(0).id(), true).statusCode());
        assertEquals(400, get(zones + "?limit=0", true).statusCode());
    }

    @Test
    void recordsetsOfAZonePageAndCount() throws Exception {
        DesignateData.Zone big = sim.designate().zone(3);
        assertTrue(big.recordsetCount() >= 32, "every 25th zone from index 3 has many recordsets");
        String url = zones + "/" + big.id() + "/recordsets?limit=10";
        List<String> types = new ArrayList<>();
        int pages = 0;
        while (url != null) {
            JsonNode page = json(url);
            assertEquals(big.recordsetCount(), page.path("metadata").path("total_count").asInt());
            page.path("recordsets").forEach(rs -> {
                assertEquals(big.id(), rs.path("zone_id").asText());
                types.add(rs.path("type").asText());
            });
            pages++;
            url = page.path("links").path("next").isTextual() ? page.path("links").path("next").asText() : null;
        }
        assertEquals(big.recordsetCount(), types.size());
        assertEquals(big.recordsetCount() / 10 + 1, pages);
        assertEquals(List.of("SOA", "NS"), types.subList(0, 2));
        DesignateData.Zone small = sim.designate().zone(0);
        JsonNode all = json(zones + "/" + small.id() + "/recordsets");
        assertEquals(small.recordsetCount(), all.path("recordsets").size());
        assertFalse(all.path("links").has("next"));
        HttpResponse<String> hidden = get(zones + "/" + small.id() + "/recordsets", false);
        assertEquals(404, hidden.statusCode());
        assertEquals("zone_not_found", TestHttp.MAPPER.readTree(hidden.body()).path("type").asText());
    }

    @Test
    void tenThousandZonesAreCheap() throws Exception {
        try (Simulator bigSim = Simulator.builder().projects(100).dnsZones(10_000).start()) {
            String t = TestHttp.token(bigSim);
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(
                    bigSim.endpoint("dns", "public") + "/v2/zones?limit=1000&marker=" + bigSim.designate().zone(9_499).id()))
                    .header("X-Auth-Token", t).header("X-Auth-All-Projects", "true").build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode page = TestHttp.MAPPER.readTree(r.body());
            assertEquals(500, page.path("zones").size());
            assertEquals(10_000, page.path("metadata").path("total_count").asInt());
        }
    }
}
