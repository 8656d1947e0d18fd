package org.ceilometer.osgi.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A Keystone v3 (under {@code /identity}) and any list services a test adds, on 127.0.0.1 and a free
 * port. Tokens it issued are accepted until revoked; other paths answer 401 without a valid token.
 */
final class FakeOpenStack implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Without it the JDK server's separate header and body writes meet Nagle and delayed ACKs: 40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    static final String USER = "ceilometer";
    static final String PASSWORD = "pa55-w0rd-secret";
    static final String PROJECT_ID = "proj-service-id";

    final HttpServer server;
    final String base;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    final List<JsonNode> authBodies = new CopyOnWriteArrayList<>();
    final List<String> authPaths = new CopyOnWriteArrayList<>();
    /** Every request other than auth, as "METHOD path?query". */
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    final AtomicInteger issued = new AtomicInteger();
    volatile Duration lifetime = Duration.ofHours(1);
    volatile String password = PASSWORD;
    /** When set, the token endpoint waits on it before answering (concurrency tests). */
    volatile CountDownLatch authGate;

    /** One answer of a route. */
    static final class Reply {
        final int status;
        final String body;
        final Map<String, String> headers;

        Reply(int status, String body, Map<String, String> headers) {
            this.status = status;
            this.body = body;
            this.headers = headers;
        }

        static Reply json(String body) {
            return new Reply(200, body, Map.of("Content-Type", "application/json"));
        }
    }

    @FunctionalInterface
    interface Route {
        /** @return null when the route wrote the response itself */
        Reply handle(HttpExchange exchange) throws Exception;
    }

    FakeOpenStack() throws IOException {
        this(null);
    }

    FakeOpenStack(SSLContext tls) throws IOException {
        InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(addr, 50);
        } else {
            HttpsServer s = HttpsServer.create(addr, 50);
            s.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = s;
        }
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
        base = (tls == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The auth URL without a version, as devstack publishes it. */
    String authUrl() {
        return base + "/identity";
    }

    void route(String path, Route r) {
        routes.put(path, r);
    }

    /** Serves a fixed JSON body at a path (any query). */
    void json(String path, String body) {
        route(path, ex -> Reply.json(body));
    }

    void revokeAll() {
        validTokens.clear();
    }

    int authCount() {
        return authBodies.size();
    }

    long count(String requestPrefix) {
        return requests.stream().filter(r -> r.startsWith(requestPrefix)).count();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            if (path.endsWith("/v3/auth/tokens") && ex.getRequestMethod().equals("POST")) {
                authPaths.add(path);
                auth(ex);
                return;
            }
            requests.add(ex.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            String token = ex.getRequestHeaders().getFirst("X-Auth-Token");
            if (token == null || !validTokens.contains(token)) {
                send(ex, new Reply(401, "{\"error\": {\"code\": 401, \"message\": \"The request you have made "
                        + "requires authentication.\"}}", Map.of("Content-Type", "application/json")));
                return;
            }
            Route r = routes.get(path);
            if (r == null) {
                send(ex, new Reply(404, "{\"error\": \"no route " + path + "\"}", Map.of()));
                return;
            }
            Reply reply = r.handle(ex);
            if (reply != null) {
                send(ex, reply);
            }
        } catch (Exception e) {
            send(ex, new Reply(500, "fake failed: " + e, Map.of()));
        } finally {
            ex.close();
        }
    }

    private void auth(HttpExchange ex) throws Exception {
        JsonNode body = JSON.readTree(ex.getRequestBody());
        authBodies.add(body);
        CountDownLatch gate = authGate;
        if (gate != null) {
            gate.await(10, TimeUnit.SECONDS);
        }
        JsonNode identity = body.path("auth").path("identity");
        boolean ok;
        if (identity.path("methods").path(0).asText().equals("application_credential")) {
            ok = identity.path("application_credential").path("secret").asText().equals(password);
        } else {
            ok = identity.path("password").path("user").path("password").asText().equals(password);
        }
        if (!ok) {
            send(ex, new Reply(401, "{\"error\": {\"code\": 401, \"message\": \"The request you have made requires "
                    + "authentication.\", \"title\": \"Unauthorized\"}}", Map.of("Content-Type", "application/json")));
            return;
        }
        String token = "gAAAAA-token-" + issued.incrementAndGet();
        validTokens.add(token);
        Instant issuedAt = Instant.parse("2031-01-01T00:00:00Z");
        ObjectNode root = JSON.createObjectNode();
        ObjectNode t = root.putObject("token");
        t.putArray("methods").add("password");
        t.put("issued_at", issuedAt.toString().replace("Z", ".000000Z"));
        t.put("expires_at", issuedAt.plus(lifetime).toString().replace("Z", ".000000Z"));
        t.putObject("user").put("id", "user-id-1").put("name", USER);
        t.putObject("project").put("id", PROJECT_ID).put("name", "service");
        t.set("catalog", catalog());
        send(ex, new Reply(201, JSON.writeValueAsString(root),
                Map.of("Content-Type", "application/json", "X-Subject-Token", token)));
    }

    private ArrayNode catalog() {
        ArrayNode c = JSON.createArrayNode();
        ObjectNode identity = c.addObject().put("type", "identity").put("name", "keystone");
        endpoint(identity, "public", "RegionOne", true, base + "/identity");
        ObjectNode image = c.addObject().put("type", "image").put("name", "glance");
        endpoint(image, "public", "RegionOne", true, base + "/image/");
        endpoint(image, "public", "RegionTwo", false, base + "/image-r2");
        endpoint(image, "internal", "RegionOne", true, base + "/image-internal");
        endpoint(image, "admin", "RegionOne", true, base + "/image-admin");
        ObjectNode swift = c.addObject().put("type", "object-store").put("name", "swift");
        endpoint(swift, "public", "RegionOne", true, base + "/swift/v1/AUTH_" + PROJECT_ID);
        return c;
    }

    /** An endpoint; the old style has only {@code region}, the new both {@code region_id} and it. */
    private static void endpoint(ObjectNode service, String iface, String region, boolean regionId, String url) {
        ObjectNode e = service.withArray("endpoints").addObject();
        e.put("id", iface + "-" + region).put("interface", iface).put("region", region).put("url", url);
        if (regionId) {
            e.put("region_id", region);
        }
    }

    static void send(HttpExchange ex, Reply r) throws IOException {
        byte[] b = r.body == null ? new byte[0] : r.body.getBytes(StandardCharsets.UTF_8);
        r.headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        boolean noBody = ex.getRequestMethod().equals("HEAD") || r.status == 204;
        ex.sendResponseHeaders(r.status, noBody ? -1 : b.length == 0 ? -1 : b.length);
        if (!noBody && b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    List<String> requestsSnapshot() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
