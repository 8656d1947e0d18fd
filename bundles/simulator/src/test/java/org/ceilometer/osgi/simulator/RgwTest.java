package org.ceilometer.osgi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ceilometer.osgi.simulator.rgw.RgwData;
import org.ceilometer.osgi.simulator.rgw.SigV4Verifier;
import org.ceilometer.osgi.simulator.rgw.SimBucket;
import org.junit.jupiter.api.Test;

/** The Ceph RGW admin ops API: signature checks, bucket stats and usage shapes, implicit tenants. */
class RgwTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final DateTimeFormatter AMZ = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void theVerifierAcceptsAwsPublishedVectorsAndRefusesAChangedSignature() {
        Instant at = Instant.parse("2015-08-30T12:36:00Z");
        String secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        // the get-vanilla and get-vanilla-query-order-key-case cases of the aws-sig-v4-test-suite
        Map<String, String> vanilla = Map.of("host", "example.amazonaws.com", "x-amz-date", "20150830T123600Z",
                "authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, "
                        + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        assertNull(SigV4Verifier.verify(new SigV4Verifier.Request("GET", "/", null, vanilla::get, new byte[0]),
                k -> "AKIDEXAMPLE".equals(k) ? secret : null, at));
        Map<String, String> ordered = Map.of("host", "example.amazonaws.com", "x-amz-date", "20150830T123600Z",
                "authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, "
                        + "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
        assertNull(SigV4Verifier.verify(new SigV4Verifier.Request("GET", "/", "Param2=value2&Param1=value1",
                ordered::get, new byte[0]), k -> secret, at));
        SigV4Verifier.Refusal bad = SigV4Verifier.verify(new SigV4Verifier.Request("GET", "/", "Param2=value3",
                ordered::get, new byte[0]), k -> secret, at);
        assertEquals("SignatureDoesNotMatch", bad.code());
        assertEquals(403, bad.status());
        assertEquals("RequestTimeTooSkewed", SigV4Verifier.verify(new SigV4Verifier.Request("GET", "/", null,
                vanilla::get, new byte[0]), k -> secret, at.plus(Duration.ofMinutes(16))).code());
        assertEquals("InvalidAccessKeyId", SigV4Verifier.verify(new SigV4Verifier.Request("GET", "/", null,
                vanilla::get, new byte[0]), k -> null, at).code());
    }

    /** Signs a GET as Ceilometer's awscurl does: s3, us-east-1, host;x-amz-content-sha256;x-amz-date. */
    private static HttpResponse<String> get(Simulator sim, String pathAndQuery, String access, String secret,
            Instant at) throws Exception {
        URI uri = URI.create(sim.baseUrl() + pathAndQuery);
        String host = uri.getHost() + ":" + uri.getPort();
        String date = AMZ.format(at);
        String query = uri.getRawQuery() == null ? "" : canonicalQuery(uri.getRawQuery());
        String creq = "GET\n" + uri.getRawPath() + "\n" + query + "\nhost:" + host + "\nx-amz-content-sha256:"
                + EMPTY_SHA + "\nx-amz-date:" + date + "\n\nhost;x-amz-content-sha256;x-amz-date\n" + EMPTY_SHA;
        String scope = date.substring(0, 8) + "/us-east-1/s3/aws4_request";
        String sts = "AWS4-HMAC-SHA256\n" + date + "\n" + scope + "\n" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(creq.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(hmac(hmac(hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date.substring(0, 8)),
                "us-east-1"), "s3"), "aws4_request");
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                .header("Accept", "application/json").header("X-Amz-Date", date)
                .header("X-Amz-Content-Sha256", EMPTY_SHA);
        if (access != null) {
            b.header("Authorization", "AWS4-HMAC-SHA256 Credential=" + access + "/" + scope
                    + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature="
                    + HexFormat.of().formatHex(hmac(key, sts)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Good enough for the test's parameters: already encoded, sorted by name. */
    private static String canonicalQuery(String raw) {
        return java.util.Arrays.stream(raw.split("&")).sorted().reduce((a, c) -> a + "&" + c).orElse("");
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void bucketStatsAndUsageAreServedToASignedRequestOnly() throws Exception {
        try (Simulator sim = Simulator.builder().seed(3).projects(3).rgwBuckets(12).start()) {
            assertTrue(sim.serviceTypes().contains("radosgw"));
            RgwData rgw = sim.rgw();
            SimProject p = sim.data().tenantProjects().get(0);
            Instant now = Instant.now();
            String bucketPath = "/admin/bucket?uid=" + enc(rgw.uid(p)) + "&stats=true";

            HttpResponse<String> unsigned = get(sim, bucketPath, null, null, now);
            assertEquals(403, unsigned.statusCode());
            assertEquals("AccessDenied", TestHttp.MAPPER.readTree(unsigned.body()).path("Code").asText());
            HttpResponse<String> wrong = get(sim, bucketPath, RgwData.ACCESS_KEY, "not-the-secret", now);
            assertEquals(403, wrong.statusCode());
            assertEquals("SignatureDoesNotMatch", TestHttp.MAPPER.readTree(wrong.body()).path("Code").asText());
            assertNotNull(wrong.headers().firstValue("x-amz-request-id").orElse(null));
            assertEquals(403, get(sim, bucketPath, RgwData.ACCESS_KEY, RgwData.SECRET_KEY,
                    now.minus(Duration.ofMinutes(20))).statusCode(), "too skewed");

            HttpResponse<String> ok = get(sim, bucketPath, RgwData.ACCESS_KEY, RgwData.SECRET_KEY, now);
            assertEquals(200, ok.statusCode(), ok.body());
            JsonNode buckets = TestHttp.MAPPER.readTree(ok.body());
            assertEquals(12, buckets.size());
            for (int i = 0; i < 12; i++) {
                SimBucket expected = rgw.bucket(p, i);
                JsonNode b = buckets.get(i);
                assertEquals(expected.name(), b.path("bucket").asText());
                assertEquals(rgw.uid(p), b.path("owner").asText());
                assertEquals(expected.usage().size(), b.path("usage").size());
                for (SimBucket.Category c : expected.usage()) {
                    JsonNode u = b.path("usage").path(c.category());
                    assertEquals(c.numObjects(), u.path("num_objects").asLong());
                    assertEquals(c.sizeKb(), u.path("size_kb").asLong());
                    assertEquals(c.size(), u.path("size").asLong());
                }
            }
            assertEquals(0, buckets.get(7).path("usage").size(), "bucket 7 is empty");
            assertTrue(buckets.get(4).path("usage").has("rgw.multimeta"));

            JsonNode usage = TestHttp.MAPPER.readTree(get(sim, "/admin/usage?uid=" + enc(rgw.uid(p)),
                    RgwData.ACCESS_KEY, RgwData.SECRET_KEY, now).body());
            assertEquals(rgw.totalOps(p), usage.path("summary").get(0).path("total").path("ops").asLong());
            assertTrue(rgw.totalOps(p) > 0);
            assertEquals(rgw.uid(p), usage.path("entries").get(0).path("user").asText());

            HttpResponse<String> noCap = get(sim, "/admin/usage?uid=" + enc(rgw.uid(p)),
                    RgwData.BUCKETS_ONLY_ACCESS_KEY, RgwData.BUCKETS_ONLY_SECRET_KEY, now);
            assertEquals(403, noCap.statusCode());
            assertEquals("AccessDenied", TestHttp.MAPPER.readTree(noCap.body()).path("Code").asText());

            SimProject service = sim.data().project(SimulatorData.SERVICE_PROJECT);
            assertEquals(404, get(sim, "/admin/bucket?uid=" + service.id() + "&stats=true", RgwData.ACCESS_KEY,
                    RgwData.SECRET_KEY, now).statusCode(), "the service project has no RGW user");
            JsonNode none = TestHttp.MAPPER.readTree(get(sim, "/admin/usage?uid=" + service.id(), RgwData.ACCESS_KEY,
                    RgwData.SECRET_KEY, now).body());
            assertEquals(0, none.path("summary").size());
            assertEquals(0, none.path("entries").size());
        }
    }

    @Test
    void withImplicitTenantsUsersAreProjectDollarProject() throws Exception {
        try (Simulator sim = Simulator.builder().seed(4).projects(2).rgwBuckets(3).rgwImplicitTenants(true).start()) {
            SimProject p = sim.data().tenantProjects().get(1);
            Instant now = Instant.now();
            assertEquals(p.id() + "$" + p.id(), sim.rgw().uid(p));
            HttpResponse<String> ok = get(sim, "/admin/bucket?uid=" + enc(p.id() + "$" + p.id()) + "&stats=true",
                    RgwData.ACCESS_KEY, RgwData.SECRET_KEY, now);
            assertEquals(200, ok.statusCode(), ok.body());
            JsonNode first = TestHttp.MAPPER.readTree(ok.body()).get(0);
            assertEquals(p.id(), first.path("tenant").asText());
            assertEquals(404, get(sim, "/admin/bucket?uid=" + p.id() + "&stats=true", RgwData.ACCESS_KEY,
                    RgwData.SECRET_KEY, now).statusCode());
        }
    }
}
