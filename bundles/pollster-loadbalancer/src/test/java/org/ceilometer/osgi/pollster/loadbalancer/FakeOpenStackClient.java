package org.ceilometer.osgi.pollster.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;

/**
 * Serves fixed item lists by URL path from {@link #paginate}, fails the paths it is told to, and
 * records the URLs asked for. The catalog holds one endpoint per service type given.
 */
final class FakeOpenStackClient implements OpenStackClient {
    final Map<String, String> catalog = new LinkedHashMap<>();
    final Map<String, List<JsonNode>> items = new LinkedHashMap<>();
    final Map<String, Integer> failing = new LinkedHashMap<>();
    final List<String> paginated = new CopyOnWriteArrayList<>();

    FakeOpenStackClient endpoint(String type, String url) {
        catalog.put(type, url);
        return this;
    }

    /** Items served for a URL without its query. */
    FakeOpenStackClient serve(String url, List<JsonNode> list) {
        items.put(url, new ArrayList<>(list));
        return this;
    }

    FakeOpenStackClient fail(String url, int status) {
        failing.put(url, status);
        return this;
    }

    @Override
    public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item)
            throws OpenStackException {
        paginated.add(url);
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        Integer status = failing.get(path);
        if (status != null) {
            throw new OpenStackException("GET " + url + " answered " + status, status);
        }
        List<JsonNode> list = items.get(path);
        if (list == null) {
            throw new OpenStackException("GET " + url + " answered 404", 404);
        }
        list.forEach(item);
    }

    @Override
    public boolean isConfigured() {
        return true;
    }

    @Override
    public String describe() {
        return "fake";
    }

    @Override
    public List<String> endpoints(String serviceType) {
        String e = catalog.get(serviceType);
        return e == null ? List.of() : List.of(e);
    }

    @Override
    public String endpoint(String serviceType) throws OpenStackException {
        String e = catalog.get(serviceType);
        if (e == null) {
            throw new EndpointNotFoundException(serviceType, "public", null);
        }
        return e;
    }

    @Override
    public String projectId() {
        return "admin";
    }

    @Override
    public JsonNode getJson(String url, Map<String, String> headers) {
        throw new UnsupportedOperationException("the Octavia discovery only paginates");
    }

    @Override
    public Response request(String method, String url, Map<String, String> headers, byte[] body) {
        throw new UnsupportedOperationException("the Octavia discovery only paginates");
    }

    @Override
    public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
            Map<String, String> headers, Consumer<JsonNode> item) {
        throw new UnsupportedOperationException("the Octavia discovery only paginates");
    }
}
