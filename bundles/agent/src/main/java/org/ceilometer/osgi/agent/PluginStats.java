package org.ceilometer.osgi.agent;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What the agent knows of one pollster service: its origin and how its runs went. */
final class PluginStats {
    final String name;
    final String origin;
    final AtomicLong runs = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong samplesTotal = new AtomicLong();
    volatile long samplesLastCycle;
    volatile Instant lastRun;
    volatile long lastDurationMillis;
    volatile String lastError;

    PluginStats(String name, String origin) {
        this.name = name;
        this.origin = origin;
    }

    void recordRun(Instant at, long samples, long durationMillis, String error) {
        runs.incrementAndGet();
        lastRun = at;
        samplesLastCycle = samples;
        samplesTotal.addAndGet(samples);
        lastDurationMillis = durationMillis;
        if (error != null) {
            errors.incrementAndGet();
            lastError = error;
        }
    }
}
