package org.ceilometer.osgi.transformers;

import java.util.Map;
import org.ceilometer.osgi.api.Transformer;
import org.ceilometer.osgi.api.TransformerFactory;
import org.ceilometer.osgi.api.annotations.TransformerService;
import org.osgi.service.component.annotations.Component;

/** Makes {@code rate_of_change} transformers: see {@link RateOfChangeTransformer}. */
@Component(service = TransformerFactory.class)
@TransformerService(transformer = RateOfChangeTransformer.NAME)
public class RateOfChangeFactory implements TransformerFactory {
    @Override
    public Transformer create(Map<String, Object> parameters) {
        return new RateOfChangeTransformer(parameters);
    }
}
