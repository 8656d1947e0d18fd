package org.ceilometer.osgi.transformers;

import java.util.Map;
import org.ceilometer.osgi.api.Transformer;
import org.ceilometer.osgi.api.TransformerFactory;
import org.ceilometer.osgi.api.annotations.TransformerService;
import org.osgi.service.component.annotations.Component;

/** Makes {@code unit_conversion} transformers: see {@link UnitConversionTransformer}. */
@Component(service = TransformerFactory.class)
@TransformerService(transformer = UnitConversionTransformer.NAME)
public class UnitConversionFactory implements TransformerFactory {
    @Override
    public Transformer create(Map<String, Object> parameters) {
        return new UnitConversionTransformer(parameters);
    }
}
