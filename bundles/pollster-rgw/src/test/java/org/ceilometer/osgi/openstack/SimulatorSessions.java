package org.ceilometer.osgi.openstack;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.simulator.Simulator;

/**
 * The real Keystone session of the openstack bundle, pointed at a simulator, for tests of other
 * modules: it sits in the openstack bundle's package to reach the component's test constructor.
 */
public final class SimulatorSessions {
    private SimulatorSessions() {}

    /** A session as the admin of the simulator, through an interface, in a region. */
    public static OpenStackClient open(Simulator sim, String interfaceName, String region) {
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
        return new OpenStackClientComponent(c, Map.of(), List.of(), Clock.systemUTC());
    }

    /** Closes a session made by {@link #open}. */
    public static void close(OpenStackClient client) {
        ((OpenStackClientComponent) client).deactivate();
    }

    /** The tenant discovery with its default settings. */
    public static TenantDiscovery tenantDiscovery() {
        return new TenantDiscovery(Map.of());
    }
}
