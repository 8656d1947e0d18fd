package org.ceilometer.osgi.pollster.dynamic;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The responses of {@code extra_metadata_fields} requests, kept for their
 * {@code extra_metadata_fields_cache_seconds} as master's {@code response_cache}, by URL. Bounded; the
 * oldest entries go first. Thread-safe.
 */
final class ResponseCache {
    static final int MAX_ENTRIES = 10_000;

    private record Entry(Object response, long expiresAt) {}

    private final LongSupplier nanoTime;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    ResponseCache(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The response cached for the URL and not yet expired, or null. */
    synchronized Object get(String url) {
        Entry e = entries.get(url);
        if (e == null) {
            return null;
        }
        if (e.expiresAt - nanoTime.getAsLong() < 0) {
            entries.remove(url);
            return null;
        }
        return e.response;
    }

    synchronized void put(String url, Object response, long seconds) {
        if (seconds <= 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        entries.remove(url);
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> e.expiresAt - now < 0);
            Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
            while (entries.size() >= MAX_ENTRIES && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        long ttl = seconds > Long.MAX_VALUE / 2_000_000_000L ? Long.MAX_VALUE / 2 : seconds * 1_000_000_000L;
        entries.put(url, new Entry(response, now + ttl));
    }

    synchronized void clear() {
        entries.clear();
    }
}
