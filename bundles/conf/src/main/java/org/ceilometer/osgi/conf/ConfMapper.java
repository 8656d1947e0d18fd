package org.ceilometer.osgi.conf;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ceilometer.osgi.conf.IniDocument.Entry;
import org.ceilometer.osgi.conf.MappingResult.Located;
import org.ceilometer.osgi.conf.MappingResult.Origin;
import org.ceilometer.osgi.conf.MappingResult.Setting;
import org.ceilometer.osgi.conf.OptionCatalog.Source;
import org.ceilometer.osgi.conf.OptionCatalog.Target;
import org.ceilometer.osgi.conf.OptionCatalog.Type;

/**
 * Maps a parsed ceilometer.conf onto PIDs, as the catalogue says. No I/O but a look for files
 * that {@code path} options name; no logging: the result says what there is to say.
 */
final class ConfMapper {
    static final String SERVICE_CREDENTIALS = "service_credentials";

    /**
     * keystoneauth's auth plugin options: with {@code [service_credentials] auth_section = X} they
     * are read from section X, and those in [service_credentials] itself are not read.
     */
    static final Set<String> AUTH_OPTIONS = Set.of("auth_type", "auth_plugin", "auth_url", "username", "user_name",
            "user_id", "user_domain_id", "user_domain_name", "password", "project_name", "tenant_name", "project_id",
            "tenant_id", "project_domain_id", "project_domain_name", "domain_id", "domain_name", "default_domain_id",
            "default_domain_name", "trust_id", "system_scope", "application_credential_id",
            "application_credential_name", "application_credential_secret", "token");

    /** {@code auth_type} values of old releases and what the openstack bundle calls them. */
    private static final Map<String, String> AUTH_TYPES = Map.of(
            "password-ceilometer-legacy", "password",
            "v2password", "password");

    private final OptionCatalog catalog;
    private final Map<String, Set<String>> declared;
    private final Path confDir;
    private final Path configDir;
    private final Function<String, String> builtin;

    /**
     * @param catalog   what is known of ceilometer.conf
     * @param declared  per PID, option names that components here declare (their defaults): known too
     * @param confDir   the directory ceilometer.conf is in
     * @param configDir {@code ${ceilometer.home}/config}, against which the agent resolves relative files
     * @param builtin   the value of an option that is not in the file but has a known default, for
     *                  {@code $name} substitution ({@code host}); null when there is none
     */
    ConfMapper(OptionCatalog catalog, Map<String, Set<String>> declared, Path confDir, Path configDir,
            Function<String, String> builtin) {
        this.catalog = catalog;
        this.declared = declared;
        this.confDir = confDir;
        this.configDir = configDir;
        this.builtin = builtin;
    }

    /** A value set for an option: the entry and the precedence of the name it was written under. */
    private record Candidate(Entry entry, int rank, String via) {}

