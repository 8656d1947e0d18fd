package org.ceilometer.osgi.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.Publisher;
import org.ceilometer.osgi.api.PublisherFactory;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.TransformerFactory;
import org.ceilometer.osgi.api.signing.MessageSigning;
import org.ceilometer.osgi.api.signing.MeterMessages;
import org.ceilometer.osgi.publishers.TestPublisherFactory;
import org.ceilometer.osgi.transformers.AccumulatorFactory;
import org.ceilometer.osgi.transformers.RateOfChangeFactory;
import org.ceilometer.osgi.transformers.UnitConversionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

class PipelineManagerTest {
    @TempDir
    Path home;

    private final Storage storage = new Storage();
    private final List<Runnable> cleanup = new ArrayList<>();
    private PipelineManager manager;

    /** The storage queue as the pipelines see it: takes everything (unless full), keeps it in order. */
    static final class Storage implements SampleDispatcher {
        final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger flushes = new AtomicInteger();
        volatile boolean full;

        @Override
        public void dispatch(List<Sample> batch) {
            samples.addAll(batch);
        }

        @Override
        public boolean offer(List<Sample> batch) {
            if (full) {
                return false;
            }
            samples.addAll(batch);
            return true;
        }

        @Override
        public void flush() {
            flushes.incrementAndGet();
        }

        @Override
        public Map<String, Object> status() {
            return Map.of("queued", samples.size(), "backend", "fake store");
        }

        @Override
        public boolean checkHealth() {
            return true;
        }

        @Override
        public Map<String, Object> backendStats() {
            return Map.of();
        }
    }

    /** Records what publishers of its scheme are made with, and what they get. */
    static final class RecordingFactory implements PublisherFactory {
        final List<URI> urls = Collections.synchronizedList(new ArrayList<>());
        final List<Map<String, Object>> options = Collections.synchronizedList(new ArrayList<>());
        final List<Sample> published = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Publisher create(URI url, Map<String, Object> agentOptions) {
            if (url.getQuery() != null && url.getQuery().contains("bad=")) {
                throw new IllegalArgumentException("rec publisher: option 'bad' is not valid");
            }
            urls.add(url);
            options.add(agentOptions);
            return published::addAll;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(home.resolve("config"));
        TestPublisherFactory.clear();
    }

    @AfterEach
    void tearDown() {
        if (manager != null) {
            manager.deactivate();
        }
        cleanup.forEach(Runnable::run);
    }

    private BundleContext context() {
        BundleContext ctx = mock(BundleContext.class);
        when(ctx.getProperty("ceilometer.home")).thenReturn(home.toString());
        return ctx;
    }

    private PipelineManager start(String pipelineYaml, Map<String, Object> props) throws Exception {
        if (pipelineYaml != null) {
            Files.writeString(home.resolve("config/pipeline.yaml"), pipelineYaml);
        }
        manager = newManager(storage, props);
        return manager;
    }

    private PipelineManager newManager(SampleDispatcher store, Map<String, Object> props) {
        Map<String, Object> values = new HashMap<>(Map.of("cfg_check_interval", 1, "max_retry_interval", 1));
        values.putAll(props);
        PipelineManager m = new PipelineManager(context(), store, Fakes.config(PipelineManager.Config.class, values),
                values);
        m.start();
        return m;
    }

    private static <T> Fakes.Ref<T> transformerRef(String name) {
        return Fakes.ref(Map.of(Namespaces.NAMESPACE, Namespaces.TRANSFORMERS, Namespaces.TRANSFORMER, name));
    }

    private static <T> Fakes.Ref<T> publisherRef(String scheme) {
        return Fakes.ref(Map.of(Namespaces.NAMESPACE, Namespaces.PUBLISHER, Namespaces.PUBLISHER_SCHEME, scheme));
    }

