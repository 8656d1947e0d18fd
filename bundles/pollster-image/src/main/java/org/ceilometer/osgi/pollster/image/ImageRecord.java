package org.ceilometer.osgi.pollster.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Glance image as the samples need it, and nothing more: ids, size and the values of
 * Ceilometer's image metadata. This, not the JSON tree, is what the cycle cache keeps.
 */
final class ImageRecord {
    /**
     * The {@code resource_metadata} keys of Ceilometer's image pollster, in its order
     * ({@code ceilometer/image/glance.py}, {@code _Base.extract_image_metadata}, 26.0.0 / master).
     */
    static final List<String> METADATA_KEYS = List.of("status", "visibility", "name", "container_format",
            "created_at", "disk_format", "updated_at", "min_disk", "is_protected", "checksum", "min_ram", "tags",
            "virtual_size");

    final String id;
    final String owner;
    /** Bytes, or null while the image has no data (queued). */
    final Long size;
    private final String status;
    private final String visibility;
    private final String name;
    private final String containerFormat;
    private final String createdAt;
    private final String diskFormat;
    private final String updatedAt;
    private final Long minDisk;
    private final Boolean isProtected;
    private final String checksum;
    private final Long minRam;
    private final List<String> tags;
    private final Long virtualSize;

    private ImageRecord(JsonNode image, Interner strings) {
        this.id = text(image, "id", null);
        this.owner = text(image, "owner", strings);
        this.size = number(image, "size");
        this.status = text(image, "status", strings);
        this.visibility = text(image, "visibility", strings);
        this.name = text(image, "name", null);
        this.containerFormat = text(image, "container_format", strings);
        this.createdAt = text(image, "created_at", null);
        this.diskFormat = text(image, "disk_format", strings);
        this.updatedAt = text(image, "updated_at", null);
        this.minDisk = number(image, "min_disk");
        JsonNode p = image.get("protected");
        this.isProtected = p == null || p.isNull() ? null : p.asBoolean();
        this.checksum = text(image, "checksum", null);
        this.minRam = number(image, "min_ram");
        this.tags = tags(image.get("tags"), strings);
        this.virtualSize = number(image, "virtual_size");
    }

    /**
     * The record of one image of a Glance v2 listing.
     *
     * @throws IllegalArgumentException when the image has no id
     */
    static ImageRecord of(JsonNode image, Interner strings) {
        ImageRecord r = new ImageRecord(image, strings);
        if (r.id == null || r.id.isEmpty()) {
            throw new IllegalArgumentException("Glance listed an image without id");
        }
        return r;
    }

    /** Ceilometer's {@code resource_metadata} of this image, keys in Ceilometer's order. */
    Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("visibility", visibility);
        m.put("name", name);
        m.put("container_format", containerFormat);
        m.put("created_at", createdAt);
        m.put("disk_format", diskFormat);
        m.put("updated_at", updatedAt);
        m.put("min_disk", minDisk);
        m.put("is_protected", isProtected);
        m.put("checksum", checksum);
        m.put("min_ram", minRam);
        m.put("tags", tags);
        m.put("virtual_size", virtualSize);
        return m;
    }

    private static String text(JsonNode image, String field, Interner strings) {
        JsonNode v = image.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return strings == null ? v.asText() : strings.intern(v.asText());
    }

    private static Long number(JsonNode image, String field) {
        JsonNode v = image.get(field);
        return v == null || v.isNull() || !v.canConvertToLong() ? null : v.asLong();
    }

    private static List<String> tags(JsonNode v, Interner strings) {
        if (v == null || !v.isArray() || v.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(v.size());
        v.forEach(t -> out.add(strings.intern(t.asText())));
        return Collections.unmodifiableList(out);
    }

    /** Shares the one copy of values many images repeat (owners, statuses, formats, tags). */
    static final class Interner {
        private final Map<String, String> seen = new HashMap<>();

        String intern(String s) {
            String known = seen.putIfAbsent(s, s);
            return known == null ? s : known;
        }
    }
}
