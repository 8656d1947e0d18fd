package org.ceilometer.osgi.transformers;

import static org.ceilometer.osgi.transformers.Samples.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.junit.jupiter.api.Test;

class UnitConversionTransformerTest {

    private static UnitConversionTransformer make(Map<String, Object> params) {
        return (UnitConversionTransformer) new UnitConversionFactory().create(params);
    }

    @Test
    void numericScaleMultiplies() {
        // disk.kilobytes -> bytes-like conversion: 2048 KB * 1024 = 2097152 B
        UnitConversionTransformer t = make(map("source", map("unit", "KB"),
                "target", map("name", "disk.usage.bytes", "unit", "B", "scale", 1024)));
        Sample in = Samples.of("disk.usage", MeterType.GAUGE, "KB", 2048).build();
        Sample out = t.handleSample(in);
        assertEquals("disk.usage.bytes", out.name());
        assertEquals("B", out.unit());
        assertEquals(2_097_152L, out.volume());
        assertEquals(MeterType.GAUGE, out.type());
        assertEquals(in.resourceId(), out.resourceId());
        assertEquals(in.timestamp(), out.timestamp());
        assertEquals(in.projectId(), out.projectId());
        assertNotEquals(in.id(), out.id(), "a converted sample is a new message");
    }

    @Test
    void expressionScaleIsTheNewVolume() {
        // Juno's etc pipeline: "volume * 1.0 / 1024.0" turns 3072 KB into 3.0 MB
        UnitConversionTransformer t = make(map("target", map("unit", "MB", "scale", "volume * 1.0 / 1024.0")));
        Sample out = t.handleSample(Samples.of("memory", MeterType.GAUGE, "KB", 3072).build());
        assertEquals(3.0, out.volume());
        assertEquals("MB", out.unit());
        assertEquals("memory", out.name());
        // a string scale that does not mention volume is the volume itself, as in Juno
        Sample constant = make(map("target", map("scale", "8"))).handleSample(
                Samples.of("x", MeterType.GAUGE, "B", 100).build());
        assertEquals(8L, constant.volume());
    }

    @Test
    void expressionReadsMetadata() {
        UnitConversionTransformer t = make(map("target", map("scale",
                "volume * 100.0 / resource_metadata.total if resource_metadata.total else 0")));
        Sample in = Samples.of("used", MeterType.GAUGE, "B", 25).resourceMetadata(map("total", 200L)).build();
        assertEquals(12.5, t.handleSample(in).volume());
        Sample noTotal = Samples.of("used", MeterType.GAUGE, "B", 25).build();
        assertEquals(0L, t.handleSample(noTotal).volume());
    }

    @Test
    void otherUnitsPassUnchanged() {
        UnitConversionTransformer t = make(map("source", map("unit", "KB"), "target", map("scale", 1024)));
        Sample in = Samples.of("x", MeterType.GAUGE, "MB", 1).build();
        assertSame(in, t.handleSample(in));
    }

    @Test
    void noScaleKeepsTheVolume() {
        UnitConversionTransformer t = make(map("target", map("name", "renamed", "type", "delta")));
        Sample out = t.handleSample(Samples.of("x", MeterType.CUMULATIVE, "B", 7).build());
        assertEquals(7L, out.volume());
        assertEquals("renamed", out.name());
        assertEquals(MeterType.DELTA, out.type());
    }

    @Test
    void mapFromMapToRegexes() {
        // Juno's disk_sink names, used here without a rate
        UnitConversionTransformer t = make(map(
                "source", map("map_from", map("name", "disk\\.(read|write)\\.(bytes|requests)", "unit", "(B|request)")),
                "target", map("map_to", map("name", "disk.\\1.\\2.rate", "unit", "\\1/s"), "type", "gauge")));
        Sample out = t.handleSample(Samples.of("disk.write.requests", MeterType.CUMULATIVE, "request", 5).build());
        assertEquals("disk.write.requests.rate", out.name());
        assertEquals("request/s", out.unit());
        assertEquals(MeterType.GAUGE, out.type());
        // no match leaves the name as it is (re.sub returns the input)
        Sample other = t.handleSample(Samples.of("cpu", MeterType.CUMULATIVE, "ns", 5).build());
        assertEquals("cpu", other.name());
        assertEquals("ns", other.unit());
    }

    @Test
    void namedGroupsAndGTemplates() {
        UnitConversionTransformer t = make(map(
                "source", map("map_from", map("name", "(?P<dev>[a-z]+)\\.bytes")),
                "target", map("map_to", map("name", "\\g<dev>.bits"), "scale", 8)));
        Sample out = t.handleSample(Samples.of("eth.bytes", MeterType.GAUGE, "B", 2).build());
        assertEquals("eth.bits", out.name());
        assertEquals(16L, out.volume());
    }

    @Test
    void evaluationErrorsDropTheSample() {
        UnitConversionTransformer t = make(map("target", map("scale", "volume / resource_metadata.zero")));
        Sample in = Samples.of("x", MeterType.GAUGE, "B", 1).resourceMetadata(map("zero", 0L)).build();
        assertThrows(RuntimeException.class, () -> t.handleSample(in));
    }

    @Test
    void badParametersAreNamed() {
        assertMessage(map("target", map("scale", "1 +")), "'target.scale'");
        assertMessage(map("target", map("scale", true)), "'target.scale'");
        assertMessage(map("target", map("type", "counter")), "'target.type'");
        assertMessage(map("target", "x"), "'target'");
        assertMessage(map("target", map("sacle", 2)), "'target.sacle'");
        assertMessage(map("size", 2), "'size'");
        assertMessage(map("source", map("map_from", map("name", "(")), "target", map("map_to", map("name", "x"))),
                "'source.map_from.name'");
        assertMessage(map("source", map("map_from", map("name", "(a)")), "target", map("map_to", map("name", "\\2"))),
                "'source.map_from.name'");
        assertMessage(map("target", map("scale", "$(cpu)")), "'target.scale'");
        assertMessage(map("target", map("scale", "__import__('os')")), "'target.scale'");
    }

    private static void assertMessage(Map<String, Object> params, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> make(params));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("unit_conversion: "), e.getMessage());
    }
}
