package org.ceilometer.osgi.agent;

import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.Sample;

/**
 * Takes a cycle's samples onward without ever blocking the cycle. Two are registered: the storage
 * queue ({@value #PROPERTY}={@value #STORAGE}) and the pipelines in front of it
 * ({@value #PROPERTY}={@value #PIPELINE}), which the agent dispatches to.
 */
interface SampleDispatcher {
    /** The service property telling the two apart. */
    String PROPERTY = "ceilometer.dispatcher";
    String STORAGE = "storage";
    String PIPELINE = "pipeline";

    /** Queues the samples; never blocks, never throws for a storage outage. */
    void dispatch(List<Sample> samples);

    /** Figures for {@code ceilometer:status}. */
    Map<String, Object> status();

    /** Asks the store whether it answers now. */
    boolean checkHealth();

    /** The backend's own figures. */
    Map<String, Object> backendStats();

    /** The end of a polling cycle: transformers hand over what they hold. */
    default void flush() {}

    /**
     * Queues the samples only when all of them fit; otherwise queues none and returns false, so that
     * the caller's policy decides (the pipeline's {@code database://} publisher).
     */
    default boolean offer(List<Sample> samples) {
        dispatch(samples);
        return true;
    }

    /**
     * Takes back, oldest first, the samples queued and not being written, so that they can be kept
     * elsewhere when the agent stops (a publisher journal).
     */
    default List<Sample> takeBack() {
        return List.of();
    }
}