    private void bindRealPlugins(PipelineManager m) {
        m.bindTransformerFactory(transformerRef("unit_conversion"), new UnitConversionFactory());
        m.bindTransformerFactory(transformerRef("accumulator"), new AccumulatorFactory());
        m.bindTransformerFactory(transformerRef("rate_of_change"), new RateOfChangeFactory());
        m.bindPublisherFactory(publisherRef("test"), new TestPublisherFactory());
    }

    static Sample sample(String meter, Number volume, String unit) {
        return Sample.builder().name(meter).type(MeterType.GAUGE).unit(unit).volume(volume).resourceId("r1")
                .projectId("p1").timestamp(Instant.parse("2024-05-01T10:00:00Z")).build();
    }

    private void awaitIdle() throws Exception {
        assertTrue(manager.awaitIdle(Duration.ofSeconds(10)), "publishers idle");
    }

    private static final String TWO_SINKS = "sources:\n"
            + "  - name: disk_source\n    meters: ['disk.*']\n    sinks: [kb_sink]\n"
            + "  - name: all\n    meters: ['*']\n    sinks: [raw_sink]\n"
            + "sinks:\n"
            + "  - name: kb_sink\n    transformers:\n      - name: unit_conversion\n        parameters:\n"
            + "          source: {unit: B}\n"
            + "          target: {name: disk.kb, unit: KB, scale: 'volume * 1.0 / 1024.0'}\n"
            + "    publishers: ['test://kb']\n"
            + "  - name: raw_sink\n    publishers: ['database://']\n";

    @Test
    void withNoFileEveryMeterGoesToStorageSigned() throws Exception {
        start(null, Map.of());
        assertTrue(manager.fileState().startsWith("default pipeline"), manager.fileState());
        manager.dispatch(List.of(sample("image", 1, "image"), sample("image.size", 10, "B")));
        awaitIdle();
        assertEquals(2, storage.samples.size());
        for (Sample s : storage.samples) {
            assertNotNull(s.signature());
            assertTrue(MessageSigning.verifySignature(MeterMessages.toMessage(s), PipelineManager.DEFAULT_SECRET));
        }
    }

    @Test
    void samplesGoThroughTheRealUnitConversionToEveryMatchingPipeline() throws Exception {
        start(TWO_SINKS, Map.of());
        bindRealPlugins(manager);
        manager.dispatch(List.of(sample("disk.read.bytes", 2048, "B"), sample("cpu", 5, "ns")));
        awaitIdle();
        List<Sample> kb = TestPublisherFactory.samples("kb");
        assertEquals(1, kb.size());
        assertEquals("disk.kb", kb.get(0).name());
        assertEquals("KB", kb.get(0).unit());
        assertEquals(2.0, kb.get(0).volume().doubleValue());
        assertEquals(List.of("disk.read.bytes", "cpu"), storage.samples.stream().map(Sample::name).toList(),
                "the raw sink gets both, unchanged");
        Pipeline disk = manager.pipelines().get(0);
        assertEquals("disk_source:kb_sink", disk.name());
        assertEquals(1, disk.in.get());
        assertEquals(1, disk.out.get());
        String table = new PipelineCommands(manager).pipelines();
        assertTrue(table.contains("disk_source:kb_sink") && table.contains("unit_conversion")
                && table.contains("test://kb") && table.contains("database://"), table);
    }

    @Test
    void aTransformerErrorDropsTheSampleForThatPipelineOnlyAndIsCounted() throws Exception {
        start("sources:\n  - name: s\n    meters: ['*']\n    sinks: [a, b]\n"
                + "sinks:\n  - name: a\n    transformers:\n      - name: explode\n    publishers: ['test://a']\n"
                + "  - name: b\n    publishers: ['test://b']\n", Map.of());
        bindRealPlugins(manager);
        TransformerFactory explode = parameters -> sample -> {
            if (sample.volume().intValue() == 13) {
                throw new IllegalStateException("unlucky");
            }
            return sample;
        };
        manager.bindTransformerFactory(transformerRef("explode"), explode);
        manager.dispatch(List.of(sample("m", 12, "u"), sample("m", 13, "u"), sample("m", 14, "u")));
        awaitIdle();
        assertEquals(List.of(12L, 14L), volumes(TestPublisherFactory.samples("a")));
        assertEquals(List.of(12L, 13L, 14L), volumes(TestPublisherFactory.samples("b")));
        Pipeline a = manager.pipelines().get(0);
        assertEquals(1, a.transformerErrors.get());
        assertEquals(3, a.in.get());
        assertEquals(2, a.out.get());
        assertEquals(1L, manager.status().get("transformer errors"));
    }

