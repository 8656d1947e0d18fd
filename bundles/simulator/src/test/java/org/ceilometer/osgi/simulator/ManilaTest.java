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
import org.ceilometer.osgi.simulator.manila.ManilaData;
import org.ceilometer.osgi.simulator.manila.SimShare;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated Manila v2 share list: all tenants, offset paging, Manila's marker link, microversions. */
class ManilaTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static Simulator sim;
    private static String token;
    private static String endpoint;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.builder().seed(8).projects(5).shares(120).start();
        token = TestHttp.token(sim);
        endpoint = sim.endpoint("sharev2", "public") + "/v2/" + sim.data().adminProject().id();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static HttpResponse<String> get(String url, String microversion) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("X-Auth-Token", token).GET();
        if (microversion != null) {
            b.header("X-OpenStack-Manila-API-Version", microversion);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return TestHttp.MAPPER.readTree(r.body());
    }

    @Test
    void withoutLimitEveryShareComesInOneResponse() throws Exception {
        HttpResponse<String> r = get(endpoint + "/shares/detail?all_tenants=True", null);
        assertEquals("2.0", r.headers().firstValue("X-OpenStack-Manila-API-Version").orElse(null));
        JsonNode shares = json(r).path("shares");
        assertEquals(120, shares.size());
        assertFalse(json(r).has("shares_links"));
        ManilaData m = sim.manila();
        for (int i = 0; i < 120; i++) {
            SimShare e = m.share(i);
            JsonNode s = shares.get(i);
            assertEquals(e.id(), s.path("id").asText());
            assertEquals(e.projectId(), s.path("project_id").asText());
            assertEquals(e.size(), s.path("size").asLong());
            assertEquals(e.shareTypeName(), s.path("share_type").asText(), "a name before 2.6");
            assertFalse(s.has("user_id"), "user_id comes at 2.16");
            assertEquals(e.host(), s.path("host").asText());
            assertEquals(e.shareProto(), s.path("share_proto").asText());
            String status = "creating_from_snapshot".equals(e.status()) ? "creating" : e.status();
            assertEquals(status, s.path("status").asText());
        }
        assertEquals("deferred_deleting", m.share(13).status());
    }

    @Test
    void laterMicroversionsAddUserIdAndTheTypesId() throws Exception {
        JsonNode s = json(get(endpoint + "/shares/detail?all_tenants=True&limit=1", "2.16")).path("shares").get(0);
        SimShare e = sim.manila().share(0);
        assertEquals(e.userId(), s.path("user_id").asText());
        assertEquals(e.shareTypeId(), s.path("share_type").asText());
        assertEquals(e.shareTypeName(), s.path("share_type_name").asText());
        assertEquals(406, get(endpoint + "/shares/detail", "2.100").statusCode());
        assertEquals(400, get(endpoint + "/shares/detail", "two").statusCode());
    }

    @Test
    void pagesGoByOffsetAndManilasMarkerLinkDoesNotAdvance() throws Exception {
        List<String> ids = new ArrayList<>();
        JsonNode first = null;
        for (int offset = 0; ; offset += 50) {
            JsonNode page = json(get(endpoint + "/shares/detail?all_tenants=True&limit=50&offset=" + offset, null));
            if (first == null) {
                first = page;
            }
            page.path("shares").forEach(s -> ids.add(s.path("id").asText()));
            if (page.path("shares").size() < 50) {
                break;
            }
        }
        assertEquals(sim.manila().shares().stream().map(SimShare::id).toList(), ids);
        String next = first.path("shares_links").get(0).path("href").asText();
        assertEquals(endpoint + "/shares?all_tenants=True&limit=50&offset=0&marker=" + ids.get(49), next);
        JsonNode again = json(get(next, null));
        assertEquals(ids.get(0), again.path("shares").get(0).path("id").asText(), "the marker is ignored");
    }

    @Test
    void withoutAllTenantsOnlyTheTokensProjectIsListed() throws Exception {
        assertEquals(0, json(get(endpoint + "/shares/detail", null)).path("shares").size());
        assertEquals(400, get(endpoint + "/shares/detail?all_tenants=perhaps", null).statusCode());
        String project = sim.manila().share(0).projectId();
        long expected = sim.manila().shares().stream().filter(s -> s.projectId().equals(project)).count();
        assertEquals(expected, json(get(endpoint + "/shares/detail?all_tenants=1&project_id=" + project, null))
                .path("shares").size());
        assertTrue(expected > 0);
    }
}
