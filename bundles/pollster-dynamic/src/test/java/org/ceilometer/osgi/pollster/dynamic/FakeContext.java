package org.ceilometer.osgi.pollster.dynamic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.ceilometer.osgi.api.CycleCache;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.ceilometer.osgi.api.openstack.OpenStackClient;

/** A polling cycle for tests: a fake session, a fixed timestamp, a pool it shuts down on close. */
final class FakeContext implements PollContext, AutoCloseable {
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    final OpenStackClient client;
    final ExecutorService pool = Executors.newCachedThreadPool();
    final Map<String, Object> cached = new ConcurrentHashMap<>();
    volatile boolean cancelled;

    FakeContext(OpenStackClient client) {
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
            @SuppressWarnings("unchecked")
            public <T> T computeIfAbsent(String key, Callable<T> loader) throws Exception {
                Object v = cached.get(key);
                if (v == null) {
                    v = loader.call();
                    cached.put(key, v);
                }
                return (T) v;
            }
        };
    }

    @Override
    public Instant timestamp() {
        return NOW;
    }

    @Override
    public String sourceName() {
        return "test";
    }

    @Override
    public java.util.concurrent.Executor executor() {
        return pool;
    }

    @Override
    public int parallelism() {
        return 4;
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(5);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The samples of one run, and the exception it ended with (null when none). */
    record Run(List<Sample> samples, Exception error) {
        List<Object> volumes() {
            return samples.stream().map(s -> (Object) s.volume()).toList();
        }

        List<String> resourceIds() {
            return samples.stream().map(Sample::resourceId).toList();
        }
    }

    Run poll(DynamicPollster p, String... resources) {
        List<Resource> rs = new ArrayList<>();
        for (String r : resources) {
            rs.add(Resource.of(r));
        }
        return poll(p, rs);
    }

    Run poll(DynamicPollster p, List<Resource> resources) {
        List<Sample> out = new ArrayList<>();
        SampleSink sink = out::add;
        try {
            p.getSamples(this, resources, sink);
            return new Run(out, null);
        } catch (Exception e) {
            return new Run(out, e);
        }
    }
}