    private static List<Long> volumes(List<Sample> samples) {
        return samples.stream().map(s -> s.volume().longValue()).toList();
    }

    @Test
    void anUnknownTransformerIsReportedWithItsLineAndThePipelineWaitsForIt() throws Exception {
        start("sources:\n  - name: s\n    meters: ['*']\n    sinks: [a, b]\n"
                + "sinks:\n  - name: a\n    transformers:\n      - name: not_yet\n    publishers: ['test://a']\n"
                + "  - name: b\n    publishers: ['test://b']\n", Map.of());
        bindRealPlugins(manager);
        Pipeline a = manager.pipelines().get(0);
        assertEquals(home.resolve("config/pipeline.yaml") + ":8: sink 'a': No transformer named not_yet loaded "
                + "(no TransformerFactory with ceilometer.transformer=not_yet is registered)", a.problem());
        manager.dispatch(List.of(sample("m", 1, "u")));
        awaitIdle();
        assertEquals(1, TestPublisherFactory.samples("b").size(), "the other pipeline works");
        assertEquals(0, TestPublisherFactory.samples("a").size());
        assertEquals(1, a.droppedInactive.get());
        assertTrue(manager.status().get("inactive pipelines").toString().contains("s:a"));

        Fakes.Ref<TransformerFactory> ref = transformerRef("not_yet");
        manager.bindTransformerFactory(ref, parameters -> sample -> sample.toBuilder().unit("late").build());
        assertNull(a.problem());
        manager.dispatch(List.of(sample("m", 2, "u")));
        awaitIdle();
        assertEquals("late", TestPublisherFactory.samples("a").get(0).unit());
        manager.unbindTransformerFactory(ref);
        assertNotNull(a.problem(), "inactive again once its factory leaves");
    }

    @Test
    void transformersFlushAtTheEndOfEveryCycle() throws Exception {
        start("sources:\n  - name: s\n    meters: ['*']\n    sinks: [k]\n"
                + "sinks:\n  - name: k\n    transformers:\n      - name: accumulator\n"
                + "        parameters: {size: 2}\n    publishers: ['test://acc']\n", Map.of());
        bindRealPlugins(manager);
        manager.dispatch(List.of(sample("m", 1, "u")));
        manager.flush();
        manager.dispatch(List.of(sample("m", 2, "u")));
        awaitIdle();
        assertEquals(0, TestPublisherFactory.samples("acc").size(), "held until the flush");
        manager.flush();
        awaitIdle();
        assertEquals(List.of(1L, 2L), volumes(TestPublisherFactory.samples("acc")));
    }

    @Test
    void aBrokenEditKeepsTheRunningPipelinesAndAFixedOneAppliesWithoutRestart() throws Exception {
        start(TWO_SINKS, Map.of());
        bindRealPlugins(manager);
        Path file = home.resolve("config/pipeline.yaml");
        replace(file, TWO_SINKS.replace("sinks: [raw_sink]", "sinks: [raw_snk]"));
        Fakes.await("the watcher sees the edit", 10_000, () -> manager.fileError() != null);
        assertEquals(file + ":5: source 'all': Dangling sink raw_snk from source all (the running pipelines are kept)",
                manager.fileError());
        assertEquals(manager.fileError(), manager.status().get("pipeline file error"));
        assertEquals(2, manager.pipelines().size());
        manager.dispatch(List.of(sample("cpu", 1, "ns")));
        awaitIdle();
        assertEquals(1, storage.samples.size(), "the running pipelines still work");

        Pipeline kept = manager.pipelines().get(0);
        replace(file, TWO_SINKS.replace("database://", "test://raw"));
        Fakes.await("the fixed file is applied", 10_000, () -> manager.fileError() == null);
        assertEquals(2, manager.pipelines().size());
        assertTrue(kept == manager.pipelines().get(0), "an unchanged pipeline keeps its transformers");
        manager.dispatch(List.of(sample("cpu", 2, "ns")));
        awaitIdle();
        assertEquals(1, TestPublisherFactory.samples("raw").size());
        assertEquals(1, storage.samples.size());
        assertEquals("none", manager.status().get("pipeline file error"));
    }

