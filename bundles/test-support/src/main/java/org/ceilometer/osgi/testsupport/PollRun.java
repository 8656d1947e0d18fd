package org.ceilometer.osgi.testsupport;

import java.util.List;
import org.ceilometer.osgi.api.Sample;

/**
 * What one pollster run gave: the samples it handed over, and the exception it ended with (null when
 * it ended normally).
 */
public record PollRun(List<Sample> samples, Exception error) {
    /** The volumes of the samples, in order. */
    public List<Number> volumes() {
        return volumes(samples);
    }

    /** The resource ids of the samples, in order. */
    public List<String> resourceIds() {
        return resourceIds(samples);
    }

    static List<Number> volumes(List<Sample> samples) {
        return samples.stream().map(Sample::volume).toList();
    }

    static List<String> resourceIds(List<Sample> samples) {
        return samples.stream().map(Sample::resourceId).toList();
    }
}
