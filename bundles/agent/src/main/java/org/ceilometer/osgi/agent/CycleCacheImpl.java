package org.ceilometer.osgi.agent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.ceilometer.osgi.api.CycleCache;

/** One cycle's cache: one load per key, shared by concurrent callers; failures are not kept. */
final class CycleCacheImpl implements CycleCache {
    private final ConcurrentHashMap<String, CompletableFuture<Object>> entries = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(String key, Callable<T> loader) throws Exception {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = entries.putIfAbsent(key, mine);
        if (existing == null) {
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
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw (Error) cause;
        }
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }
}
