package org.ceilometer.osgi.simulator.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Query-string helpers for the links services write ({@code next}, {@code first}, ...). */
public final class Query {
    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Set<String> FALSE = Set.of("0", "f", "false", "off", "n", "no");

    private Query() {}

    /** A modifiable copy of the parameters, in their order. */
    public static Map<String, List<String>> copy(Map<String, List<String>> params) {
        return new LinkedHashMap<>(params);
    }

    /** {@code a=1&b=2}, URL-encoded, in map order; empty for no parameters. */
    public static String encode(Map<String, List<String>> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String v : e.getValue()) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    /**
     * oslo's strict {@code bool_from_string}, as Cinder and Manila read boolean parameters: true or false
     * for one of its strings (trimmed, any case), null when the value is absent.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return true;
        }
        if (FALSE.contains(v)) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean string: " + value);
    }

    /** oslo's lenient {@code bool_from_string}: whether the value is one of its true strings. */
    public static boolean isTrue(String value) {
        return value != null && TRUE.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * A non-negative integer parameter, or {@code absent} when it is missing.
     *
     * @throws NumberFormatException when it is not an integer
     * @throws IllegalArgumentException when it is negative
     */
    public static int nonNegative(String value, int absent) {
        if (value == null) {
            return absent;
        }
        int v = Integer.parseInt(value.trim());
        if (v < 0) {
            throw new IllegalArgumentException("negative");
        }
        return v;
    }
}
