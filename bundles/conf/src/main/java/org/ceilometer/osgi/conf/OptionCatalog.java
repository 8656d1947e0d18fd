package org.ceilometer.osgi.conf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this agent knows of ceilometer.conf: for each option a PID and a name in it, fed by one or
 * more sources (the option's names across Ceilometer's releases) in precedence order, and the
 * options it knows but does not use. Read from {@code options.txt} next to this class, whose
 * header explains the format.
 */
final class OptionCatalog {
    /** How a value is read. */
    enum Type {
        STR, INT, FLOAT, BOOL, MULTI, PATH;

        static Type of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** A (section, name) as written in ceilometer.conf. */
    record Source(String section, String name) {
        @Override
        public String toString() {
            return "[" + section + "] " + name;
        }
    }

    /** An option of a PID and the names that feed it, the first set one winning. */
    record Target(String pid, String option, Type type, List<Source> sources) {}

    private static final Pattern HEADER = Pattern.compile("\\[([^\\]\\s]+)\\]\\s+(\\S+)");
    private static final Pattern IGNORE = Pattern.compile("ignore\\s+([^:\\s]+):(.*)");

    private final List<Target> targets;
    private final Map<Source, Target> bySource;
    private final Map<String, Set<String>> ignored;

    private OptionCatalog(List<Target> targets, Map<String, Set<String>> ignored) {
        this.targets = List.copyOf(targets);
        Map<Source, Target> m = new HashMap<>();
        for (Target t : targets) {
            for (Source s : t.sources()) {
                if (m.put(s, t) != null) {
                    throw new IllegalStateException(s + " feeds two options");
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : ignored.entrySet()) {
            for (String name : e.getValue()) {
                Source s = new Source(e.getKey(), name);
                if (m.containsKey(s) || (name.equals("*") && sectionIsMapped(m, e.getKey()))) {
                    throw new IllegalStateException(s + " is both ignored and used");
                }
            }
        }
        this.bySource = Collections.unmodifiableMap(m);
        Map<String, Set<String>> ig = new HashMap<>();
        ignored.forEach((k, v) -> ig.put(k, Set.copyOf(v)));
        this.ignored = Collections.unmodifiableMap(ig);
    }

    private static boolean sectionIsMapped(Map<Source, Target> m, String section) {
        return m.keySet().stream().anyMatch(s -> s.section().equals(section));
    }

    private static volatile OptionCatalog standard;

    /** The catalogue in this bundle. */
    static OptionCatalog standard() {
        OptionCatalog c = standard;
        if (c == null) {
            try (InputStream in = OptionCatalog.class.getResourceAsStream("options.txt")) {
                if (in == null) {
                    throw new IllegalStateException("options.txt is missing from the bundle");
                }
                c = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standard = c;
        }
        return c;
    }

    static OptionCatalog parse(String text) {
        List<Target> targets = new ArrayList<>();
        Map<String, Set<String>> ignored = new LinkedHashMap<>();
        String section = null;
        String pid = null;
        int lineno = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            for (String raw = r.readLine(); raw != null; raw = r.readLine()) {
                lineno++;
                int hash = raw.indexOf('#');
                String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
                if (line.isEmpty()) {
                    continue;
                }
                Matcher h = HEADER.matcher(line);
                Matcher ig = IGNORE.matcher(line);
                if (h.matches()) {
                    section = h.group(1);
                    pid = h.group(2);
                } else if (ig.matches()) {
                    Set<String> names = ignored.computeIfAbsent(ig.group(1), k -> new HashSet<>());
                    for (String n : ig.group(2).strip().split("\\s+")) {
                        if (!n.isEmpty()) {
                            names.add(n);
                        }
                    }
                } else {
                    if (pid == null) {
                        throw new IllegalStateException("options.txt line " + lineno + ": a rule before any [section] pid");
                    }
                    String[] parts = line.split("<-", 2);
                    String[] head = parts[0].strip().split("\\s+");
                    if (head.length != 2) {
                        throw new IllegalStateException("options.txt line " + lineno + ": expected '<option> <type>'");
                    }
                    List<Source> sources = new ArrayList<>();
                    if (parts.length == 1) {
                        sources.add(new Source(section, head[0]));
                    } else {
                        for (String s : parts[1].split(",")) {
                            String t = s.strip();
                            int slash = t.indexOf('/');
                            sources.add(slash < 0 ? new Source(section, t)
                                    : new Source(t.substring(0, slash), t.substring(slash + 1)));
                        }
                    }
                    targets.add(new Target(pid, head[0], Type.of(head[1]), List.copyOf(sources)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OptionCatalog(targets, ignored);
    }

    List<Target> targets() {
        return targets;
    }

    /** The option a (section, name) of ceilometer.conf feeds, or null. */
    Target target(String section, String name) {
        return bySource.get(new Source(section, name));
    }

    /** Whether the option is one Ceilometer or its libraries know and this agent does not use. */
    boolean ignored(String section, String name) {
        Set<String> s = ignored.get(section);
        return s != null && (s.contains("*") || s.contains(name));
    }

    /** Whether the whole section belongs to something else (a library, another service). */
    boolean ignoredSection(String section) {
        Set<String> s = ignored.get(section);
        return s != null && s.contains("*");
    }

    /** The PID options of an unknown section go to: {@code ceilometer.<section>}. */
    static String pidOf(String section) {
        return "ceilometer." + ("DEFAULT".equals(section) ? "default" : section);
    }
}
