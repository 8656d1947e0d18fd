package org.ceilometer.osgi.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin that finds the resources pollsters poll. Registered with
 * {@code ceilometer.namespace=ceilometer.discover} and {@code ceilometer.discovery=<name>}; a source
 * names it as {@code name} or {@code name:param}. Results are cached once per cycle.
 */
@ConsumerType
public interface Discovery {
    /** Ceilometer's group of partitioning for this discovery's resources. */
    String GLOBAL_GROUP = "global";

    /**
     * The resources found, each with the stable id that partitioning hashes.
     *
     * @param param the part after {@code :} in the source's discovery entry, or null
     */
    List<Resource> discover(PollContext context, String param) throws Exception;

    /**
     * The partitioning group these resources belong to ({@value #GLOBAL_GROUP} by default); null
     * opts out of partitioning, so every agent gets every resource.
     */
    default String groupId() {
        return GLOBAL_GROUP;
    }
}
