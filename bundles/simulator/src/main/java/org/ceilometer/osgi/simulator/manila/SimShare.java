package org.ceilometer.osgi.simulator.manila;

import java.util.Map;

/**
 * A Manila share with the fields of the Shared File Systems v2 share detail view.
 *
 * @param index its position in Manila's default listing order (created_at descending)
 * @param status as stored; a share {@code creating_from_snapshot} shows {@code creating} before 2.54
 * @param size GiB
 * @param shareProto {@code NFS}, {@code CIFS}, {@code CEPHFS}, ...
 * @param shareNetworkId null for a back end that does not handle share servers
 * @param host {@code host@backend#pool}, shown to admins only
 */
public record SimShare(
        int index,
        String id,
        String projectId,
        String userId,
        String name,
        String description,
        String status,
        long size,
        String availabilityZone,
        String shareProto,
        String shareTypeId,
        String shareTypeName,
        String shareNetworkId,
        String shareServerId,
        String host,
        boolean isPublic,
        String snapshotId,
        Map<String, String> metadata,
        String exportLocation,
        String createdAt) {}
