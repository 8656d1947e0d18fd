package org.ceilometer.osgi.agent;

import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.Sample;

/** Takes a cycle's samples onward without ever blocking the cycle. */
interface SampleDispatcher {
    /** Queues the samples; never blocks, never throws for a storage outage. */
    void dispatch(List<Sample> samples);

    /** Figures for {@code ceilometer:status}. */
    Map<String, Object> status();

    /** Asks the store whether it answers now. */
    boolean checkHealth();

    /** The backend's own figures. */
    Map<String, Object> backendStats();
}
