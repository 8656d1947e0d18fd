package org.ceilometer.osgi.pollster.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.testsupport.FakeOpenStackClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.ceilometer.osgi.testsupport.PollRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The YAML examples of Ceilometer's telemetry-dynamic-pollster.rst, kept verbatim under
 * src/test/resources/doc-examples (see the README there), load unchanged; those master itself would
 * refuse, or that run code, are refused with the field named.
 */
class DocExamplesTest {
    final FakeOpenStackClient os = new FakeOpenStackClient().projectId("service-project");
    final FakePollContext ctx = Defs.cycle(os);

    @AfterEach
    void close() throws InterruptedException {
        ctx.close();
    }

    static DefinitionFile load(String name) throws IOException {
        try (InputStream in = DocExamplesTest.class.getResourceAsStream("/doc-examples/" + name)) {
            return DefinitionFile.parse(name, new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theOpenStackAndNonOpenStackExamplesLoadUnchanged() throws IOException {
        Map<String, List<String>> expected = Map.of(
                "magnum-cluster.yaml", List.of("dynamic.magnum.cluster"),
                "vpn-connection.yaml", List.of("dynamic.network.services.vpn.connection"),
                "radosgw-api-request.yaml", List.of("dynamic.radosgw.api.request"),
                "radosgw-successful-ops.yaml", List.of("dynamic.radosgw.api.request.successful_ops"),
                "radosgw-operations.yaml", List.of("dynamic.radosgw.api.request.successful_ops"),
                "radosgw-multi-metric.yaml", List.of("dynamic.radosgw.api.request.{category}",
                        "dynamic.radosgw.api.request.successful_ops.{category}", "dynamic.radosgw.api.bytes_sent.{category}",
                        "dynamic.radosgw.api.bytes_received.{category}"));
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            DefinitionFile f = load(e.getKey());
            assertEquals(List.of(), f.errors(), e.getKey());
            assertEquals(e.getValue(), Defs.names(f), e.getKey());
        }
        PollsterDefinition multi = load("radosgw-multi-metric.yaml").loaded().get(0).definition();
        assertEquals("barbican:", multi.defaultDiscovery());
        assertEquals(Authenticator.S3_AUTH, multi.authenticator);
    }

    /** The Magnum example polled against a canned cluster list. */
    @Test
    void theMagnumExamplePolls() throws IOException {
        PollsterDefinition d = load("magnum-cluster.yaml").loaded().get(0).definition();
        assertEquals("endpoint:container-infra", d.defaultDiscovery());
        os.respond("http://magnum.test:9511/v1/clusters/detail", """
                {"clusters": [
                  {"id": "c1", "uuid": "c1", "project_id": "p", "user_id": "u", "status": "CREATE_COMPLETE",
                   "name": "k8s", "node_count": 3, "master_count": 1, "labels": {"a": "b"}, "keypair": "kp"},
                  {"id": "c2", "status": "SOMETHING_NEW", "name": "other"}]}
                """);
        PollRun run = ctx.poll(new DynamicPollster(d, "magnum-cluster.yaml#dynamic.magnum.cluster",
                Clock.systemUTC()), "http://magnum.test:9511/");
        assertNull(run.error(), () -> String.valueOf(run.error()));
        Sample s = run.samples().get(0);
        assertEquals(2L, s.volume(), "CREATE_COMPLETE maps to \"2\"");
        assertEquals(-1L, run.samples().get(1).volume(), "an unmapped status takes master's default_value, -1");
        assertEquals("cluster", s.unit());
        assertEquals(18, s.resourceMetadata().size());
        assertEquals(3L, s.resourceMetadata().get("node_count"));
        assertEquals(Map.of("a", "b"), s.resourceMetadata().get("labels"));
        assertTrue(s.resourceMetadata().containsKey("discovery_url"));
        assertNull(s.resourceMetadata().get("discovery_url"));
    }

    /** The VPN example: ACTIVE is 1, anything else its default_value 0; name also becomes display_name. */
    @Test
    void theVpnExamplePolls() throws IOException {
        PollsterDefinition d = load("vpn-connection.yaml").loaded().get(0).definition();
        os.respond("http://neutron.test:9696/v2.0/vpn/ipsec-site-connections", """
                {"ipsec_site_connections": [
                  {"id": "v1", "name": "to-dc", "status": "ACTIVE", "vpnservice_id": "s", "description": "",
                   "peer_address": "192.0.2.1", "tenant_id": "t", "project_id": "t"},
                  {"id": "v2", "name": "broken", "status": "ERROR", "vpnservice_id": "s", "description": "d",
                   "peer_address": "192.0.2.2", "project_id": "t"}]}
                """);
        PollRun run = ctx.poll(new DynamicPollster(d, "vpn", Clock.systemUTC()), "http://neutron.test:9696");
        assertNull(run.error(), () -> String.valueOf(run.error()));
        assertEquals(List.of(1L, 0L), run.volumes());
        assertEquals("to-dc", run.samples().get(0).resourceMetadata().get("display_name"));
        assertEquals("to-dc", run.samples().get(0).resourceMetadata().get("name"));
        assertEquals("t", run.samples().get(0).projectId());
    }

    /** Master requires endpoint_type for the OpenStack form; these two examples leave it out, and master refuses them too. */
    @Test
    void theLinkedResponseExamplesLackEndpointTypeAsInMaster() throws IOException {
        for (String name : List.of("linked-response-simple.yaml", "linked-response-complex.yaml")) {
            DefinitionFile f = load(name);
            assertEquals(List.of(name + ": definition 1 'dynamic.linked.response' (line 3): field 'endpoint_type': "
                    + "required field is missing"), f.errors());
        }
    }

    @Test
    void examplesThatRunCommandsAreRefusedNamingTheField() throws IOException {
        assertEquals(List.of("host-command.yaml: definition 1 'dynamic.host.command' (line 3): field 'host_command': "
                + "local host commands are not run here: a definition cannot run code"), load("host-command.yaml").errors());
        assertTrue(load("host-command-s3-pages.yaml").errors().get(0).contains("field 'host_command'"));
        DefinitionFile enrichment = load("instance-status-enrichment.yaml");
        assertEquals(List.of("instance-status-enrichment.yaml: definition 1 'dynamic_pollster.instance.status' (line 3): "
                + "field 'extra_metadata_fields[3].host_command': local host commands are not run here: a definition "
                + "cannot run code"), enrichment.errors());
    }
}
