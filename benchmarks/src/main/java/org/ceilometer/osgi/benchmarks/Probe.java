package org.ceilometer.osgi.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Wall time, process CPU time and peak heap of one measured piece of work in this JVM. The heap figure is
 * the sum of the heap pools' peak usage since the start (the peaks are reset, after a full collection,
 * when the probe starts), as the JVM reports it: garbage not yet collected counts.
 */
final class Probe {
    private final long wall0;
    private final long cpu0;
    private final long gc0;
    private final long gcMillis0;
    private final long heapBefore;

    /** What was measured. */
    record Figures(double wallSeconds, double cpuSeconds, long peakHeapBytes, long heapBeforeBytes, long gcs,
            long gcMillis) {}

    private Probe() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                p.resetPeakUsage();
                used += p.getUsage().getUsed();
            }
        }
        this.heapBefore = used;
        this.gc0 = gcCount();
        this.gcMillis0 = gcMillis();
        this.cpu0 = cpuNanos();
        this.wall0 = System.nanoTime();
    }

    static Probe start() {
        return new Probe();
    }

    Figures stop() {
        long wall = System.nanoTime() - wall0;
        long cpu = cpuNanos() - cpu0;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return new Figures(wall / 1e9, cpu / 1e9, peak, heapBefore, gcCount() - gc0, gcMillis() - gcMillis0);
    }

    static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return -1;
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, g.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, g.getCollectionTime());
        }
        return n;
    }

    /** The largest heap this JVM may grow to. */
    static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }
}
