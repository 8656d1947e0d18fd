package org.ceilometer.osgi.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts requests per path and keeps the last ones, for tests that check what a client sent. */
final class RequestStats {
    static final int RECENT = 1000;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ArrayDeque<String> recent = new ArrayDeque<>();

    void record(String method, String path, String query) {
        counts.computeIfAbsent(path, k -> new LongAdder()).increment();
        String line = method + " " + (query == null ? path : path + "?" + query);
        synchronized (recent) {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(line);
        }
    }

    long count(String pathPrefix) {
        long n = 0;
        for (Map.Entry<String, LongAdder> e : counts.entrySet()) {
            if (e.getKey().startsWith(pathPrefix)) {
                n += e.getValue().sum();
            }
        }
        return n;
    }

    List<String> recent() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    void reset() {
        counts.clear();
        synchronized (recent) {
            recent.clear();
        }
    }
}
