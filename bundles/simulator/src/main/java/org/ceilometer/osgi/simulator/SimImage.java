package org.ceilometer.osgi.simulator;

import java.util.List;

/**
 * A Glance v2 image with the fields of Glance's image schema. Queued images have no data yet: their
 * size, virtual size, checksum and hash are null, as Glance shows them.
 *
 * @param index its position in Glance's default listing order (created_at descending)
 * @param id a version 4 UUID
 * @param owner the id of the owning project
 * @param size bytes, or null for a queued image
 * @param virtualSize bytes, or null when unknown
 * @param createdAt ISO 8601 in UTC with seconds, as Glance writes it ({@code 2024-05-01T10:00:00Z})
 */
public record SimImage(
        int index,
        String id,
        String name,
        String status,
        String visibility,
        String owner,
        Long size,
        Long virtualSize,
        String checksum,
        String osHashAlgo,
        String osHashValue,
        String containerFormat,
        String diskFormat,
        String createdAt,
        String updatedAt,
        int minDisk,
        int minRam,
        boolean isProtected,
        boolean osHidden,
        List<String> tags) {

    /** Glance's {@code self}: {@code /v2/images/<id>}. */
    public String self() {
        return "/v2/images/" + id;
    }

    /** Glance's {@code file}: {@code /v2/images/<id>/file}. */
    public String file() {
        return self() + "/file";
    }
}
