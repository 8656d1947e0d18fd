package org.ceilometer.osgi.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What one cycle did: samples per meter, errors and skips. */
final class CycleReport {
    final int interval;
    final List<String> sources;
    final Instant started;
    volatile long durationMillis;
    final ConcurrentHashMap<String, AtomicLong> samplesByMeter = new ConcurrentHashMap<>();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();

    CycleReport(int interval, List<String> sources, Instant started) {
        this.interval = interval;
        this.sources = List.copyOf(sources);
        this.started = started;
    }

    void addSamples(String meter, long n) {
        samplesByMeter.computeIfAbsent(meter, k -> new AtomicLong()).addAndGet(n);
    }

    long totalSamples() {
        return samplesByMeter.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Map<String, Long> samplesByMeter() {
        Map<String, Long> m = new TreeMap<>();
        samplesByMeter.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    @Override
    public String toString() {
        return "sources " + sources + ": " + totalSamples() + " samples " + samplesByMeter() + ", " + errors.get()
                + " errors, " + skipped.get() + " pollsters skipped, " + durationMillis + " ms";
    }
}
