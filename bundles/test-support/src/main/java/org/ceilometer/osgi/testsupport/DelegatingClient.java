package org.ceilometer.osgi.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;

/**
 * A client that passes every call on to another, and watches the listings ({@link #paginate},
 * {@link #paginateByMarker}): it counts the items they stream and how many run at once, and can run a
 * hook once the n-th item has been handed on (to expire a token mid-listing, say). Subclasses may
 * override any call.
 */
public class DelegatingClient implements OpenStackClient {
    private final OpenStackClient delegate;
    private final AtomicInteger items = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private volatile int afterItems = -1;
    private volatile Runnable hook = () -> { };

    public DelegatingClient(OpenStackClient delegate) {
        this.delegate = delegate;
    }

    /** Runs the hook once, right after the n-th item (counted across all listings) was handed on. */
    public DelegatingClient afterItems(int n, Runnable hook) {
        this.afterItems = n;
        this.hook = hook;
        return this;
    }

    /** The most listings that ran at once so far. */
    public int maxListingsInFlight() {
        return maxRunning.get();
    }

    /** How many items the listings streamed so far. */
    public int itemsStreamed() {
        return items.get();
    }

    private Consumer<JsonNode> watched(Consumer<JsonNode> item) {
        return n -> {
            item.accept(n);
            if (items.incrementAndGet() == afterItems) {
                hook.run();
            }
        };
    }

    @Override
    public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item)
            throws OpenStackException {
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            delegate.paginate(url, itemsKey, headers, watched(item));
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
            Map<String, String> headers, Consumer<JsonNode> item) throws OpenStackException {
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            delegate.paginateByMarker(url, itemsKey, markerField, limit, headers, watched(item));
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public boolean isConfigured() {
        return delegate.isConfigured();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public List<String> endpoints(String serviceType) throws OpenStackException {
        return delegate.endpoints(serviceType);
    }

    @Override
    public String endpoint(String serviceType) throws OpenStackException {
        return delegate.endpoint(serviceType);
    }

    @Override
    public String projectId() throws OpenStackException {
        return delegate.projectId();
    }

    @Override
    public JsonNode getJson(String url, Map<String, String> headers) throws OpenStackException {
        return delegate.getJson(url, headers);
    }

    @Override
    public Response request(String method, String url, Map<String, String> headers, byte[] body)
            throws OpenStackException {
        return delegate.request(method, url, headers, body);
    }
}
