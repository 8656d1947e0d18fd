package org.ceilometer.osgi.publishers;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.ceilometer.osgi.api.signing.PythonText;

/**
 * JSON text exactly as Python's {@code json.dumps(value)} writes it with its defaults, which is what
 * Ceilometer's file and HTTP publishers emit: {@code ", "} and {@code ": "} separators, non-ASCII
 * escaped as lowercase {@code \\uXXXX}, floats in Python's shortest repr ({@code Infinity},
 * {@code -Infinity}, {@code NaN} for the specials), dict keys in their map's order.
 */
final class PyJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PyJson() {}

    static String dumps(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean) {
            out.append((Boolean) v ? "true" : "false");
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            out.append(floatText(((Number) v).doubleValue()));
        } else if (v instanceof Number) {
            out.append(v.toString());
        } else if (v instanceof CharSequence || v instanceof Character) {
            string(out, v.toString());
        } else if (v instanceof Map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) v).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                string(out, key(e.getKey()));
                out.append(": ");
                write(out, e.getValue());
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (v instanceof Collection || v instanceof Object[]) {
            Iterable<?> items = v instanceof Collection ? (Collection<?>) v : Arrays.asList((Object[]) v);
            out.append('[');
            Iterator<?> it = items.iterator();
            while (it.hasNext()) {
                write(out, it.next());
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append(']');
        } else {
            // json.dumps would refuse it; the text is the most useful thing to keep
            string(out, v.toString());
        }
    }

    /** A dict key as json.dumps turns it into a string. */
    private static String key(Object k) {
        if (k == null) {
            return "null";
        }
        if (k instanceof Boolean) {
            return (Boolean) k ? "true" : "false";
        }
        if (k instanceof Double || k instanceof Float) {
            return floatText(((Number) k).doubleValue());
        }
        return k.toString();
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PythonText.floatRepr(d);
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
