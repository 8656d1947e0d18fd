package org.ceilometer.osgi.simulator.cinder;

/**
 * A Cinder backup with the fields of the v3 backup detail view.
 *
 * @param projectId {@code os-backup-project-attr:project_id}
 * @param size GiB, the size of its volume
 * @param container null while the backup is being created
 */
public record SimVolumeBackup(
        int index,
        String id,
        String projectId,
        String userId,
        String volumeId,
        String name,
        String description,
        String status,
        long size,
        boolean incremental,
        long objectCount,
        String container,
        String availabilityZone,
        String failReason,
        String createdAt,
        String updatedAt) {}
