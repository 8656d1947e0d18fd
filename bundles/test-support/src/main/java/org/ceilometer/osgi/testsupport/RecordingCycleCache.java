package org.ceilometer.osgi.testsupport;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.ceilometer.osgi.api.CycleCache;

/**
 * A {@link CycleCache} as the agent's behaves: one load per key, concurrent callers of a key wait for
 * it, and a load that throws is not kept (every waiting caller gets its exception, the next caller loads
 * again). Loads of different keys do not wait for each other. It also shows what it holds and how many
 * times each key was loaded.
 */
public final class RecordingCycleCache implements CycleCache {
    private final Map<String, CompletableFuture<Object>> entries = new ConcurrentHashMap<>();
    private final Map<String, Integer> loads = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(String key, Callable<T> loader) throws Exception {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = entries.putIfAbsent(key, mine);
        if (existing == null) {
            loads.merge(key, 1, Integer::sum);
            try {
                T value = loader.call();
                mine.complete(value);
                return value;
            } catch (Exception | Error e) {
                entries.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return (T) existing.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The values loaded successfully so far, by key (a copy). */
    public Map<String, Object> values() {
        Map<String, Object> out = new HashMap<>();
        entries.forEach((k, f) -> {
            if (f.isDone() && !f.isCompletedExceptionally()) {
                out.put(k, f.join());
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** How many times each key's loader ran, failed loads included (a copy). */
    public Map<String, Integer> loads() {
        return Map.copyOf(loads);
    }

    /** Whether no value is held. */
    public boolean isEmpty() {
        return values().isEmpty();
    }
}