    /** Writes a file as an editor or a deployment tool should: whole, never half-written. */
    private static void replace(Path file, String text) throws Exception {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void badTransformerParametersOrPublisherOptionsRejectTheFile() throws Exception {
        start(TWO_SINKS, Map.of());
        bindRealPlugins(manager);
        manager.bindPublisherFactory(publisherRef("rec"), new RecordingFactory());
        Path file = home.resolve("config/pipeline.yaml");
        Files.writeString(file, TWO_SINKS.replace("source: {unit: B}", "sorce: {unit: B}"));
        manager.reload(true);
        assertTrue(manager.fileError().startsWith(file + ":11: sink 'kb_sink': transformer 'unit_conversion': "
                + "unit_conversion: unknown parameter 'sorce'"), manager.fileError());
        Files.writeString(file, TWO_SINKS.replace("database://", "rec://h?bad=1"));
        manager.reload(true);
        assertTrue(manager.fileError().startsWith(file + ":17: sink 'raw_sink': publisher rec://h?bad=1: "
                + "rec publisher: option 'bad' is not valid"), manager.fileError());
        assertEquals("database://", manager.pipelines().get(1).def.sink().publishers().get(0));
    }

    @Test
    void theSecretSignsWhatIsPublishedAndReachesFactoriesButNeverTheStatus() throws Exception {
        RecordingFactory rec = new RecordingFactory();
        start("sources:\n  - name: s\n    meters: ['*']\n    sinks: [k]\n"
                + "sinks:\n  - name: k\n    publishers: ['rec://u:hunter2@h/x?policy=queue&max_queue_length=9&a=1',"
                + " 'database://']\n", Map.of("telemetry_secret", "s3cret-value"));
        manager.bindPublisherFactory(publisherRef("rec"), rec);
        manager.dispatch(List.of(sample("m", 1, "u")));
        awaitIdle();
        assertEquals("s3cret-value", rec.options.get(0).get("telemetry_secret"));
        assertEquals(URI.create("rec://u:hunter2@h/x?a=1"), rec.urls.get(0), "the policy options are the agent's");
        Sample stored = storage.samples.get(0);
        assertTrue(MessageSigning.verifySignature(MeterMessages.toMessage(stored), "s3cret-value"));
        assertEquals(stored, rec.published.get(0));
        String shown = manager.status() + new PipelineCommands(manager).pipelines();
        assertFalse(shown.contains("s3cret-value"), shown);
        assertFalse(shown.contains("hunter2"), shown);
        assertTrue(shown.contains("rec://u:***@h/x"), shown);
    }

    @Test
    void meteringSecretIsAnAliasAndAnEmptySecretDisablesSigning() throws Exception {
        start(null, Map.of("metering_secret", "old-name"));
        manager.dispatch(List.of(sample("m", 1, "u")));
        awaitIdle();
        assertTrue(MessageSigning.verifySignature(MeterMessages.toMessage(storage.samples.get(0)), "old-name"));
        manager.modified(Fakes.config(PipelineManager.Config.class, Map.of()), Map.of("telemetry_secret", ""));
        manager.dispatch(List.of(sample("m", 2, "u")));
        awaitIdle();
        assertNull(storage.samples.get(1).signature(), "signing off");
        assertEquals("off (empty telemetry_secret)", manager.status().get("signing"));
    }

    @Test
    void theDatabasePathVerifiesSignatures() {
        java.util.concurrent.atomic.AtomicLong invalid = new java.util.concurrent.atomic.AtomicLong();
        DatabasePublisher db = new DatabasePublisher(storage, () -> List.of("secret"), invalid);
        Sample unsigned = sample("m", 1, "u");
        Sample good = unsigned.withSignature(MessageSigning.computeSignature(MeterMessages.toMessage(unsigned),
                "secret"));
        Sample forged = good.toBuilder().volume(1000).build();
        Sample wrongKey = unsigned.withSignature(MessageSigning.computeSignature(MeterMessages.toMessage(unsigned),
                "other"));
        db.publish(List.of(good, forged, wrongKey, unsigned));
        assertEquals(List.of(good), storage.samples, "only the good signature is stored");
        assertEquals(3, invalid.get());

        new DatabasePublisher(storage, () -> List.of(""), invalid).publish(List.of(forged));
        assertEquals(2, storage.samples.size(), "an empty secret checks nothing");
        new DatabasePublisher(storage, () -> List.of("new", "other"), invalid).publish(List.of(wrongKey, good));
        assertEquals(wrongKey, storage.samples.get(2), "the secret before a change is accepted");
        assertEquals(3, storage.samples.size());
        assertEquals(4, invalid.get());
    }

    @Test
    void theDatabasePathFailsWhenTheStorageQueueIsFullSoThatThePolicyDecides() {
        Storage full = new Storage();
        full.full = true;
        DatabasePublisher db = new DatabasePublisher(full, () -> List.of(""),
                new java.util.concurrent.atomic.AtomicLong());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> db.publish(List.of(sample("m", 1, "u"))));
        assertTrue(e.getMessage().contains("storage queue is full"), e.getMessage());
    }

