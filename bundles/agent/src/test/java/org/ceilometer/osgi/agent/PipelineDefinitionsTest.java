package org.ceilometer.osgi.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineDefinitionsTest {

    private static PipelineDefinitions parse(String yaml) throws PollingDefinitionException {
        return PipelineDefinitions.parse("pipeline.yaml", new StringReader(yaml));
    }

    private static String error(String yaml) {
        return assertThrows(PollingDefinitionException.class, () -> parse(yaml)).getMessage();
    }

    static String resource(String name) throws Exception {
        try (InputStream in = PipelineDefinitionsTest.class.getResourceAsStream("/pipeline/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> names(PipelineDefinitions d) {
        return d.pipelines().stream().map(PipelineDefinitions.PipelineDef::name).toList();
    }

    /** etc/ceilometer/pipeline.yaml of openstack/ceilometer at juno-eol, unchanged. */
    @Test
    void readsThePipelineYamlJunoShipped() throws Exception {
        PipelineDefinitions d = PipelineDefinitions.parse("juno-pipeline.yaml",
                new StringReader(resource("juno-pipeline.yaml")));
        assertEquals(List.of("meter_source:meter_sink", "cpu_source:cpu_sink", "disk_source:disk_sink",
                "network_source:network_sink"), names(d));
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
        PipelineDefinitions.SinkDef cpu = d.pipelines().get(1).sink();
        assertEquals(List.of("notifier://"), cpu.publishers());
        PipelineDefinitions.TransformerDef rate = cpu.transformers().get(0);
        assertEquals("rate_of_change", rate.name());
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) rate.parameters().get("target");
        assertEquals("100.0 / (10**9 * (resource_metadata.cpu_number or 1))", target.get("scale"));
        @SuppressWarnings("unchecked")
        Map<String, Object> mapFrom = (Map<String, Object>) ((Map<String, Object>) d.pipelines().get(2).sink()
                .transformers().get(0).parameters().get("source")).get("map_from");
        assertEquals("disk\\.(read|write)\\.(bytes|requests)", mapFrom.get("name"), "YAML escapes read as Python");
        assertTrue(d.pipelines().get(0).sink().transformers().isEmpty(), "'transformers:' with no value is none");
        assertTrue(d.pipelines().get(3).source().meters().matches("network.incoming.bytes"));
        assertFalse(d.pipelines().get(3).source().meters().matches("cpu"));
    }

    /** etc/ceilometer/pipeline.yaml of openstack/ceilometer at havana-eol, unchanged. */
    @Test
    void readsTheHavanaListWithADeprecationWarning() throws Exception {
        PipelineDefinitions d = PipelineDefinitions.parse("havana-pipeline.yaml",
                new StringReader(resource("havana-pipeline.yaml")));
        assertEquals(List.of("meter_pipeline", "cpu_pipeline"), names(d));
        assertTrue(d.warnings().get(0).contains("deprecated"), d.warnings().toString());
        assertEquals("cpu_pipeline", d.pipelines().get(1).sink().name());
        assertEquals(List.of("rpc://"), d.pipelines().get(1).sink().publishers());
        assertEquals("rate_of_change", d.pipelines().get(1).sink().transformers().get(0).name());
    }

    @Test
    void aSourceFeedsEachOfItsSinksAndPipelinesAreNamedAsInCeilometer() throws Exception {
        PipelineDefinitions d = parse("sources:\n"
                + "  - name: s\n    meters: ['*']\n    sinks: [a, b]\n"
                + "  - name: b\n    meters: ['!cpu']\n    sinks: [b]\n"
                + "sinks:\n"
                + "  - name: a\n    publishers: [test]\n"
                + "  - name: b\n    transformers:\n      - name: accumulator\n        parameters: {size: 3}\n"
                + "    publishers: ['udp://localhost?policy=queue&max_queue_length=5', 'file:///tmp/x']\n");
        assertEquals(List.of("s:a", "s:b", "b"), names(d));
        assertEquals(List.of("test://"), d.sinks().get(0).publishers(), "a publisher without :// gets it");
        assertEquals(Map.of("size", 3), d.sinks().get(1).transformers().get(0).parameters());
        assertEquals(List.of(15, 15), d.sinks().get(1).publisherLines());
        assertEquals(13, d.sinks().get(1).transformers().get(0).line());
        assertTrue(d.pipelines().get(2).source().meters().matches("disk"));
    }

    @Test
    void pollingEntriesAreCheckedButOptional() throws Exception {
        PipelineDefinitions d = parse("sources:\n  - name: s\n    interval: 60\n    resources: [r]\n"
                + "    discovery: ['endpoint:image']\n    meters: ['*']\n    sinks: [k]\n"
                + "sinks:\n  - name: k\n    publishers: ['database://']\n");
        assertEquals(1, d.pipelines().size());
    }

    @Test
    void errorsNameFileLineEntryAndRule() {
        String sinks = "sinks:\n  - name: k\n    publishers: ['database://']\n";
        assertEquals("pipeline.yaml:2: source 's': Dangling sink nowhere from source s",
                error("sources:\n  - name: s\n    meters: ['*']\n    sinks: [nowhere]\n" + sinks));
        assertEquals("pipeline.yaml:3: source 's': Included meters specified with wildcard",
                error("sources:\n  - name: s\n    meters: ['*', cpu]\n    sinks: [k]\n" + sinks));
        assertEquals("pipeline.yaml:3: source 's': Both included and excluded meters specified",
                error("sources:\n  - name: s\n    meters: [cpu, '!cpu']\n    sinks: [k]\n" + sinks));
        assertEquals("pipeline.yaml:3: source 's': No meters specified",
                error("sources:\n  - name: s\n    meters: []\n    sinks: [k]\n" + sinks));
        assertEquals("pipeline.yaml:2: source 's': No meters specified",
                error("sources:\n  - name: s\n    sinks: [k]\n" + sinks));
        assertEquals("pipeline.yaml:3: source 's': Invalid interval value 'often'",
                error("sources:\n  - name: s\n    interval: often\n    meters: ['*']\n    sinks: [k]\n" + sinks));
        assertEquals("pipeline.yaml:3: source 's': Interval value should > 0",
                error("sources:\n  - name: s\n    interval: -5\n    meters: ['*']\n    sinks: [k]\n" + sinks));
        assertEquals("pipeline.yaml:2: source 's': No sink defined in source s",
                error("sources:\n  - name: s\n    meters: ['*']\n" + sinks));
        assertEquals("pipeline.yaml:1: the file: Both sources & sinks are required",
                error("sources:\n  - name: s\n    meters: ['*']\n    sinks: [k]\n"));
        assertEquals("pipeline.yaml:6: sink 'k': No publisher specified",
                error("sources:\n  - name: s\n    meters: ['*']\n    sinks: [k]\nsinks:\n  - name: k\n"
                        + "    transformers:\n"));
        assertEquals("pipeline.yaml:8: sink 'k': Duplicated sink names: k",
                error("sources:\n  - name: s\n    meters: ['*']\n    sinks: [k]\n" + sinks + sinks.substring(7)));
        assertEquals("pipeline.yaml:5: source 's': Duplicated source names: s",
                error("sources:\n  - name: s\n    meters: ['*']\n    sinks: [k]\n"
                        + "  - name: s\n    meters: ['*']\n    sinks: [k]\n" + sinks));
        assertEquals("pipeline.yaml:2: source #1: Required field name not specified",
                error("sources:\n  - meters: ['*']\n    sinks: [k]\n" + sinks));
        assertEquals("pipeline.yaml:5: source 's': Resources should be a list",
                error("sources:\n  - name: s\n    meters: ['*']\n    sinks: [k]\n    resources: r\n" + sinks));
        assertEquals("pipeline.yaml:8: sink 'k': publisher udp://h?max_queue_length=many: option "
                + "'max_queue_length' must be a whole number, not 'many'",
                error("sources:\n  - name: s\n    meters: ['*']\n    sinks: [k]\nsinks:\n  - name: k\n"
                        + "    publishers:\n      - udp://h?max_queue_length=many\n"));
        assertEquals("pipeline.yaml:8: sink 'k' transformer: Required field name not specified",
                error("sources:\n  - name: s\n    meters: ['*']\n    sinks: [k]\nsinks:\n  - name: k\n"
                        + "    transformers:\n      - parameters: {}\n    publishers: [test://]\n"));
        assertTrue(error("sources: [\n").startsWith("pipeline.yaml:"));
        assertTrue(error("").contains("empty"));
        assertEquals("pipeline.yaml:2: pipeline #1: Required field name not specified",
                error("-\n  meters: ['*']\n  publishers: ['rpc://']\n"));
    }

    @Test
    void yamlTagsConstructNothing() {
        String e = error("sources: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader []]\nsinks: []\n");
        assertTrue(e.startsWith("pipeline.yaml:1:"), e);
    }

    @Test
    void theDefaultSendsEveryMeterToStorage() {
        PipelineDefinitions d = PipelineDefinitions.defaults();
        assertEquals(1, d.pipelines().size());
        assertEquals(List.of("database://"), d.pipelines().get(0).sink().publishers());
        assertTrue(d.pipelines().get(0).source().meters().matches("anything.at.all"));
    }
}
