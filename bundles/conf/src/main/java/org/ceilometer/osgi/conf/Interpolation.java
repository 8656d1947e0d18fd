package org.ceilometer.osgi.conf;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * oslo.config's value substitution: {@code $name} and {@code ${name}} take the value of option
 * {@code name} of the same section, else of {@code [DEFAULT]}; {@code ${section.name}} names the
 * section; {@code $$} and {@code \$} give a plain {@code $}. A name that is found nowhere stays as
 * written (Python's {@code Template.safe_substitute}). Substituted values are substituted in turn,
 * at most {@value #MAX_DEPTH} levels deep, so a loop ends rather than recursing forever.
 */
final class Interpolation {
    static final int MAX_DEPTH = 10;

    /** Python's {@code string.Template} pattern with oslo.config's {@code idpattern}, case-insensitive. */
    private static final Pattern TEMPLATE = Pattern.compile(
            "\\$(?:(\\$)|([_a-z][._a-z0-9]*)|\\{([_a-z][._a-z0-9]*)\\}|)", Pattern.CASE_INSENSITIVE);

    private Interpolation() {}

    /**
     * @param value   the raw value
     * @param section the section the value was written in
     * @param lookup  (section, option) to its raw value, or null when it is not set there
     * @param builtin values of options that are not in the file but have a default everyone knows
     *                (asked only for names the file does not set), or null
     */
    static String substitute(String value, String section, BiFunction<String, String, String> lookup,
            Function<String, String> builtin) {
        return substitute(value, section, lookup, builtin, 0);
    }

    private static String substitute(String value, String section, BiFunction<String, String, String> lookup,
            Function<String, String> builtin, int depth) {
        if (value == null || value.indexOf('$') < 0) {
            return value;
        }
        String v = value.replace("\\$", "$$");
        Matcher m = TEMPLATE.matcher(v);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(v, last, m.start());
            last = m.end();
            if (m.group(1) != null) {
                out.append('$');
                continue;
            }
            String name = m.group(2) != null ? m.group(2) : m.group(3);
            if (name == null) {
                out.append('$');
                continue;
            }
            String replaced = depth >= MAX_DEPTH ? null : resolve(name, section, lookup, builtin, depth);
            out.append(replaced != null ? replaced : m.group());
        }
        out.append(v, last, v.length());
        return out.toString();
    }

    private static String resolve(String name, String section, BiFunction<String, String, String> lookup,
            Function<String, String> builtin, int depth) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            String group = IniParser.normalize(name.substring(0, dot));
            String option = name.substring(dot + 1);
            String raw = lookup.apply(group, option);
            if (raw != null) {
                return substitute(raw, group, lookup, builtin, depth + 1);
            }
        } else {
            String raw = lookup.apply(section, name);
            if (raw != null) {
                return substitute(raw, section, lookup, builtin, depth + 1);
            }
        }
        String raw = lookup.apply("DEFAULT", name);
        if (raw != null) {
            return substitute(raw, "DEFAULT", lookup, builtin, depth + 1);
        }
        return builtin == null ? null : builtin.apply(name);
    }
}
