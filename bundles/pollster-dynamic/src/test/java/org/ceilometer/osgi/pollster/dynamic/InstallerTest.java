package org.ceilometer.osgi.pollster.dynamic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installer's real install, update and uninstall calls against a small registry, and its own directory scan. */
class InstallerTest {
    @TempDir
    Path home;
    Path deploy;
    Path pollstersD;
    final FakeRegistrar registrar = new FakeRegistrar();
    DynamicPollsterInstaller installer;

    static String def(String name, String unit) {
        return """
                - name: "%s"
                  sample_type: "gauge"
                  unit: "%s"
                  value_attribute: "status"
                  endpoint_type: "compute"
                  url_path: "servers/detail"
                """.formatted(name, unit);
    }

    static final String BAD = """
            - name: "dynamic.bad"
              sample_type: "sometimes"
              unit: "x"
              value_attribute: "status"
              endpoint_type: "compute"
              url_path: "servers"
            """;

    static DynamicPollsterInstaller.Config config(String dirs, int scanMs) {
        return new DynamicPollsterInstaller.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DynamicPollsterInstaller.Config.class;
            }

            @Override
            public String pollsters__definitions__dirs() {
                return dirs;
            }

            @Override
            public int pollsters__definitions__scan__ms() {
                return scanMs;
            }
        };
    }

    @BeforeEach
    void setUp() throws IOException {
        deploy = Files.createDirectories(home.resolve("deploy"));
        pollstersD = Files.createDirectories(home.resolve("config/pollsters.d"));
        Files.writeString(home.resolve("config/polling.yaml"), "sources: []\n");
    }

    /** Activates the installer and waits for its first look at deploy/. */
    DynamicPollsterInstaller start() throws InterruptedException {
        installer = new DynamicPollsterInstaller(registrar, home, config("pollsters.d", 100),
                Set.of(DynamicPollsterInstaller.canonical(home.resolve("config")),
                        DynamicPollsterInstaller.canonical(deploy)), Clock.systemUTC());
        installer.awaitScan();
        return installer;
    }

    @AfterEach
    void stop() {
        if (installer != null) {
            installer.deactivate();
        }
    }

    /** Polls a condition until it holds, for at most 10 s. */
    static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            LockSupport.parkNanos(2_000_000L);
        }
    }

    /** Writes a file as an editor should: next to it, then moved in place. */
    static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void canHandleTheYamlOfDeployAndPollstersDOnly() throws Exception {
        start();
        assertTrue(installer.canHandle(deploy.resolve("magnum.yaml").toFile()));
        assertTrue(installer.canHandle(deploy.resolve("magnum.YML").toFile()));
        assertTrue(installer.canHandle(pollstersD.resolve("vpn.yaml").toFile()));
        assertFalse(installer.canHandle(home.resolve("config/polling.yaml").toFile()));
        assertFalse(installer.canHandle(home.resolve("config/pipeline.yaml").toFile()));
        assertFalse(installer.canHandle(deploy.resolve("polling.yaml").toFile()));
        assertFalse(installer.canHandle(home.resolve("config/other.yaml").toFile()));
        assertFalse(installer.canHandle(deploy.resolve("bundle.jar").toFile()));
        assertFalse(installer.canHandle(home.resolve("tmp/pollsters.d.jar").toFile()));
    }

    @Test
    void installUpdateAndUninstallAFileWithABadDefinitionAmongGoodOnes() throws Exception {
        start();
        Path file = deploy.resolve("pollsters.yaml");
        Files.writeString(file, def("dynamic.a", "server") + BAD + def("dynamic.b", "volume")
                + def("dynamic.c", "x").replace("\"compute\"", "\"compute\"\n  namespaces: [central, compute]"));
        installer.install(file.toFile());
        Map<String, FakeRegistrar.Service> live = registrar.live();
        assertEquals(Set.of("dynamic.a", "dynamic.b", "dynamic.c"), live.keySet(), "the bad definition is rejected alone");
        FakeRegistrar.Service a = live.get("dynamic.a");
        assertEquals("deploy/pollsters.yaml#dynamic.a", a.origin());
        assertArrayEquals(new String[] {"ceilometer.poll.central"}, a.namespaces());
        assertArrayEquals(new String[] {"ceilometer.poll.central", "ceilometer.poll.compute"},
                live.get("dynamic.c").namespaces());
        assertEquals("endpoint:compute", a.pollster.defaultDiscovery());

        // edit: a's unit changes, b goes, c leaves compute, d comes
        Files.writeString(file, def("dynamic.a", "instance") + def("dynamic.c", "x") + def("dynamic.d", "y"));
        installer.update(file.toFile());
        live = registrar.live();
        assertEquals(Set.of("dynamic.a", "dynamic.c", "dynamic.d"), live.keySet());
        assertSame(a, live.get("dynamic.a"), "an edited definition keeps its service");
        assertEquals("instance", a.definition().unit);
        assertEquals(0, a.propertyUpdates, "its properties did not change");
        assertArrayEquals(new String[] {"ceilometer.poll.central"}, live.get("dynamic.c").namespaces());
        assertEquals(1, live.get("dynamic.c").propertyUpdates);
        assertEquals(4, registrar.all.size());

        // an identical re-install changes nothing
        installer.update(file.toFile());
        assertEquals(4, registrar.all.size());

        installer.uninstall(file.toFile());
        assertEquals(Map.of(), registrar.live());
    }

    @Test
    void theSameNameInTwoFilesWaitsForTheFirst() throws Exception {
        start();
        Path a = deploy.resolve("a.yaml");
        Path b = deploy.resolve("b.yaml");
        Files.writeString(a, def("dynamic.same", "from-a"));
        Files.writeString(b, def("dynamic.same", "from-b") + def("dynamic.other", "o"));
        installer.install(b.toFile());
        assertEquals("deploy/b.yaml#dynamic.same", registrar.live().get("dynamic.same").origin());
        installer.install(a.toFile());
        assertEquals("deploy/a.yaml#dynamic.same", registrar.live().get("dynamic.same").origin(),
                "the file first in path order wins, as master reads them sorted");
        installer.uninstall(a.toFile());
        assertEquals("from-b", registrar.live().get("dynamic.same").definition().unit);
        assertEquals(Set.of("dynamic.same", "dynamic.other"), registrar.live().keySet());
    }

    @Test
    void pollstersDIsScannedByTheInstallersOwnThread() throws Exception {
        start();
        Path file = pollstersD.resolve("vpn.yaml");
        write(file, def("dynamic.vpn", "ipsec_site_connection"));
        waitFor("registered", () -> registrar.live().containsKey("dynamic.vpn"));
        assertEquals("config/pollsters.d/vpn.yaml#dynamic.vpn", registrar.live().get("dynamic.vpn").origin());
        write(file, def("dynamic.vpn", "connection"));
        waitFor("updated", () -> "connection".equals(registrar.live().get("dynamic.vpn").definition().unit));
        write(file, def("dynamic.vpn2", "connection"));
        waitFor("renamed", () -> registrar.live().keySet().equals(Set.of("dynamic.vpn2")));
        Files.delete(file);
        waitFor("unregistered", () -> registrar.live().isEmpty());
    }

    @Test
    void deactivationUnregistersEverythingAndLeavesNoThread() throws Exception {
        Files.writeString(deploy.resolve("x.yaml"), def("dynamic.deployed", "u"));
        Files.writeString(pollstersD.resolve("y.yml"), def("dynamic.scanned", "u"));
        start();
        waitFor("both registered", () -> registrar.live().keySet().equals(Set.of("dynamic.deployed", "dynamic.scanned")));
        assertTrue(threadAlive());
        installer.deactivate();
        installer = null;
        assertEquals(Map.of(), registrar.live());
        // awaitTermination can return a moment before the worker thread itself has ended
        long deadline = System.currentTimeMillis() + 5000;
        while (threadAlive() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(threadAlive(), "the scan thread is gone");
        // a new activation (a bundle update) finds deploy/ again without FileInstall reporting it
        start();
        waitFor("registered again", () -> registrar.live().keySet().equals(Set.of("dynamic.deployed", "dynamic.scanned")));
    }

    @Test
    void aDirectoryDroppedFromTheConfigurationTakesItsPollstersAlong() throws IOException {
        Files.createDirectories(home.resolve("config/more"));
        Files.writeString(home.resolve("config/more/z.yaml"), def("dynamic.more", "u"));
        installer = new DynamicPollsterInstaller(registrar, home, config("pollsters.d, more", 100), Set.of(),
                Clock.systemUTC());
        waitFor("registered", () -> registrar.live().containsKey("dynamic.more"));
        installer.modified(config("pollsters.d", 100));
        waitFor("unregistered", () -> registrar.live().isEmpty());
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("ceilometer-pollsters-d") && t.isAlive());
    }
}
