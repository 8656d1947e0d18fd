package org.ceilometer.osgi.transformers;

import static org.ceilometer.osgi.transformers.Samples.at;
import static org.ceilometer.osgi.transformers.Samples.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.junit.jupiter.api.Test;

class RateOfChangeTransformerTest {
    /** Ceilometer's cpu_sink (etc/ceilometer/pipeline.yaml at juno-eol). */
    static final Map<String, Object> CPU_UTIL = map("target", map("name", "cpu_util", "unit", "%", "type", "gauge",
            "scale", "100.0 / (10**9 * (resource_metadata.cpu_number or 1))"));

    private static RateOfChangeTransformer make(Map<String, Object> params) {
        return (RateOfChangeTransformer) new RateOfChangeFactory().create(params);
    }

    @Test
    void cpuUtilOfCeilometersPipeline() {
        RateOfChangeTransformer t = make(CPU_UTIL);
        Sample.Builder cpu = Samples.of("cpu", MeterType.CUMULATIVE, "ns", 0)
                .resourceMetadata(map("cpu_number", 2L));
        // 10 s of CPU time at t=0, 70 s at t=60: 60e9 ns in 60 s = 1e9 ns/s = one of two CPUs busy = 50 %
        assertNull(t.handleSample(at(cpu.volume(10_000_000_000L), 0)), "the first sample has no predecessor");
        Sample util = t.handleSample(at(cpu.volume(70_000_000_000L), 60));
        assertEquals("cpu_util", util.name());
        assertEquals("%", util.unit());
        assertEquals(MeterType.GAUGE, util.type());
        assertEquals(50.0, (Double) util.volume(), 1e-9);
        assertEquals(Samples.T0.plusSeconds(60), util.timestamp());
        assertEquals(Map.of("cpu_number", 2L), util.resourceMetadata());

        // no cpu_number: 'or 1' gives one CPU; 15e9 ns in 30 s = 0.5e9 ns/s = 50 % of one CPU
        RateOfChangeTransformer single = make(CPU_UTIL);
        Sample.Builder cpu1 = Samples.of("cpu", MeterType.CUMULATIVE, "ns", 0);
        single.handleSample(at(cpu1.volume(0L), 0));
        assertEquals(50.0, (Double) single.handleSample(at(cpu1.volume(15_000_000_000L), 30)).volume(), 1e-9);
    }

    @Test
    void cumulativeResetUsesTheNewVolume() {
        RateOfChangeTransformer t = make(map());
        Sample.Builder b = Samples.of("net", MeterType.CUMULATIVE, "B", 0);
        t.handleSample(at(b.volume(100), 0));
        // went down from 100 to 40 in 10 s: a reset, so 40 B grew in 10 s = 4.0 B/s
        assertEquals(4.0, t.handleSample(at(b.volume(40), 10)).volume());
        // the reset sample is the new predecessor: 40 -> 100 in 20 s = 3.0 B/s
        assertEquals(3.0, t.handleSample(at(b.volume(100), 30)).volume());
    }

    @Test
    void gaugeMayGoDown() {
        RateOfChangeTransformer t = make(map());
        Sample.Builder b = Samples.of("level", MeterType.GAUGE, "B", 0);
        t.handleSample(at(b.volume(100), 0));
        assertEquals(-6.0, t.handleSample(at(b.volume(40), 10)).volume());
    }

    @Test
    void zeroTimeDeltaGivesZero() {
        RateOfChangeTransformer t = make(map());
        Sample.Builder b = Samples.of("c", MeterType.CUMULATIVE, "B", 0);
        t.handleSample(at(b.volume(1), 5));
        assertEquals(0.0, t.handleSample(at(b.volume(99), 5)).volume());
    }

    @Test
    void predecessorsArePerMeterAndResource() {
        RateOfChangeTransformer t = make(map());
        Sample.Builder a = Samples.of("c", MeterType.CUMULATIVE, "B", 0).resourceId("a");
        Sample.Builder b = Samples.of("c", MeterType.CUMULATIVE, "B", 0).resourceId("b");
        assertNull(t.handleSample(at(a.volume(0), 0)));
        assertNull(t.handleSample(at(b.volume(0), 0)), "another resource has no predecessor yet");
        assertEquals(1.0, t.handleSample(at(a.volume(10), 10)).volume());
        assertEquals(2.0, t.handleSample(at(b.volume(20), 10)).volume());
        assertEquals(2, t.cached());
    }

    @Test
    void diskRatesOfCeilometersPipeline() {
        RateOfChangeTransformer t = make(map(
                "source", map("map_from", map("name", "disk\\.(read|write)\\.(bytes|requests)", "unit", "(B|request)")),
                "target", map("map_to", map("name", "disk.\\1.\\2.rate", "unit", "\\1/s"), "type", "gauge")));
        Sample.Builder b = Samples.of("disk.read.bytes", MeterType.CUMULATIVE, "B", 0);
        t.handleSample(at(b.volume(1000), 0));
        Sample rate = t.handleSample(at(b.volume(7000), 600));
        assertEquals("disk.read.bytes.rate", rate.name());
        assertEquals("B/s", rate.unit());
        assertEquals(MeterType.GAUGE, rate.type());
        assertEquals(10.0, rate.volume());
    }

    @Test
    void numericScaleMultipliesTheVolumeAsInJuno() {
        // Juno's _scale gives volume * scale, then times the rate: 20 * 2 * (10 / 10 s) = 40.0
        RateOfChangeTransformer t = make(map("target", map("scale", 2)));
        Sample.Builder b = Samples.of("c", MeterType.CUMULATIVE, "B", 0);
        t.handleSample(at(b.volume(10), 0));
        assertEquals(40.0, t.handleSample(at(b.volume(20), 10)).volume());
    }

    @Test
    void badParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> make(map("target", map("scale", "10 ** "))));
        assertTrue(e.getMessage().startsWith("rate_of_change: parameter 'target.scale'"), e.getMessage());
    }
}
