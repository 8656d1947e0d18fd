package org.ceilometer.osgi.pollster.volume;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Cinder volume as {@code volume.size} needs it: ids, size and the values of its metadata. */
final class VolumeRecord {
    final String id;
    final String userId;
    /** {@code os-vol-tenant-attr:tenant_id}. */
    final String projectId;
    /** GiB, or null when Cinder gives no number. */
    final Number size;
    private final Object name;
    private final Object status;
    private final Object volumeType;
    private final Object volumeTypeId;
    private final Object availabilityZone;
    private final Object host;
    private final Object migrationStatus;
    private final Object attachments;
    private final Object snapshotId;
    private final Object sourceVolid;
    private final Object imageId;
    private final Object instanceId;

    private VolumeRecord(JsonNode v, JsonValues.Interner s) {
        this.id = JsonValues.text(v, "id", null);
        this.userId = JsonValues.text(v, "user_id", s);
        this.projectId = JsonValues.text(v, "os-vol-tenant-attr:tenant_id", s);
        this.size = JsonValues.number(v.get("size"));
        this.name = JsonValues.toJava(v.get("name"), null);
        this.status = JsonValues.toJava(v.get("status"), s);
        this.volumeType = JsonValues.toJava(v.get("volume_type"), s);
        this.volumeTypeId = JsonValues.toJava(v.get("volume_type_id"), s);
        this.availabilityZone = JsonValues.toJava(v.get("availability_zone"), s);
        this.host = JsonValues.toJava(v.get("os-vol-host-attr:host"), s);
        this.migrationStatus = JsonValues.toJava(v.get("migration_status"), s);
        this.attachments = JsonValues.toJava(v.get("attachments"), null);
        this.snapshotId = JsonValues.toJava(v.get("snapshot_id"), null);
        this.sourceVolid = JsonValues.toJava(v.get("source_volid"), null);
        JsonNode image = v.get("volume_image_metadata");
        this.imageId = JsonValues.truthy(image) && image.isObject() ? JsonValues.toJava(image.get("image_id"), null)
                : null;
        JsonNode att = v.get("attachments");
        this.instanceId = JsonValues.truthy(att) && att.isArray()
                ? JsonValues.toJava(att.get(0).get("server_id"), null)
                : null;
    }

    /** The record of one volume of a detail list, or null when it has no id. */
    static VolumeRecord of(JsonNode volume, JsonValues.Interner strings) {
        VolumeRecord r = new VolumeRecord(volume, strings);
        return r.id == null || r.id.isEmpty() ? null : r;
    }

    /**
     * Ceilometer's {@code resource_metadata} of a volume, keys in its order
     * ({@code VolumeSizePollster.FIELDS}, then {@code image_id} and {@code instance_id}).
     */
    Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("status", status);
        m.put("volume_type", volumeType);
        m.put("volume_type_id", volumeTypeId);
        m.put("availability_zone", availabilityZone);
        m.put("os-vol-host-attr:host", host);
        m.put("migration_status", migrationStatus);
        m.put("attachments", attachments);
        m.put("snapshot_id", snapshotId);
        m.put("source_volid", sourceVolid);
        m.put("image_id", imageId);
        m.put("instance_id", instanceId);
        return m;
    }

    @Override
    public String toString() {
        return "volume " + id;
    }
}
