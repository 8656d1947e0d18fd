package org.ceilometer.osgi.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS against a self-signed certificate made by the JDK's keytool. */
class TlsTest {
    private static final char[] PASS = "changeit".toCharArray();

    @TempDir
    static Path dir;
    static FakeOpenStack fake;
    static Path serverPem;
    static Path otherPem;

    @BeforeAll
    static void makeCertificatesAndServer() throws Exception {
        Path serverStore = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", serverStore.toString(), "-storepass", "changeit",
                "-keypass", "changeit");
        serverPem = dir.resolve("server.pem");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", serverStore.toString(), "-storepass",
                "changeit", "-file", serverPem.toString());
        Path otherStore = dir.resolve("other.p12");
        keytool("-genkeypair", "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Some Other CA", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", otherStore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        otherPem = dir.resolve("other.pem");
        keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", otherStore.toString(), "-storepass",
                "changeit", "-file", otherPem.toString());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverStore)) {
            ks.load(in, PASS);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        fake = new FakeOpenStack(ctx);
        fake.json("/image/v2/images/one", "{\"id\": \"one\"}");
    }

    @AfterAll
    static void stopServer() {
        if (fake != null) {
            fake.close();
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + cmd + "\n" + out);
        }
    }

    private static Settings.Builder settings() {
        return Settings.builder().authUrl(fake.authUrl()).username(FakeOpenStack.USER)
                .password(FakeOpenStack.PASSWORD).projectName("service").timeout(Duration.ofSeconds(5));
    }

    private static KeystoneSession session(Settings.Builder b) {
        return KeystoneSession.create(b.build(), new MutableClock(Instant.parse("2030-01-01T00:00:00Z")));
    }

    @Test
    void aCaBundleWithTheServerCertificateIsTrusted() throws Exception {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, "# Some other CA\n" + Files.readString(otherPem) + "\nnot a certificate\n"
                + Files.readString(serverPem));
        assertEquals(2, TlsContexts.readPem(Files.readString(bundle)).size());
        KeystoneSession s = session(settings().cafile(bundle.toString()));
        try {
            assertEquals(FakeOpenStack.PROJECT_ID, s.projectId());
            assertTrue(s.endpoint("image").startsWith("https://127.0.0.1:"));
            assertEquals("one", s.getJson(s.endpoint("image") + "/v2/images/one").path("id").asText());
        } finally {
            s.retire();
        }
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        for (Settings.Builder b : List.of(settings(), settings().cafile(otherPem.toString()))) {
            KeystoneSession s = session(b);
            try {
                OpenStackException e = assertThrows(OpenStackException.class, s::projectId);
                assertTrue(e.getMessage().startsWith("POST " + fake.authUrl() + "/v3/auth/tokens failed: SSL"),
                        e.getMessage());
                assertFalse(e.getMessage().contains(FakeOpenStack.PASSWORD));
            } finally {
                s.retire();
            }
        }
    }

    @Test
    void insecureSkipsVerificationWithOneWarning() throws Exception {
        try (LogCapture log = new LogCapture()) {
            KeystoneSession s = session(settings().insecure(true));
            try {
                assertEquals(FakeOpenStack.PROJECT_ID, s.projectId());
                s.getJson(s.endpoint("image") + "/v2/images/one");
            } finally {
                s.retire();
            }
            List<String> warnings = log.lines("insecure=true");
            assertEquals(1, warnings.size(), log.all());
            assertTrue(warnings.get(0).contains("WARN"), warnings.get(0));
        }
    }

    @Test
    void aCafileWithoutCertificatesIsAConfigurationError() throws Exception {
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "nothing here\n");
        KeystoneSession s = session(settings().cafile(empty.toString()));
        assertFalse(s.isConfigured());
        OpenStackException e = assertThrows(OpenStackException.class, s::projectId);
        assertEquals("cafile " + empty + " holds no PEM certificate", e.getMessage());

        KeystoneSession missing = session(settings().cafile(dir.resolve("absent.pem").toString()));
        assertFalse(missing.isConfigured());
        assertTrue(missing.describe().contains("absent.pem cannot be read"), missing.describe());
    }
}
