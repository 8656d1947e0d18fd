package org.ceilometer.osgi.pollster.share;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;

/** A catalog of one Manila endpoint and fixed JSON documents per URL; records the requests and headers. */
final class FakeManilaClient implements OpenStackClient {
    static final ObjectMapper MAPPER = new ObjectMapper();

    final Map<String, String> catalog = new HashMap<>();
    final Map<String, JsonNode> documents = new HashMap<>();
    final List<String> requested = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();

    FakeManilaClient endpoint(String type, String url) {
        catalog.put(type, url);
        return this;
    }

    FakeManilaClient serve(String url, String json) {
        try {
            documents.put(url, MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private JsonNode document(String url, Map<String, String> h) throws OpenStackException {
        requested.add(url);
        headers.add(h);
        JsonNode d = documents.get(url);
        if (d == null) {
            throw new OpenStackException("GET " + url + " failed: HTTP 404", 404);
        }
        return d;
    }

    @Override
    public void paginate(String url, String itemsKey, Map<String, String> h, Consumer<JsonNode> item)
            throws OpenStackException {
        document(url, h).path(itemsKey).forEach(item);
    }

    @Override
    public JsonNode getJson(String url, Map<String, String> h) throws OpenStackException {
        return document(url, h);
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
    public Response request(String method, String url, Map<String, String> h, byte[] body) {
        throw new UnsupportedOperationException("the Manila discovery only reads JSON");
    }

    @Override
    public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
            Map<String, String> h, Consumer<JsonNode> item) {
        throw new UnsupportedOperationException("the Manila discovery only reads JSON");
    }
}
