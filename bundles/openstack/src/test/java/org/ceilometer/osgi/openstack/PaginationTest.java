package org.ceilometer.osgi.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaginationTest {
    private FakeOpenStack fake;
    private KeystoneSession session;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeOpenStack();
        session = KeystoneSession.create(Settings.builder().authUrl(fake.authUrl()).username(FakeOpenStack.USER)
                .password(FakeOpenStack.PASSWORD).projectName("service").timeout(Duration.ofSeconds(5)).build(),
                new MutableClock(Instant.parse("2030-01-01T00:00:00Z")));
    }

    @AfterEach
    void stop() {
        session.retire();
        fake.close();
    }

    private List<String> ids(String url, String itemsKey) throws OpenStackException {
        List<String> ids = new ArrayList<>();
        session.paginate(url, itemsKey, Map.of(), n -> ids.add(n.path("id").asText()));
        return ids;
    }

    private static String query(com.sun.net.httpserver.HttpExchange ex) {
        String q = ex.getRequestURI().getRawQuery();
        return q == null ? "" : q;
    }

    @Test
    void glanceNextIsRelativeAndKeepsTheEndpointPathPrefix() throws Exception {
        // Glance behind a path (devstack: http://h/image) still answers next links without the prefix.
        fake.route("/image/v2/images", ex -> {
            switch (query(ex)) {
                case "limit=2":
                    return FakeOpenStack.Reply.json("{\"next\": \"/v2/images?limit=2&marker=b\", "
                            + "\"images\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"first\": \"/v2/images\"}");
                case "limit=2&marker=b":
                    return FakeOpenStack.Reply.json("{\"images\": [{\"id\": \"c\"}, {\"id\": \"d\"}], "
                            + "\"next\": \"/v2/images?limit=2&marker=d\", \"schema\": \"/v2/schemas/images\"}");
                case "limit=2&marker=d":
                    return FakeOpenStack.Reply.json("{\"images\": [{\"id\": \"e\"}], \"first\": \"/v2/images\"}");
                default:
                    return new FakeOpenStack.Reply(400, "unexpected " + query(ex), Map.of());
            }
        });
        assertEquals(List.of("a", "b", "c", "d", "e"), ids(session.endpoint("image") + "/v2/images?limit=2", "images"));
        assertEquals(List.of("GET /image/v2/images?limit=2", "GET /image/v2/images?limit=2&marker=b",
                "GET /image/v2/images?limit=2&marker=d"), fake.requestsSnapshot());
    }

    @Test
    void keystoneLinksNext() throws Exception {
        fake.route("/identity/v3/projects", ex -> {
            if (query(ex).contains("page=2")) {
                return FakeOpenStack.Reply.json("{\"links\": {\"self\": \"x\", \"previous\": null, \"next\": null}, "
                        + "\"projects\": [{\"id\": \"p3\"}]}");
            }
            return FakeOpenStack.Reply.json("{\"links\": {\"self\": \"x\", \"previous\": null, \"next\": \""
                    + fake.base + "/identity/v3/projects?page=2\"}, \"projects\": [{\"id\": \"p1\"}, {\"id\": \"p2\"}]}");
        });
        assertEquals(List.of("p1", "p2", "p3"), ids(fake.base + "/identity/v3/projects", "projects"));
    }

    @Test
    void neutronStyleItemsLinks() throws Exception {
        fake.route("/network/v2.0/networks", ex -> {
            if (query(ex).contains("marker=n2")) {
                return FakeOpenStack.Reply.json("{\"networks\": [{\"id\": \"n3\"}], \"networks_links\": [{\"rel\": "
                        + "\"previous\", \"href\": \"" + fake.base + "/network/v2.0/networks?limit=2&marker=n3"
                        + "&page_reverse=True\"}]}");
            }
            return FakeOpenStack.Reply.json("{\"networks_links\": [{\"rel\": \"next\", \"href\": \"" + fake.base
                    + "/network/v2.0/networks?limit=2&marker=n2\"}], \"networks\": [{\"id\": \"n1\"}, {\"id\": \"n2\"}]}");
        });
        assertEquals(List.of("n1", "n2", "n3"), ids(fake.base + "/network/v2.0/networks?limit=2", "networks"));
        assertEquals(2, fake.count("GET /network/v2.0/networks"));
    }

    @Test
    void relativeNextOnAnEndpointWithoutPrefix() throws Exception {
        fake.route("/v2/images", ex -> query(ex).isEmpty()
                ? FakeOpenStack.Reply.json("{\"images\": [{\"id\": \"a\"}], \"next\": \"/v2/images?marker=a\"}")
                : FakeOpenStack.Reply.json("{\"images\": [{\"id\": \"b\"}]}"));
        assertEquals(List.of("a", "b"), ids(fake.base + "/v2/images", "images"));
    }

    @Test
    void swiftStyleMarkersOnATopLevelArray() throws Exception {
        List<String> containers = List.of("c1", "c2", "c3", "c4", "c5");
        fake.route("/swift/v1/AUTH_x", ex -> {
            String q = query(ex);
            int limit = Integer.parseInt(q.replaceAll(".*limit=(\\d+).*", "$1"));
            String marker = q.contains("marker=") ? q.replaceAll(".*marker=([^&]*).*", "$1") : null;
            int from = marker == null ? 0 : containers.indexOf(marker) + 1;
            StringBuilder sb = new StringBuilder("[");
            for (int i = from; i < Math.min(from + limit, containers.size()); i++) {
                sb.append(i > from ? "," : "").append("{\"name\": \"").append(containers.get(i))
                        .append("\", \"count\": ").append(i).append('}');
            }
            return FakeOpenStack.Reply.json(sb.append(']').toString());
        });
        List<String> names = new ArrayList<>();
        session.paginateByMarker(fake.base + "/swift/v1/AUTH_x?format=json", null, "name", 2, Map.of(),
                n -> names.add(n.path("name").asText()));
        assertEquals(containers, names);
        assertEquals(List.of("GET /swift/v1/AUTH_x?format=json&limit=2",
                "GET /swift/v1/AUTH_x?format=json&limit=2&marker=c2",
                "GET /swift/v1/AUTH_x?format=json&limit=2&marker=c4"), fake.requestsSnapshot());

        // An exact multiple of the limit ends on an empty page.
        names.clear();
        session.paginateByMarker(fake.base + "/swift/v1/AUTH_x", null, "name", 5, Map.of(),
                n -> names.add(n.path("name").asText()));
        assertEquals(containers, names);
        assertTrue(fake.requestsSnapshot().contains("GET /swift/v1/AUTH_x?limit=5&marker=c5"));
    }

    @Test
    void markersUnderAnItemsKey() throws Exception {
        fake.route("/list", ex -> query(ex).contains("marker=")
                ? FakeOpenStack.Reply.json("{\"things\": []}")
                : FakeOpenStack.Reply.json("{\"things\": [{\"id\": \"x\"}, {\"id\": \"y\"}]}"));
        List<String> ids = new ArrayList<>();
        session.paginateByMarker(fake.base + "/list", "things", "id", 2, Map.of(), n -> ids.add(n.path("id").asText()));
        assertEquals(List.of("x", "y"), ids);
        assertTrue(fake.requestsSnapshot().contains("GET /list?limit=2&marker=y"));
    }

    @Test
    void aNextLinkThatLoopsStops() throws Exception {
        fake.route("/loop", ex -> FakeOpenStack.Reply.json("{\"items\": [{\"id\": \"" + query(ex) + "\"}], "
                + "\"next\": \"" + (query(ex).isEmpty() ? "/loop?p=2" : "/loop") + "\"}"));
        assertEquals(List.of("", "p=2"), ids(fake.base + "/loop", "items"));
        assertEquals(2, fake.count("GET /loop"));
    }

    @Test
    void aPageWithoutTheItemsKeyIsAnError() throws Exception {
        fake.json("/nolist", "{\"servers\": []}");
        OpenStackException e = assertThrows(OpenStackException.class, () -> ids(fake.base + "/nolist", "images"));
        assertTrue(e.getMessage().contains("no 'images' list") && e.getMessage().contains("/nolist"), e.getMessage());
    }

    @Test
    void aFailingPageNamesItsUrlAndStatus() throws Exception {
        fake.route("/v2/images", ex -> query(ex).isEmpty()
                ? FakeOpenStack.Reply.json("{\"images\": [{\"id\": \"a\"}], \"next\": \"/v2/images?marker=a\"}")
                : new FakeOpenStack.Reply(503, "busy", Map.of()));
        List<String> seen = new ArrayList<>();
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> session.paginate(fake.base + "/v2/images", "images", Map.of(), n -> seen.add(n.path("id").asText())));
        assertEquals(503, e.status());
        assertTrue(e.getMessage().startsWith("GET " + fake.base + "/v2/images?marker=a failed: HTTP 503"), e.getMessage());
        assertEquals(List.of("a"), seen);
    }

    @Test
    void itemsReachTheConsumerWhileThePageIsStillArriving() throws Exception {
        CountDownLatch firstSeen = new CountDownLatch(1);
        boolean[] released = new boolean[1];
        fake.route("/slow", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("{\"images\": [{\"id\": \"first\"},".getBytes(StandardCharsets.UTF_8));
                out.flush();
                // The rest is sent only once the client has handed the first item over.
                released[0] = firstSeen.await(10, TimeUnit.SECONDS);
                out.write(" {\"id\": \"second\"}]}".getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
        List<JsonNode> items = new ArrayList<>();
        session.paginate(fake.base + "/slow", "images", Map.of(), n -> {
            items.add(n);
            firstSeen.countDown();
        });
        assertTrue(released[0], "the first item was handed over before the page ended");
        assertEquals(2, items.size());
        assertEquals("second", items.get(1).path("id").asText());
    }

    @Test
    void emptyPagesAndNullListsEndTheListing() throws Exception {
        fake.route("/empty", ex -> new FakeOpenStack.Reply(204, null, Map.of()));
        assertEquals(List.of(), ids(fake.base + "/empty", "images"));
        fake.json("/nulllist", "{\"images\": null, \"next\": null}");
        assertEquals(List.of(), ids(fake.base + "/nulllist", "images"));
    }
}
