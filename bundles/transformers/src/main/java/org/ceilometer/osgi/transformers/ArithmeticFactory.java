package org.ceilometer.osgi.transformers;

import java.util.Map;
import org.ceilometer.osgi.api.Transformer;
import org.ceilometer.osgi.api.TransformerFactory;
import org.ceilometer.osgi.api.annotations.TransformerService;
import org.osgi.service.component.annotations.Component;

/** Makes {@code arithmetic} transformers: see {@link ArithmeticTransformer}. */
@Component(service = TransformerFactory.class)
@TransformerService(transformer = ArithmeticTransformer.NAME)
public class ArithmeticFactory implements TransformerFactory {
    @Override
    public Transformer create(Map<String, Object> parameters) {
        return new ArithmeticTransformer(parameters);
    }
}
