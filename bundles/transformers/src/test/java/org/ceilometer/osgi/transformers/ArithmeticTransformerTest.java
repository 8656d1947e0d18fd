package org.ceilometer.osgi.transformers;

import static org.ceilometer.osgi.transformers.Samples.at;
import static org.ceilometer.osgi.transformers.Samples.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.Transformer;
import org.junit.jupiter.api.Test;

class ArithmeticTransformerTest {
    /** The memory_util example of Ceilometer's documentation. */
    static final Map<String, Object> MEMORY_UTIL = map("target", map("name", "memory_util", "unit", "%",
            "type", "gauge", "expr", "100 * $(memory.usage) / $(memory)"));

    private static Transformer make(Map<String, Object> params) {
        return new ArithmeticFactory().create(params);
    }

    @Test
    void memoryUtil() throws Exception {
        Transformer t = make(MEMORY_UTIL);
        Sample memory = at(Samples.of("memory", MeterType.GAUGE, "MB", 512).resourceMetadata(map("host", "h1")), 0);
        Sample usage = at(Samples.of("memory.usage", MeterType.GAUGE, "MB", 128), 5);
        assertNull(t.handleSample(memory));
        assertNull(t.handleSample(usage));
        List<Sample> out = t.flush();
        assertEquals(1, out.size());
        Sample util = out.get(0);
        // 100 * 128 / 512 = 25.0
        assertEquals(25.0, util.volume());
        assertEquals("memory_util", util.name());
        assertEquals("%", util.unit());
        assertEquals(MeterType.GAUGE, util.type());
        assertEquals("r1", util.resourceId());
        assertEquals(Samples.T0.plusSeconds(5), util.timestamp(), "the last sample taken in");
        assertEquals(Map.of(), util.resourceMetadata(), "the reference meter is memory.usage, first in expr");
        assertEquals(List.of(), t.flush(), "the cache is emptied by a flush");
    }

    @Test
    void fieldAccessOnAMeter() throws Exception {
        Transformer t = make(map("target", map("name", "ram_used_ratio",
                "expr", "$(memory.usage) / $(memory).resource_metadata.memory_mb")));
        t.handleSample(Samples.of("memory", MeterType.GAUGE, "MB", 0).resourceMetadata(map("memory_mb", 256L)).build());
        t.handleSample(Samples.of("memory.usage", MeterType.GAUGE, "MB", 64).build());
        Sample out = t.flush().get(0);
        assertEquals(0.25, out.volume());
        assertEquals("MB", out.unit(), "unit defaults to the reference meter's");
    }

    @Test
    void perResourceAndOnlyWhenComplete() throws Exception {
        Transformer t = make(MEMORY_UTIL);
        t.handleSample(Samples.of("memory", MeterType.GAUGE, "MB", 100).resourceId("a").build());
        t.handleSample(Samples.of("memory.usage", MeterType.GAUGE, "MB", 50).resourceId("a").build());
        t.handleSample(Samples.of("memory", MeterType.GAUGE, "MB", 100).resourceId("b").build());
        t.handleSample(Samples.of("memory", MeterType.GAUGE, "MB", 200).resourceId("a").build());
        List<Sample> out = t.flush();
        assertEquals(1, out.size(), "resource b lacks memory.usage");
        assertEquals("a", out.get(0).resourceId());
        assertEquals(25.0, out.get(0).volume(), "the latest memory of a: 100 * 50 / 200");
    }

    @Test
    void swallowsEverySampleAsJuno() throws Exception {
        Transformer t = make(MEMORY_UTIL);
        assertNull(t.handleSample(Samples.of("cpu", MeterType.CUMULATIVE, "ns", 1).build()));
        assertEquals(List.of(), t.flush());
    }

    @Test
    void failingExpressionsAreSkipped() throws Exception {
        Transformer t = make(MEMORY_UTIL);
        t.handleSample(Samples.of("memory", MeterType.GAUGE, "MB", 0).build());
        t.handleSample(Samples.of("memory.usage", MeterType.GAUGE, "MB", 5).build());
        assertEquals(List.of(), t.flush(), "division by zero");
        Transformer nan = make(map("target", map("expr", "$(a) * 0 + float('nan')")));
        nan.handleSample(Samples.of("a", MeterType.GAUGE, "B", 1).build());
        assertEquals(List.of(), nan.flush(), "NaN");
    }

    @Test
    void badParameters() {
        assertMessage(map("target", map("expr", "1 + 2")), "'target.expr'");
        assertMessage(map("target", map("name", "x")), "'target.expr'");
        assertMessage(map("target", map("expr", "$(a) +")), "'target.expr'");
        assertMessage(map("target", map("expr", "$(a)", "type", "rate")), "'target.type'");
        assertMessage(map("expr", "$(a)"), "'expr'");
    }

    private static void assertMessage(Map<String, Object> params, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> make(params));
        assertTrue(e.getMessage().startsWith("arithmetic: ") && e.getMessage().contains(expected), e.getMessage());
    }
}
