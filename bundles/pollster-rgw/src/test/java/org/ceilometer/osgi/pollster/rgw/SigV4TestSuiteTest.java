package org.ceilometer.osgi.pollster.rgw;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The signer against the bundle's SigV4 test vectors ({@code src/test/resources/sigv4-vectors.json}),
 * which our second, independent implementation ({@code src/test/python/sigv4_vectors.py}) generates:
 * for every case the canonical request, the string to sign, the signature and the {@code Authorization}
 * header, each byte for byte. Besides, AWS's own documented examples, written here as facts, hold for
 * both implementations.
 */
class SigV4TestSuiteTest {
    static final String VECTORS = "/sigv4-vectors.json";
    /** How many cases the generator writes; a shorter file means it was cut or edited. */
    static final int CASES = 62;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode document;

    static synchronized JsonNode document() {
        if (document == null) {
            try (InputStream in = SigV4TestSuiteTest.class.getResourceAsStream(VECTORS)) {
                assertNotNull(in, VECTORS);
                document = JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return document;
    }

    static Stream<JsonNode> cases() {
        return StreamSupport.stream(document().path("cases").spliterator(), false);
    }

    static Stream<Arguments> vectors() {
        return cases().map(c -> Arguments.of(c.path("name").asText(), c));
    }

    static JsonNode vector(String name) {
        return cases().filter(c -> name.equals(c.path("name").asText())).findFirst().orElseThrow();
    }

    static List<Map.Entry<String, String>> headers(JsonNode v) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        v.path("headers").forEach(h -> headers.add(Map.entry(h.get(0).asText(), h.get(1).asText())));
        return headers;
    }

    static SigV4.Signature sign(JsonNode v) {
        SigV4 signer = new SigV4(v.path("access_key").asText(), v.path("secret_key").asText(),
                v.path("region").asText(), v.path("service").asText());
        JsonNode query = v.path("query");
        return signer.sign(v.path("method").asText(), v.path("path").asText(), query.isNull() ? null : query.asText(),
                headers(v), v.path("payload_hash").asText(), Instant.from(SigV4.AMZ_DATE.parse(v.path("date").asText())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theVectorSignsByteForByte(String name, JsonNode v) {
        String date = v.path("date").asText();
        assertEquals(List.of(date), headers(v).stream().filter(h -> h.getKey().equalsIgnoreCase("x-amz-date"))
                .map(Map.Entry::getValue).toList(), "the X-Amz-Date header is the signing time");
        String payloadHash = v.path("payload_hash").asText();
        if (!"UNSIGNED-PAYLOAD".equals(payloadHash)) {
            assertEquals(SigV4.sha256Hex(v.path("payload").asText().getBytes(StandardCharsets.UTF_8)), payloadHash,
                    "payload hash");
        }
        JsonNode expected = v.path("expected");
        SigV4.Signature s = sign(v);
        assertAll(name,
                () -> assertEquals(expected.path("canonical_request").asText(), s.canonicalRequest(), "canonical request"),
                () -> assertEquals(expected.path("string_to_sign").asText(), s.stringToSign(), "string to sign"),
                () -> assertEquals(expected.path("signature").asText(), s.signature(), "signature"),
                () -> assertEquals(expected.path("signed_headers").asText(), s.signedHeaders(), "signed headers"),
                () -> assertEquals(expected.path("credential_scope").asText(), s.credentialScope(), "credential scope"),
                () -> assertEquals(expected.path("authorization").asText(), s.authorization(), "Authorization header"));
    }

    @Test
    void everyVectorIsThereOnce() {
        List<String> names = cases().map(c -> c.path("name").asText()).toList();
        assertEquals(CASES, names.size(), "cases in " + VECTORS);
        Set<String> distinct = new HashSet<>(names);
        assertEquals(names.size(), distinct.size(), "case names are unique");
        for (String kind : List.of("aws-doc-", "get-vanilla", "post-", "put-", "get-query-", "get-header-",
                "get-path-", "get-session-token", "rgw-admin-")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(kind)), "a case " + kind + "*");
        }
    }

    /**
     * AWS's documented GET example (IAM user guide, "Create a signed AWS API request"; formerly the
     * general reference's Signature Version 4 examples), its inputs and results as AWS prints them.
     */
    @Test
    void awsDocumentedGetExample() {
        SigV4 signer = new SigV4("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "iam");
        SigV4.Signature s = signer.sign("GET", "/", "Action=ListUsers&Version=2010-05-08",
                List.of(Map.entry("Host", "iam.amazonaws.com"),
                        Map.entry("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                        Map.entry("X-Amz-Date", "20150830T123600Z")),
                SigV4.EMPTY_PAYLOAD_SHA256, Instant.parse("2015-08-30T12:36:00Z"));
        assertEquals("GET\n/\nAction=ListUsers&Version=2010-05-08\n"
                + "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\n"
                + "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", s.canonicalRequest());
        assertEquals("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59",
                SigV4.sha256Hex(s.canonicalRequest().getBytes(StandardCharsets.UTF_8)), "hashed canonical request");
        assertEquals("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
                + "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59", s.stringToSign());
        assertEquals("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", s.signature());
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", s.authorization());
        // the generator checked its own implementation against the same example
        assertEquals(s.signature(), vector("aws-doc-iam-listusers-get").path("expected").path("signature").asText());
    }

    /** AWS's documented POST example of the general reference's earlier edition (a body, 2011). */
    @Test
    void awsDocumentedPostExample() {
        SigV4 signer = new SigV4("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "iam");
        byte[] body = "Action=ListUsers&Version=2010-05-08".getBytes(StandardCharsets.UTF_8);
        SigV4.Signature s = signer.sign("POST", "/", null,
                List.of(Map.entry("host", "iam.amazonaws.com"),
                        Map.entry("Content-type", "application/x-www-form-urlencoded; charset=utf-8"),
                        Map.entry("x-amz-date", "20110909T233600Z")),
                SigV4.sha256Hex(body), Instant.parse("2011-09-09T23:36:00Z"));
        assertEquals("3511de7e95d28ecd39e9513b642aee07e54f4941150d8df8bf94b328ef7e55e2",
                SigV4.sha256Hex(s.canonicalRequest().getBytes(StandardCharsets.UTF_8)), "hashed canonical request");
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20110909/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=ced6826de92d2bdeed8f846f0bf508e8559e98e4b0199114b84c54174deb456c", s.authorization());
        assertEquals(s.signature(), vector("aws-doc-iam-listusers-post").path("expected").path("signature").asText());
    }

    /** The rgw-admin-* vectors are the requests the pollster really builds, and signs the same headers. */
    @Test
    void thePollstersRequestsAreShapedAsTheRgwVectors() throws Exception {
        String project = "9c3a6f1e4b2d4e0f8a7b6c5d4e3f2a1b";
        String admin = RgwAccounts.adminUrl("http://RGW.example.org:8080/swift/v1");
        Map<String, String> urls = Map.of(
                "rgw-admin-bucket-stats", RgwAccounts.bucketUrl(admin, project),
                "rgw-admin-bucket-stats-implicit-tenant", RgwAccounts.bucketUrl(admin, project + "$" + project),
                "rgw-admin-usage", RgwAccounts.usageUrl(admin, project),
                "rgw-admin-usage-implicit-tenant", RgwAccounts.usageUrl(admin, project + "$" + project),
                "rgw-admin-usage-default-port", RgwAccounts.usageUrl(
                        RgwAccounts.adminUrl("https://rgw.example.org:443/"), project));
        for (Map.Entry<String, String> e : urls.entrySet()) {
            JsonNode v = vector(e.getKey());
            URI uri = new URI(e.getValue());
            assertEquals(v.path("path").asText(), uri.getRawPath(), e.getKey());
            assertEquals(v.path("query").asText(), uri.getRawQuery(), e.getKey());
            assertEquals(List.of(Map.entry("host", RgwAdminClient.hostHeader(uri)),
                    Map.entry("X-Amz-Date", v.path("date").asText()),
                    Map.entry("X-Amz-Content-Sha256", SigV4.EMPTY_PAYLOAD_SHA256)), headers(v), e.getKey());
            assertEquals("host;x-amz-content-sha256;x-amz-date", v.path("expected").path("signed_headers").asText());
            assertEquals("s3", v.path("service").asText());
            assertEquals("us-east-1", v.path("region").asText());
        }
    }

    @Test
    void theSignerNeverShowsItsSecret() {
        String secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        SigV4 signer = new SigV4("AKIDEXAMPLE", secret, "us-east-1", "s3");
        assertTrue(signer.toString().contains("AKIDEXAMPLE"));
        assertFalse(signer.toString().contains("wJalr"));
        SigV4.Signature s = signer.sign("GET", "/admin/usage", "uid=a", List.of(Map.entry("host", "rgw"),
                Map.entry("x-amz-date", "20260115T083000Z")), SigV4.EMPTY_PAYLOAD_SHA256,
                Instant.parse("2026-01-15T08:30:00Z"));
        for (String shown : List.of(s.toString(), s.canonicalRequest(), s.stringToSign(), s.authorization())) {
            assertFalse(shown.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT).substring(0, 5)), shown);
        }
    }

    @Test
    void queryNamesAndValuesAreDecodedThenEncodedOnce() {
        // an already encoded '$' is signed as %24, as RGW's verifier recodes it (not %2524)
        assertEquals("stats=true&uid=abc%24abc", SigV4.canonicalQuery("uid=abc%24abc&stats=true"));
        assertEquals("stats=true&uid=abc%24abc", SigV4.canonicalQuery("uid=abc$abc&stats=true"));
        assertEquals("a=&b=%2F%20%2B", SigV4.canonicalQuery("b=/%20+&a"));
        assertEquals("/admin/bucket", SigV4.canonicalUri("/admin/bucket"));
        assertEquals("/", SigV4.canonicalUri(""));
        assertEquals("/%25zz", SigV4.canonicalUri("/%zz"), "an invalid escape is a literal '%'");
        assertEquals("abc%24abc", SigV4.encodeParam("abc$abc"), "the pollster sends '$' as %24");
    }
}
