package org.ceilometer.osgi.agent;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The real {@link AgentManager} driven outside OSGi, as the agent's own tests do: a configuration from a
 * map, plugins bound through service references made here, and one source polled on demand. The samples
 * go to a dispatcher that only counts them (no storage). Lives in the agent's package because the binding
 * methods and {@code pollNow} are package-private.
 */
public final class BenchAgent implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    private final CountingDispatcher dispatcher = new CountingDispatcher();
    private final AgentManager agent;

    /** What one polled source gave. */
    public record Result(long millis, Map<String, Long> samplesByMeter, long errors, long skipped,
            long dispatched, long batches) {
        public long samples() {
            return samplesByMeter.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Starts the agent on {@code ${ceilometer.home}} (a system property the caller sets to a folder whose
     * {@code config/polling.yaml} names the sources) with the given {@code [polling]} options.
     *
     * @param options option names as in {@code ceilometer.polling.cfg} ({@code pollster_threads}, ...)
     */
    public BenchAgent(Map<String, Object> options) {
        this.agent = new AgentManager(dispatcher, null, config(AgentManager.Config.class, options));
    }

    /**
     * Binds the OpenStack session, then waits until the cycles that the agent starts by itself (the
     * schedule's first tick, and the one a new session triggers) are over, so that none of them runs while
     * a source is measured. Call it once, before any plugin is bound: those cycles then poll nothing.
     */
    public void start(OpenStackClient client, Duration timeout) throws InterruptedException {
        agent.bindOpenStack(client);
        long deadline = System.nanoTime() + timeout.toNanos();
        long expected = 2; // the first tick at 0 s, and the poll a first session asks for
        while (cycles() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the agent's own start-up cycles did not end: " + agent.status());
            }
            synchronized (this) {
                wait(10);
            }
        }
    }

    /** Replaces the OpenStack session that pollsters and discoveries get (no cycle is triggered). */
    public void useOpenStack(OpenStackClient client) {
        agent.bindOpenStack(client);
    }

    private long cycles() {
        Object c = agent.status().get("cycles");
        return c instanceof Number ? ((Number) c).longValue() : 0;
    }

    public void bindPollster(Pollster pollster, Map<String, Object> properties) {
        agent.bindPollster(new Ref<>(properties), pollster);
    }

    public void bindDiscovery(Discovery discovery, Map<String, Object> properties) {
        agent.bindDiscovery(new Ref<>(properties), discovery);
    }

    /** Names of the sources the agent loaded. */
    public List<String> sources() {
        return agent.sources().stream().map(PollingSource::name).toList();
    }

    /** Polls one source now and waits for every pollster run of it to end. */
    public Result poll(String source) {
        long d0 = dispatcher.samples.sum();
        long b0 = dispatcher.batches.sum();
        List<CycleReport> reports = agent.pollNow(source);
        Map<String, Long> byMeter = new TreeMap<>();
        long errors = 0;
        long skipped = 0;
        long millis = 0;
        for (CycleReport r : reports) {
            r.samplesByMeter().forEach((k, v) -> byMeter.merge(k, v, Long::sum));
            errors += r.errors.get();
            skipped += r.skipped.get();
            millis += r.durationMillis;
        }
        return new Result(millis, byMeter, errors, skipped, dispatcher.samples.sum() - d0,
                dispatcher.batches.sum() - b0);
    }

    /** The agent's status lines, for diagnostics. */
    public Map<String, Object> status() {
        return agent.status();
    }

    /** Failed runs so far and the last error, of each pollster that ever failed. */
    public Map<String, String> pollsterErrors() {
        Map<String, String> m = new TreeMap<>();
        for (AgentManager.PollsterEntry e : agent.pollsterEntries()) {
            long n = e.stats.errors.get();
            if (n > 0) {
                m.put(e.meter, n + " failed runs, last: " + e.stats.lastError);
            }
        }
        return m;
    }

    @Override
    public void close() {
        agent.deactivate();
    }

    /** Counts what the agent dispatches; keeps nothing. */
    static final class CountingDispatcher implements SampleDispatcher {
        final LongAdder samples = new LongAdder();
        final LongAdder batches = new LongAdder();
        final Map<String, LongAdder> byMeter = new ConcurrentHashMap<>();

        @Override
        public void dispatch(List<Sample> batch) {
            batches.increment();
            samples.add(batch.size());
        }

        @Override
        public Map<String, Object> status() {
            return Map.of("dispatched", samples.sum());
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

    /** An instance of a configuration annotation: the given values, else the declared defaults. */
    static <A> A config(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            String option = m.getName().replace("__", "_");
            if (values.containsKey(option)) {
                return values.get(option);
            }
            if (m.getDefaultValue() != null) {
                return m.getDefaultValue();
            }
            switch (m.getName()) {
                case "hashCode":
                    return System.identityHashCode(p);
                case "equals":
                    return p == args[0];
                case "toString":
                    return type.getSimpleName() + values;
                case "annotationType":
                    return type;
                default:
                    throw new IllegalStateException("no value for " + m.getName());
            }
        }));
    }

    /** A service reference ordered as the framework orders equal rankings (older first). */
    static final class Ref<T> implements ServiceReference<T> {
        final long id = IDS.incrementAndGet();
        final Map<String, Object> props;

        Ref(Map<String, Object> props) {
            this.props = new HashMap<>(props);
            this.props.put("service.id", id);
        }

        @Override
        public Object getProperty(String key) {
            return props.get(key);
        }

        @Override
        public String[] getPropertyKeys() {
            return props.keySet().toArray(new String[0]);
        }

        @Override
        public Bundle getBundle() {
            return null;
        }

        @Override
        public Bundle[] getUsingBundles() {
            return new Bundle[0];
        }

        @Override
        public boolean isAssignableTo(Bundle bundle, String className) {
            return true;
        }

        @Override
        public int compareTo(Object reference) {
            return Long.compare(((Ref<?>) reference).id, id);
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            return new Hashtable<>(props);
        }

        @Override
        public <A> A adapt(Class<A> type) {
            return null;
        }

        @Override
        public String toString() {
            return "Ref" + props;
        }
    }
}
