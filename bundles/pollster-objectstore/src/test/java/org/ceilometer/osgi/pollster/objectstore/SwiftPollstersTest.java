package org.ceilometer.osgi.pollster.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.testsupport.FakeOpenStackClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.junit.jupiter.api.Test;

/** The five Swift pollsters against a hand-written fake client. */
class SwiftPollstersTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String SWIFT = "http://swift.example:8080/v1/AUTH_admin";
    static final ObjectMapper JSON = new ObjectMapper();

    static SwiftPollsterConfig config(String prefix, int pageSize) {
        return new SwiftPollsterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SwiftPollsterConfig.class;
            }

            @Override
            public String reseller__prefix() {
                return prefix;
            }

            @Override
            public int container__page__size() {
                return pageSize;
            }
        };
    }

    static SwiftPollsterConfig defaults() {
        return config("AUTH_", 10_000);
    }

    static List<AbstractSwiftPollster> all(SwiftPollsterConfig c) {
        return List.of(new ObjectsPollster(c), new ObjectsSizePollster(c), new ObjectsContainersPollster(c),
                new ContainersObjectsPollster(c), new ContainersSizePollster(c));
    }

    static List<Sample> poll(AbstractSwiftPollster p, FakePollContext ctx, String... projects) throws Exception {
        return ctx.samples(p, projects);
    }

    /** A client whose catalog lists Swift at {@link #SWIFT}, with no account yet. */
    private static FakeOpenStackClient swift() {
        return new FakeOpenStackClient().endpoint("object-store", SWIFT);
    }

    /**
     * A new account of the fake at an account URL (replacing one there): a HEAD answers 204 with its
     * headers, a GET lists its containers, as Swift does.
     */
    static Account account(FakeOpenStackClient client, String url) {
        return new Account(client, url).publish();
    }

    static final class Account {
        private final FakeOpenStackClient client;
        private final String url;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final List<JsonNode> containers = new ArrayList<>();

        private Account(FakeOpenStackClient client, String url) {
            this.client = client;
            this.url = url;
        }

        Account head(long objects, long bytes, long containerCount) {
            header("X-Account-Object-Count", Long.toString(objects));
            header("X-Account-Bytes-Used", Long.toString(bytes));
            return header("X-Account-Container-Count", Long.toString(containerCount));
        }

        Account header(String name, String value) {
            headers.put(name, List.of(value));
            return publish();
        }

        Account container(String name, Long count, Long bytes, String policy) {
            ObjectNode c = JSON.createObjectNode();
            c.put("name", name);
            if (count != null) {
                c.put("count", count);
            }
            if (bytes != null) {
                c.put("bytes", bytes);
            }
            c.put("last_modified", "2025-01-01T00:00:00.000000");
            if (policy != null) {
                c.put("storage_policy", policy);
            }
            containers.add(c);
            return publish();
        }

        private Account publish() {
            client.respond("HEAD", url, 204, headers, "");
            client.serve(url, containers);
            return this;
        }
    }

    private static FakeOpenStackClient twoProjects() {
        FakeOpenStackClient c = swift();
        account(c, "http://swift.example:8080/v1/AUTH_p1").head(42, 4096, 2)
                .container("photos", 40L, 4000L, "Policy-0").container("my docs", 2L, 96L, null);
        account(c, "http://swift.example:8080/v1/AUTH_p2").head(0, 0, 0);
        return c;
    }

    @Test
    void theAccountUrlIsRebuiltAsCeilometerDoes() {
        assertEquals("http://h:8080/v1/AUTH_p", SwiftAccounts.accountUrl("http://h:8080/v1/AUTH_admin", "AUTH_", "p"));
        assertEquals("http://h/object-store/v1/AUTH_p",
                SwiftAccounts.accountUrl("http://h/object-store/v1/AUTH_admin/", "AUTH_", "p"));
        assertEquals("http://h:8080/v1/AUTH_p", SwiftAccounts.accountUrl("http://h:8080/", "AUTH_", "p"));
        assertEquals("http://h:8080/v1/AUTH_p", SwiftAccounts.accountUrl("http://h:8080", "AUTH_", "p"));
        assertEquals("https://v1.example/swift/v1/SERVICE_p",
                SwiftAccounts.accountUrl("https://v1.example/swift/v1", "SERVICE_", "p"));
        assertEquals("http://h/v1/KEY_a%20b", SwiftAccounts.accountUrl("http://h/v1/AUTH_x?x=/v1", "KEY_", "a b"));
    }

    @Test
    void accountMetersGiveOneGaugePerProjectFromItsHead() throws Exception {
        FakeOpenStackClient client = twoProjects();
        FakePollContext cycle = new FakePollContext(client, NOW);
        List<Sample> objects = poll(new ObjectsPollster(defaults()), cycle, "p1", "p2");
        List<Sample> size = poll(new ObjectsSizePollster(defaults()), cycle, "p1", "p2");
        List<Sample> containers = poll(new ObjectsContainersPollster(defaults()), cycle, "p1", "p2");

        Object[][] expected = {
            {objects, "storage.objects", "object", 42L, 0L},
            {size, "storage.objects.size", "B", 4096L, 0L},
            {containers, "storage.objects.containers", "container", 2L, 0L},
        };
        for (Object[] e : expected) {
            @SuppressWarnings("unchecked")
            List<Sample> samples = (List<Sample>) e[0];
            assertEquals(2, samples.size());
            for (int i = 0; i < 2; i++) {
                Sample s = samples.get(i);
                String project = i == 0 ? "p1" : "p2";
                assertEquals(e[1], s.name());
                assertEquals(MeterType.GAUGE, s.type());
                assertEquals(e[2], s.unit());
                assertEquals(e[3 + i], s.volume());
                assertEquals(project, s.resourceId());
                assertEquals(project, s.projectId());
                assertNull(s.userId());
                assertEquals(NOW, s.timestamp());
                assertEquals(Map.of(), s.resourceMetadata());
            }
        }
        assertEquals(List.of("HEAD http://swift.example:8080/v1/AUTH_p1", "HEAD http://swift.example:8080/v1/AUTH_p2"),
                client.requestLines(), "one HEAD per project for the three meters");
        assertEquals(1, client.endpointLookups(), "the endpoint is looked up once per cycle");
    }

    @Test
    void containerMetersGiveOneGaugePerContainerWithItsStoragePolicy() throws Exception {
        FakeOpenStackClient client = twoProjects();
        FakePollContext cycle = new FakePollContext(client, NOW);
        List<Sample> objects = poll(new ContainersObjectsPollster(defaults()), cycle, "p1", "p2");
        List<Sample> size = poll(new ContainersSizePollster(defaults()), cycle, "p1", "p2");

        assertEquals(List.of("p1/photos", "p1/my docs"), objects.stream().map(Sample::resourceId).toList());
        assertEquals(List.of(40L, 2L), objects.stream().map(Sample::volume).toList());
        assertEquals(List.of(4000L, 96L), size.stream().map(Sample::volume).toList());
        for (Sample s : objects) {
            assertEquals("storage.containers.objects", s.name());
            assertEquals("object", s.unit());
            assertEquals(MeterType.GAUGE, s.type());
            assertEquals("p1", s.projectId());
            assertNull(s.userId());
            assertEquals(NOW, s.timestamp());
        }
        assertEquals("storage.containers.objects.size", size.get(0).name());
        assertEquals("B", size.get(0).unit());
        assertEquals(Map.of("storage_policy", "Policy-0"), objects.get(0).resourceMetadata());
        Map<String, Object> unknownPolicy = new HashMap<>();
        unknownPolicy.put("storage_policy", null);
        assertEquals(unknownPolicy, size.get(1).resourceMetadata(), "an unknown policy is a null value");
        assertEquals(List.of("GET http://swift.example:8080/v1/AUTH_p1?format=json&limit=10000",
                "GET http://swift.example:8080/v1/AUTH_p2?format=json&limit=10000"), client.requestLines());
    }

    @Test
    void everyPageOfContainersIsRead() throws Exception {
        FakeOpenStackClient client = swift();
        Account a = account(client, "http://swift.example:8080/v1/AUTH_p1");
        for (int i = 0; i < 11; i++) {
            a.container("c" + i, (long) i, i * 10L, "gold");
        }
        List<Sample> samples = poll(new ContainersObjectsPollster(config("AUTH_", 5)), new FakePollContext(client, NOW),
                "p1");
        assertEquals(11, samples.size());
        assertEquals("p1/c10", samples.get(10).resourceId());
        assertEquals(3, client.requests().size(), "11 containers by 5: three pages");
    }

    @Test
    void aContainerListedWithoutCountOrBytesGivesNoSampleOfThatMeter() throws Exception {
        FakeOpenStackClient client = swift();
        account(client, "http://swift.example:8080/v1/AUTH_p1").container("a", null, 5L, null)
                .container("b", 3L, null, null);
        FakePollContext cycle = new FakePollContext(client, NOW);
        assertEquals(List.of("p1/b"), poll(new ContainersObjectsPollster(defaults()), cycle, "p1").stream()
                .map(Sample::resourceId).toList());
        assertEquals(List.of("p1/a"), poll(new ContainersSizePollster(defaults()), cycle, "p1").stream()
                .map(Sample::resourceId).toList());
    }

    @Test
    void theResellerPrefixIsConfigurable() throws Exception {
        FakeOpenStackClient client = swift();
        account(client, "http://swift.example:8080/v1/KEY_p1").head(1, 2, 3);
        List<Sample> s = poll(new ObjectsSizePollster(config("KEY_", 100)), new FakePollContext(client, NOW), "p1");
        assertEquals(2L, s.get(0).volume());
        assertEquals(List.of("HEAD http://swift.example:8080/v1/KEY_p1"), client.requestLines());
    }

    @Test
    void notFoundAndForbiddenAccountsAreSkippedWithoutFailing() throws Exception {
        FakeOpenStackClient client = twoProjects();
        client.fail("http://swift.example:8080/v1/AUTH_p2", 403);
        FakePollContext cycle = new FakePollContext(client, NOW);
        for (AbstractSwiftPollster p : all(defaults())) {
            List<Sample> samples = poll(p, cycle, "gone", "p1", "p2");
            assertFalse(samples.isEmpty());
            assertTrue(samples.stream().allMatch(s -> "p1".equals(s.projectId())), p.getClass().getSimpleName());
        }
        assertEquals(6, client.requests().size(), "a HEAD and a GET per project, each once per cycle");
    }

    @Test
    void aFailingAccountDoesNotLoseTheOthersAndFailsOncePerMeterWithoutNewRequests() throws Exception {
        FakeOpenStackClient client = twoProjects();
        account(client, "http://swift.example:8080/v1/AUTH_p3").head(7, 70, 1).container("x", 7L, 70L, null);
        client.fail("http://swift.example:8080/v1/AUTH_p2", 500);
        FakePollContext cycle = new FakePollContext(client, NOW);
        for (AbstractSwiftPollster p : all(defaults())) {
            List<Sample> samples = new ArrayList<>();
            OpenStackException e = assertThrows(OpenStackException.class, () -> p.getSamples(cycle,
                    List.of(Resource.of("p1"), Resource.of("p2"), Resource.of("p3")), samples::add));
            assertEquals(500, e.status());
            assertTrue(e.getMessage().contains("failed for 1 of 3 Swift accounts"), e.getMessage());
            assertTrue(samples.stream().anyMatch(s -> "p1".equals(s.projectId())));
            assertTrue(samples.stream().anyMatch(s -> "p3".equals(s.projectId())));
            assertTrue(samples.stream().noneMatch(s -> "p2".equals(s.projectId())));
        }
        assertEquals(6, client.requests().size(), "the failure is kept for the cycle: no request again");
        assertEquals(1, cycle.cache().loads().get(cycle.cache().loads().keySet().stream()
                .filter(k -> k.startsWith(SwiftAccounts.HEAD_KEY)).findFirst().orElseThrow()));
    }

    @Test
    void withoutSwiftInTheCatalogNoSampleAndOneLookupPerCycle() throws Exception {
        FakeOpenStackClient client = twoProjects();
        client.removeEndpoint("object-store");
        FakePollContext cycle = new FakePollContext(client, NOW);
        for (AbstractSwiftPollster p : all(defaults())) {
            assertTrue(poll(p, cycle, "p1", "p2").isEmpty());
        }
        assertEquals(1, client.endpointLookups());
        assertTrue(client.requests().isEmpty());
        poll(new ObjectsPollster(defaults()), new FakePollContext(client, NOW.plusSeconds(600)), "p1");
        assertEquals(2, client.endpointLookups(), "a new cycle looks again");
    }

    @Test
    void aCancelledCycleSendsNothing() throws Exception {
        FakeOpenStackClient client = twoProjects();
        FakePollContext cycle = new FakePollContext(client, NOW);
        cycle.cancel();
        for (AbstractSwiftPollster p : all(defaults())) {
            assertTrue(poll(p, cycle, "p1", "p2").isEmpty());
        }
        assertTrue(client.requests().isEmpty());
    }

    @Test
    void requestsRunOnThePoolWithAtMostParallelismInFlight() throws Exception {
        int parallelism = 3;
        FakeOpenStackClient client = swift();
        String[] projects = new String[9];
        for (int i = 0; i < projects.length; i++) {
            projects[i] = "p" + i;
            account(client, "http://swift.example:8080/v1/AUTH_p" + i).head(i, i, i).container("c", 1L, 1L, null);
        }
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(parallelism);
        Thread caller = Thread.currentThread();
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.onRequest(request -> {
            threads.add(Thread.currentThread().getName());
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                // passes only while `parallelism` requests are in flight at once
                together.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("requests did not run in parallel", e);
            } finally {
                inFlight.decrementAndGet();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            FakePollContext cycle = new FakePollContext(client, NOW, pool, parallelism);
            List<Sample> heads = poll(new ObjectsPollster(defaults()), cycle, projects);
            List<Sample> listed = poll(new ContainersSizePollster(defaults()), cycle, projects);
            assertEquals(9, heads.size());
            assertEquals(9, listed.size());
            assertEquals(List.of(projects), heads.stream().map(Sample::projectId).toList(), "in the projects' order");
            assertEquals(parallelism, most.get());
            assertEquals(18, threads.size());
            assertTrue(threads.stream().noneMatch(caller.getName()::equals), "on the pool, not the caller");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noProjectsNoRequests() throws Exception {
        FakeOpenStackClient client = twoProjects();
        assertTrue(poll(new ObjectsPollster(defaults()), new FakePollContext(client, NOW)).isEmpty());
        assertEquals(0, client.endpointLookups());
        assertEquals("tenant", new ContainersObjectsPollster(defaults()).defaultDiscovery());
    }

    @Test
    void duplicateResourcesArePolledOnce() throws Exception {
        FakeOpenStackClient client = twoProjects();
        List<Sample> s = poll(new ObjectsPollster(defaults()), new FakePollContext(client, NOW), "p1", "p1", "p2");
        assertEquals(List.of("p1", "p2"), s.stream().map(Sample::resourceId).toList());
    }

    @Test
    void aHeadWithoutTheCountersFailsThatAccount() throws Exception {
        FakeOpenStackClient client = twoProjects();
        account(client, "http://swift.example:8080/v1/AUTH_p3").header("X-Account-Object-Count", "x");
        List<Sample> samples = new ArrayList<>();
        OpenStackException e = assertThrows(OpenStackException.class, () -> new ObjectsPollster(defaults())
                .getSamples(new FakePollContext(client, NOW), List.of(Resource.of("p1"), Resource.of("p3")),
                        samples::add));
        assertTrue(e.getMessage().contains("X-Account-Object-Count"), e.getMessage());
        assertEquals(1, samples.size());
    }
}
