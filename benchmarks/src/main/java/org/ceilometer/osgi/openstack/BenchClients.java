package org.ceilometer.osgi.openstack;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.openstack.OpenStackClient;

/**
 * The real {@link OpenStackClientComponent} outside OSGi, through its test constructor: the given
 * {@code [service_credentials]} options only (no {@code OS_*} variables, no clouds.yaml).
 */
public final class BenchClients {
    private BenchClients() {}

    /** A session configured by the options, as ConfigAdmin would hand them. */
    public static OpenStackClient create(Map<String, ?> options) {
        return new OpenStackClientComponent(options, Map.of(), List.of(), Clock.systemUTC());
    }

    /** Closes a client made by {@link #create}. */
    public static void close(OpenStackClient client) {
        if (client instanceof OpenStackClientComponent) {
            ((OpenStackClientComponent) client).deactivate();
        }
    }

    /** The pool's leased and available connections, for diagnostics. */
    public static String poolStats(OpenStackClient client) {
        if (client instanceof OpenStackClientComponent) {
            HttpTransport t = ((OpenStackClientComponent) client).session().transport();
            return t == null ? "no transport" : t.poolStats();
        }
        return "?";
    }
}
