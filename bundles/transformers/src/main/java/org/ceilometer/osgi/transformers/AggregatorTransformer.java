package org.ceilometer.osgi.transformers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.Transformer;
import org.ceilometer.osgi.transformers.expr.PyOps;

/**
 * {@code aggregator}: Juno's {@code AggregatorTransformer} ({@code conversions.py}), with Kilo's fix
 * for a missing size.
 *
 * <ul>
 * <li>Samples are grouped by {@code name-resource_id-<key fields>}, where the key fields are
 * {@code project_id} and {@code user_id} unless a policy is set for them; a missing value counts as
 * {@code <undefined>}.</li>
 * <li>Policies: {@code project_id} and {@code user_id} take {@code first} or {@code last};
 * {@code resource_metadata} takes {@code last} (the default), {@code first} or {@code drop} (empty
 * metadata).</li>
 * <li>The first sample of a group is converted as {@link Scaling} says; each later one's scaled volume
 * replaces the held volume when that sample is cumulative, or is added to it otherwise; fields with
 * policy {@code last} take the later sample's value. Name, unit, type and timestamp stay the first's.</li>
 * <li>A flush lets everything go when at least {@code size} samples were taken in (default 1) or the
 * first sample's timestamp is older than {@code retention_time} seconds; a gauge's volume is then the
 * mean (true division) of what was added.</li>
 * </ul>
 * {@code size} defaults to 1 even when {@code retention_time} is set, as in Juno (Ceilometer's own
 * tests pair {@code retention_time: 60} with {@code size: 900}); {@code size: 0} turns the size
 * threshold off when a retention time is set, and means 1 otherwise (Kilo's fix).
 */
final class AggregatorTransformer implements Transformer {
    static final String NAME = "aggregator";

    private final Scaling scaling;
    private final Long size;
    private final Duration retention;
    private final Clock clock;
    private final List<String> keyFields = new ArrayList<>();
    private final String projectPolicy;
    private final String userPolicy;
    private final String metadataPolicy;

    private final Map<String, Held> samples = new LinkedHashMap<>();
    private Instant initialTimestamp;
    private long aggregated;

    /** One group's aggregate, mutable until the flush. */
    private static final class Held {
        Sample.Builder sample;
        MeterType type;
        Object volume;
        long count;
    }

    AggregatorTransformer(Map<String, Object> parameters, Clock clock) {
        Params p = Params.of(NAME, parameters).only("size", "retention_time", "project_id", "user_id",
                "resource_metadata", "source", "target");
        this.clock = clock;
        this.scaling = Scaling.parse(p, null);
        long sz = p.has("size") ? p.count("size", 1) : 1;
        Double seconds = p.seconds("retention_time");
        boolean hasRetention = seconds != null && seconds > 0;
        this.retention = hasRetention ? Duration.ofNanos((long) (seconds * 1e9)) : null;
        this.size = sz > 0 ? Long.valueOf(sz) : (hasRetention ? null : Long.valueOf(1));
        this.projectPolicy = policy(p, "project_id", false);
        this.userPolicy = policy(p, "user_id", false);
        String md = policy(p, "resource_metadata", true);
        this.metadataPolicy = md == null ? "last" : md;
    }

    private String policy(Params p, String field, boolean droppable) {
        Object v = p.raw(field);
        if (v == null || "".equals(v)) {
            if (!droppable) {
                keyFields.add(field);
            }
            return null;
        }
        String s = p.string(field);
        if (s.equals("first") || s.equals("last") || (droppable && s.equals("drop"))) {
            return s;
        }
        throw p.error(field, "must be first, last" + (droppable ? " or drop" : "") + ", not '" + s + "'");
    }

    private String key(Sample s) {
        List<String> parts = new ArrayList<>();
        for (String f : keyFields) {
            String v = f.equals("project_id") ? s.projectId() : s.userId();
            parts.add(v == null ? "<undefined>" : v);
        }
        return s.name() + "-" + s.resourceId() + "-" + String.join("-", parts);
    }

    @Override
    public synchronized Sample handleSample(Sample s) {
        if (initialTimestamp == null) {
            initialTimestamp = s.timestamp();
        }
        aggregated++;
        String key = key(s);
        Held held = samples.get(key);
        if (held == null) {
            Sample converted = scaling.convert(s, 1L);
            held = new Held();
            held.sample = converted.toBuilder();
            held.type = converted.type();
            held.volume = PyOps.normalize(converted.volume());
            if (metadataPolicy.equals("drop")) {
                held.sample.resourceMetadata(Map.of());
            }
            held.count = 1;
            samples.put(key, held);
            return null;
        }
        Object scaled = scaling.scale(s);
        held.volume = s.type() == MeterType.CUMULATIVE ? scaled : PyOps.add(held.volume, scaled);
        held.count++;
        if ("last".equals(projectPolicy)) {
            held.sample.projectId(s.projectId());
        }
        if ("last".equals(userPolicy)) {
            held.sample.userId(s.userId());
        }
        if (metadataPolicy.equals("last")) {
            held.sample.resourceMetadata(s.resourceMetadata());
        }
        return null;
    }

    @Override
    public synchronized List<Sample> flush() {
        if (initialTimestamp == null) {
            return List.of();
        }
        boolean expired = retention != null
                && Duration.between(initialTimestamp, clock.instant()).compareTo(retention) > 0;
        boolean full = size != null && aggregated >= size;
        if (!full && !expired) {
            return List.of();
        }
        List<Sample> out = new ArrayList<>(samples.size());
        for (Held h : samples.values()) {
            Object volume = h.type == MeterType.GAUGE ? PyOps.truediv(h.volume, h.count) : h.volume;
            out.add(h.sample.volume(PyOps.toVolume(volume)).build());
        }
        samples.clear();
        aggregated = 0;
        initialTimestamp = null;
        return out;
    }
}
