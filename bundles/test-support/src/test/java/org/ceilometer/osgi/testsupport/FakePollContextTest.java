package org.ceilometer.osgi.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Sample;
import org.junit.jupiter.api.Test;

class FakePollContextTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** One sample per resource, with the resource's id as its volume's text; fails on "bad". */
    private static final Pollster POLLSTER = new Pollster() {
        @Override
        public String defaultDiscovery() {
            return null;
        }

        @Override
        public void getSamples(org.ceilometer.osgi.api.PollContext ctx, List<org.ceilometer.osgi.api.Resource> rs,
                org.ceilometer.osgi.api.SampleSink sink) throws Exception {
            for (org.ceilometer.osgi.api.Resource r : rs) {
                if ("bad".equals(r.id())) {
                    throw new IOException("bad resource");
                }
                sink.accept(Sample.builder().name("m").type(MeterType.GAUGE).unit("u").volume(r.id().length())
                        .resourceId(r.id()).timestamp(ctx.timestamp()).build());
            }
        }
    };

    @Test
    void pollRunsKeepTheSamplesBeforeAFailure() throws Exception {
        FakePollContext ctx = new FakePollContext(new FakeOpenStackClient(), NOW);
        PollRun run = ctx.poll(POLLSTER, "a", "bb", "bad", "c");
        assertEquals(List.of("a", "bb"), run.resourceIds());
        assertEquals(List.of(1L, 2L), run.volumes(), "whole numbers as Long");
        assertEquals("bad resource", run.error().getMessage());
        assertNull(ctx.poll(POLLSTER, "a").error());
        assertEquals(NOW, ctx.samples(POLLSTER, "x").get(0).timestamp());
        assertThrows(IOException.class, () -> ctx.samples(POLLSTER, "bad"));
    }

    @Test
    void defaultsAndCancellation() throws Exception {
        FakeOpenStackClient os = new FakeOpenStackClient();
        FakePollContext ctx = new FakePollContext(os, NOW).sourceName("s");
        assertSame(os, ctx.openstack());
        assertEquals("s", ctx.sourceName());
        assertEquals(1, ctx.parallelism());
        Thread[] ran = new Thread[1];
        ctx.executor().execute(() -> ran[0] = Thread.currentThread());
        assertSame(Thread.currentThread(), ran[0], "the caller's thread by default");
        assertFalse(ctx.isCancelled());
        ctx.cancel();
        assertTrue(ctx.isCancelled());
        assertThrows(IllegalArgumentException.class, () -> new FakePollContext(os, NOW, Runnable::run, 0));
    }

    @Test
    void anOwnPoolRunsElsewhereAndStopsOnClose() throws Exception {
        FakePollContext ctx = FakePollContext.withPool(new FakeOpenStackClient(), NOW, 3);
        CompletableFuture<String> name = new CompletableFuture<>();
        ctx.executor().execute(() -> name.complete(Thread.currentThread().getName()));
        assertTrue(name.get(10, TimeUnit.SECONDS).startsWith("fake-poll-"));
        assertEquals(3, ctx.parallelism());
        ctx.close();
        assertThrows(java.util.concurrent.RejectedExecutionException.class, () -> ctx.executor().execute(() -> { }));
    }

    @Test
    void theCacheLoadsOnceKeepsNoFailureAndCountsLoads() throws Exception {
        RecordingCycleCache cache = new FakePollContext(new FakeOpenStackClient(), NOW).cache();
        assertEquals("v", cache.computeIfAbsent("k", () -> "v"));
        assertEquals("v", cache.computeIfAbsent("k", () -> "other"));
        assertThrows(IOException.class, () -> cache.computeIfAbsent("f", () -> {
            throw new IOException("no");
        }));
        assertEquals(Map.of("k", "v"), cache.values());
        assertEquals("w", cache.computeIfAbsent("f", () -> "w"), "a failure is not kept");
        assertEquals(Map.of("k", 1, "f", 2), cache.loads());
        assertFalse(cache.isEmpty());
    }

    @Test
    void concurrentCallersOfAKeyWaitForOneLoad() throws Exception {
        RecordingCycleCache cache = new RecordingCycleCache();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakePollContext ctx = FakePollContext.withPool(new FakeOpenStackClient(), NOW, 2);
        try {
            CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> call(cache, () -> {
                loading.countDown();
                assertTrue(release.await(10, TimeUnit.SECONDS));
                return "one";
            }), ctx.executor());
            assertTrue(loading.await(10, TimeUnit.SECONDS));
            Future<Object> second = CompletableFuture.supplyAsync(() -> call(cache, () -> "two"), ctx.executor());
            assertEquals("late", cache.computeIfAbsent("other", () -> "late"), "other keys do not wait");
            release.countDown();
            assertEquals("one", first.get(10, TimeUnit.SECONDS));
            assertEquals("one", second.get(10, TimeUnit.SECONDS));
            assertEquals(1, cache.loads().get("k"));
        } finally {
            release.countDown();
            ctx.close();
        }
    }

    private static Object call(RecordingCycleCache cache, java.util.concurrent.Callable<Object> loader) {
        try {
            return cache.computeIfAbsent("k", loader);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
