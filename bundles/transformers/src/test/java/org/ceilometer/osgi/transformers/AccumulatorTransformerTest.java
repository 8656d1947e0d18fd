package org.ceilometer.osgi.transformers;

import static org.ceilometer.osgi.transformers.Samples.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.Transformer;
import org.junit.jupiter.api.Test;

class AccumulatorTransformerTest {

    @Test
    void holdsUntilSize() throws Exception {
        Transformer t = new AccumulatorFactory().create(map("size", 3));
        Sample a = Samples.of("a", MeterType.GAUGE, "B", 1).build();
        Sample b = Samples.of("b", MeterType.GAUGE, "B", 2).build();
        Sample c = Samples.of("c", MeterType.GAUGE, "B", 3).build();
        assertNull(t.handleSample(a));
        assertNull(t.handleSample(b));
        assertEquals(List.of(), t.flush(), "two of three: nothing yet");
        assertNull(t.handleSample(c));
        assertEquals(List.of(a, b, c), t.flush());
        assertEquals(List.of(), t.flush(), "emptied");
    }

    @Test
    void defaultSizeIsOne() throws Exception {
        Transformer t = new AccumulatorFactory().create(map());
        Sample a = Samples.of("a", MeterType.GAUGE, "B", 1).build();
        assertNull(t.handleSample(a));
        assertEquals(List.of(a), t.flush());
    }

    @Test
    void sizeZeroPassesThrough() throws Exception {
        Transformer t = new AccumulatorFactory().create(map("size", 0));
        Sample a = Samples.of("a", MeterType.GAUGE, "B", 1).build();
        assertSame(a, t.handleSample(a));
        assertEquals(List.of(), t.flush());
    }

    @Test
    void badSize() {
        for (Object bad : List.of("many", -1, 1.5, true)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new AccumulatorFactory().create(map("size", bad)));
            assertTrue(e.getMessage().startsWith("accumulator: parameter 'size'"), e.getMessage());
        }
    }

    @Test
    void sizeAsText() throws Exception {
        Transformer t = new AccumulatorFactory().create(map("size", "2"));
        t.handleSample(Samples.of("a", MeterType.GAUGE, "B", 1).build());
        assertEquals(List.of(), t.flush());
        t.handleSample(Samples.of("b", MeterType.GAUGE, "B", 1).build());
        assertEquals(2, t.flush().size());
    }
}
