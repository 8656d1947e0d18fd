package org.ceilometer.osgi.pollster.dynamic;

import java.util.Map;
import org.ceilometer.osgi.api.Pollster;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** Where Pollster services are registered: the bundle's context, or a fake in tests. */
interface ServiceRegistrar {
    /** One registered service. */
    interface Registration {
        void setProperties(Map<String, Object> properties);

        void unregister();
    }

    Registration register(Pollster pollster, Map<String, Object> properties);

    /** Registers through a bundle context; a registration already gone (bundle stopping) is no error. */
    static ServiceRegistrar of(BundleContext context) {
        return (pollster, properties) -> {
            ServiceRegistration<Pollster> reg = context.registerService(Pollster.class, pollster,
                    FrameworkUtil.asDictionary(properties));
            return new Registration() {
                @Override
                public void setProperties(Map<String, Object> p) {
                    try {
                        reg.setProperties(FrameworkUtil.asDictionary(p));
                    } catch (IllegalStateException e) {
                        // unregistered meanwhile
                    }
                }

                @Override
                public void unregister() {
                    try {
                        reg.unregister();
                    } catch (IllegalStateException e) {
                        // unregistered already
                    }
                }
            };
        };
    }
}
