package org.ceilometer.osgi.openstack;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.openstack.OpenStackClient;

/**
 * For tests of other modules: the real {@link OpenStackClient} of this bundle built outside OSGi, with
 * the environment, the {@code clouds.yaml} candidates and the clock given instead of the process's.
 * It registers no service. The runtime never calls it, and its package is not exported.
 */
public final class OpenStackClients {
    private OpenStackClients() {}

    /**
     * A client configured as the {@code ceilometer.service_credentials} PID would configure the component.
     * Stop it with {@link #close}.
     *
     * @param properties the PID's options ({@code auth_url}, {@code username}, ...)
     * @param env the {@code OS_*} variables to read instead of the process's
     * @param cloudsFiles the {@code clouds.yaml} files to look for, in order
     */
    public static OpenStackClient forTests(Map<String, ?> properties, Map<String, String> env, List<Path> cloudsFiles,
            Clock clock) {
        return new OpenStackClientComponent(properties, env, cloudsFiles, clock);
    }

    /**
     * Stops a client made by {@link #forTests}: its session is closed, and every later call throws.
     *
     * @throws IllegalArgumentException for a client this class did not make
     */
    public static void close(OpenStackClient client) {
        if (!(client instanceof OpenStackClientComponent)) {
            throw new IllegalArgumentException("not a client made by OpenStackClients.forTests: " + client);
        }
        ((OpenStackClientComponent) client).deactivate();
    }
}
