package org.ceilometer.osgi.publishers;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.Publisher;
import org.ceilometer.osgi.api.PublisherFactory;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.annotations.PublisherService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code test://[name]}: Ceilometer's {@code TestPublisher} ({@code ceilometer/publisher/test.py}),
 * in memory. Every publisher of this bundle appends to one static list, inspectable and clearable,
 * each sample tagged with the publisher's name (the URL's host and path).
 */
@Component(service = PublisherFactory.class)
@PublisherService(publisher_scheme = "test")
public class TestPublisherFactory implements PublisherFactory {
    /** One published sample and the name of the publisher that took it. */
    public static final class Published {
        public final String publisher;
        public final Sample sample;

        Published(String publisher, Sample sample) {
            this.publisher = publisher;
            this.sample = sample;
        }
    }

    private static final List<Published> PUBLISHED = new ArrayList<>();
    private static int calls;

    @Override
    public Publisher create(URI url, Map<String, Object> agentOptions) {
        String name = (url.getHost() == null ? "" : url.getHost()) + (url.getPath() == null ? "" : url.getPath());
        return samples -> {
            synchronized (PUBLISHED) {
                for (Sample s : samples) {
                    PUBLISHED.add(new Published(name, s));
                }
                calls++;
            }
        };
    }

    /** Every sample published so far, in order. */
    public static List<Sample> samples() {
        synchronized (PUBLISHED) {
            List<Sample> out = new ArrayList<>(PUBLISHED.size());
            PUBLISHED.forEach(p -> out.add(p.sample));
            return out;
        }
    }

    /** The samples published by the publishers named {@code name} ({@code test://name}). */
    public static List<Sample> samples(String name) {
        synchronized (PUBLISHED) {
            List<Sample> out = new ArrayList<>();
            PUBLISHED.stream().filter(p -> p.publisher.equals(name)).forEach(p -> out.add(p.sample));
            return out;
        }
    }

    /** How many times {@code publish} was called. */
    public static int calls() {
        synchronized (PUBLISHED) {
            return calls;
        }
    }

    public static void clear() {
        synchronized (PUBLISHED) {
            PUBLISHED.clear();
            calls = 0;
        }
    }
}
