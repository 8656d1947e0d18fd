package org.ceilometer.osgi.pollster.volume;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Cinder snapshot as {@code volume.snapshot.size} needs it. */
final class SnapshotRecord {
    final String id;
    /** From microversion 3.41 on; null before. */
    final String userId;
    /** {@code os-extended-snapshot-attributes:project_id}. */
    final String projectId;
    final Number size;
    private final Object name;
    private final Object volumeId;
    private final Object status;
    private final Object description;
    private final Object metadata;
    private final Object progress;

    private SnapshotRecord(JsonNode v, JsonValues.Interner s) {
        this.id = JsonValues.text(v, "id", null);
        this.userId = JsonValues.text(v, "user_id", s);
        this.projectId = JsonValues.text(v, "os-extended-snapshot-attributes:project_id", s);
        this.size = JsonValues.number(v.get("size"));
        this.name = JsonValues.toJava(v.get("name"), null);
        this.volumeId = JsonValues.toJava(v.get("volume_id"), null);
        this.status = JsonValues.toJava(v.get("status"), s);
        this.description = JsonValues.toJava(v.get("description"), null);
        this.metadata = JsonValues.toJava(v.get("metadata"), s);
        this.progress = JsonValues.toJava(v.get("os-extended-snapshot-attributes:progress"), s);
    }

    static SnapshotRecord of(JsonNode snapshot, JsonValues.Interner strings) {
        SnapshotRecord r = new SnapshotRecord(snapshot, strings);
        return r.id == null || r.id.isEmpty() ? null : r;
    }

    /** Ceilometer's {@code resource_metadata} of a snapshot ({@code VolumeSnapshotSize.FIELDS}). */
    Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("volume_id", volumeId);
        m.put("status", status);
        m.put("description", description);
        m.put("metadata", metadata);
        m.put("os-extended-snapshot-attributes:progress", progress);
        return m;
    }

    @Override
    public String toString() {
        return "snapshot " + id;
    }
}
