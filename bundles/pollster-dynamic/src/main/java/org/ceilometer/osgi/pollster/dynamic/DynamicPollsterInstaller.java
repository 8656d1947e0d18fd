package org.ceilometer.osgi.pollster.dynamic;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.ceilometer.osgi.api.Namespaces;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot deploy of YAML dynamic pollsters. FileInstall hands it the {@code .yaml} and {@code .yml} files of
 * {@code ${ceilometer.home}/deploy} (it is an {@link ArtifactInstaller}); the directories of
 * {@code [polling] pollsters_definitions_dirs} ({@code config/pollsters.d} by default), which FileInstall
 * does not scan file by file, are scanned by a thread of its own. Each good definition becomes one
 * Pollster service; an edit updates them, a removal unregisters them, and so does deactivation.
 */
@Component(service = ArtifactInstaller.class, immediate = true, configurationPid = Namespaces.PID_POLLING,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DynamicPollsterInstaller.Config.class)
public final class DynamicPollsterInstaller implements ArtifactInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(DynamicPollsterInstaller.class);

    /** The options of {@code ceilometer.polling} this component reads ({@code __} stands for {@code _}). */
    @ObjectClassDefinition(name = "Ceilometer [polling] dynamic pollsters",
            description = "Where YAML dynamic pollster definitions are read from, besides deploy/")
    public @interface Config {
        @AttributeDefinition(description = "Directories of dynamic pollster definitions, comma-separated; "
                + "relative to ${ceilometer.home}/config")
        String pollsters__definitions__dirs() default "pollsters.d";

        @AttributeDefinition(description = "Milliseconds between two scans of those directories")
        int pollsters__definitions__scan__ms() default 1000;
    }

    static final String HOME = "ceilometer.home";
    static final String FILEINSTALL_DIR = "felix.fileinstall.dir";

    private final Path home;
    private final Path deployDir;
    private final Set<Path> fileInstallDirs;
    private final PollsterRegistry registry;
    private final ScheduledThreadPoolExecutor scanner;
    private final DirectoryWatcher watcher;
    private volatile Set<Path> definitionDirs;
    private ScheduledFuture<?> scans;

    @Activate
    public DynamicPollsterInstaller(BundleContext context, Config config) {
        this(ServiceRegistrar.of(context), home(context), config, fileInstallDirs(context), Clock.systemUTC());
    }

    /** For tests: the registrar, the home and FileInstall's directories are given. */
    DynamicPollsterInstaller(ServiceRegistrar registrar, Path home, Config config, Set<Path> fileInstallDirs,
            Clock clock) {
        this.home = home;
        this.deployDir = canonical(home.resolve("deploy"));
        this.fileInstallDirs = fileInstallDirs;
        this.registry = new PollsterRegistry(registrar, this::displayName, clock);
        this.watcher = new DirectoryWatcher(this::isDefinitionFile, registry::install, registry::uninstall);
        this.definitionDirs = definitionDirs(config);
        this.scanner = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ceilometer-pollsters-d");
            t.setDaemon(true);
            return t;
        });
        scanner.setRemoveOnCancelPolicy(true);
        scanner.execute(this::installDeployed);
        schedule(config);
        LOG.info("dynamic pollsters: {} (through FileInstall) and {} are watched", displayName(deployDir),
                describe(definitionDirs));
    }

    @Modified
    void modified(Config config) {
        Set<Path> dirs = definitionDirs(config);
        Set<Path> old = definitionDirs;
        definitionDirs = dirs;
        scanner.execute(() -> watcher.forget(f -> old.contains(parent(f)) && !dirs.contains(parent(f))));
        schedule(config);
        LOG.info("dynamic pollsters: {} are watched", describe(dirs));
    }

    @Deactivate
    void deactivate() {
        scanner.shutdownNow();
        try {
            if (!scanner.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("dynamic pollsters: the directory scan did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.close();
        LOG.info("dynamic pollsters: stopped; their services are unregistered");
    }

    private synchronized void schedule(Config config) {
        if (scans != null) {
            scans.cancel(false);
        }
        long every = Math.max(100, config.pollsters__definitions__scan__ms());
        scans = scanner.scheduleWithFixedDelay(this::scan, 0, every, TimeUnit.MILLISECONDS);
    }

    private void scan() {
        try {
            Set<Path> dirs = new LinkedHashSet<>(definitionDirs);
            dirs.removeAll(fileInstallDirs);
            watcher.scan(dirs);
        } catch (RuntimeException e) {
            LOG.warn("dynamic pollsters: scanning {} failed", describe(definitionDirs), e);
        }
    }

    /**
     * FileInstall reports a file of deploy/ once; after this component is re-activated (a bundle update,
     * say) it would not report the files again until they change, so they are read here once.
     */
    private void installDeployed() {
        File[] files = deployDir.toFile().listFiles();
        if (files != null) {
            java.util.Arrays.sort(files);
            for (File f : files) {
                if (f.isFile() && canHandle(f)) {
                    registry.install(canonical(f.toPath()));
                }
            }
        }
    }

    // ---- ArtifactInstaller

    @Override
    public boolean canHandle(File artifact) {
        try {
            Path p = canonical(artifact.toPath());
            return isDefinitionFile(p) && (parent(p).equals(deployDir) || definitionDirs.contains(parent(p)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void install(File artifact) {
        registry.install(canonical(artifact.toPath()));
    }

    @Override
    public void update(File artifact) {
        registry.install(canonical(artifact.toPath()));
    }

    @Override
    public void uninstall(File artifact) {
        registry.uninstall(canonical(artifact.toPath()));
    }

    // ---- for tests

    /** Waits until the scans and installs queued so far are done. */
    void awaitScan() throws InterruptedException {
        try {
            scanner.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the scan thread did not answer", e);
        }
    }

    PollsterRegistry registry() {
        return registry;
    }

    Set<Path> definitionDirs() {
        return definitionDirs;
    }

    // ---- paths

    /** A {@code .yaml} or {@code .yml} file other than the polling and pipeline definitions. */
    boolean isDefinitionFile(Path p) {
        Path name = p.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".")
                && !n.equals("polling.yaml") && !n.equals("pipeline.yaml");
    }

    private Set<Path> definitionDirs(Config config) {
        Set<Path> out = new LinkedHashSet<>();
        String dirs = config.pollsters__definitions__dirs();
        if (dirs != null) {
            for (String d : dirs.split(",")) {
                if (!d.isBlank()) {
                    out.add(canonical(home.resolve("config").resolve(d.strip())));
                }
            }
        }
        return out;
    }

    private static Path parent(Path p) {
        Path parent = p.getParent();
        return parent == null ? p : parent;
    }

    /** The path relative to ceilometer.home when it lies under it, else absolute. */
    String displayName(Path p) {
        Path h = canonical(home);
        Path c = canonical(p);
        return c.startsWith(h) && !c.equals(h) ? h.relativize(c).toString().replace(File.separatorChar, '/')
                : c.toString();
    }

    private String describe(Set<Path> dirs) {
        return dirs.stream().map(this::displayName).reduce((a, b) -> a + ", " + b).orElse("no directory");
    }

    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            if (parent != null && !parent.equals(abs)) {
                return canonical(parent).resolve(abs.getFileName());
            }
            return abs;
        }
    }

    static Path home(BundleContext context) {
        String h = context == null ? null : context.getProperty(HOME);
        if (h == null || h.isBlank()) {
            h = System.getProperty(HOME);
        }
        if (h == null || h.isBlank()) {
            h = System.getProperty("user.dir");
        }
        return canonical(Paths.get(h));
    }

    /** The directories of {@code felix.fileinstall.dir}, resolved as FileInstall does (against the working directory). */
    static Set<Path> fileInstallDirs(BundleContext context) {
        Set<Path> out = new LinkedHashSet<>();
        String dirs = context == null ? null : context.getProperty(FILEINSTALL_DIR);
        if (dirs == null || dirs.isBlank()) {
            dirs = "./load";
        }
        for (String d : dirs.split(",")) {
            if (!d.isBlank()) {
                out.add(canonical(Paths.get(substitute(context, d.strip()))));
            }
        }
        return out;
    }

    /** {@code ${name}} replaced by the framework or system property, as FileInstall does. */
    static String substitute(BundleContext context, String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^}]+)}").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = context == null ? null : context.getProperty(m.group(1));
            if (v == null) {
                v = System.getProperty(m.group(1), "");
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