    /** etc/ceilometer/pipeline.yaml of openstack/ceilometer at juno-eol, unchanged, runs as it is. */
    @Test
    void junosPipelineYamlRunsUnchangedWithNotifierReachingStorage() throws Exception {
        start(PipelineDefinitionsTest.resource("juno-pipeline.yaml"), Map.of());
        bindRealPlugins(manager);
        assertNull(manager.fileError());
        assertEquals(4, manager.pipelines().size());
        for (Pipeline p : manager.pipelines()) {
            assertNull(p.problem(), p.name());
        }
        Sample cpu1 = Sample.builder().name("cpu").type(MeterType.CUMULATIVE).unit("ns").volume(1_000_000_000L)
                .resourceId("vm").resourceMetadata(Map.of("cpu_number", 2)).timestamp(Instant.parse(
                        "2024-05-01T10:00:00Z")).build();
        Sample cpu2 = cpu1.toBuilder().volume(3_000_000_000L).timestamp(Instant.parse("2024-05-01T10:00:10Z"))
                .id(null).build();
        manager.dispatch(List.of(sample("image.size", 10, "B"), cpu1));
        manager.dispatch(List.of(cpu2));
        awaitIdle();
        List<String> names = new ArrayList<>(storage.samples.stream().map(Sample::name).toList());
        Collections.sort(names);
        assertEquals(List.of("cpu", "cpu", "cpu_util", "image.size"), names, "two sinks, each to notifier://");
        Sample util = storage.samples.stream().filter(s -> s.name().equals("cpu_util")).findFirst().orElseThrow();
        assertEquals(10.0, util.volume().doubleValue(), 1e-9, "2e9 ns over 10 s on 2 CPUs: 10 %");
        assertEquals("%", util.unit());
    }

