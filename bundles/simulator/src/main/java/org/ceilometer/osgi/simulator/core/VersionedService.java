package org.ceilometer.osgi.simulator.core;

import java.io.IOException;

/**
 * A service whose root ({@code /}) answers its version list without a token, while every other path
 * needs one: Cinder, Manila, Neutron, Octavia and Designate.
 */
public abstract class VersionedService implements ServiceHandler {
    private final String type;
    private final String name;

    protected VersionedService(String type, String name) {
        this.type = type;
        this.name = name;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public boolean requiresToken(SimRequest r) {
        return !"/".equals(r.path());
    }

    @Override
    public final SimResponse handle(SimRequest r) throws IOException {
        return "/".equals(r.path()) ? versions(r) : serve(r);
    }

    /** The version list at the root. */
    protected abstract SimResponse versions(SimRequest r);

    /** Answers a request below the root, its token checked. */
    protected abstract SimResponse serve(SimRequest r) throws IOException;
}
