package org.ceilometer.osgi.agent;

import java.util.List;

/**
 * One source of polling.yaml: a name, an interval in seconds, the meters, static resources and the
 * discoveries ({@code name} or {@code name:param}).
 */
record PollingSource(String name, int interval, MeterMatcher meters, List<String> resources,
        List<String> discovery) {

    PollingSource {
        resources = List.copyOf(resources);
        discovery = List.copyOf(discovery);
    }

    boolean polls(String meter) {
        return meters.matches(meter);
    }
}