    @Test
    void sendSampleTakesCeilometersOptions() throws Exception {
        start("sources:\n  - name: s\n    meters: ['test.*']\n    sinks: [k]\n"
                + "sinks:\n  - name: k\n    publishers: ['test://sent']\n", Map.of());
        bindRealPlugins(manager);
        SendSampleCommand cmd = new SendSampleCommand(manager);
        assertTrue(cmd._main("test.meter", "gauge", "u", "1", "r", "", "", "", "", "send-sample")
                .contains("sent through"), "as Gogo calls it");
        awaitIdle();
        TestPublisherFactory.clear();
        String out = cmd.send("test.meter", "delta", "thing", "2.5", "res-1", "u1", "p1", "2013-10-12T14:35:59Z",
                "{\"a\": 1, \"b\": {\"c\": \"x\"}}");
        assertTrue(out.contains("sent through [s:k]"), out);
        awaitIdle();
        Sample s = TestPublisherFactory.samples("sent").get(0);
        assertEquals(MeterType.DELTA, s.type());
        assertEquals(2.5, s.volume());
        assertEquals("res-1", s.resourceId());
        assertEquals("u1", s.userId());
        assertEquals("p1", s.projectId());
        assertEquals(Instant.parse("2013-10-12T14:35:59Z"), s.timestamp());
        assertEquals(Map.of("c", "x"), s.resourceMetadata().get("b"));
        assertTrue(cmd.send("other", "gauge", "u", "1", "r", "", "", "", "").contains("no pipeline"));
        assertEquals("--sample-name is required", assertThrows(IllegalArgumentException.class,
                () -> cmd.send("", "gauge", "u", "1", "r", "", "", "", "")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> cmd.send("test.x", "gauge", "u", "1", "r", "", "", "", "[1]")).getMessage()
                .contains("JSON object"));
        assertThrows(IllegalArgumentException.class,
                () -> cmd.send("test.x", "sometimes", "u", "1", "r", "", "", "", ""));
    }

    @Test
    void theShellCommandsWorkThroughGogo() throws Exception {
        start("sources:\n  - name: s\n    meters: ['test.*']\n    sinks: [k]\n"
                + "sinks:\n  - name: k\n    publishers: ['test://gogo']\n", Map.of());
        bindRealPlugins(manager);
        org.apache.felix.gogo.runtime.CommandProcessorImpl processor = new org.apache.felix.gogo.runtime
                .CommandProcessorImpl(new org.apache.felix.gogo.runtime.threadio.ThreadIOImpl());
        processor.addCommand("ceilometer", new SendSampleCommand(manager), "send-sample");
        processor.addCommand("ceilometer", new PipelineCommands(manager), "pipelines");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        try (org.apache.felix.service.command.CommandSession session = processor.createSession(
                new java.io.ByteArrayInputStream(new byte[0]), ps, ps)) {
            Object result = session.execute("ceilometer:send-sample --sample-name test.g -U B -l -3 -r r9 "
                    + "--sample-type cumulative --sample-metadata '{\"k\": [1, \"v\"]}'");
            assertTrue(String.valueOf(result).contains("sent through [s:k]"), String.valueOf(result));
            awaitIdle();
            Sample s = TestPublisherFactory.samples("gogo").get(0);
            assertEquals("test.g", s.name());
            assertEquals(-3L, s.volume());
            assertEquals(MeterType.CUMULATIVE, s.type());
            assertEquals(List.of(1L, "v"), ((List<?>) s.resourceMetadata().get("k")).stream()
                    .map(v -> v instanceof Integer ? ((Integer) v).longValue() : v).toList());
            String table = String.valueOf(session.execute("ceilometer:pipelines"));
            assertTrue(table.contains("s:k") && table.contains("test://gogo"), table);
        }
    }

    @Test
    void publisherFactoriesComeAndGoWithoutLosingQueuedSamples() throws Exception {
        start("sources:\n  - name: s\n    meters: ['*']\n    sinks: [k]\n"
                + "sinks:\n  - name: k\n    publishers: ['rec://h?policy=queue']\n", Map.of());
        manager.dispatch(List.of(sample("m", 1, "u"), sample("m", 2, "u")));
        PublisherChannel c = manager.channels().get(0);
        Fakes.await("the missing factory noticed", 10_000, () -> c.lastError() != null);
        assertTrue(c.lastError().contains("no publisher for scheme 'rec'"), c.lastError());
        assertEquals(2, c.queued());
        RecordingFactory rec = new RecordingFactory();
        Fakes.Ref<PublisherFactory> ref = publisherRef("rec");
        manager.bindPublisherFactory(ref, rec);
        awaitIdle();
        assertEquals(List.of(1L, 2L), volumes(rec.published));
        manager.unbindPublisherFactory(ref);
        manager.dispatch(List.of(sample("m", 3, "u")));
        Fakes.await("queued again", 10_000, () -> c.queued() == 1 && c.lastError().contains("no publisher"));
        assertEquals(2, rec.published.size());
    }

