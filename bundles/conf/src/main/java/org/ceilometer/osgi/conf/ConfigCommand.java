package org.ceilometer.osgi.conf;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.felix.service.command.Descriptor;
import org.ceilometer.osgi.conf.ComponentDefaults.Default;
import org.ceilometer.osgi.conf.ConfSync.PidState;
import org.ceilometer.osgi.conf.ConfSync.Snapshot;
import org.ceilometer.osgi.conf.MappingResult.Located;
import org.ceilometer.osgi.conf.MappingResult.Setting;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * {@code ceilometer:config}: the effective configuration of every {@code ceilometer.*} PID, each
 * value with where it comes from (a {@code .cfg} file and its line, a line of ceilometer.conf, a
 * component's default, or ConfigAdmin), secrets masked. Then what ceilometer.conf holds that is not
 * applied: options of a PID another configuration owns, unknown options, problems.
 */
@Component(service = ConfigCommand.class, property = {
    "osgi.command.scope=ceilometer",
    "osgi.command.function=config"
})
public final class ConfigCommand {
    private static final Set<String> HIDDEN = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, ConfSync.FILEINSTALL_FILENAME);

    private final ConfigurationAdmin cm;
    private final ServiceComponentRuntime scr;
    private final Supplier<Snapshot> snapshots;

    @Activate
    public ConfigCommand(@Reference ConfigurationAdmin cm, @Reference ServiceComponentRuntime scr,
            @Reference ConfImporter importer) {
        this(cm, scr, importer::snapshot);
    }

    /** For tests: the snapshots of ceilometer.conf's import from anywhere. */
    ConfigCommand(ConfigurationAdmin cm, ServiceComponentRuntime scr, Supplier<Snapshot> snapshots) {
        this.cm = cm;
        this.scr = scr;
        this.snapshots = snapshots;
    }

    @Descriptor("the effective configuration of every ceilometer.* PID, where each value comes from, secrets masked")
    public String config() throws IOException, InvalidSyntaxException {
        return config("ceilometer.");
    }

    @Descriptor("the effective configuration of the ceilometer.* PIDs that start with a prefix")
    public String config(@Descriptor("a PID or its start, e.g. ceilometer.database") String prefix)
            throws IOException, InvalidSyntaxException {
        Snapshot snap = snapshots == null ? null : snapshots.get();
        Map<String, Map<String, Default>> defaults = ComponentDefaults.of(scr);
        Map<String, Configuration> configs = new TreeMap<>();
        Configuration[] all = cm.listConfigurations("(" + Constants.SERVICE_PID + "=ceilometer.*)");
        if (all != null) {
            for (Configuration c : all) {
                configs.put(c.getPid(), c);
            }
        }
        Set<String> pids = new TreeSet<>();
        pids.addAll(configs.keySet());
        pids.addAll(defaults.keySet());
        pids.removeIf(p -> !p.startsWith(prefix));

        StringBuilder out = new StringBuilder();
        out.append(header(snap)).append('\n');
        TextTable t = new TextTable("PID", "OPTION", "VALUE", "SOURCE");
        for (String pid : pids) {
            Configuration c = configs.get(pid);
            Dictionary<String, Object> props = c == null ? null : c.getProperties();
            Map<String, Setting> fromConf = ours(snap, pid, props);
            String cfgFile = props == null ? null : fileOf(props.get(ConfSync.FILEINSTALL_FILENAME));
            Map<String, Object> values = new TreeMap<>();
            if (props != null) {
                for (Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
                    String k = keys.nextElement();
                    if (!HIDDEN.contains(k) && !k.startsWith(".")) {
                        values.put(k, props.get(k));
                    }
                }
            }
            for (Map.Entry<String, Object> e : values.entrySet()) {
                String source;
                if (cfgFile != null) {
                    source = cfgSource(cfgFile, e.getKey());
                } else if (fromConf != null) {
                    Setting s = fromConf.get(e.getKey());
                    source = s == null ? "ceilometer.conf" : "ceilometer.conf " + s.origin();
                } else {
                    source = "ConfigAdmin";
                }
                t.row(pid, e.getKey(), shown(e.getKey(), e.getValue()), source);
            }
            Map<String, Default> d = defaults.getOrDefault(pid, Map.of());
            for (Map.Entry<String, Default> e : d.entrySet()) {
                if (!values.containsKey(e.getKey())) {
                    t.row(pid, e.getKey(), shown(e.getKey(), e.getValue().value()),
                            "default (" + shortName(e.getValue().component()) + ")");
                }
            }
            if (values.isEmpty() && d.isEmpty()) {
                t.row(pid, "-", "-", props == null ? "no configuration" : "empty configuration");
            }
        }
        out.append(t);
        if (pids.isEmpty()) {
            out.append("no ceilometer.* PID starts with '").append(prefix).append("'\n");
        }
        out.append(notApplied(snap, prefix));
        out.append(fileNotes(snap));
        return out.toString();
    }

    private static String header(Snapshot snap) {
        if (snap == null) {
            return "ceilometer.conf: not watched";
        }
        StringBuilder b = new StringBuilder("ceilometer.conf: ").append(snap.file());
        if (!snap.exists()) {
            return b.append(" (absent)").toString();
        }
        if (snap.readAt() != null) {
            b.append(", read ").append(snap.readAt());
        }
        MappingResult r = snap.result();
        if (r != null) {
            long applied = snap.pids().values().stream().filter(PidState::applied).count();
            b.append("; ").append(r.pids().size()).append(" PIDs (").append(applied).append(" applied), ")
                    .append(r.unknown().size()).append(" unknown options, ")
                    .append(r.ignored().size()).append(" not used by this agent");
        }
        if (snap.error() != null) {
            b.append("\nERROR ").append(Secrets.maskText(snap.error()))
                    .append(" (the configurations of its last good read stay)");
        }
        return b.toString();
    }

    /** ceilometer.conf's settings of a PID, when the configuration there is the one made from it. */
    private static Map<String, Setting> ours(Snapshot snap, String pid, Dictionary<String, Object> props) {
        if (props == null || props.get(ConfSync.MARKER) == null) {
            return null;
        }
        if (snap == null || snap.result() == null) {
            return Map.of();
        }
        return snap.result().pids().getOrDefault(pid, Map.of());
    }

    private static String notApplied(Snapshot snap, String prefix) {
        if (snap == null || snap.result() == null) {
            return "";
        }
        TextTable t = new TextTable("PID", "OPTION", "VALUE", "CEILOMETER.CONF", "OWNED BY");
        for (PidState s : snap.pids().values()) {
            if (s.applied() || !s.pid().startsWith(prefix)) {
                continue;
            }
            Map<String, Setting> settings = snap.result().pids().getOrDefault(s.pid(), Map.of());
            for (Map.Entry<String, Setting> e : settings.entrySet()) {
                t.row(s.pid(), e.getKey(), shown(e.getKey(), e.getValue().value()), e.getValue().origin(),
                        fileOf(s.owner()));
            }
        }
        if (t.isEmpty()) {
            return "";
        }
        return "\nNot applied: another configuration owns the PID and wins over ceilometer.conf\n" + t;
    }

    private static String fileNotes(Snapshot snap) {
        if (snap == null || snap.result() == null) {
            return "";
        }
        MappingResult r = snap.result();
        StringBuilder b = new StringBuilder();
        if (!r.unknown().isEmpty()) {
            b.append("\nUnknown to Ceilometer and to this agent (copied as they are):\n");
            for (Located l : r.unknown()) {
                b.append("  ").append(l).append('\n');
            }
        }
        if (!r.ignored().isEmpty()) {
            Map<String, List<String>> bySection = new TreeMap<>();
            for (Located l : r.ignored()) {
                bySection.computeIfAbsent("[" + l.section() + "]", k -> new ArrayList<>()).add(l.key());
            }
            b.append("\nNot used by this agent (Ceilometer's other services and libraries):\n");
            bySection.forEach((s, keys) -> b.append("  ").append(s).append(' ').append(String.join(", ", keys))
                    .append('\n'));
        }
        if (!r.renamed().isEmpty()) {
            b.append("\nOld names read as today's:\n");
            r.renamed().forEach(s -> b.append("  ").append(Secrets.maskText(s)).append('\n'));
        }
        if (!r.problems().isEmpty()) {
            b.append("\nProblems:\n");
            r.problems().forEach(s -> b.append("  ").append(Secrets.maskText(s)).append('\n'));
        }
        return b.toString();
    }

    static String shown(String option, Object value) {
        String s = Secrets.mask(option, value);
        return s == null ? "" : s.replace("\n", "\\n");
    }

    private static String shortName(String component) {
        if (component == null) {
            return "?";
        }
        int dot = component.lastIndexOf('.');
        return dot < 0 ? component : component.substring(dot + 1);
    }

    /** FileInstall writes the file as a URL ({@code file:/...}); the path is easier to read. */
    static String fileOf(Object filename) {
        if (filename == null) {
            return null;
        }
        String f = String.valueOf(filename);
        if (f.startsWith("file:")) {
            try {
                return Paths.get(URI.create(f)).toString();
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                return f;
            }
        }
        return f;
    }

    /** The .cfg file and the line that sets an option, when it can be found. */
    static String cfgSource(String file, String option) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            Pattern p = Pattern.compile("\\s*" + Pattern.quote(option) + "\\s*[=:\\s].*|\\s*" + Pattern.quote(option));
            for (int i = 0; i < lines.size(); i++) {
                if (p.matcher(lines.get(i)).matches()) {
                    return file + ":" + (i + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the file name alone then
        }
        return file;
    }
}
