package org.ceilometer.osgi.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.SampleSink;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;

/**
 * When each pollster and discovery ran during a cycle, and on which thread: the plugins are bound wrapped
 * in decorators that note their start and end (two clock reads per run). Shows where a cycle waits.
 */
final class Timeline {
    record Span(String what, String thread, long startNanos, long endNanos) {}

    private final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();
    private volatile long origin = System.nanoTime();

    /** Forgets what was noted, and counts from now. */
    void reset() {
        spans.clear();
        origin = System.nanoTime();
    }

    Pollster wrap(String meter, Pollster p) {
        return new Pollster() {
            @Override
            public String defaultDiscovery() {
                return p.defaultDiscovery();
            }

            @Override
            public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) throws Exception {
                long t0 = System.nanoTime();
                try {
                    p.getSamples(context, resources, sink);
                } finally {
                    spans.add(new Span(meter, Thread.currentThread().getName(), t0, System.nanoTime()));
                }
            }
        };
    }

    Discovery wrap(String name, Discovery d) {
        return new Discovery() {
            @Override
            public List<Resource> discover(PollContext context, String param) throws Exception {
                long t0 = System.nanoTime();
                try {
                    return d.discover(context, param);
                } finally {
                    spans.add(new Span("discovery " + name + (param == null ? "" : ":" + param),
                            Thread.currentThread().getName(), t0, System.nanoTime()));
                }
            }

            @Override
            public String groupId() {
                return d.groupId();
            }
        };
    }

    /** The client, noting its listings (those of 20 ms or more). */
    OpenStackClient wrap(OpenStackClient c) {
        return new Trace.Forwarding(c) {
            @Override
            public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item)
                    throws OpenStackException {
                long t0 = System.nanoTime();
                try {
                    super.paginate(url, itemsKey, headers, item);
                } finally {
                    long t1 = System.nanoTime();
                    if (t1 - t0 >= 20_000_000L) {
                        spans.add(new Span("  listing " + url, Thread.currentThread().getName(), t0, t1));
                    }
                }
            }
        };
    }

    /** One line per span, by start: {@code start-end ms  thread  what}. */
    List<String> lines() {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(Span::startNanos));
        List<String> out = new ArrayList<>();
        long o = origin;
        for (Span s : sorted) {
            out.add(String.format(Locale.ROOT, "%7.0f-%7.0f ms  %-22s %s", (s.startNanos() - o) / 1e6,
                    (s.endNanos() - o) / 1e6, s.thread(), s.what()));
        }
        return out;
    }
}
