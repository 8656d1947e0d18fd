package org.ceilometer.osgi.pollster.dynamic;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.ceilometer.osgi.pollster.dynamic.Collector.RawSample;
import org.ceilometer.osgi.pollster.dynamic.expr.Py;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pollster service of one YAML definition. Its definition may be swapped when the file is edited;
 * a run uses the definition it started with. Requests for one resource failing, or entries that cannot
 * become samples, do not stop the others: the run hands over what it could and then fails with a count.
 */
final class DynamicPollster implements Pollster {
    private static final Logger LOG = LoggerFactory.getLogger(DynamicPollster.class);

    private final String origin;
    private final Clock clock;
    private final ResponseCache cache;
    private volatile PollsterDefinition definition;

    DynamicPollster(PollsterDefinition definition, String origin, Clock clock) {
        this.definition = definition;
        this.origin = origin;
        this.clock = clock;
        this.cache = new ResponseCache(System::nanoTime);
    }

    /** For tests: the cache's clock is given. */
    DynamicPollster(PollsterDefinition definition, String origin, Clock clock, ResponseCache cache) {
        this.definition = definition;
        this.origin = origin;
        this.clock = clock;
        this.cache = cache;
    }

    PollsterDefinition definition() {
        return definition;
    }

    /** Puts an edited definition in place; the cached responses of the old one are dropped. */
    void update(PollsterDefinition d) {
        this.definition = d;
        cache.clear();
    }

    /** Forgets everything this pollster holds (its service is gone). */
    void dispose() {
        cache.clear();
    }

    @Override
    public String defaultDiscovery() {
        return definition.defaultDiscovery();
    }

    @Override
    public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) throws Exception {
        PollsterDefinition def = definition;
        Collector collector = new Collector(context, cache, clock);
        int handed = 0;
        for (Resource r : resources) {
            if (context.isCancelled()) {
                break;
            }
            Object target = def.isNonOpenStack() ? credentials(r) : endpoint(r);
            int[] count = {0};
            try {
                collector.collect(def, target, def.baseMetadata, raw -> {
                    Sample s = toSample(def, raw, context, collector.problems);
                    if (s != null) {
                        sink.accept(s);
                        count[0]++;
                    }
                });
            } catch (IOException e) {
                collector.problems.request(def.name, e.getMessage());
                LOG.warn("dynamic pollster {} ({}): {}", def.name, origin, e.getMessage());
            }
            handed += count[0];
        }
        LOG.debug("dynamic pollster {}: {} samples from {} resources", def.name, handed, resources.size());
        if (collector.problems.any()) {
            throw new DynamicPollsterException(def.name + ": " + collector.problems);
        }
    }

    /** The endpoint URL a resource stands for: its payload when that is a URL (the endpoint discovery's), else its id. */
    private static Object endpoint(Resource r) {
        Object p = r.payload();
        return p instanceof String && Collector.isHttpUrl((String) p) ? p : r.id();
    }

    private static Object credentials(Resource r) {
        Object p = r.payload();
        if (p instanceof byte[]) {
            return new String((byte[]) p, StandardCharsets.UTF_8);
        }
        return p == null ? r.id() : p;
    }

    /**
     * The api's sample, or null: quietly when the value is None (an image still queued has no size),
     * counted when the value is not a number or there is no resource id.
     */
    static Sample toSample(PollsterDefinition def, RawSample raw, PollContext context, Collector.Problems problems) {
        if (raw.value() == null) {
            LOG.debug("dynamic pollster {}: no value (None) for resource {}; no sample", def.name, raw.resourceId());
            return null;
        }
        Number volume = volume(raw.value());
        if (volume == null) {
            problems.entry(def.name, "the value " + Py.repr(raw.value()) + " of '" + raw.name() + "' is not a number");
            return null;
        }
        Object rid = raw.resourceId();
        if (rid == null || Py.str(rid).isEmpty()) {
            problems.entry(def.name, "no resource id (resource_id_attribute '"
                    + def.idAttributes.get(2).source() + "') for a sample of '" + raw.name() + "'");
            return null;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        raw.metadata().forEach((k, v) -> metadata.put(k, v));
        try {
            return Sample.builder().name(raw.name()).type(def.sampleType).unit(def.unit).volume(volume)
                    .userId(raw.userId() == null ? null : Py.str(raw.userId()))
                    .projectId(raw.projectId() == null ? null : Py.str(raw.projectId()))
                    .resourceId(Py.str(rid)).timestamp(context.timestamp()).resourceMetadata(metadata).build();
        } catch (IllegalArgumentException e) {
            problems.entry(def.name, e.getMessage());
            return null;
        }
    }

    /** A sample volume from a Python value: a number, a bool (1 or 0), or a str that reads as a number. */
    static Number volume(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? 1L : 0L;
        }
        if (v instanceof Double) {
            double d = (Double) v;
            return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return (Number) v;
        }
        if (v instanceof Number) {
            return (Number) Py.normalize(v);
        }
        if (v instanceof String) {
            String s = ((String) v).strip().replace("_", "");
            if (s.matches("[+-]?\\d+")) {
                BigInteger b = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
                return b.bitLength() < 64 ? (Number) b.longValue() : b;
            }
            if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                double d = Double.parseDouble(s);
                return Double.isInfinite(d) ? null : d;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "dynamic pollster " + definition.name + " from " + origin;
    }

    /** A run that handed over what it could, and what it could not. */
    static final class DynamicPollsterException extends Exception {
        private static final long serialVersionUID = 1L;

        DynamicPollsterException(String message) {
            super(message, null, false, false);
        }
    }
}
