package org.ceilometer.osgi.conf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.ceilometer.osgi.conf.MappingResult.Located;
import org.ceilometer.osgi.conf.MappingResult.Setting;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the ConfigAdmin configurations made from one ceilometer.conf in step with the file.
 *
 * <p>Rules: a configuration this class makes carries {@value #MARKER} (the file's path), and it
 * updates and deletes only configurations that carry it. A PID that FileInstall owns (property
 * {@value #FILEINSTALL_FILENAME}), that a {@code <pid>.cfg} or {@code <pid>.config} in a FileInstall
 * directory is about to own, or that someone else made, is left alone: such a configuration wins
 * over ceilometer.conf for its whole PID (a configuration has one owner, so the two are not merged).
 * When it goes away, the next sync gives the PID ceilometer.conf's values.
 *
 * <p>A file that does not parse changes nothing: the configurations made from the last good read
 * stay, and the error is logged and shown. A file that is gone takes its configurations with it.
 * Not thread-safe: one thread (the importer's) calls {@link #check()}.
 */
final class ConfSync {
    private static final Logger LOG = LoggerFactory.getLogger(ConfSync.class);

    /** The private property that marks a configuration made from ceilometer.conf. */
    static final String MARKER = ".ceilometer.conf.source";
    /** The property by which FileInstall marks the configurations of its files. */
    static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";

    private static final Set<String> CM_KEYS = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    /** What a PID of ceilometer.conf became. */
    record PidState(String pid, boolean applied, String owner) {}

    /** What the command shows: the file, the last read, and what became of each PID. */
    record Snapshot(Path file, boolean exists, Instant readAt, String error, MappingResult result,
            Map<String, PidState> pids) {}

    private record FileState(boolean exists, long mtime, long size) {}

    private final ConfigurationAdmin cm;
    private final Path file;
    private final Path configDir;
    private final List<Path> fileInstallDirs;
    private final OptionCatalog catalog;
    private final Supplier<Map<String, Set<String>>> declared;
    private final Function<String, String> builtin;
    private final Clock clock;

    private final Set<String> reported = new HashSet<>();
    private final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    private FileState lastState;
    private IniDocument document;
    private String error;
    private boolean dirty = true;
    private volatile Snapshot snapshot;

    ConfSync(ConfigurationAdmin cm, Path file, Path configDir, List<Path> fileInstallDirs, OptionCatalog catalog,
            Supplier<Map<String, Set<String>>> declared, Function<String, String> builtin, Clock clock) {
        this.cm = cm;
        this.file = file.toAbsolutePath().normalize();
        this.configDir = configDir;
        this.fileInstallDirs = List.copyOf(fileInstallDirs);
        this.catalog = catalog;
        this.declared = declared;
        this.builtin = builtin;
        this.clock = clock;
        this.snapshot = new Snapshot(this.file, false, null, null, null, Map.of());
    }

    Path file() {
        return file;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Apply the last read again at the next {@link #check()} (a configuration of ours changed hands). */
    void markDirty() {
        synchronized (this) {
            dirty = true;
        }
    }

    /** Reads the file when it changed (or {@link #markDirty()} asked) and brings the configurations in step. */
    void check() {
        try {
            doCheck();
        } catch (RuntimeException e) {
            markDirty(); // try again at the next look
            throw e;
        }
    }

    private void doCheck() {
        FileState now = stat();
        boolean reread;
        synchronized (this) {
            reread = !now.equals(lastState);
            if (!reread && !dirty) {
                return;
            }
            dirty = false;
            lastState = now;
        }
        if (reread) {
            error = null;
            if (!now.exists()) {
                if (document != null) {
                    LOG.info("ceilometer.conf: {} is gone; removing the configurations made from it", file);
                }
                document = null;
            } else {
                try {
                    document = IniParser.parse(Files.readAllBytes(file));
                } catch (IniParseException e) {
                    error = e.getMessage();
                } catch (IOException e) {
                    error = "cannot read " + file + ": " + e.getClass().getSimpleName();
                }
                if (error != null) {
                    LOG.error("ceilometer.conf: {} {}; nothing of it is applied until it is mended (the configurations "
                            + "of its last good read stay)", file, error);
                    Snapshot s = snapshot;
                    snapshot = new Snapshot(file, true, clock.instant(), error, s.result(), s.pids());
                    return;
                }
            }
        }
        MappingResult result = document == null ? null
                : new ConfMapper(catalog, declared.get(), file.getParent(), configDir, builtin).map(document);
        if (result != null && reread) {
            report(result);
        }
        Map<String, PidState> states = apply(result == null ? Map.of() : result.pids());
        snapshot = new Snapshot(file, now.exists(), reread || snapshot.readAt() == null ? clock.instant()
                : snapshot.readAt(), error, result, states);
    }

    private FileState stat() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileState(true, a.lastModifiedTime().toMillis(), a.size());
        } catch (NoSuchFileException e) {
            return new FileState(false, 0, 0);
        } catch (IOException e) {
            return new FileState(Files.exists(file), -1, -1);
        }
    }

    /** Logs, once each, what the file holds that deserves a word. */
    private void report(MappingResult r) {
        List<String> fresh = new ArrayList<>();
        for (Located l : r.unknown()) {
            if (reported.add("unknown " + l.section() + " " + l.key())) {
                fresh.add(l.toString());
            }
        }
        if (!fresh.isEmpty()) {
            warn(fresh.size() + " option(s) unknown to Ceilometer and to this agent, copied as they are: "
                    + String.join(", ", fresh));
        }
        Map<String, Integer> ignoredBySection = new TreeMap<>();
        for (Located l : r.ignored()) {
            ignoredBySection.merge("[" + l.section() + "]", 1, Integer::sum);
        }
        if (!ignoredBySection.isEmpty() && reported.add("ignored " + ignoredBySection)) {
            LOG.info("ceilometer.conf: {} option(s) of Ceilometer's other services and libraries are not used by "
                    + "this agent: {}", r.ignored().size(), ignoredBySection.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            LOG.debug("ceilometer.conf: not used: {}", r.ignored());
        }
        for (String s : r.renamed()) {
            if (reported.add("renamed " + withoutLines(s))) {
                LOG.info("ceilometer.conf: {}", s);
            }
        }
        for (String s : r.problems()) {
            if (reported.add("problem " + withoutLines(s))) {
                warn(s);
            }
        }
    }

    private void warn(String message) {
        LOG.warn("ceilometer.conf: {}", message);
        if (warnings.size() < 1000) {
            warnings.add(message);
        }
    }

    /** The warnings logged so far, each once. */
    List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    private static String withoutLines(String s) {
        return s.replaceAll("\\(line \\d+\\)|line \\d+", "");
    }

    private Map<String, PidState> apply(Map<String, Map<String, Setting>> desired) {
        Map<String, Configuration> existing = new HashMap<>();
        try {
            Configuration[] all = cm.listConfigurations("(" + Constants.SERVICE_PID + "=ceilometer.*)");
            if (all != null) {
                for (Configuration c : all) {
                    existing.put(c.getPid(), c);
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("ceilometer.conf: cannot list the configurations: {}", e.toString());
            return snapshot.pids();
        }
        Map<String, PidState> states = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Setting>> d : desired.entrySet()) {
            String pid = d.getKey();
            Dictionary<String, Object> props = new Hashtable<>();
            d.getValue().forEach((k, v) -> props.put(k, v.value()));
            props.put(MARKER, file.toString());
            try {
                states.put(pid, applyOne(pid, existing.get(pid), props));
            } catch (IOException | RuntimeException e) {
                LOG.warn("ceilometer.conf: cannot write configuration {}: {}", pid, e.toString());
                states.put(pid, new PidState(pid, false, "error: " + e.getClass().getSimpleName()));
            }
        }
        for (Map.Entry<String, Configuration> e : existing.entrySet()) {
            String pid = e.getKey(); // a deleted Configuration no longer answers getPid()
            try {
                Dictionary<String, Object> p = e.getValue().getProperties();
                if (p != null && p.get(MARKER) != null && !desired.containsKey(pid)) {
                    e.getValue().delete();
                    LOG.info("ceilometer.conf: deleted configuration {} (no longer in {})", pid, file.getFileName());
                }
            } catch (IOException | RuntimeException ex) {
                // IllegalStateException: deleted by someone else meanwhile
                LOG.warn("ceilometer.conf: cannot delete configuration {}: {}", pid, ex.toString());
            }
        }
        return Collections.unmodifiableMap(states);
    }

    private PidState applyOne(String pid, Configuration c, Dictionary<String, Object> props) throws IOException {
        if (c != null) {
            Dictionary<String, Object> current = c.getProperties();
            String owner = ownerOf(current);
            if (owner != null) {
                return shadowed(pid, owner);
            }
            if (!same(current, props)) {
                c.update(props);
                LOG.info("ceilometer.conf: updated configuration {} ({} options)", pid, props.size() - 1);
            }
            return new PidState(pid, true, file.getFileName().toString());
        }
        Path cfg = cfgFileFor(pid);
        if (cfg != null) {
            return shadowed(pid, cfg.toString());
        }
        Configuration fresh = cm.getConfiguration(pid, "?");
        Dictionary<String, Object> current = fresh.getProperties();
        if (current != null) {
            String owner = ownerOf(current);
            if (owner != null) {
                return shadowed(pid, owner);
            }
        }
        fresh.update(props);
        LOG.info("ceilometer.conf: created configuration {} ({} options)", pid, props.size() - 1);
        return new PidState(pid, true, file.getFileName().toString());
    }

    private PidState shadowed(String pid, String owner) {
        if (reported.add("shadowed " + pid + " " + owner)) {
            LOG.info("ceilometer.conf: its options for {} are not applied: {} owns that configuration and wins", pid,
                    owner);
        }
        return new PidState(pid, false, owner);
    }

    /** Who else owns a configuration: FileInstall's file, or "ConfigAdmin"; null when it is ours. */
    static String ownerOf(Dictionary<String, Object> props) {
        if (props == null) {
            return null;
        }
        Object f = props.get(FILEINSTALL_FILENAME);
        if (f != null) {
            return String.valueOf(f);
        }
        return props.get(MARKER) != null ? null : "ConfigAdmin";
    }

    private Path cfgFileFor(String pid) {
        for (Path dir : fileInstallDirs) {
            for (String ext : new String[] {".cfg", ".config"}) {
                Path p = dir.resolve(pid + ext);
                if (Files.exists(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Equal properties, arrays by content, ConfigAdmin's own keys aside. */
    static boolean same(Dictionary<String, Object> a, Dictionary<String, Object> b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(comparable(a), comparable(b));
    }

    private static Map<String, Object> comparable(Dictionary<String, Object> d) {
        Map<String, Object> m = new HashMap<>();
        for (Enumeration<String> keys = d.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            if (!CM_KEYS.contains(k)) {
                Object v = d.get(k);
                m.put(k, v instanceof Object[] arr ? Arrays.asList(arr) : v);
            }
        }
        return m;
    }
}
