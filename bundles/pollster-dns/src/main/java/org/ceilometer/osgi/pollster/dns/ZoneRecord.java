package org.ceilometer.osgi.pollster.dns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Designate zone as the samples need it, and nothing more: id, project, status, TTL, serial, the
 * values of Ceilometer's metadata keys, and the {@code /v2} root it was listed from (for its
 * recordsets). This, not the JSON tree, is what the discovery hands over and the cycle cache keeps.
 * Immutable.
 */
final class ZoneRecord {
    /**
     * Ceilometer's {@code resource_metadata} keys, in its order ({@code ceilometer/dns/designate.py},
     * {@code _BaseZonePollster.FIELDS}); each is also the API field it comes from.
     */
    static final List<String> METADATA_KEYS = List.of("name", "email", "ttl", "description", "type", "status",
            "action", "serial", "pool_id");

    final String id;
    final String projectId;
    final String name;
    final String status;
    /** Seconds, or null when Designate gives none. */
    final Long ttl;
    /** Null when Designate gives none. */
    final Long serial;
    /** The Designate {@code /v2} root of the listing. */
    final String v2Root;
    private final Object[] values;

    private ZoneRecord(String id, String projectId, String v2Root, Object[] values) {
        this.id = id;
        this.projectId = projectId;
        this.v2Root = v2Root;
        this.values = values;
        this.name = (String) values[0];
        this.ttl = (Long) values[2];
        this.status = (String) values[5];
        this.serial = (Long) values[7];
    }

    /**
     * The record of one zone of a Designate listing.
     *
     * @throws IllegalArgumentException when it has no id
     */
    static ZoneRecord of(JsonNode zone, String v2Root, Interner strings) {
        String id = text(zone.get("id"), null);
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("Designate listed a zone without id");
        }
        Object[] values = new Object[METADATA_KEYS.size()];
        for (int i = 0; i < values.length; i++) {
            String key = METADATA_KEYS.get(i);
            JsonNode v = zone.get(key);
            // the SDK's Zone types ttl and serial as int
            values[i] = "ttl".equals(key) || "serial".equals(key) ? number(v) : text(v, strings);
        }
        return new ZoneRecord(id, text(zone.get("project_id"), strings), v2Root, values);
    }

    /** Ceilometer's {@code resource_metadata}, keys in its order; a field Designate leaves out is null. */
    Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(METADATA_KEYS.get(i), values[i]);
        }
        return m;
    }

    private static String text(JsonNode v, Interner strings) {
        if (v == null || v.isNull()) {
            return null;
        }
        return strings == null ? v.asText() : strings.intern(v.asText());
    }

    private static Long number(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return v.isNumber() ? (long) v.asDouble() : null;
    }

    @Override
    public String toString() {
        return "zone " + name + " (" + id + ")";
    }

    /** Shares the one copy of values many zones repeat (projects, statuses, emails, pools). */
    static final class Interner {
        private final Map<String, String> seen = new HashMap<>();

        String intern(String s) {
            String known = seen.putIfAbsent(s, s);
            return known == null ? s : known;
        }
    }
}
