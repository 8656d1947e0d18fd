package org.ceilometer.osgi.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.OpenStackClient;

/**
 * One polling cycle for tests: a client, a timestamp, a fresh {@link RecordingCycleCache}, a fan-out
 * executor with the parallelism it announces (the caller's thread and 1 by default), the source
 * {@code test}, a one-minute timeout, and cancellation on demand. Closing it stops a pool it owns.
 */
public final class FakePollContext implements PollContext, AutoCloseable {
    private final OpenStackClient client;
    private final Instant timestamp;
    private final Executor executor;
    private final int parallelism;
    private final ExecutorService ownPool;
    private final RecordingCycleCache cache = new RecordingCycleCache();
    private volatile boolean cancelled;
    private volatile String sourceName = "test";
    private volatile Duration timeout = Duration.ofMinutes(1);

    /** A cycle whose fan-out runs on the caller's thread, with parallelism 1. */
    public FakePollContext(OpenStackClient client, Instant timestamp) {
        this(client, timestamp, Runnable::run, 1, null);
    }

    /** A cycle whose fan-out runs on the given executor, announcing the given parallelism. */
    public FakePollContext(OpenStackClient client, Instant timestamp, Executor executor, int parallelism) {
        this(client, timestamp, executor, parallelism, null);
    }

    private FakePollContext(OpenStackClient client, Instant timestamp, Executor executor, int parallelism,
            ExecutorService ownPool) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.client = client;
        this.timestamp = timestamp;
        this.executor = executor;
        this.parallelism = parallelism;
        this.ownPool = ownPool;
    }

    /**
     * A cycle with a pool of its own (threads made as needed, daemons), announcing the given parallelism;
     * {@link #close} stops the pool.
     */
    public static FakePollContext withPool(OpenStackClient client, Instant timestamp, int parallelism) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new FakePollContext(client, timestamp, pool, parallelism, pool);
    }

    /** Sets the source name ({@code test} by default). */
    public FakePollContext sourceName(String name) {
        this.sourceName = name;
        return this;
    }

    /** Sets the timeout (one minute by default). */
    public FakePollContext timeout(Duration t) {
        this.timeout = t;
        return this;
    }

    /** Cancels the cycle: {@link #isCancelled} is true from now on. */
    public void cancel() {
        cancelled = true;
    }

    // ------------------------------------------------------------------ running pollsters

    /** Runs a pollster on resources and returns its samples; the pollster's exception is thrown. */
    public List<Sample> samples(Pollster pollster, List<Resource> resources) throws Exception {
        RecordingSink sink = new RecordingSink();
        pollster.getSamples(this, resources, sink);
        return sink.samples();
    }

    /** {@link #samples(Pollster, List)} on resources whose payload is their id. */
    public List<Sample> samples(Pollster pollster, String... resourceIds) throws Exception {
        return samples(pollster, resources(resourceIds));
    }

    /** Runs a pollster on resources: the samples it gave, and the exception it ended with, if any. */
    public PollRun poll(Pollster pollster, List<Resource> resources) {
        RecordingSink sink = new RecordingSink();
        try {
            pollster.getSamples(this, resources, sink);
            return new PollRun(sink.samples(), null);
        } catch (Exception e) {
            return new PollRun(sink.samples(), e);
        }
    }

    /** {@link #poll(Pollster, List)} on resources whose payload is their id. */
    public PollRun poll(Pollster pollster, String... resourceIds) {
        return poll(pollster, resources(resourceIds));
    }

    private static List<Resource> resources(String... ids) {
        List<Resource> out = new ArrayList<>(ids.length);
        for (String id : ids) {
            out.add(Resource.of(id));
        }
        return out;
    }

    // ------------------------------------------------------------------ PollContext

    @Override
    public OpenStackClient openstack() {
        return client;
    }

    @Override
    public RecordingCycleCache cache() {
        return cache;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public String sourceName() {
        return sourceName;
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** Stops the pool made by {@link #withPool} and waits a little for its threads; nothing otherwise. */
    @Override
    public void close() throws InterruptedException {
        if (ownPool != null) {
            ownPool.shutdownNow();
            ownPool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
