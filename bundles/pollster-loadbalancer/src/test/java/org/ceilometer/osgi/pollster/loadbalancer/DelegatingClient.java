package org.ceilometer.osgi.pollster.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;

/** A client that passes everything on, and runs a hook after the n-th item a listing streams. */
final class DelegatingClient implements OpenStackClient {
    private final OpenStackClient delegate;
    private final int afterItems;
    private final Runnable hook;
    private final AtomicInteger items = new AtomicInteger();

    DelegatingClient(OpenStackClient delegate, int afterItems, Runnable hook) {
        this.delegate = delegate;
        this.afterItems = afterItems;
        this.hook = hook;
    }

    @Override
    public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item)
            throws OpenStackException {
        delegate.paginate(url, itemsKey, headers, n -> {
            item.accept(n);
            if (items.incrementAndGet() == afterItems) {
                hook.run();
            }
        });
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

    @Override
    public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
            Map<String, String> headers, Consumer<JsonNode> item) throws OpenStackException {
        delegate.paginateByMarker(url, itemsKey, markerField, limit, headers, item);
    }
}
