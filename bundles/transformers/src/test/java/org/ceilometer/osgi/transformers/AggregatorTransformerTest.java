package org.ceilometer.osgi.transformers;

import static org.ceilometer.osgi.transformers.Samples.at;
import static org.ceilometer.osgi.transformers.Samples.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.junit.jupiter.api.Test;

class AggregatorTransformerTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Samples.T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static AggregatorTransformer make(Map<String, Object> params) {
        return new AggregatorTransformer(params, Clock.systemUTC());
    }

    @Test
    void gaugesAreAveragedDeltasSummedCumulativesLast() {
        AggregatorTransformer t = make(map("size", 6));
        Sample.Builder g = Samples.of("g", MeterType.GAUGE, "B", 0);
        Sample.Builder d = Samples.of("d", MeterType.DELTA, "B", 0);
        Sample.Builder c = Samples.of("c", MeterType.CUMULATIVE, "B", 0);
        assertNull(t.handleSample(at(g.volume(10), 0)));
        assertNull(t.handleSample(at(d.volume(10), 0)));
        assertNull(t.handleSample(at(c.volume(10), 0)));
        assertNull(t.handleSample(at(g.volume(15), 10)));
        assertNull(t.handleSample(at(d.volume(15), 10)));
        assertEquals(List.of(), t.flush(), "5 of 6");
        assertNull(t.handleSample(at(c.volume(17), 10)));
        List<Sample> out = t.flush();
        assertEquals(3, out.size());
        // gauge: (10 + 15) / 2 = 12.5; delta: 10 + 15 = 25; cumulative: the last, 17
        assertEquals(12.5, out.get(0).volume());
        assertEquals(25L, out.get(1).volume());
        assertEquals(17L, out.get(2).volume());
        assertEquals(Samples.T0, out.get(0).timestamp(), "the first sample's timestamp is kept");
        assertEquals(List.of(), t.flush(), "emptied");
    }

    @Test
    void defaultSizeIsOne() {
        AggregatorTransformer t = make(map());
        t.handleSample(Samples.of("g", MeterType.GAUGE, "B", 3).build());
        assertEquals(1, t.flush().size());
        assertEquals(List.of(), t.flush());
    }

    @Test
    void retentionTimeAgainstTheFirstSampleTimestamp() {
        TestClock clock = new TestClock();
        AggregatorTransformer t = new AggregatorTransformer(map("size", 0, "retention_time", 60), clock);
        Sample.Builder g = Samples.of("g", MeterType.GAUGE, "B", 0);
        t.handleSample(at(g.volume(1), 0));
        t.handleSample(at(g.volume(2), 5));
        t.handleSample(at(g.volume(6), 10));
        clock.now = Samples.T0.plusSeconds(60);
        assertEquals(List.of(), t.flush(), "60 s is not older than 60 s; size plays no part");
        clock.now = Samples.T0.plusSeconds(61);
        List<Sample> out = t.flush();
        assertEquals(1, out.size());
        assertEquals(3.0, out.get(0).volume(), "(1 + 2 + 6) / 3");
    }

    @Test
    void sizeStaysOneWithRetentionAsInJuno() {
        AggregatorTransformer t = new AggregatorTransformer(map("retention_time", 60), new TestClock());
        t.handleSample(Samples.of("g", MeterType.GAUGE, "B", 4).build());
        assertEquals(1, t.flush().size());
        AggregatorTransformer zero = new AggregatorTransformer(map("size", 0), new TestClock());
        zero.handleSample(Samples.of("g", MeterType.GAUGE, "B", 4).build());
        assertEquals(1, zero.flush().size(), "size 0 without retention is 1");
    }

    @Test
    void sizeOrRetentionWhicheverFirst() {
        TestClock clock = new TestClock();
        AggregatorTransformer t = new AggregatorTransformer(map("size", 100, "retention_time", "30"), clock);
        t.handleSample(Samples.of("g", MeterType.GAUGE, "B", 4).build());
        assertEquals(List.of(), t.flush());
        clock.now = Samples.T0.plusSeconds(31);
        assertEquals(1, t.flush().size());
    }

    @Test
    void keyIncludesProjectAndUserUnlessTheyHaveAPolicy() {
        AggregatorTransformer keyed = make(map("size", 2));
        keyed.handleSample(Samples.of("d", MeterType.DELTA, "B", 1).userId("alice").build());
        keyed.handleSample(Samples.of("d", MeterType.DELTA, "B", 2).userId("bob").build());
        assertEquals(2, keyed.flush().size(), "two users, two aggregates");

        AggregatorTransformer merged = make(map("size", 3, "user_id", "first", "project_id", "last"));
        merged.handleSample(Samples.of("d", MeterType.DELTA, "B", 1).userId("alice").projectId("p1").build());
        merged.handleSample(Samples.of("d", MeterType.DELTA, "B", 2).userId("bob").projectId("p2").build());
        merged.handleSample(Samples.of("d", MeterType.DELTA, "B", 4).userId(null).projectId(null).build());
        List<Sample> out = merged.flush();
        assertEquals(1, out.size());
        assertEquals(7L, out.get(0).volume());
        assertEquals("alice", out.get(0).userId(), "first");
        assertNull(out.get(0).projectId(), "last, even when missing");

        AggregatorTransformer undefined = make(map("size", 2));
        undefined.handleSample(Samples.of("d", MeterType.DELTA, "B", 1).userId(null).build());
        undefined.handleSample(Samples.of("d", MeterType.DELTA, "B", 2).userId(null).build());
        assertEquals(3L, undefined.flush().get(0).volume(), "missing users share the <undefined> key");
    }

    @Test
    void metadataPolicies() {
        Sample first = Samples.of("d", MeterType.DELTA, "B", 1).resourceMetadata(map("v", 1L)).build();
        Sample second = Samples.of("d", MeterType.DELTA, "B", 1).resourceMetadata(map("v", 2L)).build();
        for (Object[] c : new Object[][] {{null, Map.of("v", 2L)}, {"last", Map.of("v", 2L)},
            {"first", Map.of("v", 1L)}, {"drop", Map.of()}}) {
            AggregatorTransformer t = make(c[0] == null ? map("size", 2) : map("size", 2, "resource_metadata", c[0]));
            t.handleSample(first);
            t.handleSample(second);
            assertEquals(c[1], t.flush().get(0).resourceMetadata(), String.valueOf(c[0]));
        }
    }

    @Test
    void targetConversionAppliesToEverySample() {
        // KB -> B with scale 1024, delta summed: (1 + 2) * 1024 = 3072
        AggregatorTransformer t = make(map("size", 2, "target", map("name", "bytes", "unit", "B", "scale", 1024)));
        t.handleSample(Samples.of("kb", MeterType.DELTA, "KB", 1).build());
        t.handleSample(Samples.of("kb", MeterType.DELTA, "KB", 2).build());
        Sample out = t.flush().get(0);
        assertEquals(3072L, out.volume());
        assertEquals("bytes", out.name());
        assertEquals("B", out.unit());
    }

    @Test
    void badParameters() {
        assertMessage(map("user_id", "drop"), "'user_id'");
        assertMessage(map("resource_metadata", "newest"), "'resource_metadata'");
        assertMessage(map("size", -1), "'size'");
        assertMessage(map("retention_time", "soon"), "'retention_time'");
        assertMessage(map("retention_time", -5), "'retention_time'");
        assertMessage(map("retension_time", 5), "'retension_time'");
    }

    private static void assertMessage(Map<String, Object> params, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AggregatorFactory().create(params));
        assertTrue(e.getMessage().startsWith("aggregator: ") && e.getMessage().contains(expected), e.getMessage());
    }
}
