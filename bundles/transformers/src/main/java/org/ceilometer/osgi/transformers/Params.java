package org.ceilometer.osgi.transformers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A transformer's {@code parameters} (or one nested dict of them), read with errors that name the
 * transformer and the full path of the parameter: {@code aggregator: parameter 'size' ...}.
 */
final class Params {
    private final String transformer;
    private final String prefix;
    private final Map<String, Object> values;

    private Params(String transformer, String prefix, Map<String, Object> values) {
        this.transformer = transformer;
        this.prefix = prefix;
        this.values = values;
    }

    static Params of(String transformer, Map<String, ?> parameters) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((k, val) -> v.put(String.valueOf(k), val));
        }
        return new Params(transformer, "", v);
    }

    String path(String key) {
        return prefix + key;
    }

    IllegalArgumentException error(String key, String message) {
        return new IllegalArgumentException(transformer + ": parameter '" + path(key) + "' " + message);
    }

    /** Rejects keys other than the known ones, so a misspelt parameter is not silently ignored. */
    Params only(String... known) {
        Set<String> allowed = Set.of(known);
        for (String k : values.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(transformer + ": unknown parameter '" + path(k) + "' (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    Object raw(String key) {
        return values.get(key);
    }

    /** A nested dict; empty when absent or null. */
    Params map(String key) {
        Object v = values.get(key);
        if (v == null) {
            return new Params(transformer, path(key) + ".", Collections.emptyMap());
        }
        if (!(v instanceof Map)) {
            throw error(key, "must be a dict, not " + describe(v));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        ((Map<?, ?>) v).forEach((k, val) -> m.put(String.valueOf(k), val));
        return new Params(transformer, path(key) + ".", m);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** A string, or null when absent. Numbers and booleans are not accepted as strings. */
    String string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof CharSequence)) {
            throw error(key, "must be a string, not " + describe(v));
        }
        return v.toString();
    }

    /** A non-negative whole number (also as text), or {@code dflt} when absent. */
    long count(String key, long dflt) {
        Object v = values.get(key);
        if (v == null) {
            return dflt;
        }
        long n;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            n = ((Number) v).longValue();
        } else if (v instanceof Number && ((Number) v).doubleValue() == Math.rint(((Number) v).doubleValue())
                && !Double.isInfinite(((Number) v).doubleValue())) {
            n = ((Number) v).longValue();
        } else if (v instanceof CharSequence && v.toString().trim().matches("[+-]?\\d{1,18}")) {
            n = Long.parseLong(v.toString().trim());
        } else {
            throw error(key, "must be a whole number, not " + describe(v));
        }
        if (n < 0) {
            throw error(key, "must not be negative: " + n);
        }
        return n;
    }

    /** A non-negative number of seconds (also as text), or null when absent. */
    Double seconds(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        double d;
        if (v instanceof Number && !(v instanceof Boolean)) {
            d = ((Number) v).doubleValue();
        } else if (v instanceof CharSequence) {
            try {
                d = Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                throw error(key, "must be a number of seconds, not '" + v + "'");
            }
        } else {
            throw error(key, "must be a number of seconds, not " + describe(v));
        }
        if (Double.isNaN(d) || Double.isInfinite(d) || d < 0) {
            throw error(key, "must be a finite, non-negative number of seconds: " + v);
        }
        return d;
    }

    static String describe(Object v) {
        if (v instanceof Map) {
            return "a dict";
        }
        if (v instanceof java.util.Collection) {
            return "a list";
        }
        if (v instanceof Boolean) {
            return "a boolean (" + v + ")";
        }
        if (v instanceof Number) {
            return "a number (" + v + ")";
        }
        return "'" + v + "'";
    }
}
