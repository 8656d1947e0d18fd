package org.ceilometer.osgi.pollster.network;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.ceilometer.osgi.api.CycleCache;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.openstack.OpenStackClient;

/** One polling cycle for tests: a client, a timestamp and a fresh cache. */
final class FakePollContext implements PollContext {
    private final OpenStackClient client;
    private final Instant timestamp;
    final Cache cache = new Cache();
    volatile boolean cancelled;

    FakePollContext(OpenStackClient client, Instant timestamp) {
        this.client = client;
        this.timestamp = timestamp;
    }

    /** A cycle cache that keeps successful loads only, as the agent's does. */
    static final class Cache implements CycleCache {
        final Map<String, Object> values = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public synchronized <T> T computeIfAbsent(String key, Callable<T> loader) throws Exception {
            Object v = values.get(key);
            if (v == null) {
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
        return cancelled;
    }
}
