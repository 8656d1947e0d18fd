package org.ceilometer.osgi.transformers;

import java.time.Clock;
import java.util.Map;
import org.ceilometer.osgi.api.Transformer;
import org.ceilometer.osgi.api.TransformerFactory;
import org.ceilometer.osgi.api.annotations.TransformerService;
import org.osgi.service.component.annotations.Component;

/** Makes {@code aggregator} transformers: see {@link AggregatorTransformer}. */
@Component(service = TransformerFactory.class)
@TransformerService(transformer = AggregatorTransformer.NAME)
public class AggregatorFactory implements TransformerFactory {
    @Override
    public Transformer create(Map<String, Object> parameters) {
        return new AggregatorTransformer(parameters, Clock.systemUTC());
    }
}
