package org.ceilometer.osgi.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Lets several agents share the resources of a group: each keeps the subset that hashes to it. With
 * no coordinator registered, an agent keeps everything.
 */
@ConsumerType
public interface PartitionCoordinator {
    /** This agent's member id, unique per process. */
    String memberId();

    /** Joins a group, creating it when missing. */
    void joinGroup(String groupId) throws Exception;

    /**
     * The items of {@code items} that belong to this agent in {@code groupId}.
     *
     * @param key the stable id each item is hashed by
     * @throws Exception when membership cannot be known: the caller then polls nothing of the group,
     *     so that no resource is polled twice
     */
    <T> List<T> extractMySubset(String groupId, List<T> items, Function<T, String> key) throws Exception;

    /** Backend, state and groups, for {@code ceilometer:partition} and {@code ceilometer:status}. */
    Map<String, Object> status();
}
