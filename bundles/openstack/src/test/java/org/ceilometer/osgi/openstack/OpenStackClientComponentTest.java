package org.ceilometer.osgi.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenStackClientComponentTest {
    @TempDir
    Path dir;
    private FakeOpenStack fake;
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @BeforeEach
    void start() throws IOException {
        fake = new FakeOpenStack();
        fake.json("/image/v2/images/one", "{\"id\": \"one\"}");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Map<String, Object> config(String password) {
        Map<String, Object> c = new HashMap<>();
        c.put("auth_url", fake.authUrl());
        c.put("username", FakeOpenStack.USER);
        c.put("password", password);
        c.put("project_name", "service");
        c.put("user_domain_name", "Default");
        c.put("project_domain_name", "Default");
        c.put("region_name", "RegionOne");
        c.put("timeout", "5");
        c.put("component.name", OpenStackClientComponent.class.getName());
        return c;
    }

    private OpenStackClientComponent component(Map<String, ?> config, Map<String, String> env) {
        return new OpenStackClientComponent(config, env, List.of(dir.resolve("clouds.yaml")), clock);
    }

    @Test
    void withoutAnyConfigurationItSaysSo() {
        OpenStackClientComponent c = component(Map.of(), Map.of());
        try {
            assertFalse(c.isConfigured());
            OpenStackException e = assertThrows(OpenStackException.class, () -> c.endpoint("image"));
            assertTrue(e.getMessage().startsWith("OpenStack credentials are not configured: auth_url, "), e.getMessage());
        } finally {
            c.deactivate();
        }
    }

    @Test
    void theEnvironmentAloneIsEnough() throws Exception {
        OpenStackClientComponent c = component(Map.of(), Map.of("OS_AUTH_URL", fake.authUrl(), "OS_USERNAME",
                FakeOpenStack.USER, "OS_PASSWORD", FakeOpenStack.PASSWORD, "OS_PROJECT_NAME", "service"));
        try {
            assertTrue(c.isConfigured());
            assertEquals(FakeOpenStack.PROJECT_ID, c.projectId());
            assertFalse(c.describe().contains(FakeOpenStack.PASSWORD), c.describe());
        } finally {
            c.deactivate();
        }
    }

    @Test
    void anEditAppliesWithoutANewService() throws Exception {
        OpenStackClientComponent c = component(config("wrong-password"), Map.of());
        try {
            OpenStackException refused = assertThrows(OpenStackException.class, () -> c.endpoint("image"));
            assertEquals(401, refused.status());
            assertFalse(refused.getMessage().contains("wrong-password"), refused.getMessage());

            KeystoneSession before = c.session();
            c.update(config(FakeOpenStack.PASSWORD));
            assertEquals(fake.base + "/image", c.endpoint("image"));
            assertTrue(before.isClosed(), "the replaced session is closed");
            assertSame(before.transport(), c.session().transport(), "same TLS and timeouts: same HTTP client");

            // A token is cached; an edit drops it.
            int auths = fake.authCount();
            c.getJson(fake.base + "/image/v2/images/one");
            assertEquals(auths, fake.authCount());
            Map<String, Object> edited = config(FakeOpenStack.PASSWORD);
            edited.put("region_name", "RegionTwo");
            edited.put("timeout", "7");
            KeystoneSession second = c.session();
            c.update(edited);
            assertEquals(fake.base + "/image-r2", c.endpoint("image"));
            assertEquals(auths + 1, fake.authCount());
            assertNotSame(second.transport(), c.session().transport(), "a timeout change rebuilds the HTTP client");
        } finally {
            c.deactivate();
        }
        assertThrows(OpenStackException.class, () -> c.endpoint("image"));
    }

    @Test
    void aCallRunningDuringAnEditFinishesOnItsSession() throws Exception {
        OpenStackClientComponent c = component(config(FakeOpenStack.PASSWORD), Map.of());
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        fake.route("/slow", ex -> {
            inside.countDown();
            release.await(10, TimeUnit.SECONDS);
            return FakeOpenStack.Reply.json("{\"ok\": true}");
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            c.projectId();
            Future<Boolean> slow = pool.submit(() -> c.getJson(fake.base + "/slow").path("ok").asBoolean());
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            KeystoneSession old = c.session();
            Map<String, Object> edited = config(FakeOpenStack.PASSWORD);
            edited.put("timeout", "9");
            c.update(edited);
            assertFalse(old.isClosed(), "still serving the slow call");
            release.countDown();
            assertTrue(slow.get(10, TimeUnit.SECONDS));
            assertTrue(old.isClosed());
        } finally {
            release.countDown();
            pool.shutdownNow();
            c.deactivate();
        }
    }

    @Test
    void theTestFactoryBuildsTheSameClientAndStopsIt() throws Exception {
        OpenStackClient c = OpenStackClients.forTests(config(FakeOpenStack.PASSWORD), Map.of(),
                List.of(dir.resolve("clouds.yaml")), clock);
        assertTrue(c instanceof OpenStackClientComponent, "the component itself, not a copy");
        assertEquals(fake.base + "/image", c.endpoint("image"));
        assertEquals("one", c.getJson(fake.base + "/image/v2/images/one").path("id").asText());
        OpenStackClients.close(c);
        OpenStackException stopped = assertThrows(OpenStackException.class, () -> c.endpoint("image"));
        assertTrue(stopped.getMessage().contains("stopped"), stopped.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OpenStackClients.close(null));
    }

    @Test
    void aConfigurationErrorNamesTheFileAndIsKeptFromTheLog() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("clouds.yaml"), "clouds:\n  a:\n    auth: {}\n");
        try (LogCapture log = new LogCapture()) {
            OpenStackClientComponent c = component(Map.of("password", "do-not-print"), Map.of("OS_CLOUD", "b"));
            try {
                assertFalse(c.isConfigured());
                OpenStackException e = assertThrows(OpenStackException.class, () -> c.projectId());
                assertTrue(e.getMessage().contains(dir.resolve("clouds.yaml").toString())
                        && e.getMessage().contains("clouds.b"), e.getMessage());
                assertEquals(1, log.lines("configuration error").size(), log.all());
                assertFalse(log.all().contains("do-not-print"));
            } finally {
                c.deactivate();
            }
        }
    }
}
