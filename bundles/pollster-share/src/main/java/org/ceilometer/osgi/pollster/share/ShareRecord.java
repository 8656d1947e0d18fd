package org.ceilometer.osgi.pollster.share;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Manila share as the two share meters need it: ids, size, status and the metadata values. */
final class ShareRecord {
    final String id;
    /** From microversion 2.16 on; null before. */
    final String userId;
    final String projectId;
    /** GiB; null when Manila gives no number. */
    final Number size;
    /** The status as Manila reports it, or null. */
    final String status;
    private final Object name;
    private final Object availabilityZone;
    private final Object shareType;
    private final Object shareNetworkId;
    private final Object statusValue;
    private final Object host;
    private final Object isPublic;
    private final Object protocol;

    private ShareRecord(JsonNode s, Interner strings) {
        this.id = text(s, "id", null);
        this.userId = text(s, "user_id", strings);
        this.projectId = text(s, "project_id", strings);
        JsonNode size = s.get("size");
        this.size = size == null || !size.isNumber() ? null
                : size.isIntegralNumber() && size.canConvertToLong() ? (Number) size.asLong() : size.asDouble();
        this.status = text(s, "status", strings);
        this.name = value(s.get("name"), null);
        this.availabilityZone = value(s.get("availability_zone"), strings);
        this.shareType = value(s.get("share_type"), strings);
        this.shareNetworkId = value(s.get("share_network_id"), strings);
        this.statusValue = value(s.get("status"), strings);
        this.host = value(s.get("host"), strings);
        this.isPublic = value(s.get("is_public"), null);
        this.protocol = value(s.get("share_proto"), strings);
    }

    /** The record of one share of a detail list, or null when it has no id. */
    static ShareRecord of(JsonNode share, Interner strings) {
        ShareRecord r = new ShareRecord(share, strings);
        return r.id == null || r.id.isEmpty() ? null : r;
    }

    /**
     * Ceilometer's {@code resource_metadata} of a share, keys in its order: {@code _BaseSharePollster.FIELDS}
     * with {@code share_protocol} renamed {@code protocol} and moved last.
     */
    Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("availability_zone", availabilityZone);
        m.put("share_type", shareType);
        m.put("share_network_id", shareNetworkId);
        m.put("status", statusValue);
        m.put("host", host);
        m.put("is_public", isPublic);
        m.put("protocol", protocol);
        return m;
    }

    private static String text(JsonNode item, String field, Interner strings) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return strings == null ? v.asText() : strings.intern(v.asText());
    }

    /** A scalar JSON value as Java (String, Boolean, Long, Double), or null. */
    private static Object value(JsonNode v, Interner strings) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        String t = v.isValueNode() ? v.asText() : v.toString();
        return strings == null ? t : strings.intern(t);
    }

    @Override
    public String toString() {
        return "share " + id;
    }

    /** Shares the one copy of strings many shares repeat (projects, types, hosts, statuses). */
    static final class Interner {
        private final Map<String, String> seen = new HashMap<>();

        String intern(String s) {
            String known = seen.putIfAbsent(s, s);
            return known == null ? s : known;
        }
    }
}
