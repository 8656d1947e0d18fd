package org.ceilometer.osgi.testsupport;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.openstack.OpenStackClients;
import org.ceilometer.osgi.simulator.Simulator;

/**
 * The openstack bundle's real client (Keystone v3 session, catalog, pagination, token renewal), pointed
 * at a {@link Simulator} as its admin: no environment, no {@code clouds.yaml}, the system clock.
 */
public final class SimulatorClients {
    private SimulatorClients() {}

    /** A client through one catalog interface, in the simulator's region. Stop it with {@link #close}. */
    public static OpenStackClient client(Simulator sim, String interfaceName) {
        return client(sim, interfaceName, sim.regionName());
    }

    /** A client through one catalog interface, in a region. Stop it with {@link #close}. */
    public static OpenStackClient client(Simulator sim, String interfaceName, String region) {
        return OpenStackClients.forTests(credentials(sim, interfaceName, region), Map.of(), List.of(),
                Clock.systemUTC());
    }

    /** The {@code ceilometer.service_credentials} options of the simulator's admin (a modifiable copy). */
    public static Map<String, Object> credentials(Simulator sim, String interfaceName, String region) {
        Map<String, Object> c = new HashMap<>();
        c.put("auth_url", sim.authUrl());
        c.put("username", sim.username());
        c.put("password", sim.password());
        c.put("project_name", sim.projectName());
        c.put("user_domain_name", sim.userDomainName());
        c.put("project_domain_name", sim.projectDomainName());
        c.put("region_name", region);
        c.put("interface", interfaceName);
        c.put("timeout", "10");
        return c;
    }

    /** Stops a client made by {@link #client}; null is ignored. */
    public static void close(OpenStackClient client) {
        if (client != null) {
            OpenStackClients.close(client);
        }
    }

    /** Stops a client made by {@link #client}, then the simulator (a test's clean-up); nulls are ignored. */
    public static void close(OpenStackClient client, Simulator sim) {
        try {
            close(client);
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
    }
}
