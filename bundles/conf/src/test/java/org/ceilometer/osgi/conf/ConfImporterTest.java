package org.ceilometer.osgi.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/** The component with its own thread: it sees edits, and ConfigAdmin's events bring it back. */
class ConfImporterTest {
    @TempDir
    Path home;

    static ConfImporter.Config config(String path, double interval) {
        return new ConfImporter.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ConfImporter.Config.class;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public double check__interval() {
                return interval;
            }
        };
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    @Test
    void watchesTheFileAndAnswersConfigAdminEvents() throws Exception {
        Path config = Files.createDirectories(home.resolve("config"));
        Path file = config.resolve("ceilometer.conf");
        Files.writeString(file, "[database]\nconnection = mongodb://h1/c\n[polling]\nbatch_size = 10\n");
        BundleContext context = mock(BundleContext.class);
        when(context.getProperty("ceilometer.home")).thenReturn(home.toString());
        FakeConfigAdmin cm = new FakeConfigAdmin();
        ConfImporter importer = new ConfImporter(context, config("", 0.05), cm, mock(ServiceComponentRuntime.class));
        try {
            await("the first import", () -> cm.props("ceilometer.database") != null);
            assertEquals("mongodb://h1/c", cm.props("ceilometer.database").get("connection"));
            assertEquals(file, importer.snapshot().file());

            Files.writeString(file, "[database]\nconnection = mongodb://h2/c\n[polling]\nbatch_size = 10\n");
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
            await("the edit", () -> "mongodb://h2/c".equals(cm.props("ceilometer.database").get("connection")));

            // FileInstall takes ceilometer.polling over, then its .cfg is deleted and so is its configuration
            cm.configs.get("ceilometer.polling").update(new Hashtable<>(Map.of("batch_size", "99",
                    ConfSync.FILEINSTALL_FILENAME, "file:/nowhere/ceilometer.polling.cfg")));
            cm.configs.get("ceilometer.polling").delete();
            assertNull(cm.props("ceilometer.polling"));
            @SuppressWarnings("unchecked")
            ServiceReference<ConfigurationAdmin> ref = mock(ServiceReference.class);
            importer.configurationEvent(new ConfigurationEvent(ref, ConfigurationEvent.CM_DELETED, null,
                    "ceilometer.polling"));
            await("ceilometer.conf's values back", () -> cm.props("ceilometer.polling") != null);
            assertEquals("10", cm.props("ceilometer.polling").get("batch_size"));
            assertTrue(threadAlive());
        } finally {
            importer.deactivate();
        }
        await("the import thread to end with the component", () -> !threadAlive());
        int writes = cm.writes.get();
        importer.configurationEvent(new ConfigurationEvent(mock(ServiceReference.class), ConfigurationEvent.CM_DELETED,
                null, "ceilometer.polling"));
        assertEquals(writes, cm.writes.get(), "nothing runs after deactivation");
    }

    @Test
    void aPathOfItsOwnAndFileInstallDirectoriesFromTheFramework() throws Exception {
        Path etc = Files.createDirectories(home.resolve("etc"));
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        Files.writeString(etc.resolve("my.conf"), "[database]\nconnection = log://\n[coordination]\nheartbeat = 2\n");
        Files.writeString(deploy.resolve("ceilometer.coordination.cfg"), "heartbeat = 5\n");
        BundleContext context = mock(BundleContext.class);
        when(context.getProperty("ceilometer.home")).thenReturn(home.toString());
        when(context.getProperty("felix.fileinstall.dir")).thenReturn(home.resolve("config") + ", " + deploy);
        assertEquals(List.of(home.resolve("config"), deploy), ConfImporter.fileInstallDirs(context, home));
        FakeConfigAdmin cm = new FakeConfigAdmin();
        ConfImporter importer = new ConfImporter(context, config("etc/my.conf", 0.05), cm,
                mock(ServiceComponentRuntime.class));
        try {
            await("the import", () -> cm.props("ceilometer.database") != null);
            await("the snapshot", () -> importer.snapshot().pids().containsKey("ceilometer.coordination"));
            assertNull(cm.props("ceilometer.coordination"), "deploy/ceilometer.coordination.cfg owns it");
            assertEquals(etc.resolve("my.conf"), importer.snapshot().file());
        } finally {
            importer.deactivate();
        }
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("ceilometer-conf") && t.isAlive());
    }
}
