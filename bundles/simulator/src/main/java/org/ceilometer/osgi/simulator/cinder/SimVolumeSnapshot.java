package org.ceilometer.osgi.simulator.cinder;

import java.util.Map;

/**
 * A Cinder snapshot with the fields of the v3 snapshot detail view.
 *
 * @param projectId {@code os-extended-snapshot-attributes:project_id}
 * @param progress {@code os-extended-snapshot-attributes:progress}, {@code 100%} when done
 * @param size GiB, the size of its volume
 */
public record SimVolumeSnapshot(
        int index,
        String id,
        String projectId,
        String userId,
        String volumeId,
        String name,
        String description,
        String status,
        long size,
        String progress,
        Map<String, String> metadata,
        String createdAt,
        String updatedAt) {}
