package org.ceilometer.osgi.agent;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.ceilometer.osgi.api.Sample;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** Test doubles: configuration annotations from maps, service references, a recording dispatcher. */
final class Fakes {
    private static final AtomicLong IDS = new AtomicLong();

    private Fakes() {}

    /** An instance of a configuration annotation: the given values, else the declared defaults. */
    static <A> A config(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            // option names as DS maps them: '__' in a method name is '_' in the property name
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

    static <T> Ref<T> ref(Map<String, Object> props) {
        return new Ref<>(props);
    }

    /** A service reference ordered by service id (older first), like the framework's with equal rankings. */
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
            // higher ranking first in the framework means: an older service (lower id) is "greater"
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

    /** Records what the agent dispatches. */
    static final class RecordingDispatcher implements SampleDispatcher {
        final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void dispatch(List<Sample> batch) {
            batchSizes.add(batch.size());
            samples.addAll(batch);
        }

        @Override
        public Map<String, Object> status() {
            return Map.of("stored", samples.size());
        }

        @Override
        public boolean checkHealth() {
            return true;
        }

        @Override
        public Map<String, Object> backendStats() {
            return Map.of();
        }

        long count(String meter) {
            synchronized (samples) {
                return samples.stream().filter(s -> s.name().equals(meter)).count();
            }
        }
    }

    /** Waits for a condition, failing with the message after the deadline. */
    static void await(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.onSpinWait();
            synchronized (Fakes.class) {
                Fakes.class.wait(20);
            }
        }
    }
}
