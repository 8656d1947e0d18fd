package org.ceilometer.osgi.publishers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.Publisher;
import org.junit.jupiter.api.Test;

class TestPublisherFactoryTest {

    @Test
    void keepsSamplesInMemoryByPublisherName() throws Exception {
        TestPublisherFactory.clear();
        Publisher a = new TestPublisherFactory().create(URI.create("test://a"), Map.of());
        Publisher b = new TestPublisherFactory().create(URI.create("test://b/x"), Map.of());
        a.publish(List.of(TestSamples.sample("1", 1), TestSamples.sample("2", 2)));
        b.publish(List.of(TestSamples.sample("3", 3)));
        assertEquals(3, TestPublisherFactory.samples().size());
        assertEquals(List.of(TestSamples.sample("1", 1), TestSamples.sample("2", 2)), TestPublisherFactory.samples("a"));
        assertEquals(List.of(TestSamples.sample("3", 3)), TestPublisherFactory.samples("b/x"));
        assertEquals(2, TestPublisherFactory.calls());
        TestPublisherFactory.clear();
        assertEquals(List.of(), TestPublisherFactory.samples());
        assertEquals(0, TestPublisherFactory.calls());
    }
}
