package org.ceilometer.osgi.simulator.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.ceilometer.osgi.simulator.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class ComponentsTest {
    private static final String PID = "ceilometer.service_credentials";

    @TempDir
    Path home;

    static SimulatorConfig config(int images) {
        return new SimulatorConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SimulatorConfig.class;
            }

            @Override
            public int port() {
                return 0;
            }

            @Override
            public long seed() {
                return 9;
            }

            @Override
            public int projects() {
                return 3;
            }

            @Override
            public int images() {
                return images;
            }

            @Override
            public long token__ttl() {
                return 60;
            }

            @Override
            public int max__connections() {
                return 4;
            }

            @Override
            public int floating__ips() {
                return 6;
            }

            @Override
            public int vpn__services() {
                return 2;
            }

            @Override
            public int ipsec__connections() {
                return 3;
            }

            @Override
            public int firewall__groups() {
                return 2;
            }

            @Override
            public int firewall__policies() {
                return 2;
            }

            @Override
            public int load__balancers() {
                return 4;
            }

            @Override
            public int dns__zones() {
                return 5;
            }

            @Override
            public int swift__containers() {
                return 5;
            }

            @Override
            public int kwapi__probes() {
                return 3;
            }

            @Override
            public int rgw__buckets() {
                return 2;
            }

            @Override
            public boolean rgw__implicit__tenants() {
                return false;
            }

            @Override
            public int volumes() {
                return 7;
            }

            @Override
            public int volume__snapshots() {
                return 3;
            }

            @Override
            public int volume__backups() {
                return 2;
            }

            @Override
            public int volume__pools() {
                return 3;
            }

            @Override
            public int volume__services__down() {
                return 1;
            }

            @Override
            public int shares() {
                return 4;
            }
        };
    }

    @Test
    void simulatorComponentRunsWhileActive() throws Exception {
        SimulatorComponent c = new SimulatorComponent(config(12));
        Simulator sim = c.simulator();
        assertEquals(12, sim.data().imageCount());
        assertEquals(7, sim.cinder().volumeCount());
        assertEquals(3, sim.cinder().pools().size());
        assertEquals(4, sim.manila().shareCount());
        assertEquals(9, sim.data().seed());
        assertEquals(60, sim.tokenTtl().toSeconds());
        int port = sim.port();
        try (Socket s = new Socket("127.0.0.1", port)) {
            assertTrue(s.isConnected());
        }
        c.deactivate();
        assertRefused(port);
    }

    private DemoSimulatorComponent demo(ConfigurationAdmin cm, Map<String, String> props, Map<String, String> env)
            throws IOException {
        Map<String, String> all = new java.util.HashMap<>(props);
        all.putIfAbsent(DemoSimulatorComponent.HOME_PROPERTY, home.toString());
        return new DemoSimulatorComponent(all::get, env::get, cm, config(5));
    }

    @Test
    void demoOffStartsNothing() throws Exception {
        ConfigurationAdmin cm = mock(ConfigurationAdmin.class);
        DemoSimulatorComponent c = demo(cm, Map.of(), Map.of());
        assertNull(c.simulator());
        c.deactivate();
        verifyNoInteractions(cm);
    }

    @Test
    @SuppressWarnings("unchecked")
    void demoOnCreatesCredentialsPointingAtTheSimulatorAndRemovesThemAtStop() throws Exception {
        ConfigurationAdmin cm = mock(ConfigurationAdmin.class);
        Configuration created = mock(Configuration.class);
        when(cm.getConfiguration(PID, "?")).thenReturn(created);
        DemoSimulatorComponent c = demo(cm, Map.of("ceilometer.demo", "true"), Map.of());
        Simulator sim = c.simulator();
        assertNotNull(sim);

        ArgumentCaptor<Dictionary<String, ?>> props = ArgumentCaptor.forClass(Dictionary.class);
        verify(created).update(props.capture());
        Dictionary<String, ?> p = props.getValue();
        assertEquals(sim.authUrl(), p.get("auth_url"));
        assertEquals(sim.username(), p.get("username"));
        assertEquals(sim.password(), p.get("password"));
        assertEquals("admin", p.get("project_name"));
        assertEquals("Default", p.get("user_domain_name"));
        assertEquals("Default", p.get("project_domain_name"));
        assertEquals("RegionOne", p.get("region_name"));
        assertEquals("public", p.get("interface"));
        assertEquals("true", p.get(DemoSimulatorComponent.MARKER));

        Dictionary<String, Object> stored = new Hashtable<>();
        for (String k : java.util.Collections.list(p.keys())) {
            stored.put(k, p.get(k));
        }
        when(created.getProperties()).thenReturn(stored);
        when(cm.listConfigurations(anyString())).thenReturn(new Configuration[] {created});
        c.deactivate();
        verify(created).delete();
        assertRefused(sim.port());
    }

    /** The listener closes on the server's own thread: waits for the refusal rather than racing it. */
    private void assertRefused(int port) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                synchronized (this) {
                    wait(20);
                }
            } catch (ConnectException e) {
                return;
            }
        }
        throw new AssertionError("port " + port + " still accepts connections 5 s after deactivate");
    }

    @Test
    void anExistingFileWins() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config").resolve(PID + ".cfg"), "auth_url=http://keystone:5000/v3\n");
        ConfigurationAdmin cm = mock(ConfigurationAdmin.class);
        DemoSimulatorComponent c = demo(cm, Map.of("ceilometer.demo", "true"), Map.of());
        assertNotNull(c.simulator(), "the simulator runs all the same");
        c.deactivate();
        verify(cm, never()).getConfiguration(anyString(), anyString());
    }

    @Test
    void openStackEnvironmentWins() throws Exception {
        for (String variable : new String[] {"OS_AUTH_URL", "OS_CLOUD"}) {
            ConfigurationAdmin cm = mock(ConfigurationAdmin.class);
            DemoSimulatorComponent c = demo(cm, Map.of("ceilometer.demo", "true"), Map.of(variable, "x"));
            c.deactivate();
            verify(cm, never()).getConfiguration(anyString(), anyString());
        }
    }

    @Test
    void anOperatorsConfigurationIsNotOverwritten() throws Exception {
        ConfigurationAdmin cm = mock(ConfigurationAdmin.class);
        Configuration theirs = mock(Configuration.class);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("auth_url", "http://keystone:5000/v3");
        when(theirs.getProperties()).thenReturn(props);
        when(cm.listConfigurations(anyString())).thenReturn(new Configuration[] {theirs});
        DemoSimulatorComponent c = demo(cm, Map.of("ceilometer.demo", "true"), Map.of());
        c.deactivate();
        verify(cm, never()).getConfiguration(anyString(), anyString());
        verify(theirs, never()).update(any());
        verify(theirs, never()).delete();
    }

    @Test
    void ourConfigurationFromAnEarlierRunIsRewritten() throws Exception {
        ConfigurationAdmin cm = mock(ConfigurationAdmin.class);
        Configuration old = mock(Configuration.class);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("auth_url", "http://127.0.0.1:1/identity/v3");
        props.put(DemoSimulatorComponent.MARKER, "true");
        when(old.getProperties()).thenReturn(props);
        when(cm.listConfigurations(anyString())).thenReturn(new Configuration[] {old});
        when(cm.getConfiguration(eq(PID), eq("?"))).thenReturn(old);
        DemoSimulatorComponent c = demo(cm, Map.of("ceilometer.demo", "true"), Map.of());
        verify(old).update(any());
        c.deactivate();
    }
}
