package org.ceilometer.osgi.conf;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The options the DS components here read from {@code ceilometer.*} PIDs, with their defaults: the
 * properties bnd writes for the defaults of a component's configuration type. Property names with a
 * dot ({@code ceilometer.namespace}, {@code osgi.command.scope}) are service properties, not options.
 */
final class ComponentDefaults {
    /** A default value and the component that declares it. */
    record Default(Object value, String component) {}

    private static final Pattern OPTION = Pattern.compile("[a-z][a-z0-9_]*");

    private ComponentDefaults() {}

    /** PID to option to its default, for every PID that starts with {@code ceilometer.}. */
    static Map<String, Map<String, Default>> of(ServiceComponentRuntime scr) {
        Map<String, Map<String, Default>> out = new TreeMap<>();
        if (scr == null) {
            return out;
        }
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (d.configurationPid == null) {
                continue;
            }
            for (String pid : d.configurationPid) {
                if (!pid.startsWith("ceilometer.")) {
                    continue;
                }
                Map<String, Default> m = out.computeIfAbsent(pid, k -> new TreeMap<>());
                if (d.properties == null) {
                    continue;
                }
                for (Map.Entry<String, Object> e : d.properties.entrySet()) {
                    if (OPTION.matcher(e.getKey()).matches()) {
                        m.putIfAbsent(e.getKey(), new Default(e.getValue(), d.name));
                    }
                }
            }
        }
        return out;
    }

    /** PID to the option names declared for it. */
    static Map<String, Set<String>> names(ServiceComponentRuntime scr) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        of(scr).forEach((pid, m) -> out.put(pid, Collections.unmodifiableSet(new HashSet<>(m.keySet()))));
        return out;
    }
}
