package org.ceilometer.osgi.transformers;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.Transformer;
import org.ceilometer.osgi.transformers.expr.PyOps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rate_of_change}: Juno's {@code RateOfChangeTransformer}. Keeps the last (volume, timestamp) per
 * meter name and resource; the first sample of each is dropped, every later one becomes
 * {@code scale × Δvolume / Δt} (per second), converted as {@link Scaling} says. For a cumulative meter
 * whose volume went down a reset is assumed and Δvolume is the new volume; Δt = 0 gives a rate of 0.
 *
 * <p>As in Juno, {@code scale} defaults to the expression {@code 1}; a numeric scale multiplies the
 * volume before the rate is applied (Juno's {@code _scale}), so prefer an expression such as
 * {@code "100.0 / (10**9 * (resource_metadata.cpu_number or 1))"} (cpu_util).
 */
final class RateOfChangeTransformer implements Transformer {
    static final String NAME = "rate_of_change";
    private static final Logger LOG = LoggerFactory.getLogger(RateOfChangeTransformer.class);

    private final Scaling scaling;
    private final Map<String, Previous> cache = new HashMap<>();

    private static final class Previous {
        final Object volume;
        final Instant timestamp;

        Previous(Object volume, Instant timestamp) {
            this.volume = volume;
            this.timestamp = timestamp;
        }
    }

    RateOfChangeTransformer(Map<String, Object> parameters) {
        Params p = Params.of(NAME, parameters).only("source", "target");
        this.scaling = Scaling.parse(p, "1");
    }

    @Override
    public synchronized Sample handleSample(Sample s) {
        String key = s.name() + s.resourceId();
        Object volume = PyOps.normalize(s.volume());
        Previous prev = cache.put(key, new Previous(volume, s.timestamp()));
        if (prev == null) {
            LOG.debug("dropping sample with no predecessor: {}", s);
            return null;
        }
        Duration d = Duration.between(prev.timestamp, s.timestamp());
        double timeDelta = d.getSeconds() + d.getNano() / 1e9;
        int order = PyOps.compare("<=", prev.volume, volume);
        boolean grew = order != PyOps.UNORDERED && order <= 0;
        Object volumeDelta = grew || s.type() != MeterType.CUMULATIVE ? PyOps.sub(volume, prev.volume) : volume;
        Object rate = timeDelta != 0.0 ? PyOps.truediv(PyOps.mul(1.0, volumeDelta), timeDelta) : (Object) 0.0;
        return scaling.convert(s, rate);
    }

    /** How many (meter, resource) predecessors are held. */
    synchronized int cached() {
        return cache.size();
    }
}
