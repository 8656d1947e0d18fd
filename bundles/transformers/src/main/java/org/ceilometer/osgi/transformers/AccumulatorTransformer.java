package org.ceilometer.osgi.transformers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.Transformer;

/**
 * {@code accumulator}: Juno's {@code TransformerAccumulator}. Holds samples until a flush finds at least
 * {@code size} (default 1) of them, then lets them all go. A size of 0 passes every sample through.
 */
final class AccumulatorTransformer implements Transformer {
    static final String NAME = "accumulator";

    private final long size;
    private List<Sample> samples = new ArrayList<>();

    AccumulatorTransformer(Map<String, Object> parameters) {
        Params p = Params.of(NAME, parameters).only("size");
        this.size = p.count("size", 1);
    }

    @Override
    public synchronized Sample handleSample(Sample sample) {
        if (size >= 1) {
            samples.add(sample);
            return null;
        }
        return sample;
    }

    @Override
    public synchronized List<Sample> flush() {
        if (size >= 1 && samples.size() >= size) {
            List<Sample> out = samples;
            samples = new ArrayList<>();
            return out;
        }
        return List.of();
    }
}
