package org.ceilometer.osgi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.ceilometer.osgi.simulator.TestHttp.Reply;
import org.ceilometer.osgi.simulator.kwapi.KwapiProbes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kwapi's probes API as the simulator serves it. */
class KwapiTest {
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final TestHttp.MutableClock CLOCK = new TestHttp.MutableClock(START);
    private static Simulator sim;
    private static String token;
    private static String probes;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.builder().seed(3).kwapiProbes(12).clock(CLOCK).tokenTtl(Duration.ofDays(1)).start();
        token = TestHttp.token(sim);
        probes = sim.endpoint("energy", "public") + "/v1/probes/";
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void theCatalogPointsAtVersionOne() throws Exception {
        JsonNode body = TestHttp.post(sim.authUrl() + "/auth/tokens", TestHttp.passwordAuth(sim)).json();
        List<String> urls = new ArrayList<>();
        for (JsonNode s : body.path("token").path("catalog")) {
            if ("energy".equals(s.path("type").asText())) {
                assertEquals("kwapi", s.path("name").asText());
                s.path("endpoints").forEach(e -> urls.add(e.path("url").asText()));
            }
        }
        assertEquals(List.of(sim.baseUrl() + "/energy/v1", sim.baseUrl() + "/energy-internal/v1",
                sim.baseUrl() + "/energy-admin/v1"), urls);
    }

    @Test
    void probesListsEveryProbesReadingKeyedByIdInSortedOrder() throws Exception {
        Reply r = TestHttp.get(probes, token);
        assertEquals(200, r.status());
        JsonNode all = r.json().path("probes");
        assertTrue(all.isObject());
        assertEquals(12, all.size());
        List<String> ids = new ArrayList<>();
        all.fieldNames().forEachRemaining(ids::add);
        assertEquals(ids.stream().sorted().toList(), ids);
        Set<String> expectedIds = new HashSet<>();
        KwapiProbes k = sim.kwapi();
        for (int i = 0; i < k.count(); i++) {
            KwapiProbes.Reading e = k.reading(i, START);
            expectedIds.add(e.id());
            JsonNode probe = all.path(e.id());
            List<String> keys = new ArrayList<>();
            probe.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("kwh", "timestamp", "w"), keys);
            assertEquals(e.kwh(), probe.path("kwh").doubleValue());
            assertEquals(e.timestamp(), probe.path("timestamp").doubleValue());
            assertEquals(e.w(), probe.path("w").doubleValue());
            assertTrue(e.timestamp() <= START.getEpochSecond() && e.timestamp() > START.getEpochSecond() - 5);
            assertTrue(e.w() > 0 && e.kwh() > 0);
        }
        assertEquals(expectedIds, Set.copyOf(ids));
        assertTrue(r.raw().body().contains("\"timestamp\":" + all.path(ids.get(0)).path("timestamp").decimalValue()
                .toPlainString()), "floats in plain notation: " + r.raw().body());
        assertTrue(ids.contains("lyon.taurus-1") && ids.contains("nancy.taurus-2"), ids.toString());
    }

    @Test
    void energyGrowsWithTime() throws Exception {
        JsonNode before = TestHttp.get(probes, token).json().path("probes");
        CLOCK.advance(Duration.ofHours(1));
        try {
            JsonNode after = TestHttp.get(probes, token).json().path("probes");
            for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
                String id = it.next();
                double kwh = after.path(id).path("kwh").doubleValue() - before.path(id).path("kwh").doubleValue();
                // an hour at 50 to 500 W
                assertTrue(kwh > 0.05 && kwh < 0.5, id + ": " + kwh);
                assertEquals(3600, after.path(id).path("timestamp").doubleValue()
                        - before.path(id).path("timestamp").doubleValue(), 0.001);
            }
        } finally {
            CLOCK.advance(Duration.ofHours(-1));
        }
    }

    @Test
    void otherRoutesOfTheApi() throws Exception {
        KwapiProbes.Reading first = sim.kwapi().reading(0, START);
        Reply ids = TestHttp.get(sim.endpoint("energy", "internal") + "/v1/probe-ids/", token);
        assertEquals(12, ids.json().path("probe_ids").size());
        Reply one = TestHttp.get(probes + first.id() + "/", token);
        assertEquals(first.w(), one.json().path(first.id()).path("w").doubleValue());
        Reply meter = TestHttp.get(probes + first.id() + "/kwh/", token);
        assertEquals(first.kwh(), meter.json().path(first.id()).path("kwh").doubleValue());
        assertEquals(404, TestHttp.get(probes + "nowhere.none-1/", token).status());
        assertEquals(404, TestHttp.get(probes + first.id() + "/volts/", token).status());
        assertEquals(401, TestHttp.get(probes, null).status());

        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> moved = noRedirects.send(HttpRequest.newBuilder(URI.create(
                sim.endpoint("energy", "public") + "/v1/probes")).header("X-Auth-Token", token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(301, moved.statusCode());
        assertEquals(probes, moved.headers().firstValue("Location").orElse(null));
    }
}
