package org.ceilometer.osgi.pollster.volume;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.ceilometer.osgi.api.CycleCache;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.openstack.OpenStackClient;

/** One polling cycle for tests: a client, a timestamp and a fresh cache that keeps successful loads only. */
final class TestPollContext implements PollContext {
    private final OpenStackClient client;
    private final Instant timestamp;
    final Map<String, Object> cached = new ConcurrentHashMap<>();
    volatile boolean cancelled;

    TestPollContext(OpenStackClient client, Instant timestamp) {
        this.client = client;
        this.timestamp = timestamp;
    }

    @Override
    public OpenStackClient openstack() {
        return client;
    }

    @Override
    public CycleCache cache() {
        return new CycleCache() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T computeIfAbsent(String key, Callable<T> loader) throws Exception {
                synchronized (cached) {
                    Object v = cached.get(key);
                    if (v == null) {
                        v = loader.call();
                        cached.put(key, v);
                    }
                    return (T) v;
                }
            }
        };
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
