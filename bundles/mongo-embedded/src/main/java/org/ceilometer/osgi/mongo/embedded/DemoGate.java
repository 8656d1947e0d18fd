package org.ceilometer.osgi.mongo.embedded;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enables {@link EmbeddedMongoComponent} when the framework property {@value #DEMO_PROPERTY} is
 * {@code true}; otherwise it stays disabled and nothing listens.
 */
@Component(service = {}, immediate = true)
public final class DemoGate {
    static final String DEMO_PROPERTY = "ceilometer.demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoGate.class);

    @Activate
    public DemoGate(ComponentContext context) {
        if (Boolean.parseBoolean(context.getBundleContext().getProperty(DEMO_PROPERTY))) {
            context.enableComponent(EmbeddedMongoComponent.NAME);
        } else {
            LOG.debug("embedded MongoDB: {} is not true, staying off", DEMO_PROPERTY);
        }
    }
}
