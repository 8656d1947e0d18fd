package org.ceilometer.osgi.simulator.core;

import java.io.IOException;

/**
 * One simulated OpenStack service. The simulator lists it in the catalog under its type, with a
 * {@code public}, an {@code internal} and an {@code admin} endpoint, each under its own path prefix
 * ({@code /<type>}, {@code /<type>-internal}, {@code /<type>-admin}), and routes the requests below
 * those prefixes to {@link #handle}.
 */
public interface ServiceHandler {
    /** The catalog's service type: {@code identity}, {@code image}, {@code object-store}, ... */
    String type();

    /** The catalog's service name: {@code keystone}, {@code glance}, ... */
    String name();

    /**
     * What follows the prefix in the catalog's URL for a token's project (Cinder's
     * {@code /v3/<project id>}, Swift's {@code /v1/AUTH_<project id>}); empty by default.
     */
    default String catalogSuffix(TokenStore.Token token) {
        return "";
    }

    /**
     * First path segments this service also answers at the server's root, through its public
     * interface and with the segment kept in the path: Keystone's {@code v3}, so that
     * {@code http://127.0.0.1:<port>/v3} works as an auth URL as well. None by default.
     */
    default java.util.List<String> rootSegments() {
        return java.util.List.of();
    }

    /** Whether a request must carry a valid {@code X-Auth-Token}; true unless the service says so. */
    default boolean requiresToken(SimRequest request) {
        return true;
    }

    /**
     * Whether a token must be scoped to a project (403 otherwise), as OpenStack's policies want of
     * every service but Keystone; true unless the service says so.
     */
    default boolean requiresProjectScope() {
        return true;
    }

    /**
     * Answers a request. A runtime exception becomes a 500 with a JSON error body.
     *
     * @param request the request, with {@link SimRequest#token()} set when a token was required
     */
    SimResponse handle(SimRequest request) throws IOException;
}
