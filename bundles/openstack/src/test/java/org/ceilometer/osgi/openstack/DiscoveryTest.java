package org.ceilometer.osgi.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.ceilometer.osgi.api.CycleCache;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
    private FakeOpenStack fake;
    private KeystoneSession session;
    private PollContext context;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeOpenStack();
        session = KeystoneSession.create(Settings.builder().authUrl(fake.authUrl()).username(FakeOpenStack.USER)
                .password(FakeOpenStack.PASSWORD).projectName("service").regionName("RegionOne")
                .timeout(Duration.ofSeconds(5)).build(), new MutableClock(Instant.parse("2030-01-01T00:00:00Z")));
        context = new Context(session);
    }

    @AfterEach
    void stop() {
        session.retire();
        fake.close();
    }

    @Test
    void endpointDiscoveryGivesTheCatalogUrls() throws Exception {
        List<Resource> r = new EndpointDiscovery().discover(context, "image");
        assertEquals(List.of(fake.base + "/image"), r.stream().map(Resource::id).collect(Collectors.toList()));
        assertEquals(fake.base + "/image", r.get(0).payload(String.class));
        assertEquals(Discovery.GLOBAL_GROUP, new EndpointDiscovery().groupId());
    }

    @Test
    void endpointDiscoveryWarnsOncePerCallWhenThereIsNone() throws Exception {
        try (LogCapture log = new LogCapture()) {
            EndpointDiscovery d = new EndpointDiscovery();
            assertTrue(d.discover(context, "compute").isEmpty());
            assertTrue(d.discover(context, "compute").isEmpty());
            List<String> lines = log.lines("No endpoints found for service compute");
            assertEquals(2, lines.size(), log.all());
            assertTrue(lines.get(0).contains("WARN"), lines.get(0));
        }
        assertThrows(IllegalArgumentException.class, () -> new EndpointDiscovery().discover(context, null));
    }

    private void keystoneProjects() {
        fake.route("/identity/v3/domains", ex -> FakeOpenStack.Reply.json("{\"domains\": ["
                + "{\"id\": \"default\", \"name\": \"Default\", \"enabled\": true},"
                + "{\"id\": \"d2\", \"name\": \"Off\", \"enabled\": false}],"
                + " \"links\": {\"next\": null, \"self\": \"x\", \"previous\": null}}"));
        fake.route("/identity/v3/projects", ex -> {
            String q = ex.getRequestURI().getRawQuery();
            if (q.contains("domain_id=default") && !q.contains("page=2")) {
                return FakeOpenStack.Reply.json("{\"projects\": [{\"id\": \"p1\", \"name\": \"admin\", \"enabled\": true,"
                        + " \"domain_id\": \"default\"}, {\"id\": \"p2\", \"name\": \"off\", \"enabled\": false,"
                        + " \"domain_id\": \"default\"}], \"links\": {\"next\": \"" + fake.base + "/identity/v3/projects?"
                        + q + "&page=2\"}}");
            }
            if (q.contains("domain_id=default")) {
                return FakeOpenStack.Reply.json("{\"projects\": [{\"id\": \"p3\", \"name\": \"demo\", \"enabled\": true,"
                        + " \"domain_id\": \"default\"}], \"links\": {\"next\": null}}");
            }
            return FakeOpenStack.Reply.json("{\"projects\": [{\"id\": \"p4\", \"name\": \"in-off-domain\","
                    + " \"enabled\": true, \"domain_id\": \"d2\"}], \"links\": {\"next\": null}}");
        });
    }

    @Test
    void tenantDiscoveryListsTheProjectsOfEveryDomain() throws Exception {
        keystoneProjects();
        TenantDiscovery d = new TenantDiscovery(Map.of());
        assertFalse(d.ignoresDisabled());
        List<Resource> r = d.discover(context, null);
        assertEquals(List.of("p1", "p2", "p3", "p4"), r.stream().map(Resource::id).collect(Collectors.toList()));
        JsonNode demo = r.get(2).payload(JsonNode.class);
        assertEquals("demo", demo.path("name").asText());
        assertTrue(fake.requestsSnapshot().contains("GET /identity/v3/domains"));
        assertTrue(fake.requestsSnapshot().contains("GET /identity/v3/projects?domain_id=d2"));
    }

    @Test
    void tenantDiscoveryCanLeaveDisabledProjectsOut() throws Exception {
        keystoneProjects();
        TenantDiscovery d = new TenantDiscovery(Map.of(TenantDiscovery.IGNORE_DISABLED_PROJECTS, "true"));
        List<Resource> r = d.discover(context, null);
        assertEquals(List.of("p1", "p3"), r.stream().map(Resource::id).collect(Collectors.toList()));
        assertTrue(fake.requestsSnapshot().contains("GET /identity/v3/domains?enabled=true"));
        assertTrue(fake.requestsSnapshot().contains("GET /identity/v3/projects?domain_id=default&enabled=true"));

        d.modified(Map.of(TenantDiscovery.IGNORE_DISABLED_PROJECTS, false));
        assertEquals(4, d.discover(context, null).size());
    }

    /** A poll context around the session; the rest is not used by discoveries. */
    private static final class Context implements PollContext {
        private final OpenStackClient client;

        Context(OpenStackClient client) {
            this.client = client;
        }

        @Override
        public OpenStackClient openstack() {
            return client;
        }

        @Override
        public CycleCache cache() {
            return new CycleCache() {
                @Override
                public <T> T computeIfAbsent(String key, Callable<T> loader) throws Exception {
                    return loader.call();
                }
            };
        }

        @Override
        public Instant timestamp() {
            return Instant.EPOCH;
        }

        @Override
        public String sourceName() {
            return "test";
        }

        @Override
        public Executor executor() {
            return Runnable::run;
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public Duration timeout() {
            return Duration.ofMinutes(1);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
