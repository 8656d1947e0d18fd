package org.ceilometer.osgi.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollingDefinitionsTest {

    private static PollingDefinitions parse(String yaml) throws PollingDefinitionException {
        return PollingDefinitions.parse("polling.yaml", new StringReader(yaml));
    }

    private static String error(String yaml) {
        return assertThrows(PollingDefinitionException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void readsOcataPollingYaml() throws Exception {
        PollingDefinitions d = parse("---\nsources:\n"
                + "  - name: some_pollsters\n    interval: 300\n    meters:\n      - image\n      - image.size\n"
                + "  - name: static\n    interval: 10\n    meters: ['*']\n    resources: [r1, r2]\n"
                + "    discovery: ['endpoint:image']\n");
        assertEquals(2, d.sources().size());
        PollingSource a = d.sources().get(0);
        assertEquals("some_pollsters", a.name());
        assertEquals(300, a.interval());
        assertTrue(a.polls("image.size"));
        PollingSource b = d.sources().get(1);
        assertEquals(List.of("r1", "r2"), b.resources());
        assertEquals(List.of("endpoint:image"), b.discovery());
        assertTrue(d.warnings().isEmpty());
    }

    @Test
    void readsTheSourcesOfAJunoPipelineYaml() throws Exception {
        PollingDefinitions d = parse("sources:\n  - name: meter_source\n    interval: 600\n    meters: ['*']\n"
                + "    sinks: [meter_sink]\nsinks:\n  - name: meter_sink\n    transformers:\n"
                + "    publishers: ['notifier://']\n");
        assertEquals("meter_source", d.sources().get(0).name());
    }

    @Test
    void readsTheHavanaListWithADeprecationWarning() throws Exception {
        PollingDefinitions d = parse("- name: meter_pipeline\n  interval: 600\n  counters: ['*']\n"
                + "  transformers:\n  publishers: ['rpc://']\n");
        assertEquals(600, d.sources().get(0).interval());
        assertTrue(d.warnings().get(0).contains("deprecated"), d.warnings().toString());
    }

    @Test
    void errorsNameFileLineEntryAndRule() {
        assertEquals("polling.yaml:4: source 'a': Interval value should > 0",
                error("sources:\n  - name: a\n    meters: ['*']\n    interval: 0\n"));
        assertEquals("polling.yaml:3: source 'a': Invalid interval value 'soon'",
                error("sources:\n  - name: a\n    interval: soon\n    meters: ['*']\n"));
        assertEquals("polling.yaml:4: source 'a': Included meters specified with wildcard",
                error("sources:\n  - name: a\n    interval: 5\n    meters: ['*', image]\n"));
        assertEquals("polling.yaml:4: source 'a': Both included and excluded meters specified",
                error("sources:\n  - name: a\n    interval: 5\n    meters: [image, '!image.size']\n"));
        assertEquals("polling.yaml:4: source 'a': No meters specified",
                error("sources:\n  - name: a\n    interval: 5\n    meters: []\n"));
        assertEquals("polling.yaml:2: source #1: Required field name not specified",
                error("sources:\n  - interval: 5\n    meters: ['*']\n"));
        assertEquals("polling.yaml:5: source 'a': Resources should be a list",
                error("sources:\n  - name: a\n    interval: 5\n    meters: ['*']\n    resources: r1\n"));
        assertTrue(error("sources:\n  - name: a\n    interval: 5\n    meters: ['*']\n"
                + "  - name: a\n    interval: 6\n    meters: ['*']\n").contains("Duplicated source names: a"));
        assertTrue(error("sources: [\n").startsWith("polling.yaml:"));
        assertTrue(error("").contains("empty"));
    }

    @Test
    void yamlTagsConstructNothing() throws Exception {
        String e = error("sources: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader []]\n");
        assertTrue(e.startsWith("polling.yaml:1:"), e);
    }
}
