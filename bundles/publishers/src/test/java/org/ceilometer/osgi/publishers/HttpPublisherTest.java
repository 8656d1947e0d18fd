package org.ceilometer.osgi.publishers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.ceilometer.osgi.api.Publisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An HTTP(S) server on loopback receives the POSTs. */
class HttpPublisherTest {
    /** One request as the server saw it. */
    static final class Received {
        final String method;
        final String uri;
        final Map<String, List<String>> headers;
        final String body;

        Received(HttpExchange ex, String body) {
            this.method = ex.getRequestMethod();
            this.uri = ex.getRequestURI().toString();
            this.headers = ex.getRequestHeaders();
            this.body = body;
        }

        String header(String name) {
            List<String> v = headers.get(name);
            return v == null ? null : v.get(0);
        }
    }

    private HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger status = new AtomicInteger(200);

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            received.add(new Received(ex, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        ex.sendResponseHeaders(status.get(), -1);
        ex.close();
    }

    private String startHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static Path tls(String file) throws Exception {
        return Paths.get(HttpPublisherTest.class.getResource("/tls/" + file).toURI());
    }

    private String startHttps(boolean needClientAuth) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = HttpPublisherTest.class.getResourceAsStream("/tls/server.p12")) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("client", java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(HttpPublisherTest.class.getResourceAsStream("/tls/client-cert.pem")));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ctx.getDefaultSSLParameters();
                p.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(p);
            }
        });
        https.createContext("/", this::handle);
        https.start();
        server = https;
        return "https://127.0.0.1:" + https.getAddress().getPort();
    }

    private static Publisher create(String url) throws Exception {
        return create(url, Map.of());
    }

    private static Publisher create(String url, Map<String, Object> agentOptions) throws Exception {
        URI uri = URI.create(url);
        return uri.getScheme().equals("https") ? new HttpsPublisherFactory().create(uri, agentOptions)
                : new HttpPublisherFactory().create(uri, agentOptions);
    }

    @Test
    void postsOneJsonListPerBatch() throws Exception {
        String base = startHttp();
        try (Publisher p = create(base + "/v1/samples?timeout=3&max_retries=1&q=foo")) {
            p.publish(List.of(TestSamples.sample("m1", 42), TestSamples.sample("m2", 0.5)));
            p.publish(List.of());
        }
        assertEquals(1, received.size(), "an empty batch is not posted");
        Received r = received.get(0);
        assertEquals("POST", r.method);
        assertEquals("/v1/samples?q=foo", r.uri, "the publisher's options are removed, the others kept");
        assertEquals("application/json", r.header("Content-type"));
        assertNull(r.header("Authorization"));
        assertEquals("[" + FilePublisherTest.LINE + ", " + FilePublisherTest.LINE.replace("\"volume\": 42",
                "\"volume\": 0.5").replace("\"id\": \"m1\"", "\"id\": \"m2\"") + "]", r.body);
    }

    @Test
    void oneRequestPerSampleWithoutBatch() throws Exception {
        String base = startHttp();
        try (Publisher p = create(base + "/?batch=False")) {
            p.publish(List.of(TestSamples.sample("m1", 42), TestSamples.sample("m2", 42)));
        }
        assertEquals(2, received.size());
        assertEquals(FilePublisherTest.LINE, received.get(0).body);
        assertTrue(received.get(1).body.contains("\"id\": \"m2\""));
    }

    @Test
    void basicAuthFromTheUrlNeverInTheTarget() throws Exception {
        String base = startHttp();
        String url = base.replace("http://", "http://alice:s3cr%40t@") + "/path";
        try (Publisher p = create(url)) {
            assertFalse(((HttpPublisher) p).target().contains("s3cr"), ((HttpPublisher) p).target());
            p.publish(List.of(TestSamples.sample("m1", 1)));
        }
        assertEquals("Basic " + Base64.getEncoder().encodeToString("alice:s3cr@t".getBytes(StandardCharsets.UTF_8)),
                received.get(0).header("Authorization"));
    }

    @Test
    void errorStatusFailsThePublish() throws Exception {
        String base = startHttp();
        status.set(503);
        try (Publisher p = create(base + "/")) {
            IOException e = assertThrows(IOException.class, () -> p.publish(List.of(TestSamples.sample("m1", 1))));
            assertTrue(e.getMessage().contains("503"), e.getMessage());
        }
        assertEquals(1, received.size(), "a server error is not retried (the queue policy decides)");
    }

    @Test
    void connectionFailuresAreRetriedThenFail() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (Publisher p = create("http://127.0.0.1:" + closedPort + "/?max_retries=2&timeout=2")) {
            IOException e = assertThrows(IOException.class, () -> p.publish(List.of(TestSamples.sample("m1", 1))));
            assertTrue(e.getMessage().contains("after 3 attempt(s)"), e.getMessage());
        }
    }

    @Test
    void httpsVerifiesByDefault() throws Exception {
        String base = startHttps(false);
        try (Publisher p = create(base + "/")) {
            assertThrows(IOException.class, () -> p.publish(List.of(TestSamples.sample("m1", 1))),
                    "a self-signed certificate is not trusted by default");
        }
        assertEquals(0, received.size());
        try (Publisher p = create(base + "/?verify_ssl=" + tls("server-cert.pem"))) {
            p.publish(List.of(TestSamples.sample("m1", 1)));
        }
        try (Publisher p = create(base + "/?verify_ssl=False")) {
            p.publish(List.of(TestSamples.sample("m2", 1)));
        }
        assertEquals(2, received.size());
        assertEquals("/", received.get(0).uri);
    }

    @Test
    void clientCertificates() throws Exception {
        String base = startHttps(true);
        String verify = "verify_ssl=" + tls("server-cert.pem");
        try (Publisher p = create(base + "/?" + verify)) {
            assertThrows(IOException.class, () -> p.publish(List.of(TestSamples.sample("m0", 1))),
                    "the server wants a client certificate");
        }
        try (Publisher p = create(base + "/?" + verify + "&clientcert=" + tls("client-cert.pem") + "&clientkey="
                + tls("client-key.pem"))) {
            p.publish(List.of(TestSamples.sample("m1", 1)));
        }
        try (Publisher p = create(base + "/?" + verify + "&clientcert=" + tls("client-cert.pem") + "&clientkey="
                + tls("client-key-pkcs1.pem"))) {
            p.publish(List.of(TestSamples.sample("m2", 1)));
        }
        try (Publisher p = create(base + "/?" + verify + "&clientcert=" + tls("client-combined.pem"))) {
            p.publish(List.of(TestSamples.sample("m3", 1)));
        }
        assertEquals(3, received.size());
    }

    @Test
    void badOptionsAreNamed() {
        assertMessage("http://h/?timeout=soon", "'timeout'");
        assertMessage("http://h/?max_retries=-1", "'max_retries'");
        assertMessage("http://h/?batch=maybe", "'batch'");
        assertMessage("http://h/?poolsize=0", "'poolsize'");
        assertMessage("http://h/?clientkey=/k.pem", "'clientkey'");
        assertMessage("https://h/?clientcert=/no/such/cert.pem", "'clientcert'");
        assertMessage("http:///path", "hostname");
    }

    private static void assertMessage(String url, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> create(url));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void poolSizeFromTheAgent() throws Exception {
        String base = startHttp();
        try (Publisher p = create(base + "/", Map.of("max_parallel_requests", 4))) {
            p.publish(List.of(TestSamples.sample("m1", 1)));
        }
        assertEquals(1, received.size());
    }
}
