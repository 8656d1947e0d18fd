package org.ceilometer.osgi.api;

import org.osgi.annotation.versioning.ProviderType;

/** Where a pollster hands its samples, one at a time, so that large listings never sit in memory. */
@ProviderType
@FunctionalInterface
public interface SampleSink {
    /**
     * Takes one sample. The agent checks it; a sample it refuses is counted as the pollster's error
     * and does not stop the others.
     */
    void accept(Sample sample);
}
