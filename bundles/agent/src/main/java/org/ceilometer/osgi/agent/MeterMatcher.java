package org.ceilometer.osgi.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The meters of a source, with Ceilometer's rules: {@code *}, names, fnmatch wildcards and {@code !}
 * exclusions; not both included and excluded names; not {@code *} with included names; at least one.
 */
final class MeterMatcher {
    private final List<String> entries;
    private final List<Pattern> included = new ArrayList<>();
    private final List<Pattern> excluded = new ArrayList<>();
    private final boolean onlyExclusions;

    private MeterMatcher(List<String> entries) {
        this.entries = List.copyOf(entries);
        boolean allNegative = true;
        for (String e : entries) {
            if (e.startsWith("!")) {
                excluded.add(fnmatch(e.substring(1)));
            } else {
                allNegative = false;
                included.add(fnmatch(e));
            }
        }
        this.onlyExclusions = allNegative;
    }

    /**
     * Checks the entries as Ceilometer's {@code check_source_filtering} does.
     *
     * @throws IllegalArgumentException with Ceilometer's wording of the rule broken
     */
    static MeterMatcher of(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("No meters specified");
        }
        for (String e : entries) {
            if (e == null || e.isEmpty() || e.equals("!")) {
                throw new IllegalArgumentException("Empty meter name in meters");
            }
        }
        boolean hasIncluded = entries.stream().anyMatch(e -> e.charAt(0) != '!' && e.charAt(0) != '*');
        boolean hasExcluded = entries.stream().anyMatch(e -> e.charAt(0) == '!');
        if (hasIncluded && hasExcluded) {
            throw new IllegalArgumentException("Both included and excluded meters specified");
        }
        if (entries.contains("*") && hasIncluded) {
            throw new IllegalArgumentException("Included meters specified with wildcard");
        }
        return new MeterMatcher(entries);
    }

    List<String> entries() {
        return entries;
    }

    /** Whether the source polls this meter: exclusions first, then inclusions, else only-exclusions. */
    boolean matches(String meterName) {
        String name = meterName;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon) + ":*";
        }
        for (Pattern p : excluded) {
            if (p.matcher(name).matches()) {
                return false;
            }
        }
        for (Pattern p : included) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return onlyExclusions;
    }

    /** Python's {@code fnmatch.translate}: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}. */
    static Pattern fnmatch(String pattern) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pattern.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pattern.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pattern.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    re.append("\\[");
                } else {
                    String stuff = pattern.substring(i, j).replace("\\", "\\\\");
                    i = j + 1;
                    if (stuff.startsWith("!")) {
                        stuff = "^" + stuff.substring(1);
                    } else if (stuff.startsWith("^")) {
                        stuff = "\\" + stuff;
                    }
                    re.append('[').append(stuff).append(']');
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
