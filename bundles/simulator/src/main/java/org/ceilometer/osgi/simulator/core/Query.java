package org.ceilometer.osgi.simulator.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query-string helpers for the links services write ({@code next}, {@code first}, ...). */
public final class Query {
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
