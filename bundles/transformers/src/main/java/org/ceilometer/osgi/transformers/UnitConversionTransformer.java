package org.ceilometer.osgi.transformers;

import java.util.Map;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.Transformer;

/**
 * {@code unit_conversion}: Juno's {@code ScalingTransformer}. A sample whose unit matches
 * {@code source.unit} (or any, when unset) is converted (see {@link Scaling}); others pass unchanged.
 * Stateless.
 */
final class UnitConversionTransformer implements Transformer {
    static final String NAME = "unit_conversion";

    private final Scaling scaling;

    UnitConversionTransformer(Map<String, Object> parameters) {
        Params p = Params.of(NAME, parameters).only("source", "target");
        this.scaling = Scaling.parse(p, null);
    }

    @Override
    public Sample handleSample(Sample sample) {
        return scaling.appliesTo(sample) ? scaling.convert(sample, 1L) : sample;
    }
}
