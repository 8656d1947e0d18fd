package org.ceilometer.osgi.pollster.volume;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Cinder backup as {@code volume.backup.size} needs it. */
final class BackupRecord {
    final String id;
    /** From microversion 3.56 on; null before. */
    final String userId;
    /** {@code os-backup-project-attr:project_id}, from 3.18 on; null before. */
    final String projectId;
    final Number size;
    private final Object name;
    private final Object isIncremental;
    private final Object objectCount;
    private final Object container;
    private final Object volumeId;
    private final Object status;
    private final Object description;

    private BackupRecord(JsonNode v, JsonValues.Interner s) {
        this.id = JsonValues.text(v, "id", null);
        this.userId = JsonValues.text(v, "user_id", s);
        this.projectId = JsonValues.text(v, "os-backup-project-attr:project_id", s);
        this.size = JsonValues.number(v.get("size"));
        this.name = JsonValues.toJava(v.get("name"), null);
        this.isIncremental = JsonValues.toJava(v.get("is_incremental"), null);
        this.objectCount = JsonValues.toJava(v.get("object_count"), null);
        this.container = JsonValues.toJava(v.get("container"), s);
        this.volumeId = JsonValues.toJava(v.get("volume_id"), null);
        this.status = JsonValues.toJava(v.get("status"), s);
        this.description = JsonValues.toJava(v.get("description"), null);
    }

    static BackupRecord of(JsonNode backup, JsonValues.Interner strings) {
        BackupRecord r = new BackupRecord(backup, strings);
        return r.id == null || r.id.isEmpty() ? null : r;
    }

    /** Ceilometer's {@code resource_metadata} of a backup ({@code VolumeBackupSize.FIELDS}). */
    Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("is_incremental", isIncremental);
        m.put("object_count", objectCount);
        m.put("container", container);
        m.put("volume_id", volumeId);
        m.put("status", status);
        m.put("description", description);
        return m;
    }

    @Override
    public String toString() {
        return "backup " + id;
    }
}
