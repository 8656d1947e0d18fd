package org.ceilometer.osgi.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin that produces the samples of one meter. Registered as a service with
 * {@code ceilometer.namespace=ceilometer.poll.central} and {@code ceilometer.meter=<meter>}; use the
 * {@link org.ceilometer.osgi.api.annotations.PollsterService} property type.
 */
@ConsumerType
public interface Pollster {
    /**
     * The discovery used when the source names none, as Ceilometer's {@code default_discovery}:
     * {@code name} or {@code name:param} ({@code endpoint:image}, {@code tenant}); null for none.
     */
    String defaultDiscovery();

    /**
     * Polls the given resources and hands every sample to the sink. Throwing fails this pollster's
     * run only; the agent logs and counts it.
     */
    void getSamples(PollContext context, List<Resource> resources, SampleSink sink) throws Exception;
}
