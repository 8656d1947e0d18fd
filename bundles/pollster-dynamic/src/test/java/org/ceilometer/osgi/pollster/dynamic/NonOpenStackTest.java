package org.ceilometer.osgi.pollster.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.testsupport.FakeOpenStackClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.ceilometer.osgi.testsupport.PollRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The non-OpenStack form against a small HTTP server that checks the signatures, and Barbican credentials. */
class NonOpenStackTest {
    static final String ACCESS = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    HttpServer server;
    ExecutorService serverPool = Executors.newFixedThreadPool(2);
    String base;
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    final Map<String, String> bodies = new ConcurrentHashMap<>();
    final FakeOpenStackClient os = new FakeOpenStackClient().projectId("service-project");
    final FakePollContext ctx = Defs.cycle(os);

    /** The usage summary of telemetry-dynamic-pollster.rst ("Multi metric dynamic pollsters"), shortened. */
    static final String USAGE = """
            {"entries": [],
             "summary": [
               {"categories": [{"bytes_received": 0, "bytes_sent": 0, "category": "create_bucket", "ops": 2, "successful_ops": 2},
                               {"bytes_received": 0, "bytes_sent": 2120428, "category": "get_obj", "ops": 46, "successful_ops": 46}],
                "total": {"bytes_received": 6889056, "bytes_sent": 2141912, "ops": 102, "successful_ops": 102},
                "user": "user"},
               {"categories": [{"bytes_received": 0, "bytes_sent": 5371, "category": "list_bucket", "ops": 2, "successful_ops": 2}],
                "total": {"bytes_received": 3444350, "bytes_sent": 5371, "ops": 49, "successful_ops": 49},
                "user": "someOtherUser"}]}
            """;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverPool);
        server.createContext("/", this::serve);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        bodies.put("/admin/usage", USAGE);
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.stop(0);
        serverPool.shutdownNow();
        ctx.close();
    }

    private void serve(HttpExchange ex) throws IOException {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ex.getRequestHeaders().forEach((k, v) -> h.put(k, v.get(0)));
        h.put(":path", ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()));
        requests.add(h);
        int status = 200;
        String auth = h.getOrDefault("Authorization", "");
        if (auth.startsWith("AWS ")) {
            // the server's own check: HMAC-SHA1 over method, empty MD5 and type, the Date it received and the path
            String expected = "AWS " + ACCESS + ":" + hmac(SECRET, "GET\n\n\n" + h.get("Date") + "\n"
                    + ex.getRequestURI().getRawPath());
            status = auth.equals(expected) ? 200 : 403;
        } else if (auth.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.ISO_8859_1);
            status = pair.equals("admin:s3cret") ? 200 : 401;
        } else {
            status = 401;
        }
        String body = bodies.get(ex.getRequestURI().getRawPath());
        if (body == null) {
            status = 404;
            body = "{}";
        }
        byte[] bytes = (status == 200 ? body : "{\"Code\": \"AccessDenied\"}").getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String hmac(String key, String msg) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(msg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The first radosgw example of the documentation, pointed at the test server. */
    String radosgw(String parameters) {
        return """
                - name: "dynamic.radosgw.api.request"
                  sample_type: "gauge"
                  unit: "request"
                  value_attribute: "total.ops"
                  url_path: "%s/admin/usage"
                  module: "awsauth"
                  authentication_object: "S3Auth"
                  authentication_parameters: "%s"
                  user_id_attribute: "user"
                  project_id_attribute: "user"
                  resource_id_attribute: "user"
                  response_entries_key: "summary"
                """.formatted(base, parameters);
    }

    @Test
    void s3AuthSignsAsAwsauthAndTheKeystoneTokenIsNeverSent() {
        String host = "127.0.0.1:" + server.getAddress().getPort();
        DynamicPollster p = Defs.pollster(radosgw(ACCESS + ", " + SECRET + "," + host));
        assertEquals("barbican:", p.defaultDiscovery());
        PollRun run = ctx.poll(p, List.of(Resource.of("barbican:", BarbicanDiscovery.NO_SECRET)));
        assertNull(run.error(), () -> String.valueOf(run.error()));
        assertEquals(List.of(102L, 49L), run.volumes());
        Sample s = run.samples().get(0);
        assertEquals("user", s.resourceId());
        assertEquals("user", s.userId());
        assertEquals("user", s.projectId());
        assertEquals(List.of(), os.requests(), "no request went through the Keystone session");
        Map<String, String> req = requests.get(0);
        assertFalse(req.containsKey("X-Auth-Token"));
        assertTrue(req.get("Authorization").startsWith("AWS " + ACCESS + ":"));
        assertEquals("/admin/usage", req.get(":path"));
    }

    @Test
    void aBadSignatureIsAnErrorThatNamesTheStatusNotTheSecret() {
        String host = "127.0.0.1:" + server.getAddress().getPort();
        PollRun run = ctx.poll(Defs.pollster(radosgw(ACCESS + ",wrong-secret," + host)),
                List.of(Resource.of("barbican:", BarbicanDiscovery.NO_SECRET)));
        assertEquals(List.of(), run.samples());
        String m = run.error().getMessage();
        assertTrue(m.contains("error while executing request [" + base + "/admin/usage]: status [403]"), m);
        assertFalse(m.contains("wrong-secret"), m);
    }

    @Test
    void credentialsComeFromBarbicanWhenTheDefinitionHasNone() throws Exception {
        String host = "127.0.0.1:" + server.getAddress().getPort();
        os.endpoint("key-manager", "https://barbican.test:9311");
        os.respond("https://barbican.test:9311/v1/secrets/secret-uuid/payload", ACCESS + "," + SECRET + "," + host);
        List<Resource> found = new BarbicanDiscovery().discover(ctx, "secret-uuid");
        assertEquals("barbican:secret-uuid", found.get(0).id(), "the id names the secret, not its payload");
        assertEquals(Map.of("Accept", "*/*"), os.requests().get(0).headers());
        DynamicPollster p = Defs.pollster(radosgw("").replace("  authentication_parameters: \"\"\n",
                "  barbican_secret_id: \"secret-uuid\"\n"));
        assertEquals("barbican:secret-uuid", p.defaultDiscovery());
        PollRun run = ctx.poll(p, found);
        assertNull(run.error(), () -> String.valueOf(run.error()));
        assertEquals(List.of(102L, 49L), run.volumes());
        PollRun none = ctx.poll(p, new BarbicanDiscovery().discover(ctx, ""));
        assertTrue(none.error().getMessage().contains("the credentials from barbican:secret-uuid do not fit: "
                + "awsauth.S3Auth takes 2 or 3 comma-separated values, but 1 were given"), none.error().getMessage());
        os.clearCatalog();
        assertEquals(BarbicanDiscovery.NO_SECRET, new BarbicanDiscovery().discover(ctx, "secret-uuid").get(0).payload());
    }

    @Test
    void basicAuthAndMultiMetricWithOperations() {
        PollRun run = ctx.poll(Defs.pollster("""
                - name: "dynamic.radosgw.api.request.{category}"
                  sample_type: "gauge"
                  unit: "request"
                  value_attribute: "[categories].ops"
                  url_path: "%s/admin/usage"
                  module: "requests.auth"
                  authentication_object: "HTTPBasicAuth"
                  authentication_parameters: "admin, s3cret"
                  user_id_attribute: "user | value.upper()"
                  project_id_attribute: "user | value.split('$') | value[0]"
                  resource_id_attribute: "user  | value.split('$') | value[0]"
                  response_entries_key: "summary"
                  headers: {"X-Trace": "on"}
                """.formatted(base)), List.of(Resource.of("barbican:", BarbicanDiscovery.NO_SECRET)));
        assertNull(run.error(), () -> String.valueOf(run.error()));
        assertEquals(List.of("dynamic.radosgw.api.request.create_bucket", "dynamic.radosgw.api.request.get_obj",
                "dynamic.radosgw.api.request.list_bucket"), run.samples().stream().map(Sample::name).toList());
        assertEquals(List.of(2L, 46L, 2L), run.volumes());
        assertEquals("SOMEOTHERUSER", run.samples().get(2).userId());
        assertEquals("on", requests.get(0).get("X-Trace"));
    }

    @Test
    void relativeNextPagesJoinTheUrlPath() {
        bodies.put("/v1/list", "{\"next\": \"/v1/page2\", \"items\": [{\"id\": \"a\", \"v\": 1}]}");
        bodies.put("/v1/page2", "{\"items\": [{\"id\": \"b\", \"v\": 2}]}");
        PollRun run = ctx.poll(Defs.pollster("""
                - name: "dynamic.paged"
                  sample_type: "gauge"
                  unit: "item"
                  value_attribute: "v"
                  url_path: "%s/v1/list"
                  module: "requests"
                  authentication_object: "HTTPBasicAuth"
                  authentication_parameters: "admin,s3cret"
                  response_entries_key: "items"
                  next_sample_url_attribute: "next"
                """.formatted(base)), List.of(Resource.of("barbican:", BarbicanDiscovery.NO_SECRET)));
        assertNull(run.error(), () -> String.valueOf(run.error()));
        assertEquals(List.of(1L, 2L), run.volumes());
        assertEquals(List.of("/v1/list", "/v1/page2"), requests.stream().map(r -> r.get(":path")).toList());
    }

    /** AWS's documented signature version 2 example (the GET of puppy.jpg). */
    @Test
    void s3CanonicalStringAndSignatureMatchAwsExample() {
        String url = "http://awsexamplebucket1.s3.amazonaws.com/photos/puppy.jpg";
        Map<String, String> headers = Map.of("Date", "Tue, 27 Mar 2007 19:36:42 +0000");
        String canonical = Authenticator.s3CanonicalString("GET", url, headers, "s3.amazonaws.com");
        assertEquals("GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/awsexamplebucket1/photos/puppy.jpg", canonical);
        Map<String, String> signed = Authenticator.S3_AUTH.sign(url, headers,
                List.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), Clock.systemUTC());
        assertEquals(Map.of("Authorization", "AWS AKIAIOSFODNN7EXAMPLE:qgk2+6Sv9/oM7G3qLEjTH1a1l1g="), signed);
        // sub-resources and x-amz headers, as awsauth builds them
        assertEquals("GET\n\n\n\nx-amz-date:Tue, 27 Mar 2007 19:36:42 +0000\n/bucket/key?acl&versionId=a b",
                Authenticator.s3CanonicalString("GET", "http://bucket.s3.amazonaws.com/key?versionId=a%20b&x=1&acl",
                        Map.of("Date", "ignored", "x-amz-date", "Tue, 27 Mar 2007 19:36:42 +0000"), "s3.amazonaws.com"));
        Clock fixed = Clock.fixed(Instant.parse("2007-03-07T09:06:42Z"), ZoneOffset.UTC);
        assertEquals("Wed, 07 Mar 2007 09:06:42 GMT",
                Authenticator.S3_AUTH.sign("http://h/x", Map.of(), List.of("a", "b"), fixed).get("Date"));
    }
}
