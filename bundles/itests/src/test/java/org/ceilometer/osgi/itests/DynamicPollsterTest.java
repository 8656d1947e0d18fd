package org.ceilometer.osgi.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.Sample;
import org.junit.jupiter.api.Test;

/**
 * A YAML pollster dropped into deploy/ of a running agent (FileInstall hands it to the dynamic pollster
 * bundle) is polled from the next cycle; an edit changes it; removing the file removes it.
 */
class DynamicPollsterTest {
    private static final String METER = "dynamic.itest.image.size";

    private static String definition(String unit) {
        return "---\n"
                + "- name: \"" + METER + "\"\n"
                + "  sample_type: \"gauge\"\n"
                + "  unit: \"" + unit + "\"\n"
                + "  value_attribute: \"size\"\n"
                + "  endpoint_type: \"image\"\n"
                + "  url_path: \"v2/images?limit=1000\"\n"
                + "  response_entries_key: \"images\"\n"
                + "  project_id_attribute: \"owner\"\n"
                + "  metadata_fields:\n"
                + "    - \"name\"\n"
                + "    - \"status\"\n";
    }

    /** Writes next to deploy/ and moves it in, so FileInstall never reads half a file. */
    private static void deploy(Path deploy, String yaml) throws Exception {
        Path tmp = deploy.getParent().resolve("itest-dynamic.yaml.tmp");
        Files.writeString(tmp, yaml);
        Files.move(tmp, deploy.resolve("itest-dynamic.yaml"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static long withUnit(String unit) {
        return MemoryStore.of(METER).stream().map(Sample::unit).filter(unit::equals).count();
    }

    @Test
    void aYamlPollsterAppearsChangesAndDisappearsWhileTheAgentRuns() throws Exception {
        int port = ConfigEditTest.freePort();
        Itest.configure("ceilometer.simulator", Map.of("port", port, "images", 20, "projects", 3));
        Itest.configure(Namespaces.PID_SERVICE_CREDENTIALS, Map.of(
                "auth_url", "http://127.0.0.1:" + port + "/v3", "username", "admin", "password", "simulator-password",
                "project_name", "admin", "user_domain_name", "Default", "project_domain_name", "Default",
                "region_name", "RegionOne", "interface", "public"));
        Itest.configure(Namespaces.PID_DATABASE, Map.of("connection", "itest://"));
        Itest.writePolling("sources:\n  - name: dynamic\n    interval: 1\n    meters: ['dynamic.*']\n");
        Itest.awaitShell("the dynamic source", 15_000, () -> Itest.shell("ceilometer:sources").contains("dynamic.*"));
        Path deploy = Itest.home().resolve("deploy");
        Files.createDirectories(deploy);

        deploy(deploy, definition("B"));
        Itest.awaitShell("the YAML pollster registered", 20_000, () -> Itest.shell("ceilometer:pollsters")
                .contains("deploy/itest-dynamic.yaml#" + METER));
        Itest.await("its samples stored", 20_000, () -> withUnit("B") > 0);
        Sample s = MemoryStore.of(METER).get(0);
        assertEquals("gauge", s.type().wireName());
        assertTrue(s.resourceMetadata().containsKey("name") && s.resourceMetadata().containsKey("status"),
                s.resourceMetadata().toString());
        assertTrue(s.projectId() != null && !s.projectId().isEmpty());

        deploy(deploy, definition("byte"));
        Itest.await("samples of the edited definition", 20_000, () -> withUnit("byte") > 0);

        Files.delete(deploy.resolve("itest-dynamic.yaml"));
        Itest.awaitShell("the YAML pollster removed", 20_000,
                () -> !Itest.shell("ceilometer:pollsters").contains(METER));
        long cycles = Long.parseLong(Itest.status("cycles"));
        int stored = MemoryStore.of(METER).size();
        Itest.awaitShell("two more cycles", 15_000, () -> Long.parseLong(Itest.status("cycles")) >= cycles + 2);
        assertEquals(stored, MemoryStore.of(METER).size(), "no sample after the file was removed");
        Itest.writePolling("sources:\n  - name: idle\n    interval: 3600\n    meters: ['!*']\n");
    }
}
