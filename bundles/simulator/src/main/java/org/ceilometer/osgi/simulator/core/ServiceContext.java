package org.ceilometer.osgi.simulator.core;

import java.util.List;
import org.ceilometer.osgi.simulator.Credentials;
import org.ceilometer.osgi.simulator.SimulatorData;

/** What the simulator gives its service handlers: the seeded data, the tokens and the catalog. */
public interface ServiceContext {
    /** The interfaces every service has an endpoint for, in catalog order. */
    List<String> INTERFACES = List.of("public", "internal", "admin");

    /** The region of every endpoint. */
    String REGION = "RegionOne";

    SimulatorData data();

    Credentials credentials();

    TokenStore tokens();

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    String baseUrl();

    /** The services of the catalog, in catalog order. */
    List<ServiceHandler> services();

    /**
     * The URL a service is reached at through an interface, without the per-token suffix.
     *
     * @param interfaceName {@code public}, {@code internal} or {@code admin}
     */
    default String endpointBase(ServiceHandler service, String interfaceName) {
        return baseUrl() + "/" + pathPrefix(service.type(), interfaceName);
    }

    /** The first path segment a service answers under: {@code image}, {@code image-internal}, ... */
    static String pathPrefix(String serviceType, String interfaceName) {
        return "public".equals(interfaceName) ? serviceType : serviceType + "-" + interfaceName;
    }
}
