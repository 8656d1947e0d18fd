package org.ceilometer.osgi.pollster.volume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;

/**
 * A catalog of one Cinder endpoint and fixed item lists per URL, served by {@link #paginate}; records the
 * URLs and headers asked for.
 */
final class FakeCinderClient implements OpenStackClient {
    static final ObjectMapper MAPPER = new ObjectMapper();

    final Map<String, String> catalog = new HashMap<>();
    final Map<String, List<JsonNode>> lists = new HashMap<>();
    final Map<String, Integer> failing = new HashMap<>();
    final List<String> paginated = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();

    FakeCinderClient endpoint(String type, String url) {
        catalog.put(type, url);
        return this;
    }

    /** Serves the items of a JSON array text at a URL. */
    FakeCinderClient serve(String url, String jsonArray) {
        try {
            List<JsonNode> items = new ArrayList<>();
            MAPPER.readTree(jsonArray).forEach(items::add);
            lists.put(url, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    FakeCinderClient fail(String url, int status) {
        failing.put(url, status);
        return this;
    }

    @Override
    public void paginate(String url, String itemsKey, Map<String, String> h, Consumer<JsonNode> item)
            throws OpenStackException {
        paginated.add(url);
        headers.add(h);
        Integer status = failing.get(url);
        if (status != null) {
            throw new OpenStackException("GET " + url + " failed: HTTP " + status, status);
        }
        List<JsonNode> items = lists.get(url);
        if (items == null) {
            throw new OpenStackException("GET " + url + " failed: HTTP 404", 404);
        }
        items.forEach(item);
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
        String url = catalog.get(serviceType);
        return url == null ? List.of() : List.of(url);
    }

    @Override
    public String endpoint(String serviceType) throws OpenStackException {
        String url = catalog.get(serviceType);
        if (url == null) {
            throw new EndpointNotFoundException(serviceType, "public", null);
        }
        return url;
    }

    @Override
    public String projectId() {
        return "admin";
    }

    @Override
    public JsonNode getJson(String url, Map<String, String> h) {
        throw new UnsupportedOperationException("the Cinder discoveries only paginate");
    }

    @Override
    public Response request(String method, String url, Map<String, String> h, byte[] body) {
        throw new UnsupportedOperationException("the Cinder discoveries only paginate");
    }

    @Override
    public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
            Map<String, String> h, Consumer<JsonNode> item) {
        throw new UnsupportedOperationException("the Cinder discoveries only paginate");
    }
}
