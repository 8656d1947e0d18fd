package org.ceilometer.osgi.pollster.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Neutron resource as the samples need it, and nothing more: its id, project, user, status and
 * the values of Ceilometer's metadata keys. This, not the JSON tree, is what discoveries hand over and
 * the cycle cache keeps. Immutable.
 */
final class NeutronRecord {
    /** What stands for an IPsec pre-shared key in metadata unless configured otherwise. */
    static final String MASKED = "***";

    final NeutronKind kind;
    final String id;
    final String projectId;
    final String userId;
    /** Neutron's status as it wrote it, or null. */
    final String status;
    /** For log lines: the name, or the address of a floating IP. */
    final String name;
    private final Object[] values;

    private NeutronRecord(NeutronKind kind, String id, String projectId, String userId, String status, String name,
            Object[] values) {
        this.kind = kind;
        this.id = id;
        this.projectId = projectId;
        this.userId = userId;
        this.status = status;
        this.name = name;
        this.values = values;
    }

    /**
     * The record of one item of a Neutron listing.
     *
     * @param showPsk whether an IPsec connection's {@code psk} goes into metadata as it is, or masked
     * @throws IllegalArgumentException when the item has no id
     */
    static NeutronRecord of(NeutronKind kind, JsonNode item, Interner strings, boolean showPsk) {
        String id = text(item, "id", null);
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("Neutron listed a " + kind.label + " without id");
        }
        String project;
        if (kind == NeutronKind.FLOATING_IPS) {
            // master reads fip['tenant_id']; Neutron writes both, project_id alone once tenant_id is gone
            project = firstNonEmpty(text(item, "tenant_id", strings), text(item, "project_id", strings));
        } else {
            project = firstNonEmpty(text(item, "project_id", strings), text(item, "tenant_id", strings));
        }
        String user = text(item, "user_id", strings);
        Object[] values = new Object[kind.apiFields.size()];
        for (int i = 0; i < values.length; i++) {
            String field = kind.apiFields.get(i);
            if (kind == NeutronKind.IPSEC_CONNECTIONS && "project_id".equals(field)) {
                values[i] = project;
            } else if ("psk".equals(field) && !showPsk) {
                JsonNode v = item.get(field);
                values[i] = v == null || v.isNull() ? null : MASKED;
            } else {
                values[i] = value(item.get(field), strings);
            }
        }
        String name = kind == NeutronKind.FLOATING_IPS ? text(item, "floating_ip_address", null)
                : text(item, "name", null);
        return new NeutronRecord(kind, id, project, user, text(item, "status", strings), name, values);
    }

    /** Ceilometer's {@code resource_metadata}, keys in its order. */
    Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(kind.metadataKeys.get(i), values[i]);
        }
        return m;
    }

    private static String firstNonEmpty(String a, String b) {
        return a != null && !a.isEmpty() ? a : b != null && !b.isEmpty() ? b : null;
    }

    private static String text(JsonNode item, String field, Interner strings) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return strings == null ? v.asText() : strings.intern(v.asText());
    }

    /** A JSON value as Java: String, Long, Double, Boolean, List, Map or null. */
    static Object value(JsonNode v, Interner strings) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            return strings.intern(v.asText());
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
        if (v.isArray()) {
            if (v.isEmpty()) {
                return List.of();
            }
            List<Object> out = new ArrayList<>(v.size());
            v.forEach(e -> out.add(value(e, strings)));
            return Collections.unmodifiableList(out);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), value(e.getValue(), strings));
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        // never the metadata: an IPsec connection's holds its pre-shared key when configured so
        return kind.label + " " + id;
    }

    /** Shares the one copy of values many resources repeat (projects, statuses, network ids). */
    static final class Interner {
        private final Map<String, String> seen = new HashMap<>();

        String intern(String s) {
            String known = seen.putIfAbsent(s, s);
            return known == null ? s : known;
        }
    }
}
