package org.ceilometer.osgi.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** One transformer of one pipeline, with its own state; made by a {@link TransformerFactory}. */
@ConsumerType
public interface Transformer {
    /**
     * Handles a sample: returns the sample to pass on, or null when it is held or dropped. Throwing
     * drops the sample for this pipeline only.
     */
    Sample handleSample(Sample sample) throws Exception;

    /** Samples held back and due now; called at the end of every cycle. */
    default List<Sample> flush() throws Exception {
        return List.of();
    }
}
