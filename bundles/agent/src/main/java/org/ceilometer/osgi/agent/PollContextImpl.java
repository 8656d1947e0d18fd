package org.ceilometer.osgi.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.ceilometer.osgi.api.CycleCache;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;

/** The context of one source in one cycle. */
final class PollContextImpl implements PollContext {
    private final Supplier<OpenStackClient> openstack;
    private final CycleCache cache;
    private final Instant timestamp;
    private final String sourceName;
    private final Executor executor;
    private final int parallelism;
    private final Duration timeout;
    private final BooleanSupplier cancelled;

    PollContextImpl(Supplier<OpenStackClient> openstack, CycleCache cache, Instant timestamp, String sourceName,
            Executor executor, int parallelism, Duration timeout, BooleanSupplier cancelled) {
        this.openstack = openstack;
        this.cache = cache;
        this.timestamp = timestamp;
        this.sourceName = sourceName;
        this.executor = executor;
        this.parallelism = parallelism;
        this.timeout = timeout;
        this.cancelled = cancelled;
    }

    @Override
    public OpenStackClient openstack() {
        OpenStackClient c = openstack.get();
        if (c == null) {
            return MissingOpenStack.INSTANCE;
        }
        return c;
    }

    @Override
    public CycleCache cache() {
        return cache;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public String sourceName() {
        return sourceName;
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    /** Stands in while no OpenStack session service is registered: every call says so. */
    enum MissingOpenStack implements OpenStackClient {
        INSTANCE;

        private static OpenStackException missing() {
            return new OpenStackException("no OpenStack session: the ceilometer.openstack bundle is not active", -1);
        }

        @Override
        public boolean isConfigured() {
            return false;
        }

        @Override
        public String describe() {
            return "(no OpenStack session service)";
        }

        @Override
        public java.util.List<String> endpoints(String serviceType) throws OpenStackException {
            throw missing();
        }

        @Override
        public String endpoint(String serviceType) throws OpenStackException {
            throw missing();
        }

        @Override
        public String projectId() throws OpenStackException {
            throw missing();
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode getJson(String url, java.util.Map<String, String> headers)
                throws OpenStackException {
            throw missing();
        }

        @Override
        public org.ceilometer.osgi.api.openstack.Response request(String method, String url,
                java.util.Map<String, String> headers, byte[] body) throws OpenStackException {
            throw missing();
        }

        @Override
        public void paginate(String url, String itemsKey, java.util.Map<String, String> headers,
                java.util.function.Consumer<com.fasterxml.jackson.databind.JsonNode> item) throws OpenStackException {
            throw missing();
        }

        @Override
        public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
                java.util.Map<String, String> headers,
                java.util.function.Consumer<com.fasterxml.jackson.databind.JsonNode> item) throws OpenStackException {
            throw missing();
        }
    }
}
