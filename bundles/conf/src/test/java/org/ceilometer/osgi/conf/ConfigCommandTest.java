package org.ceilometer.osgi.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

class ConfigCommandTest {
    @TempDir
    Path home;
    FakeConfigAdmin cm;
    ConfSync sync;
    ServiceComponentRuntime scr;
    Path cfg;

    private static ComponentDescriptionDTO component(String name, String pid, Map<String, Object> properties) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = name;
        d.configurationPid = new String[] {pid};
        d.properties = properties;
        return d;
    }

    @BeforeEach
    void setUp() throws Exception {
        Path config = Files.createDirectories(home.resolve("config"));
        Files.write(config.resolve("ceilometer.conf"), Resources.bytes("ceilometer.conf.deployment-icehouse"));
        cfg = Files.writeString(config.resolve("ceilometer.coordination.cfg"),
                "# ZooKeeper of the test\nbackend_url = zookeeper://zk:2181\nheartbeat = 3\n");
        cm = new FakeConfigAdmin();
        cm.put("ceilometer.coordination", Map.of("backend_url", "zookeeper://zk:2181", "heartbeat", "3",
                ConfSync.FILEINSTALL_FILENAME, cfg.toUri().toString()));
        cm.put("ceilometer.pollster.image", Map.of("glance_page_size", "50"));
        scr = mock(ServiceComponentRuntime.class);
        when(scr.getComponentDescriptionDTOs()).thenReturn(List.of(
                component("org.ceilometer.osgi.agent.StorageManager", "ceilometer.database", Map.of(
                        "connection", "log://", "time_to_live", -1L, "max_queue_length", 100000,
                        "ceilometer.namespace", "not an option")),
                component("org.ceilometer.osgi.agent.RemoteShell", "ceilometer.shell", Map.of("telnet_port", 0)),
                component("org.example.Other", "org.example.other", Map.of("x", 1))));
        sync = new ConfSync(cm, config.resolve("ceilometer.conf"), config, List.of(config), OptionCatalog.standard(),
                () -> ComponentDefaults.names(scr), n -> null, Clock.systemUTC());
        sync.check();
    }

    private static String line(String out, String... parts) {
        Optional<String> l = Arrays.stream(out.split("\n"))
                .filter(s -> Arrays.stream(parts).allMatch(s::contains)).findFirst();
        assertTrue(l.isPresent(), "no line with " + Arrays.toString(parts) + " in\n" + out);
        return l.get();
    }

    @Test
    void everyValueWithItsSourceAndNoSecretInSight() throws Exception {
        String out = new ConfigCommand(cm, scr, sync::snapshot).config();

        assertTrue(out.startsWith("ceilometer.conf: " + home.resolve("config/ceilometer.conf")), out);
        line(out, "ceilometer.service_credentials", "username", "ceilometer",
                "ceilometer.conf line 56 [service_credentials] os_username");
        line(out, "ceilometer.service_credentials", "password", "***", "line 57 [service_credentials] os_password");
        line(out, "ceilometer.service_credentials", "timeout", "30", "[DEFAULT] http_timeout");
        line(out, "ceilometer.database", "connection",
                "mongodb://ceilometer:***@192.0.2.30:27017,192.0.2.31:27017/ceilometer?replicaSet=rs0",
                "ceilometer.conf line 41 [database] connection");
        line(out, "ceilometer.database", "max_queue_length", "100000", "default (StorageManager)");
        line(out, "ceilometer.publisher", "telemetry_secret", "***", "[publisher] metering_secret");
        line(out, "ceilometer.coordination", "heartbeat", "3", cfg + ":3");
        line(out, "ceilometer.coordination", "backend_url", "zookeeper://zk:2181", cfg + ":2");
        line(out, "ceilometer.pollster.image", "glance_page_size", "50", "ConfigAdmin");
        line(out, "ceilometer.shell", "telnet_port", "0", "default (RemoteShell)");
        assertFalse(out.contains("not an option"));
        assertFalse(out.contains("org.example.other"));
        assertFalse(out.contains(ConfSync.MARKER), "private properties are not options");

        // what ceilometer.conf says but does not apply
        line(out, "Not applied");
        line(out, "ceilometer.coordination", "backend_url", "zookeeper://192.0.2.20:2181,192.0.2.21:2181/ceilometer",
                "line 37 [coordination] backend_url", cfg.toString());
        line(out, "ceilometer.pollster.image", "glance_page_size", "200", "line 17 [DEFAULT] glance_page_size",
                "ConfigAdmin");
        line(out, "[DEFAULT] my_site_flag (line 20)");
        line(out, "[service_credentials] os_tenant_nmae (line 64)");
        line(out, "[keystone_authtoken]", "admin_password");

        for (String secret : List.of("svc-secret", "db-secret", "sign-secret", "rabbit-secret", "ks-secret")) {
            assertFalse(out.contains(secret), secret + " shown in\n" + out);
        }
    }

    @Test
    void onePidOrAPrefix() throws Exception {
        String out = new ConfigCommand(cm, scr, sync::snapshot).config("ceilometer.database");
        line(out, "ceilometer.database", "connection");
        assertFalse(out.contains("ceilometer.service_credentials  "), out);
        assertTrue(new ConfigCommand(cm, scr, sync::snapshot).config("ceilometer.nothing")
                .contains("no ceilometer.* PID starts with 'ceilometer.nothing'"));
    }

    @Test
    void aBrokenFileIsShownWithoutItsText() throws Exception {
        Path file = home.resolve("config/ceilometer.conf");
        Files.writeString(file, "[DEFAULT]\npassword-is hunter2\n");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1_000));
        sync.check();
        String out = new ConfigCommand(cm, scr, sync::snapshot).config();
        line(out, "ERROR line 2: no ':' or '=' found in assignment");
        assertFalse(out.contains("hunter2"));
        line(out, "ceilometer.database", "connection", "mongodb://ceilometer:***@", "line 41");
    }

    @Test
    void withoutCeilometerConf() throws Exception {
        ConfigCommand c = new ConfigCommand(cm, scr, () -> new ConfSync.Snapshot(home.resolve("x.conf"), false, null,
                null, null, Map.of()));
        String out = c.config();
        assertTrue(out.startsWith("ceilometer.conf: " + home.resolve("x.conf") + " (absent)"), out);
        assertEquals(1, out.lines().filter(l -> l.startsWith("PID")).count());
    }
}
