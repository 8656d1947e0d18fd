package org.ceilometer.osgi.api;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.osgi.annotation.versioning.ProviderType;

/** What the agent gives a pollster or a discovery for one polling cycle. */
@ProviderType
public interface PollContext {
    /** The OpenStack session: Keystone v3 token, catalog and JSON requests. */
    OpenStackClient openstack();

    /** The cache shared by every pollster and discovery of this cycle. */
    CycleCache cache();

    /** The cycle's polling timestamp. */
    Instant timestamp();

    /** The polling source this run belongs to. */
    String sourceName();

    /**
     * A bounded pool for work that fans out per project or per resource. Its bound is
     * {@link #parallelism()}; the agent owns it and shuts it down.
     */
    Executor executor();

    /** How many requests may run at once on {@link #executor()}. */
    int parallelism();

    /** How long one pollster may run before the agent gives up on it. */
    Duration timeout();

    /** True once the cycle has been cancelled (timeout, agent stopping): long loops should stop. */
    boolean isCancelled();
}