    @Test
    void theJournalOnTheDatabasePathKeepsEverythingAcrossARestart() throws Exception {
        String yaml = "sources:\n  - name: s\n    meters: ['*']\n    sinks: [k]\n"
                + "sinks:\n  - name: k\n    publishers: ['database://?policy=journal&max_queue_length=10']\n";
        Files.writeString(home.resolve("config/pipeline.yaml"), yaml);
        StorageManagerTest.FakeStore store = new StorageManagerTest.FakeStore();
        store.down.set(true);
        StorageManager storage1 = storageManager(store);
        PipelineManager first = newManager(storage1, Map.of());
        cleanup.add(0, first::deactivate);
        List<Sample> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(sample("m", i, "u").toBuilder().resourceId("r" + i).build());
        }
        for (int i = 0; i < 100; i += 10) {
            first.dispatch(all.subList(i, i + 10));
        }
        Fakes.await("the store was tried", 10_000, () -> store.attempts.get() >= 1);
        PublisherChannel c = first.channels().get(0);
        Fakes.await("the storage queue is full and the rest waits in the journal", 10_000,
                () -> c.inJournal() > 0 && c.failures() > 0);
        first.deactivate();
        storage1.deactivate();
        assertEquals(0L, storage1.status().get("dropped"), "the journal took back what storage held");
        assertEquals(0, c.dropped());

        store.down.set(false);
        StorageManager storage2 = storageManager(store);
        manager = newManager(storage2, Map.of());
        awaitIdle();
        assertTrue(storage2.awaitDrained(Duration.ofSeconds(10)));
        List<String> ids = new ArrayList<>();
        synchronized (store.stored) {
            store.stored.forEach(s -> ids.add(s.resourceId()));
        }
        assertEquals(100, new LinkedHashSet<>(ids).size(), "all 100 stored: " + ids);
        assertEquals(100, ids.size(), "none twice");
        assertEquals(100L, storage2.status().get("stored"));
    }

    private StorageManager storageManager(StorageManagerTest.FakeStore store) {
        StorageManager s = new StorageManager(null, Fakes.config(StorageManager.Config.class,
                Map.of("connection", "log://", "max_queue_length", 10, "write_batch_size", 10,
                        "max_retry_interval", 1, "flush_timeout", 1)));
        s.bindDriver(Fakes.ref(Map.of(Namespaces.STORAGE_SCHEME, "log", Namespaces.NAMESPACE,
                Namespaces.METERING_STORAGE)), store);
        cleanup.add(s::deactivate);
        return s;
    }

    @Test
    void theAgentPollsThePipelineSourcesWhenThereIsNoPollingFileAndFlushesAfterEachCycle() throws Exception {
        Files.writeString(home.resolve("config/pipeline.yaml"), PipelineDefinitionsTest.resource("juno-pipeline.yaml"));
        Storage dispatcher = new Storage();
        AgentManager agent = new AgentManager(dispatcher, context(), Fakes.config(AgentManager.Config.class,
                Map.of("cfg_check_interval", 1)));
        cleanup.add(agent::deactivate);
        assertEquals(List.of("meter_source", "cpu_source", "disk_source", "network_source"),
                agent.sources().stream().map(PollingSource::name).toList());
        assertEquals(home.resolve("config/pipeline.yaml"), agent.resolveSourcesFile());
        Fakes.await("a cycle ended", 10_000, () -> dispatcher.flushes.get() >= 1);
    }
}