    MappingResult map(IniDocument doc) {
        List<Located> unknown = new ArrayList<>();
        List<Located> ignored = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        Map<String, Map<String, String>> raw = new HashMap<>();
        for (Entry e : doc.entries()) {
            raw.computeIfAbsent(e.section(), k -> new HashMap<>()).put(e.key(), e.value());
        }

        // keystoneauth's auth_section: the auth plugin's options come from another section
        String authSection = null;
        Entry as = doc.last(SERVICE_CREDENTIALS, "auth_section");
        if (as != null && !as.value().isBlank()) {
            String x = IniParser.normalize(as.value().strip());
            if (doc.sections().containsKey(x) && !x.equals(SERVICE_CREDENTIALS)) {
                authSection = x;
            } else if (!x.equals(SERVICE_CREDENTIALS)) {
                problems.add("[service_credentials] auth_section (line " + as.line() + ") names section [" + x
                        + "], which is not in the file; the auth options of [service_credentials] are used");
            }
        }

        // every entry: a candidate for a target, ignored, or unknown
        Map<Target, List<Candidate>> candidates = new LinkedHashMap<>();
        Map<String, Map<String, List<Entry>>> extra = new LinkedHashMap<>();
        for (Entry e : doc.entries()) {
            String section = e.section();
            String key = e.key();
            String via = null;
            if (authSection != null && section.equals(SERVICE_CREDENTIALS) && AUTH_OPTIONS.contains(key)) {
                problems.add("[service_credentials] " + key + " (line " + e.line() + ") is not read: auth_section is ["
                        + authSection + "]");
                continue;
            }
            if (authSection != null && section.equals(authSection) && AUTH_OPTIONS.contains(key)) {
                section = SERVICE_CREDENTIALS;
                via = "auth_section [" + authSection + "]";
            }
            Target t = catalog.target(section, key);
            if (t != null) {
                int rank = t.sources().indexOf(new Source(section, key));
                candidates.computeIfAbsent(t, k -> new ArrayList<>()).add(new Candidate(e, rank, via));
                continue;
            }
            if (catalog.ignored(section, key)) {
                ignored.add(new Located(section, key, e.line()));
                continue;
            }
            String pid = OptionCatalog.pidOf(section);
            Set<String> d = declared.get(pid);
            if (d == null || !d.contains(key)) {
                unknown.add(new Located(section, key, e.line()));
            }
            extra.computeIfAbsent(pid, k -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }

        Map<String, Map<String, Setting>> pids = new LinkedHashMap<>();
        for (Target t : catalog.targets()) {
            List<Candidate> cs = candidates.get(t);
            if (cs == null) {
                continue;
            }
            cs.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
            Candidate win;
            Object value;
            if (t.type() == Type.MULTI) {
                List<String> values = new ArrayList<>();
                for (Candidate c : cs) {
                    values.add(substitute(c.entry(), raw));
                }
                win = cs.get(0);
                value = values.toArray(new String[0]);
            } else {
                int best = cs.get(0).rank();
                win = null;
                for (Candidate c : cs) {
                    if (c.rank() == best) {
                        win = c; // the last one written under the best name, as oslo.config reads it
                    }
                }
                for (Candidate c : cs) {
                    if (c != win) {
                        problems.add(where(c) + " is not used: " + where(win) + " sets " + t.pid() + " " + t.option());
                    }
                }
                value = convert(t, substitute(win.entry(), raw), win, problems);
                if (value == null) {
                    continue;
                }
            }
            Source src = t.sources().get(win.rank());
            if (win.rank() > 0 && (!src.name().equals(t.option()) || !src.section().equals(sectionOf(t)))) {
                renamed.add(where(win) + " is read as " + t.pid() + " " + t.option());
            }
            if (t.option().equals("auth_type") && t.pid().equals(OptionCatalog.pidOf(SERVICE_CREDENTIALS))) {
                String mapped = AUTH_TYPES.get(((String) value).strip().toLowerCase(Locale.ROOT));
                if (mapped != null) {
                    renamed.add(where(win) + ": auth_type '" + value + "' is read as '" + mapped + "'");
                    value = mapped;
                }
            }
            Origin o = new Origin(win.entry().section(), win.entry().key(), win.entry().line(), win.via());
            pids.computeIfAbsent(t.pid(), k -> new LinkedHashMap<>()).put(t.option(), new Setting(value, o));
        }
        for (Map.Entry<String, Map<String, List<Entry>>> p : extra.entrySet()) {
            Map<String, Setting> options = pids.computeIfAbsent(p.getKey(), k -> new LinkedHashMap<>());
            for (Map.Entry<String, List<Entry>> o : p.getValue().entrySet()) {
                if (options.containsKey(o.getKey())) {
                    Entry e = o.getValue().get(o.getValue().size() - 1);
                    problems.add("[" + e.section() + "] " + e.key() + " (line " + e.line() + ") is not used: "
                            + p.getKey() + " " + o.getKey() + " is set by another name");
                    continue;
                }
                List<Entry> es = o.getValue();
                Entry last = es.get(es.size() - 1);
                for (Entry e : es) {
                    if (e != last) {
                        problems.add("[" + e.section() + "] " + e.key() + " (line " + e.line() + ") is not used: line "
                                + last.line() + " sets it again");
                    }
                }
                String via = null;
                Object value = substitute(last, raw);
                options.put(o.getKey(), new Setting(value, new Origin(last.section(), last.key(), last.line(), via)));
            }
        }
        pids.values().removeIf(Map::isEmpty);
        return new MappingResult(pids, unknown, ignored, renamed, problems);
    }

    private static String sectionOf(Target t) {
        // the section a target's own name is written in: its first source's section, or the PID's
        for (Source s : t.sources()) {
            if (s.name().equals(t.option()) && OptionCatalog.pidOf(s.section()).equals(t.pid())) {
                return s.section();
            }
        }
        return t.sources().get(0).section();
    }

    private static String where(Candidate c) {
        Entry e = c.entry();
        return "[" + e.section() + "] " + e.key() + " (line " + e.line() + ")";
    }

    private String substitute(Entry e, Map<String, Map<String, String>> raw) {
        return Interpolation.substitute(e.value(), e.section(), (s, k) -> {
            Map<String, String> m = raw.get(s);
            return m == null ? null : m.get(k);
        }, builtin);
    }

    private Object convert(Target t, String v, Candidate c, List<String> problems) {
        String s = v.strip();
        switch (t.type()) {
            case BOOL:
                switch (s.toLowerCase(Locale.ROOT)) {
                    case "true": case "1": case "on": case "yes":
                        return "true";
                    case "false": case "0": case "off": case "no":
                        return "false";
                    default:
                        problems.add(where(c) + " is not a boolean (true/false, yes/no, on/off, 1/0); not used");
                        return null;
                }
            case INT:
                if (s.isEmpty()) {
                    return null;
                }
                try {
                    Long.parseLong(s);
                    return s;
                } catch (NumberFormatException ex) {
                    problems.add(where(c) + " is not a whole number; not used");
                    return null;
                }
            case FLOAT:
                if (s.isEmpty()) {
                    return null;
                }
                try {
                    Double.parseDouble(s);
                    return s;
                } catch (NumberFormatException ex) {
                    problems.add(where(c) + " is not a number; not used");
                    return null;
                }
            case PATH:
                return resolve(s, c, problems);
            default:
                return v;
        }
    }

    /** oslo.config's find_file, in short: a file named as it was deployed, found next to ceilometer.conf. */
    private String resolve(String v, Candidate c, List<String> problems) {
        if (v.isEmpty() || confDir == null) {
            return v;
        }
        Path p;
        try {
            p = Paths.get(v);
        } catch (InvalidPathException e) {
            return v;
        }
        if (p.isAbsolute()) {
            if (Files.exists(p) || p.getFileName() == null) {
                return v;
            }
            Path here = confDir.resolve(p.getFileName());
            if (Files.isRegularFile(here)) {
                problems.add(where(c) + " names " + v + ", which does not exist here; " + here + " is used");
                return here.toString();
            }
            return v;
        }
        if (configDir != null && !confDir.equals(configDir) && Files.isRegularFile(confDir.resolve(p))) {
            return confDir.resolve(p).toString();
        }
        return v;
    }
}
