package org.ceilometer.osgi.conf;

import java.net.InetAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports {@code ${ceilometer.home}/config/ceilometer.conf} into the {@code ceilometer.<section>}
 * configurations, and keeps them in step: a thread of its own looks at the file's modification
 * time and size every {@code check_interval} seconds, and ConfigAdmin's events about
 * {@code ceilometer.*} PIDs (a {@code .cfg} file taking a PID over, or letting it go) make it apply
 * the file again. All the work happens on that thread, none on SCR's.
 */
@Component(service = {ConfImporter.class, ConfigurationListener.class},
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = ConfImporter.Config.class)
public final class ConfImporter implements ConfigurationListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConfImporter.class);
    static final String HOME = "ceilometer.home";

    @ObjectClassDefinition(name = "Ceilometer ceilometer.conf import",
            description = "Reads an operator's ceilometer.conf into the ceilometer.<section> configurations")
    public @interface Config {
        @AttributeDefinition(required = false,
                description = "The file; relative to ${ceilometer.home}. Empty: config/ceilometer.conf")
        String path() default "";

        @AttributeDefinition(description = "Seconds between looks at the file for edits")
        double check__interval() default 2.0;
    }

    private final ConfSync sync;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile String host;
    private String lastFailure;

    @Activate
    public ConfImporter(BundleContext context, Config config, @Reference ConfigurationAdmin cm,
            @Reference ServiceComponentRuntime scr) {
        Path home = home(context);
        String p = config.path() == null ? "" : config.path().strip();
        Path file = p.isEmpty() ? home.resolve("config").resolve("ceilometer.conf") : home.resolve(p);
        this.sync = new ConfSync(cm, file, home.resolve("config"), fileInstallDirs(context, home),
                OptionCatalog.standard(), () -> ComponentDefaults.names(scr), this::builtin,
                Clock.systemUTC());
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ceilometer-conf");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        this.executor = Executors.unconfigurableScheduledExecutorService(ex);
        long every = Math.max(50L, Math.round(config.check__interval() * 1000));
        executor.scheduleWithFixedDelay(this::check, 0, every, TimeUnit.MILLISECONDS);
        LOG.info("ceilometer.conf: watching {}", sync.file());
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("ceilometer.conf: the import thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the shell shows. */
    ConfSync.Snapshot snapshot() {
        return sync.snapshot();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getFactoryPid() != null ? event.getFactoryPid() : event.getPid();
        if (pid == null || !pid.startsWith("ceilometer.") || event.getType() == ConfigurationEvent.CM_LOCATION_CHANGED) {
            return;
        }
        sync.markDirty();
        if (pending.compareAndSet(false, true)) {
            try {
                executor.schedule(() -> {
                    pending.set(false);
                    check();
                }, 200, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pending.set(false); // deactivated
            }
        }
    }

    private void check() {
        try {
            sync.check();
            lastFailure = null;
        } catch (RuntimeException e) {
            // a periodic task that throws stops repeating: log (once per cause) and go on
            if (!e.toString().equals(lastFailure)) {
                LOG.error("ceilometer.conf: import failed, tried again at the next look: {}", e.toString(), e);
            } else {
                LOG.debug("ceilometer.conf: import failed again: {}", e.toString());
            }
            lastFailure = e.toString();
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
        return Paths.get(h).toAbsolutePath().normalize();
    }

    /** FileInstall's directories ({@code felix.fileinstall.dir}, a comma list), else {@code config/}. */
    static List<Path> fileInstallDirs(BundleContext context, Path home) {
        List<Path> dirs = new ArrayList<>();
        String v = context == null ? null : context.getProperty("felix.fileinstall.dir");
        if (v != null) {
            for (String d : v.split(",")) {
                if (!d.isBlank()) {
                    dirs.add(Paths.get(d.strip()).toAbsolutePath().normalize());
                }
            }
        }
        if (dirs.isEmpty()) {
            dirs.add(home.resolve("config"));
        }
        return dirs;
    }

    /** Defaults that {@code $name} in values may refer to: looked up only when asked (DNS may be slow). */
    private String builtin(String name) {
        if (!"host".equals(name)) {
            return null;
        }
        String h = host;
        if (h == null) {
            h = hostName();
            host = h;
        }
        return h;
    }

    /** oslo.config's default of {@code [DEFAULT] host}: for {@code $host} in values. */
    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | SecurityException e) {
            return "localhost";
        }
    }
}
