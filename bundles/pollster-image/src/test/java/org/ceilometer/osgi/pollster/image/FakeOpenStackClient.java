package org.ceilometer.osgi.pollster.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;

/** Serves fixed image lists per endpoint from {@link #paginate}, and records the URLs asked for. */
final class FakeOpenStackClient implements OpenStackClient {
    final Map<String, List<JsonNode>> images = new HashMap<>();
    final Map<String, Integer> failing = new HashMap<>();
    final List<String> paginated = new CopyOnWriteArrayList<>();

    FakeOpenStackClient serve(String endpoint, List<JsonNode> list) {
        images.put(endpoint, new ArrayList<>(list));
        return this;
    }

    FakeOpenStackClient fail(String endpoint, int status) {
        failing.put(endpoint, status);
        return this;
    }

    @Override
    public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item)
            throws OpenStackException {
        paginated.add(url);
        if (!"images".equals(itemsKey)) {
            throw new IllegalArgumentException("items key " + itemsKey);
        }
        for (Map.Entry<String, Integer> f : failing.entrySet()) {
            if (url.startsWith(f.getKey() + "/")) {
                throw new OpenStackException("GET " + url + " answered " + f.getValue(), f.getValue());
            }
        }
        for (Map.Entry<String, List<JsonNode>> e : images.entrySet()) {
            if (url.startsWith(e.getKey() + "/v2/images")) {
                e.getValue().forEach(item);
                return;
            }
        }
        throw new OpenStackException("GET " + url + " answered 404", 404);
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
        return new ArrayList<>(images.keySet());
    }

    @Override
    public String endpoint(String serviceType) {
        return images.keySet().iterator().next();
    }

    @Override
    public String projectId() {
        return "admin";
    }

    @Override
    public JsonNode getJson(String url, Map<String, String> headers) {
        throw new UnsupportedOperationException("the image pollsters only paginate");
    }

    @Override
    public Response request(String method, String url, Map<String, String> headers, byte[] body) {
        throw new UnsupportedOperationException("the image pollsters only paginate");
    }

    @Override
    public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
            Map<String, String> headers, Consumer<JsonNode> item) {
        throw new UnsupportedOperationException("the image pollsters only paginate");
    }
}
