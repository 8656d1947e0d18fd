package org.ceilometer.osgi.openstack;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.simulator.Simulator;

/**
 * The real Keystone session of the openstack bundle, pointed at a simulator through the component's
 * test constructor (no environment, no clouds.yaml). It lives in the component's package because that
 * constructor is package-private.
 */
public final class SimulatorClients {
    private SimulatorClients() {}

    /** A client of the simulator's admin, through one catalog interface. */
    public static OpenStackClient client(Simulator sim, String interfaceName) {
        Map<String, Object> c = new HashMap<>();
        c.put("auth_url", sim.authUrl());
        c.put("username", sim.username());
        c.put("password", sim.password());
        c.put("project_name", sim.projectName());
        c.put("user_domain_name", sim.userDomainName());
        c.put("project_domain_name", sim.projectDomainName());
        c.put("region_name", sim.regionName());
        c.put("interface", interfaceName);
        c.put("timeout", "10");
        return new OpenStackClientComponent(c, Map.of(), List.of(), Clock.systemUTC());
    }

    /** Stops a client made by {@link #client}. */
    public static void close(OpenStackClient client) {
        ((OpenStackClientComponent) client).deactivate();
    }
}
