package org.ceilometer.osgi.pollster.volume;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON values as the plain Java values samples carry, and Python's reading of them. */
final class JsonValues {
    private JsonValues() {}

    /**
     * A JSON value as Java: null, String, Boolean, Long (whole numbers), Double, an unmodifiable List or
     * an unmodifiable Map in the document's key order. Strings pass through the interner when given.
     */
    static Object toJava(JsonNode v, Interner strings) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            return strings == null ? v.asText() : strings.intern(v.asText());
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return number(v);
        }
        if (v.isArray()) {
            if (v.isEmpty()) {
                return List.of();
            }
            List<Object> out = new ArrayList<>(v.size());
            v.forEach(e -> out.add(toJava(e, strings)));
            return Collections.unmodifiableList(out);
        }
        if (v.isObject()) {
            if (v.isEmpty()) {
                return Map.of();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> out.put(e.getKey(), toJava(e.getValue(), strings)));
            return Collections.unmodifiableMap(out);
        }
        return v.asText();
    }

    /** A JSON number: Long when whole and in range, Double otherwise; null when the value is no number. */
    static Number number(JsonNode v) {
        if (v == null || !v.isNumber()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        return v.asDouble();
    }

    /** The text of a field, or null when it is absent or null. */
    static String text(JsonNode item, String field, Interner strings) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return strings == null ? v.asText() : strings.intern(v.asText());
    }

    /** Python's truth of a JSON value: null, false, 0, "" and empty lists or objects are false. */
    static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0;
        }
        if (v.isTextual()) {
            return !v.asText().isEmpty();
        }
        return !v.isEmpty();
    }

    /** Shares the one copy of strings many items repeat (statuses, types, hosts, project ids). */
    static final class Interner {
        private final Map<String, String> seen = new HashMap<>();

        String intern(String s) {
            String known = seen.putIfAbsent(s, s);
            return known == null ? s : known;
        }
    }
}
