package org.ceilometer.osgi.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;

/** A {@link SampleSink} that keeps every sample, in the order they came. Thread-safe. */
public final class RecordingSink implements SampleSink {
    private final List<Sample> samples = new ArrayList<>();

    @Override
    public synchronized void accept(Sample sample) {
        samples.add(sample);
    }

    /** The samples so far (a copy). */
    public synchronized List<Sample> samples() {
        return Collections.unmodifiableList(new ArrayList<>(samples));
    }

    /** The volumes of the samples so far. */
    public List<Number> volumes() {
        return PollRun.volumes(samples());
    }

    /** The resource ids of the samples so far. */
    public List<String> resourceIds() {
        return PollRun.resourceIds(samples());
    }

    public synchronized int size() {
        return samples.size();
    }
}
