package org.ceilometer.osgi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ceilometer.osgi.simulator.TestHttp.Reply;
import org.ceilometer.osgi.simulator.swift.SimAccount;
import org.ceilometer.osgi.simulator.swift.SimContainer;
import org.ceilometer.osgi.simulator.swift.SwiftAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Swift's account API as the simulator serves it, held against the API reference's shapes. */
class SwiftTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static Simulator sim;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.builder().seed(7).projects(4).swiftContainers(20).start();
        token = TestHttp.token(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String account(SimProject p) {
        return sim.endpoint("object-store", "public") + "/v1/" + SwiftAccounts.accountName(p);
    }

    private static SimProject tenant(int n) {
        return sim.data().tenantProjects().get(n);
    }

    private static HttpResponse<String> head(String url, String tok) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method("HEAD", HttpRequest.BodyPublishers.noBody());
        if (tok != null) {
            b.header("X-Auth-Token", tok);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void assertAccountHeaders(SimAccount a, HttpResponse<String> r) {
        assertEquals(Long.toString(a.containerCount()), r.headers().firstValue("X-Account-Container-Count").orElse(null));
        assertEquals(Long.toString(a.objectCount()), r.headers().firstValue("X-Account-Object-Count").orElse(null));
        assertEquals(Long.toString(a.bytesUsed()), r.headers().firstValue("X-Account-Bytes-Used").orElse(null));
        assertEquals(a.timestamp(), r.headers().firstValue("X-Timestamp").orElse(null));
        for (SimAccount.PolicyStats s : a.policies()) {
            String p = "X-Account-Storage-Policy-" + s.policy() + "-";
            assertEquals(Long.toString(s.containerCount()), r.headers().firstValue(p + "Container-Count").orElse(null));
            assertEquals(Long.toString(s.objectCount()), r.headers().firstValue(p + "Object-Count").orElse(null));
            assertEquals(Long.toString(s.bytesUsed()), r.headers().firstValue(p + "Bytes-Used").orElse(null));
        }
        String trans = r.headers().firstValue("X-Trans-Id").orElse("");
        assertTrue(trans.matches("tx[0-9a-f]{21}-[0-9a-f]{10}"), trans);
        assertEquals(trans, r.headers().firstValue("X-Openstack-Request-Id").orElse(null));
    }

    @Test
    void theCatalogGivesTheAccountOfTheTokensProject() throws Exception {
        JsonNode body = TestHttp.post(sim.authUrl() + "/auth/tokens", TestHttp.passwordAuth(sim)).json();
        List<String> urls = new ArrayList<>();
        for (JsonNode s : body.path("token").path("catalog")) {
            if ("object-store".equals(s.path("type").asText())) {
                assertEquals("swift", s.path("name").asText());
                s.path("endpoints").forEach(e -> urls.add(e.path("url").asText()));
            }
        }
        String admin = sim.data().adminProject().id();
        assertEquals(List.of(sim.baseUrl() + "/object-store/v1/AUTH_" + admin,
                sim.baseUrl() + "/object-store-internal/v1/AUTH_" + admin,
                sim.baseUrl() + "/object-store-admin/v1/AUTH_" + admin), urls);
    }

    @Test
    void headOfAnAccountAnswers204WithItsTotals() throws Exception {
        SimProject p = tenant(1);
        SimAccount a = sim.swift().account(p);
        HttpResponse<String> r = head(account(p), token);
        assertEquals(204, r.statusCode());
        assertEquals("", r.body());
        assertEquals(20, a.containerCount());
        long objects = sim.swift().containers(p).stream().mapToLong(SimContainer::count).sum();
        long bytes = sim.swift().containers(p).stream().mapToLong(SimContainer::bytes).sum();
        assertEquals(objects, a.objectCount());
        assertEquals(bytes, a.bytesUsed());
        assertTrue(objects > 0 && bytes > objects);
        assertFalse(a.policies().isEmpty());
        assertTrue(a.timestamp().matches("\\d{10}\\.\\d{5}"), a.timestamp());
        assertAccountHeaders(a, r);
    }

    @Test
    void getListsEveryContainerSortedWithTheAccountHeaders() throws Exception {
        SimProject p = tenant(0);
        Reply r = TestHttp.get(account(p) + "?format=json", token);
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        assertAccountHeaders(sim.swift().account(p), r.raw());
        JsonNode list = r.json();
        assertTrue(list.isArray());
        List<SimContainer> expected = sim.swift().containers(p);
        assertEquals(expected.size(), list.size());
        String previous = "";
        for (int i = 0; i < expected.size(); i++) {
            SimContainer c = expected.get(i);
            JsonNode n = list.get(i);
            assertEquals(c.name(), n.path("name").asText());
            assertEquals(c.count(), n.path("count").asLong());
            assertEquals(c.bytes(), n.path("bytes").asLong());
            assertEquals(c.lastModified(), n.path("last_modified").asText());
            assertTrue(c.lastModified().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"));
            if (c.storagePolicy() == null) {
                assertFalse(n.has("storage_policy"), "an unknown policy is left out");
            } else {
                assertEquals(c.storagePolicy(), n.path("storage_policy").asText());
            }
            assertTrue(SwiftAccounts.compareUtf8(previous, c.name()) < 0, "sorted by name");
            previous = c.name();
        }
        assertNull(expected.get(17).storagePolicy());
        assertTrue(expected.get(3).name().contains(" +\u00fc & 100%"));
    }

    @Test
    void markersPageThroughTheListingAndTheLastShortPageEndsIt() throws Exception {
        SimProject p = tenant(2);
        List<String> names = new ArrayList<>();
        String marker = null;
        int pages = 0;
        while (true) {
            String url = account(p) + "?format=json&limit=7" + (marker == null ? "" : "&marker=" + enc(marker));
            JsonNode page = TestHttp.get(url, token).json();
            pages++;
            page.forEach(c -> names.add(c.path("name").asText()));
            if (page.size() < 7) {
                break;
            }
            marker = page.get(page.size() - 1).path("name").asText();
        }
        assertEquals(3, pages, "20 by 7");
        assertEquals(sim.swift().containers(p).stream().map(SimContainer::name).toList(), names);

        Reply past = TestHttp.get(account(p) + "?format=json&marker=zzz", token);
        assertEquals(200, past.status());
        assertEquals(0, past.json().size(), "an empty JSON page is [] with 200");
        Reply between = TestHttp.get(account(p) + "?format=json&limit=2&marker=" + enc("backups-0000"), token);
        assertEquals(sim.swift().containers(p).stream().map(SimContainer::name)
                .filter(n -> SwiftAccounts.compareUtf8(n, "backups-0000") > 0).limit(2).toList(),
                names(between.json()));
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(c -> out.add(c.path("name").asText()));
        return out;
    }

    @Test
    void prefixAndEndMarkerNarrowTheListing() throws Exception {
        SimProject p = tenant(0);
        List<String> all = sim.swift().containers(p).stream().map(SimContainer::name).toList();
        assertEquals(all.stream().filter(n -> n.startsWith("images-")).toList(),
                names(TestHttp.get(account(p) + "?format=json&prefix=images-", token).json()));
        String end = all.get(5);
        assertEquals(all.subList(0, 5), names(TestHttp.get(account(p) + "?format=json&end_marker=" + enc(end), token)
                .json()), "end_marker is exclusive");
        assertEquals(all.subList(3, 5), names(TestHttp.get(account(p) + "?format=json&marker=" + enc(all.get(2))
                + "&end_marker=" + enc(end), token).json()));
    }

    @Test
    void limitsFollowSwift() throws Exception {
        SimProject p = tenant(0);
        assertEquals(412, TestHttp.get(account(p) + "?format=json&limit=10001", token).status());
        assertEquals(20, TestHttp.get(account(p) + "?format=json&limit=abc", token).json().size(),
                "a limit that is not a number is ignored");
        assertEquals(20, TestHttp.get(account(p) + "?format=json&limit=10000", token).json().size());
    }

    @Test
    void theServiceProjectsAccountIsEmpty() throws Exception {
        SimProject service = sim.data().project(SimulatorData.SERVICE_PROJECT);
        HttpResponse<String> h = head(account(service), token);
        assertEquals(204, h.statusCode());
        assertEquals("0", h.headers().firstValue("X-Account-Container-Count").orElse(null));
        assertEquals("0", h.headers().firstValue("X-Account-Object-Count").orElse(null));
        assertEquals("0", h.headers().firstValue("X-Account-Bytes-Used").orElse(null));
        Reply g = TestHttp.get(account(service) + "?format=json", token);
        assertEquals(200, g.status());
        assertEquals(0, g.json().size());
    }

    @Test
    void unknownAccountsOtherPrefixesAndMissingTokensAreRefused() throws Exception {
        String base = sim.endpoint("object-store", "internal") + "/v1/";
        assertEquals(404, head(base + "AUTH_0123456789abcdef0123456789abcdef", token).statusCode());
        assertEquals(404, TestHttp.get(base + "AUTH_nobody?format=json", token).status());
        assertEquals(403, head(base + "SERVICE_" + tenant(0).id(), token).statusCode());
        assertEquals(401, head(base + SwiftAccounts.accountName(tenant(0)), null).statusCode());
        assertEquals(401, TestHttp.get(base + SwiftAccounts.accountName(tenant(0)), "gAAAAAbogus").status());
        assertEquals(501, TestHttp.get(base + SwiftAccounts.accountName(tenant(0)) + "/images-000001", token)
                .status());
        Reply info = TestHttp.get(sim.endpoint("object-store", "public") + "/info", null);
        assertEquals(200, info.status());
        assertEquals(10000, info.json().path("swift").path("account_listing_limit").asInt());
    }

    @Test
    void faultsActPerAccount() throws Exception {
        SimProject broken = tenant(1);
        String prefix = "/object-store/v1/" + SwiftAccounts.accountName(broken);
        sim.faults().failNext(prefix, 1);
        try {
            assertEquals(500, head(account(broken), token).statusCode());
            assertEquals(204, head(account(tenant(0)), token).statusCode());
            assertEquals(204, head(account(broken), token).statusCode(), "only the next one failed");
        } finally {
            sim.faults().clear();
        }
    }

    @Test
    void seededDataRepeatsAndSizesAreChecked() {
        SwiftAccounts again = new SwiftAccounts(new SimulatorData(7, 4, 0), 20);
        SimProject p = tenant(3);
        assertEquals(sim.swift().containers(p), again.containers(p));
        assertEquals(sim.swift().account(p), again.account(p));
        assertNotNull(again.projectOfAccount("AUTH_" + p.id()).orElse(null));
        assertTrue(again.projectOfAccount(p.id()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new SwiftAccounts(new SimulatorData(1, 1, 0), -1));
        SwiftAccounts big = new SwiftAccounts(new SimulatorData(7, 1, 0), 5000);
        SimProject t = new SimulatorData(7, 1, 0).tenantProjects().get(0);
        assertEquals(5000, big.containers(t).size());
        assertEquals(4999, big.after(t, big.container(t, 4998).name()));
        assertEquals(0, big.after(t, ""));
        assertEquals(5000, big.after(t, "\uffff"));
        List<SimContainer> empty = big.containers(t).stream().filter(c -> c.count() == 0).toList();
        assertTrue(empty.size() > 300 && empty.size() < 700, "about one in ten is empty: " + empty.size());
        assertTrue(empty.stream().allMatch(c -> c.bytes() == 0));
        assertEquals(100, big.containers(t).stream().filter(c -> c.storagePolicy() == null).count());
    }
}
