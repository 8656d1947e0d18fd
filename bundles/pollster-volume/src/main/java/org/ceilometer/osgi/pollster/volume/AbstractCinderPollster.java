package org.ceilometer.osgi.pollster.volume;

import java.time.Instant;
import java.util.List;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Cinder pollsters share: they read the records their discovery found (other payloads are left
 * out), make at most one gauge sample per record, and never call Cinder themselves. A record Ceilometer
 * would drop (no number where the volume should be) gives no sample; a record Ceilometer would fail on
 * ({@link InvalidRecordException}) gives none either, and its failure is thrown once every other record is
 * sampled.
 */
abstract class AbstractCinderPollster<T> implements Pollster {
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Class<T> recordType;
    private final String discovery;

    AbstractCinderPollster(Class<T> recordType, String discovery) {
        this.recordType = recordType;
        this.discovery = discovery;
    }

    @Override
    public String defaultDiscovery() {
        return discovery;
    }

    /** The meter name. */
    abstract String meter();

    /**
     * The sample of one record, or null when Ceilometer would drop it.
     *
     * @throws InvalidRecordException when Ceilometer would fail on it
     */
    abstract Sample sample(T record, Instant timestamp);

    /** A gauge sample of this meter with the agent's timestamp. */
    Sample.Builder gauge(String unit, Number volume, Instant timestamp) {
        return Sample.builder().name(meter()).type(MeterType.GAUGE).unit(unit).volume(volume).timestamp(timestamp);
    }

    @Override
    public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) {
        Instant timestamp = context.timestamp();
        int foreign = 0;
        int dropped = 0;
        int sampled = 0;
        InvalidRecordException failure = null;
        int failed = 0;
        for (Resource r : resources) {
            Object payload = r.payload();
            if (!recordType.isInstance(payload)) {
                foreign++;
                continue;
            }
            Sample s;
            try {
                s = sample(recordType.cast(payload), timestamp);
            } catch (InvalidRecordException e) {
                failed++;
                if (failure == null) {
                    failure = e;
                }
                continue;
            }
            if (s == null) {
                dropped++;
            } else {
                sink.accept(s);
                sampled++;
            }
        }
        log.debug("{}: {} samples, {} records without a numeric volume, {} resources of another kind, {} invalid",
                meter(), sampled, dropped, foreign, failed);
        if (failure != null) {
            throw failed == 1 ? failure
                    : new InvalidRecordException(failure.getMessage() + " (and " + (failed - 1) + " more)");
        }
    }

    /** A record Ceilometer's pollster raises on. */
    static final class InvalidRecordException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        InvalidRecordException(String message) {
            super(message);
        }
    }
}
