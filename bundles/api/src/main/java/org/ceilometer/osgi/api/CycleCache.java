package org.ceilometer.osgi.api;

import java.util.concurrent.Callable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Ceilometer's per-cycle {@code cache}: what one pollster loads, the others of the same cycle reuse
 * (the image listing shared by {@code image} and {@code image.size}, Swift's account HEADs).
 * Emptied at the end of every cycle.
 */
@ProviderType
public interface CycleCache {
    /**
     * The value under {@code key}, loaded once per cycle. Concurrent callers of the same key wait for
     * one load. A load that throws is not cached: the exception reaches every waiting caller.
     */
    <T> T computeIfAbsent(String key, Callable<T> loader) throws Exception;
}
