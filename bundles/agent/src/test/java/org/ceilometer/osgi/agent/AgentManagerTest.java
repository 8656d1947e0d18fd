package org.ceilometer.osgi.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.PartitionCoordinator;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

class AgentManagerTest {
    @TempDir
    Path home;

    private final Fakes.RecordingDispatcher dispatcher = new Fakes.RecordingDispatcher();
    private AgentManager agent;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(home.resolve("config"));
    }

    @AfterEach
    void tearDown() {
        if (agent != null) {
            agent.deactivate();
        }
    }

    private AgentManager start(String pollingYaml, Map<String, Object> cfg) throws Exception {
        if (pollingYaml != null) {
            Files.writeString(home.resolve("config/polling.yaml"), pollingYaml);
        }
        BundleContext ctx = mock(BundleContext.class);
        when(ctx.getProperty("ceilometer.home")).thenReturn(home.toString());
        Map<String, Object> values = new HashMap<>(Map.of("cfg_check_interval", 1));
        values.putAll(cfg);
        agent = new AgentManager(dispatcher, ctx, Fakes.config(AgentManager.Config.class, values));
        if (!agent.sources().isEmpty()) {
            // the first cycle runs at start; let it end so that each test drives its own cycles
            Fakes.await("the first cycle", 10_000, () -> ((Long) agent.status().get("cycles")) >= 1);
        }
        return agent;
    }

    private static Sample sample(String meter, String resource, Instant ts) {
        return Sample.builder().name(meter).type(MeterType.GAUGE).unit("x").volume(1).resourceId(resource)
                .timestamp(ts).build();
    }

    /** A pollster that emits one sample per resource. */
    static final class PerResource implements Pollster {
        final String meter;
        final String discovery;
        final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());

        PerResource(String meter, String discovery) {
            this.meter = meter;
            this.discovery = discovery;
        }

        @Override
        public String defaultDiscovery() {
            return discovery;
        }

        @Override
        public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) {
            List<String> ids = new ArrayList<>();
            for (Resource r : resources) {
                ids.add(r.id());
                sink.accept(sample(meter, r.id(), context.timestamp()));
            }
            calls.add(ids);
        }
    }

    static final class CountingDiscovery implements Discovery {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> ids;

        CountingDiscovery(String... ids) {
            this.ids = List.of(ids);
        }

        @Override
        public List<Resource> discover(PollContext context, String param) throws Exception {
            calls.incrementAndGet();
            String loaded = context.cache().computeIfAbsent("listing", () -> "once-" + calls.get());
            List<Resource> out = new ArrayList<>();
            for (String id : ids) {
                out.add(Resource.of(id, loaded));
            }
            return out;
        }
    }

    private void addPollster(Pollster p, String meter) {
        agent.bindPollster(Fakes.ref(Map.of(Namespaces.METER, meter,
                Namespaces.NAMESPACE, Namespaces.POLL_CENTRAL)), p);
    }

    private void addDiscovery(Discovery d, String name) {
        agent.bindDiscovery(Fakes.ref(Map.of(Namespaces.DISCOVERY, name,
                Namespaces.NAMESPACE, Namespaces.DISCOVER)), d);
    }

    private static final String ONE_SOURCE = "sources:\n  - name: s\n    interval: 3600\n    meters: ['*']\n";

    @Test
    void discoveryRunsOncePerCycleForAllItsPollsters() throws Exception {
        start(ONE_SOURCE, Map.of());
        CountingDiscovery d = new CountingDiscovery("a", "b", "c");
        addDiscovery(d, "things");
        PerResource p1 = new PerResource("m1", "things");
        PerResource p2 = new PerResource("m2", "things:param");
        PerResource p3 = new PerResource("m3", "things");
        addPollster(p1, "m1");
        addPollster(p2, "m2");
        addPollster(p3, "m3");
        dispatcher.samples.clear();
        int before = d.calls.get();
        CycleReport r = agent.pollNow("s").get(0);
        assertEquals(2, d.calls.get() - before, "one call for 'things', one for 'things:param'");
        assertEquals(Map.of("m1", 3L, "m2", 3L, "m3", 3L), r.samplesByMeter());
        assertEquals(List.of("a", "b", "c"), p1.calls.get(p1.calls.size() - 1));
        assertEquals(9, dispatcher.samples.size());
    }

    @Test
    void aFailingHangingOrGarbagePollsterDoesNotStopTheOthers() throws Exception {
        start(ONE_SOURCE, Map.of("pollster_timeout", 1, "pollster_threads", 4));
        addDiscovery(new CountingDiscovery("r1", "r2"), "d");
        addPollster(new PerResource("good", "d"), "good");
        CountDownLatch hung = new CountDownLatch(1);
        addPollster(new Pollster() {
            @Override
            public String defaultDiscovery() {
                return "d";
            }

            @Override
            public void getSamples(PollContext c, List<Resource> r, SampleSink sink) throws Exception {
                sink.accept(sample("partial", "kept", c.timestamp()));
                throw new IllegalStateException("boom");
            }
        }, "partial");
        addPollster(new Pollster() {
            @Override
            public String defaultDiscovery() {
                return "d";
            }

            @Override
            public void getSamples(PollContext c, List<Resource> r, SampleSink sink) throws Exception {
                hung.countDown();
                new CountDownLatch(1).await();
            }
        }, "hangs");
        addPollster(new Pollster() {
            @Override
            public String defaultDiscovery() {
                return "d";
            }

            @Override
            public void getSamples(PollContext c, List<Resource> r, SampleSink sink) {
                sink.accept(null);
                sink.accept(sample("other.meter", "x", c.timestamp()));
                sink.accept(sample("garbage", "ok", c.timestamp()));
            }
        }, "garbage");
        dispatcher.samples.clear();
        long t0 = System.nanoTime();
        CycleReport r = agent.pollNow("s").get(0);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 10_000, "the hung pollster was cancelled after its timeout, took " + ms + " ms");
        assertEquals(2L, r.samplesByMeter().get("good"));
        assertEquals(1L, r.samplesByMeter().get("partial"), "what came before the failure is kept");
        assertEquals(1L, r.samplesByMeter().get("garbage"), "only the valid sample of the garbage pollster");
        assertEquals(3, r.errors.get(), "failure, timeout and garbage each counted");
        assertEquals(1, dispatcher.count("partial"));
        Map<String, PluginStats> stats = new HashMap<>();
        agent.pollsterEntries().forEach(e -> stats.put(e.meter, e.stats));
        assertTrue(stats.get("partial").lastError.contains("boom"));
        assertTrue(stats.get("hangs").lastError.contains("timeout"));
        assertTrue(stats.get("garbage").lastError.contains("2 invalid samples"), stats.get("garbage").lastError);
        assertEquals(0, stats.get("good").errors.get());
    }

    @Test
    void theFirstCycleRunsAtStartAndAPollsterAddedLaterIsPolledNextCycle() throws Exception {
        start("sources:\n  - name: s\n    interval: 1\n    meters: ['*']\n    resources: [r1]\n", Map.of());
        addPollster(new PerResource("early", null), "early");
        Fakes.await("first samples", 5000, () -> dispatcher.count("early") >= 1);
        addPollster(new PerResource("late", null), "late");
        Fakes.await("the late pollster polled", 5000, () -> dispatcher.count("late") >= 1);
    }

    @Test
    void anUnboundPollsterLeavesNothingBehind() throws Exception {
        start(ONE_SOURCE + "    resources: [r1]\n", Map.of("pollster_timeout", 30));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Fakes.Ref<Pollster> ref = Fakes.ref(Map.of(Namespaces.METER, "slow", Namespaces.NAMESPACE,
                Namespaces.POLL_CENTRAL));
        agent.bindPollster(ref, new Pollster() {
            @Override
            public String defaultDiscovery() {
                return null;
            }

            @Override
            public void getSamples(PollContext c, List<Resource> r, SampleSink sink) {
                started.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
            }
        });
        Thread poller = new Thread(() -> agent.pollNow("s"));
        poller.start();
        assertTrue(started.await(10, java.util.concurrent.TimeUnit.SECONDS));
        agent.unbindPollster(ref);
        assertTrue(interrupted.await(10, java.util.concurrent.TimeUnit.SECONDS), "its run was cancelled");
        poller.join(10_000);
        assertTrue(agent.pollsterEntries().isEmpty());
    }

    @Test
    void anEditedFileAppliesAndABrokenOneKeepsTheRunningDefinitions() throws Exception {
        start("sources:\n  - name: s\n    interval: 3600\n    meters: ['*']\n", Map.of());
        assertEquals(List.of(3600), new ArrayList<>(agent.scheduledIntervals()));
        Files.writeString(home.resolve("config/polling.yaml"),
                "sources:\n  - name: s\n    interval: 7200\n    meters: ['*']\n  - name: t\n    interval: 60\n"
                        + "    meters: [image]\n");
        Fakes.await("new intervals", 10_000, () -> agent.scheduledIntervals().equals(java.util.Set.of(60, 7200)));
        Files.writeString(home.resolve("config/polling.yaml"), "sources:\n  - name: s\n    interval: -1\n"
                + "    meters: ['*']\n");
        Fakes.await("the error shown", 10_000,
                () -> !"none".equals(agent.status().get("polling file error")));
        String error = (String) agent.status().get("polling file error");
        assertTrue(error.contains("polling.yaml:3: source 's': Interval value should > 0"), error);
        assertEquals(java.util.Set.of(60, 7200), agent.scheduledIntervals(), "the running schedules are kept");
        assertEquals(2, agent.sources().size());
    }

    @Test
    void partitioningKeepsMySubsetAndAnUnavailableCoordinatorPollsNothing() throws Exception {
        start(ONE_SOURCE, Map.of());
        addDiscovery(new CountingDiscovery("a", "b", "c", "d"), "d");
        PerResource p = new PerResource("m", "d");
        addPollster(p, "m");
        List<String> joined = Collections.synchronizedList(new ArrayList<>());
        boolean[] down = {false};
        agent.bindCoordinator(new PartitionCoordinator() {
            @Override
            public String memberId() {
                return "me";
            }

            @Override
            public void joinGroup(String groupId) {
                joined.add(groupId);
            }

            @Override
            public <T> List<T> extractMySubset(String groupId, List<T> items, Function<T, String> key)
                    throws Exception {
                if (down[0]) {
                    throw new IllegalStateException("ZooKeeper unreachable");
                }
                List<T> mine = new ArrayList<>();
                for (T t : items) {
                    if (key.apply(t).compareTo("b") <= 0) {
                        mine.add(t);
                    }
                }
                return mine;
            }

            @Override
            public Map<String, Object> status() {
                return Map.of("state", down[0] ? "lost" : "connected");
            }
        });
        agent.pollNow("s");
        assertEquals(List.of("a", "b"), p.calls.get(p.calls.size() - 1));
        assertEquals(List.of("central-global"), joined);
        down[0] = true;
        CycleReport r = agent.pollNow("s").get(0);
        assertEquals(0, r.totalSamples(), "no resource polled while membership is unknown");
        assertTrue(agent.status().get("partitioning").toString().contains("unavailable"));
    }

    @Test
    void staticResourcesAndNoResourcesSkip() throws Exception {
        start("sources:\n  - name: s\n    interval: 3600\n    meters: ['*']\n    resources: [x, y, x]\n"
                + "  - name: empty\n    interval: 3600\n    meters: ['*']\n    discovery: [nothing]\n", Map.of());
        PerResource p = new PerResource("m", "never-used");
        addPollster(p, "m");
        agent.pollNow("s");
        assertEquals(List.of("x", "y"), p.calls.get(0), "duplicates removed, order kept");
        CycleReport r = agent.pollNow("empty").get(0);
        assertEquals(1, r.skipped.get());
        assertEquals(1, p.calls.size());
    }

    @Test
    void samplesGoOutInBatches() throws Exception {
        start(ONE_SOURCE, Map.of("batch_size", 4));
        String[] ids = new String[10];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "r" + i;
        }
        addDiscovery(new CountingDiscovery(ids), "d");
        addPollster(new PerResource("m", "d"), "m");
        dispatcher.batchSizes.clear();
        agent.pollNow("s");
        assertEquals(List.of(4, 4, 2), dispatcher.batchSizes);
    }

    @Test
    void aSlowDiscoveryDoesNotHoldBackThePollstersThatDoNotNeedIt() throws Exception {
        start("sources:\n  - name: fixed\n    interval: 3600\n    meters: [fast]\n    resources: [r1]\n"
                + "  - name: found\n    interval: 3600\n    meters: [slowm]\n    discovery: [slow]\n", Map.of());
        boolean[] sawFastSamples = {false};
        addDiscovery(new Discovery() {
            @Override
            public List<Resource> discover(PollContext context, String param) throws Exception {
                // before the change, discoveries ran on the cycle thread before any pollster started
                Fakes.await("the other pollster's samples", 5000, () -> dispatcher.count("fast") >= 1);
                sawFastSamples[0] = true;
                return List.of(Resource.of("d1"));
            }
        }, "slow");
        addPollster(new PerResource("fast", null), "fast");
        addPollster(new PerResource("slowm", null), "slowm");
        dispatcher.samples.clear();
        List<CycleReport> reports = agent.pollNow(null);
        assertTrue(sawFastSamples[0], "the discovery saw the other pollster's samples while it ran");
        assertEquals(1, dispatcher.count("slowm"));
        assertEquals(1, reports.size());
    }

    @Test
    void aMultiMetricPollsterMayHandEveryMeterOfItsTemplate() {
        assertTrue(AgentManager.producedBy("image", "image"));
        assertTrue(!AgentManager.producedBy("image", "image.size"));
        assertTrue(AgentManager.producedBy("dynamic.radosgw.api.request.{category}",
                "dynamic.radosgw.api.request.get_obj"));
        assertTrue(!AgentManager.producedBy("dynamic.radosgw.api.request.{category}", "dynamic.radosgw.api."));
        assertTrue(!AgentManager.producedBy("dynamic.radosgw.api.request.{category}", "other.get_obj"));
    }

    @Test
    void groupNamesAreStable() {
        AgentManager.Config cfg = Fakes.config(AgentManager.Config.class, Map.of("partitioning_group_prefix", "p"));
        assertEquals("central-p", AgentManager.groupPrefix(cfg));
        assertEquals(AgentManager.staticGroup(List.of("b", "a"), cfg), AgentManager.staticGroup(List.of("a", "b"), cfg));
        assertTrue(AgentManager.staticGroup(List.of("a"), cfg).startsWith("central-p-static-"));
    }
}
