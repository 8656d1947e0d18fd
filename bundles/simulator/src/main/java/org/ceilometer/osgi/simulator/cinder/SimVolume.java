package org.ceilometer.osgi.simulator.cinder;

import java.util.Map;

/**
 * A Cinder volume with the fields of the Block Storage v3 volume detail view.
 *
 * @param index its position in Cinder's default listing order (newest first)
 * @param id a version 4 UUID
 * @param projectId the owner, {@code os-vol-tenant-attr:tenant_id}
 * @param name null for some volumes, as Cinder allows
 * @param size GiB
 * @param host {@code os-vol-host-attr:host}: the pool it lives on ({@code host@backend#pool}), or null
 * @param attachment the one attachment of an {@code in-use} volume, or null
 * @param imageMetadata {@code volume_image_metadata} of a volume made from an image, or null
 * @param metadata the user metadata
 * @param createdAt as Cinder writes it: {@code 2025-06-01T00:00:00.000000}
 */
public record SimVolume(
        int index,
        String id,
        String projectId,
        String userId,
        String name,
        String description,
        String status,
        long size,
        String availabilityZone,
        String volumeTypeName,
        String volumeTypeId,
        String host,
        String migrationStatus,
        Attachment attachment,
        String snapshotId,
        String sourceVolid,
        Map<String, String> imageMetadata,
        Map<String, String> metadata,
        boolean bootable,
        boolean encrypted,
        boolean multiattach,
        boolean sharedTargets,
        String createdAt,
        String updatedAt) {

    /** One entry of {@code attachments}. */
    public record Attachment(String attachmentId, String serverId, String hostName, String device,
            String attachedAt) {}
}
