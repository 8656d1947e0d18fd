package org.ceilometer.osgi.pollster.dynamic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.Pollster;

/** A small service registry: what is registered now, and every registration ever made. */
final class FakeRegistrar implements ServiceRegistrar {
    final class Service implements Registration {
        final Pollster pollster;
        volatile Map<String, Object> properties;
        volatile boolean unregistered;
        int propertyUpdates;

        Service(Pollster pollster, Map<String, Object> properties) {
            this.pollster = pollster;
            this.properties = new HashMap<>(properties);
        }

        @Override
        public void setProperties(Map<String, Object> p) {
            synchronized (FakeRegistrar.this) {
                if (unregistered) {
                    throw new IllegalStateException("unregistered");
                }
                properties = new HashMap<>(p);
                propertyUpdates++;
            }
        }

        @Override
        public void unregister() {
            synchronized (FakeRegistrar.this) {
                if (unregistered) {
                    throw new IllegalStateException("unregistered twice");
                }
                unregistered = true;
            }
        }

        String meter() {
            return (String) properties.get(Namespaces.METER);
        }

        String origin() {
            return (String) properties.get(Namespaces.ORIGIN);
        }

        String[] namespaces() {
            return (String[]) properties.get(Namespaces.NAMESPACE);
        }

        PollsterDefinition definition() {
            return ((DynamicPollster) pollster).definition();
        }
    }

    final List<Service> all = new ArrayList<>();

    @Override
    public synchronized Registration register(Pollster pollster, Map<String, Object> properties) {
        Service s = new Service(pollster, properties);
        all.add(s);
        return s;
    }

    /** The services registered now, by meter. */
    synchronized Map<String, Service> live() {
        Map<String, Service> out = new HashMap<>();
        for (Service s : all) {
            if (!s.unregistered) {
                out.put(s.meter(), s);
            }
        }
        return out;
    }
}
