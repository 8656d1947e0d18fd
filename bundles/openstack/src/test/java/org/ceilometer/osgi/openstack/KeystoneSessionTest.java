package org.ceilometer.osgi.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeystoneSessionTest {
    private FakeOpenStack fake;
    private MutableClock clock;
    private final List<KeystoneSession> sessions = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        fake = new FakeOpenStack();
        clock = new MutableClock(Instant.parse("2030-06-01T12:00:00Z"));
        fake.json("/image/v2/images/one", "{\"id\": \"one\", \"name\": \"cirros\"}");
    }

    @AfterEach
    void stop() {
        sessions.forEach(KeystoneSession::retire);
        fake.close();
    }

    private Settings.Builder password() {
        return Settings.builder().authUrl(fake.authUrl()).username(FakeOpenStack.USER)
                .password(FakeOpenStack.PASSWORD).userDomainName("Default").projectName("service")
                .projectDomainId("default").regionName("RegionOne").timeout(Duration.ofSeconds(5));
    }

    private KeystoneSession session(Settings.Builder b) {
        KeystoneSession s = KeystoneSession.create(b.build(), clock);
        sessions.add(s);
        assertTrue(s.isConfigured(), () -> s.describe());
        return s;
    }

    @Test
    void passwordAuthBodyNamesUserDomainAndProjectScope() throws Exception {
        KeystoneSession s = session(password());
        assertEquals(FakeOpenStack.PROJECT_ID, s.projectId());

        assertEquals(List.of("/identity/v3/auth/tokens"), fake.authPaths);
        JsonNode auth = fake.authBodies.get(0).path("auth");
        assertEquals("password", auth.at("/identity/methods/0").asText());
        JsonNode user = auth.at("/identity/password/user");
        assertEquals(FakeOpenStack.USER, user.path("name").asText());
        assertEquals("Default", user.at("/domain/name").asText());
        assertEquals(FakeOpenStack.PASSWORD, user.path("password").asText());
        assertEquals("service", auth.at("/scope/project/name").asText());
        assertEquals("default", auth.at("/scope/project/domain/id").asText());
    }

    @Test
    void idsAndTheDefaultDomainAreUsedWhenNoDomainIsGiven() throws Exception {
        session(Settings.builder().authUrl(fake.authUrl() + "/v3/").userId("user-id-1")
                .password(FakeOpenStack.PASSWORD).projectId("p-42")).projectId();
        JsonNode auth = fake.authBodies.get(0).path("auth");
        assertEquals("user-id-1", auth.at("/identity/password/user/id").asText());
        assertTrue(auth.at("/identity/password/user/domain").isMissingNode());
        assertEquals("p-42", auth.at("/scope/project/id").asText());
        assertEquals(List.of("/identity/v3/auth/tokens"), fake.authPaths, "a /v3 auth_url is kept as it is");

        fake.authBodies.clear();
        session(Settings.builder().authUrl(fake.authUrl()).username("u").password(FakeOpenStack.PASSWORD)
                .projectName("p")).projectId();
        auth = fake.authBodies.get(0).path("auth");
        assertEquals("default", auth.at("/identity/password/user/domain/id").asText());
        assertEquals("default", auth.at("/scope/project/domain/id").asText());
    }

    @Test
    void applicationCredentialAuthHasNoScope() throws Exception {
        KeystoneSession s = session(Settings.builder().authUrl(fake.authUrl())
                .authType(Settings.AUTH_APPLICATION_CREDENTIAL)
                .applicationCredential("ac-1", null, FakeOpenStack.PASSWORD));
        s.endpoint("image");
        JsonNode auth = fake.authBodies.get(0).path("auth");
        assertEquals("application_credential", auth.at("/identity/methods/0").asText());
        assertEquals("ac-1", auth.at("/identity/application_credential/id").asText());
        assertEquals(FakeOpenStack.PASSWORD, auth.at("/identity/application_credential/secret").asText());
        assertTrue(auth.path("scope").isMissingNode());
    }

    @Test
    void oneAuthenticationServesManyCalls() throws Exception {
        KeystoneSession s = session(password());
        for (int i = 0; i < 20; i++) {
            assertEquals("cirros", s.getJson(s.endpoint("image") + "/v2/images/one").path("name").asText());
        }
        assertEquals(1, fake.authCount());
        assertEquals(20, fake.count("GET /image/v2/images/one"));
    }

    @Test
    void concurrentCallersShareOneAuthentication() throws Exception {
        KeystoneSession s = session(password());
        CountDownLatch gate = new CountDownLatch(1);
        fake.authGate = gate;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> results = new ArrayList<>();
            List<Thread> callers = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    callers.add(Thread.currentThread());
                    return s.getJson(fake.base + "/image/v2/images/one");
                }));
            }
            // One caller authenticates (held at the gate), the seven others wait for its token.
            waitFor(() -> fake.authCount() == 1 && callers.size() == 8
                    && callers.stream().filter(t -> t.getState() == Thread.State.BLOCKED).count() == 7);
            gate.countDown();
            for (Future<JsonNode> f : results) {
                assertEquals("one", f.get(10, TimeUnit.SECONDS).path("id").asText());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fake.authCount());
    }

    @Test
    void tokenIsRenewedBeforeItExpires() throws Exception {
        fake.lifetime = Duration.ofHours(1);
        KeystoneSession s = session(password());
        s.getJson(fake.base + "/image/v2/images/one");
        assertEquals(1, fake.authCount());

        clock.advance(Duration.ofMinutes(53)); // 7 min left: more than 10% of an hour
        s.getJson(fake.base + "/image/v2/images/one");
        assertEquals(1, fake.authCount());

        clock.advance(Duration.ofMinutes(2)); // 5 min left: renew
        s.getJson(fake.base + "/image/v2/images/one");
        assertEquals(2, fake.authCount());
    }

    @Test
    void shortTokensAreRenewedAMinuteBeforeTheyExpire() throws Exception {
        fake.lifetime = Duration.ofMinutes(5);
        KeystoneSession s = session(password());
        s.projectId();
        clock.advance(Duration.ofSeconds(230));
        s.projectId();
        assertEquals(1, fake.authCount());
        clock.advance(Duration.ofSeconds(15)); // 55 s left
        s.projectId();
        assertEquals(2, fake.authCount());
    }

    @Test
    void unauthorizedRenewsTheTokenOnceAndRetries() throws Exception {
        KeystoneSession s = session(password());
        s.getJson(fake.base + "/image/v2/images/one");
        fake.revokeAll();

        assertEquals("one", s.getJson(fake.base + "/image/v2/images/one").path("id").asText());
        assertEquals(2, fake.authCount());
        assertEquals(3, fake.count("GET /image/v2/images/one"), "one 401, then the retry");
    }

    @Test
    void aSecond401IsNotRetriedAgain() throws Exception {
        KeystoneSession s = session(password());
        fake.route("/always401", ex -> new FakeOpenStack.Reply(401, "{}", Map.of()));
        OpenStackException e = assertThrows(OpenStackException.class, () -> s.getJson(fake.base + "/always401"));
        assertEquals(401, e.status());
        assertEquals(2, fake.authCount());
        assertEquals(2, fake.count("GET /always401"));

        Response r = s.request("GET", fake.base + "/always401", Map.of(), null);
        assertEquals(401, r.status(), "request() returns the status instead of throwing");
    }

    @Test
    void catalogIsFilteredByInterfaceAndRegion() throws Exception {
        KeystoneSession one = session(password());
        assertEquals(List.of(fake.base + "/image"), one.endpoints("image"), "trailing slash stripped");
        assertEquals(fake.base + "/image", one.endpoint("image"));

        KeystoneSession two = session(password().regionName("RegionTwo"));
        assertEquals(List.of(fake.base + "/image-r2"), two.endpoints("image"), "matched by 'region'");

        KeystoneSession internal = session(password().interfaceName("internalURL"));
        assertEquals(List.of(fake.base + "/image-internal"), internal.endpoints("image"));

        KeystoneSession admin = session(password().interfaceName("admin"));
        assertEquals(List.of(fake.base + "/image-admin"), admin.endpoints("image"));

        KeystoneSession anyRegion = session(password().regionName(null));
        assertEquals(List.of(fake.base + "/image", fake.base + "/image-r2"), anyRegion.endpoints("image"));

        assertTrue(one.endpoints("compute").isEmpty());
        EndpointNotFoundException e = assertThrows(EndpointNotFoundException.class, () -> one.endpoint("compute"));
        assertEquals("compute", e.serviceType());
        assertTrue(e.getMessage().contains("RegionOne"), e.getMessage());
    }

    @Test
    void httpErrorNamesMethodUrlAndStatus() throws Exception {
        KeystoneSession s = session(password());
        fake.route("/image/v2/images/missing", ex -> new FakeOpenStack.Reply(404,
                "{\"message\": \"No image found\"}", Map.of()));
        String url = fake.base + "/image/v2/images/missing";
        OpenStackException e = assertThrows(OpenStackException.class, () -> s.getJson(url));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().startsWith("GET " + url + " failed: HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("No image found"), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheUrl() throws Exception {
        KeystoneSession s = session(password());
        fake.json("/broken", "{\"images\": [{\"id\": 1}, ");
        String url = fake.base + "/broken";
        OpenStackException e = assertThrows(OpenStackException.class, () -> s.getJson(url));
        assertTrue(e.getMessage().contains("malformed JSON") && e.getMessage().contains(url), e.getMessage());
        OpenStackException p = assertThrows(OpenStackException.class, () -> s.paginate(url, "images", Map.of(), n -> {}));
        assertTrue(p.getMessage().contains("malformed JSON") && p.getMessage().contains(url), p.getMessage());
    }

    @Test
    void aServiceThatNeverAnswersTimesOut() throws Exception {
        KeystoneSession s = session(password().timeout(Duration.ofMillis(500)));
        s.projectId();
        CountDownLatch release = new CountDownLatch(1);
        fake.route("/hang", ex -> {
            release.await(30, TimeUnit.SECONDS);
            return FakeOpenStack.Reply.json("{}");
        });
        long t0 = System.nanoTime();
        try {
            OpenStackException e = assertThrows(OpenStackException.class, () -> s.getJson(fake.base + "/hang"));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms < 5000, "took " + ms + " ms");
            assertTrue(e.getMessage().contains("no response within 500 ms"), e.getMessage());
            assertTrue(e.getMessage().contains(fake.base + "/hang"), e.getMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aKeystoneThatNeverAnswersTimesOut() throws Exception {
        // A listening socket that is never accepted from: the connection is made, no answer comes.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            KeystoneSession s = session(password().authUrl("http://127.0.0.1:" + silent.getLocalPort() + "/v3")
                    .timeout(Duration.ofMillis(400)));
            long t0 = System.nanoTime();
            OpenStackException e = assertThrows(OpenStackException.class, s::projectId);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms < 5000, "took " + ms + " ms");
            assertTrue(e.getMessage().startsWith("POST http://127.0.0.1:" + silent.getLocalPort()
                    + "/v3/auth/tokens failed: no response within 400 ms"), e.getMessage());
        }
    }

    @Test
    void secretsNeverAppearInMessagesOrDescriptions() throws Exception {
        fake.password = "the-right-one";
        KeystoneSession s = session(password());
        OpenStackException e = assertThrows(OpenStackException.class, () -> s.endpoint("image"));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("Keystone refused the credentials"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + FakeOpenStack.USER + "'"), e.getMessage());
        assertFalse(e.getMessage().contains(FakeOpenStack.PASSWORD), e.getMessage());
        assertFalse(s.describe().contains(FakeOpenStack.PASSWORD), s.describe());
        assertFalse(s.toString().contains(FakeOpenStack.PASSWORD));

        // An error body that echoes the password and the token is masked.
        fake.password = FakeOpenStack.PASSWORD;
        fake.route("/echo", ex -> new FakeOpenStack.Reply(500, "bad " + FakeOpenStack.PASSWORD + " "
                + ex.getRequestHeaders().getFirst("X-Auth-Token"), Map.of()));
        OpenStackException echo = assertThrows(OpenStackException.class, () -> s.getJson(fake.base + "/echo"));
        assertFalse(echo.getMessage().contains(FakeOpenStack.PASSWORD), echo.getMessage());
        assertFalse(echo.getMessage().contains("gAAAAA-token"), echo.getMessage());
        assertTrue(echo.getMessage().contains("***"), echo.getMessage());
        assertFalse(s.describe().contains("gAAAAA-token"), s.describe());
        assertFalse(s.settings().toString().contains(FakeOpenStack.PASSWORD));
    }

    @Test
    void requestSendsAnyMethodAndReturnsHeadersAndStatus() throws Exception {
        KeystoneSession s = session(password());
        String account = s.endpoint("object-store");
        fake.route("/swift/v1/AUTH_" + FakeOpenStack.PROJECT_ID, ex -> new FakeOpenStack.Reply(204, null,
                Map.of("X-Account-Object-Count", "7", "X-Account-Bytes-Used", "1024")));
        Response head = s.request("HEAD", account, Map.of(), null);
        assertEquals(204, head.status());
        assertEquals("7", head.header("x-account-object-count"));
        assertEquals("1024", head.header("X-Account-Bytes-Used"));

        fake.route("/post", ex -> new FakeOpenStack.Reply(202, new String(ex.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8) + "|" + ex.getRequestHeaders().getFirst("Content-Type"), Map.of()));
        Response post = s.request("post", fake.base + "/post", Map.of(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals(202, post.status());
        assertEquals("{\"a\":1}|application/json", post.bodyText());

        Response missing = s.request("GET", fake.base + "/nothing-here", Map.of(), null);
        assertEquals(404, missing.status());
    }

    @Test
    void incompleteSettingsAreReportedOnUse() {
        KeystoneSession s = KeystoneSession.create(Settings.builder().authUrl(fake.authUrl()).build(), clock);
        assertFalse(s.isConfigured());
        OpenStackException e = assertThrows(OpenStackException.class, () -> s.endpoint("image"));
        assertTrue(e.getMessage().contains("username or user_id") && e.getMessage().contains("password"),
                e.getMessage());
        assertEquals(0, fake.authCount());
    }

    @Test
    void aRetiredSessionClosesWhenItsLastCallEnds() throws Exception {
        KeystoneSession s = KeystoneSession.create(password().build(), clock);
        assertTrue(s.enter());
        s.retire();
        assertFalse(s.isClosed(), "a call is still running");
        assertNotNull(s.getJson(fake.base + "/image/v2/images/one"));
        s.exit();
        assertTrue(s.isClosed());
        assertFalse(s.enter());
    }

    @Test
    void aReplacementSessionReusesTheTransportWhenTlsAndTimeoutsAreUnchanged() {
        KeystoneSession first = session(password());
        KeystoneSession sameTransport = KeystoneSession.create(password().password("other").build(), null, first, clock);
        sessions.add(sameTransport);
        assertSame(first.transport(), sameTransport.transport());
        KeystoneSession otherTimeout = KeystoneSession.create(password().timeout(Duration.ofSeconds(9)).build(), null,
                first, clock);
        sessions.add(otherTimeout);
        assertFalse(first.transport() == otherTimeout.transport());
    }

    @Test
    void connectionsArePooledAndBoundedByMaxParallelRequests() throws Exception {
        KeystoneSession s = session(password().maxParallelRequests(3));
        java.util.Set<Integer> clientPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger concurrent = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxConcurrent = new java.util.concurrent.atomic.AtomicInteger();
        fake.route("/counted", ex -> {
            clientPorts.add(ex.getRemoteAddress().getPort());
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                return FakeOpenStack.Reply.json("{\"ok\": true}");
            } finally {
                concurrent.decrementAndGet();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 25; i++) {
                        ok += s.getJson(fake.base + "/counted").path("ok").asBoolean() ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> f : runs) {
                ok += f.get(30, TimeUnit.SECONDS);
            }
            assertEquals(200, ok);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(clientPorts.size() <= 3, "connections used: " + clientPorts.size());
        assertTrue(maxConcurrent.get() <= 3, "requests at once: " + maxConcurrent.get());
        assertEquals(1, fake.authCount());
    }

    @Test
    void gzipResponsesAreDecoded() throws Exception {
        KeystoneSession s = session(password());
        fake.route("/gz", ex -> {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
                gz.write("{\"images\": [{\"id\": \"zipped\"}]}".getBytes(StandardCharsets.UTF_8));
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, bytes.size());
            try (java.io.OutputStream out = ex.getResponseBody()) {
                bytes.writeTo(out);
            }
            return null;
        });
        List<String> ids = new ArrayList<>();
        s.paginate(fake.base + "/gz", "images", Map.of(), n -> ids.add(n.path("id").asText()));
        assertEquals(List.of("zipped"), ids);
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }
}
