package org.ceilometer.osgi.pollster.rgw;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.ceilometer.osgi.api.CycleCache;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.openstack.OpenStackClient;

/** One polling cycle for tests: a client, a timestamp, a fresh cache, and a pool with its bound. */
final class TestPollContext implements PollContext {
    private final OpenStackClient client;
    private final Instant timestamp;
    private final Executor executor;
    private final int parallelism;
    final Cache cache = new Cache();
    volatile boolean cancelled;

    TestPollContext(OpenStackClient client, Instant timestamp) {
        this(client, timestamp, Runnable::run, 1);
    }

    TestPollContext(OpenStackClient client, Instant timestamp, Executor executor, int parallelism) {
        this.client = client;
        this.timestamp = timestamp;
        this.executor = executor;
        this.parallelism = parallelism;
    }

    /** A cycle cache that keeps successful loads only and lets concurrent callers of a key wait, as the agent's. */
    static final class Cache implements CycleCache {
        final Map<String, Object> values = new ConcurrentHashMap<>();
        final Map<String, Integer> loads = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public synchronized <T> T computeIfAbsent(String key, Callable<T> loader) throws Exception {
            Object v = values.get(key);
            if (v == null) {
                loads.merge(key, 1, Integer::sum);
                v = loader.call();
                values.put(key, v);
            }
            return (T) v;
        }
    }

    @Override
    public OpenStackClient openstack() {
        return client;
    }

    @Override
    public CycleCache cache() {
        return cache;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public String sourceName() {
        return "test";
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
        return Duration.ofMinutes(1);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
