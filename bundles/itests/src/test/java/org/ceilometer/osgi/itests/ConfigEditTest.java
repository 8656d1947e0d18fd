package org.ceilometer.osgi.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/** (b) Edits of the polling interval and of the credentials apply without a restart. */
class ConfigEditTest {

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static ServiceRegistration<Pollster> registerPollster(String meter) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Namespaces.NAMESPACE, Namespaces.POLL_CENTRAL);
        props.put(Namespaces.METER, meter);
        return Itest.context().registerService(Pollster.class, new Pollster() {
            @Override
            public String defaultDiscovery() {
                return null;
            }

            @Override
            public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) {
                for (Resource r : resources) {
                    sink.accept(Sample.builder().name(meter).type(MeterType.GAUGE).unit("u").volume(1)
                            .resourceId(r.id()).timestamp(context.timestamp()).build());
                }
            }
        }, props);
    }

    @Test
    void anEditOfTheIntervalAppliesWithoutRestart() throws Exception {
        Itest.configure(Namespaces.PID_DATABASE, Map.of("connection", "itest://"));
        ServiceRegistration<Pollster> reg = registerPollster("itest.interval");
        try {
            Itest.writePolling("sources:\n  - name: interval\n    interval: 1\n    meters: [itest.interval]\n"
                    + "    resources: [res]\n");
            Itest.awaitShell("the 1 s schedule", 15_000, () -> "[1] s".equals(Itest.status("schedules")));
            Itest.await("samples every second", 15_000, () -> MemoryStore.of("itest.interval").size() >= 2);
            Itest.writePolling("sources:\n  - name: interval\n    interval: 2\n    meters: [itest.interval]\n"
                    + "    resources: [res]\n");
            Itest.awaitShell("the 2 s schedule replaces it", 15_000, () -> "[2] s".equals(Itest.status("schedules")));
            int before = MemoryStore.of("itest.interval").size();
            Itest.await("samples on the new schedule", 15_000, () -> MemoryStore.of("itest.interval").size() > before);
            assertTrue(Itest.shell("ceilometer:sources").contains("2 s"));
        } finally {
            reg.unregister();
        }
    }

    @Test
    void thePollingFileNamedInTheConfigurationIsRead() throws Exception {
        java.nio.file.Path other = Itest.home().resolve("config/other-polling.yaml");
        java.nio.file.Files.writeString(other,
                "sources:\n  - name: from_other_file\n    interval: 3600\n    meters: ['!*']\n");
        Itest.configure(Namespaces.PID_POLLING, Map.of("cfg_file", "other-polling.yaml", "batch_size", 7));
        try {
            Itest.awaitShell("the other file's source", 15_000,
                    () -> Itest.shell("ceilometer:sources").contains("from_other_file"));
            assertTrue(Itest.shell("ceilometer:sources").contains("other-polling.yaml"));
        } finally {
            Itest.service(org.osgi.service.cm.ConfigurationAdmin.class)
                    .getConfiguration(Namespaces.PID_POLLING, "?").delete();
        }
        Itest.awaitShell("back to polling.yaml", 15_000,
                () -> !Itest.shell("ceilometer:sources").contains("from_other_file"));
    }

    @Test
    void anEditOfTheCredentialsAppliesWithoutRestart() throws Exception {
        int port = freePort();
        Itest.configure("ceilometer.simulator", Map.of("port", port, "images", 7, "projects", 3));
        Itest.configure(Namespaces.PID_DATABASE, Map.of("connection", "itest://"));
        Map<String, Object> creds = new java.util.HashMap<>(Map.of(
                "auth_url", "http://127.0.0.1:" + port + "/v3", "username", "admin", "password", "wrong-password",
                "project_name", "admin", "user_domain_name", "Default", "project_domain_name", "Default",
                "region_name", "RegionOne", "interface", "public"));
        Itest.configure(Namespaces.PID_SERVICE_CREDENTIALS, creds);
        Itest.writePolling("sources:\n  - name: images\n    interval: 3600\n    meters: [image, image.size]\n");
        Itest.awaitShell("the images source", 15_000, () -> Itest.shell("ceilometer:sources").contains("images"));
        Itest.awaitShell("the simulator listening", 15_000, () -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            }
        });
        ServiceReference<OpenStackClient> before = Itest.context().getServiceReference(OpenStackClient.class);
        int imagesBefore = MemoryStore.of("image").size();
        String out = Itest.shell("ceilometer:poll images");
        assertEquals(imagesBefore, MemoryStore.of("image").size(), "no image sample with a wrong password: " + out);
        String pollsters = Itest.shell("ceilometer:pollsters");
        assertTrue(!pollsters.contains("wrong-password"), "no password in the shell");

        creds.put("password", "simulator-password");
        Itest.configure(Namespaces.PID_SERVICE_CREDENTIALS, creds);
        Itest.await("image samples with the fixed password", 20_000,
                () -> MemoryStore.of("image").size() >= imagesBefore + 7);
        ServiceReference<OpenStackClient> after = Itest.context().getServiceReference(OpenStackClient.class);
        assertEquals(before.getProperty("service.id"), after.getProperty("service.id"),
                "the session service was not re-registered");
        for (String key : after.getPropertyKeys()) {
            assertTrue(!String.valueOf(after.getProperty(key)).contains("simulator-password"),
                    "no password in the service properties (" + key + ")");
        }
    }
}
