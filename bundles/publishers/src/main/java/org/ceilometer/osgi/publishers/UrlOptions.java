package org.ceilometer.osgi.publishers;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The query options of a publisher URL, as Python's {@code parse_qs} reads them (the last value of a
 * repeated option wins, as Ceilometer's {@code _get_param} takes {@code [-1]}), with errors that name
 * the publisher and the option. Options taken are remembered, so that the rest of the query can be
 * passed on (the HTTP publisher's target URL keeps them).
 */
final class UrlOptions {
    private final String publisher;
    private final List<String[]> pairs = new ArrayList<>();
    private final Map<String, String> last = new LinkedHashMap<>();
    private final List<String> taken = new ArrayList<>();

    UrlOptions(String publisher, URI url) {
        this.publisher = publisher;
        String raw = url.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String part : raw.split("[&;]")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String rawKey = eq < 0 ? part : part.substring(0, eq);
                String rawValue = eq < 0 ? "" : part.substring(eq + 1);
                String key = decode(rawKey);
                pairs.add(new String[] {rawKey, rawValue, key});
                last.put(key, decode(rawValue));
            }
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    IllegalArgumentException error(String option, String message) {
        return new IllegalArgumentException(publisher + " publisher: option '" + option + "' " + message);
    }

    boolean has(String option) {
        return last.containsKey(option);
    }

    /** The option's last value, or null when it is absent; marks it taken. */
    String take(String option) {
        taken.add(option);
        return last.get(option);
    }

    /** A non-negative int option ({@code int()} of its text), or the default when absent or empty. */
    int integer(String option, int dflt, int min) {
        String v = take(option);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw error(option, "must be at least " + min + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(option, "must be a whole number, not '" + v + "'");
        }
    }

    /** oslo's {@code bool_from_string}, strictly: true/false, yes/no, on/off, 1/0, t/f, y/n. */
    static Boolean parseBool(String v) {
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1": case "t": case "true": case "on": case "y": case "yes":
                return Boolean.TRUE;
            case "0": case "f": case "false": case "off": case "n": case "no":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    boolean bool(String option, boolean dflt) {
        String v = take(option);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        Boolean b = parseBool(v);
        if (b == null) {
            throw error(option, "must be true or false, not '" + v + "'");
        }
        return b;
    }

    /** The raw {@code key=value} pairs of the query not taken, in their order, for a target URL. */
    String remainingRawQuery() {
        StringBuilder out = new StringBuilder();
        for (String[] p : pairs) {
            if (taken.contains(p[2])) {
                continue;
            }
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(p[0]).append('=').append(p[1]);
        }
        return out.toString();
    }
}
