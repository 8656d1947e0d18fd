package org.ceilometer.osgi.pollster.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;

/** An OpenStackClient that serves canned responses by URL and records every request. */
final class FakeOpenStack implements OpenStackClient {
    record Call(String method, String url, Map<String, String> headers) {}

    final Map<String, List<String>> catalog = new ConcurrentHashMap<>();
    final Map<String, Response> routes = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** When set, requests wait on it; an interrupt ends the wait. */
    volatile CountDownLatch gate;
    /** Counts the requests that were interrupted while waiting on the gate. */
    final CountDownLatch interrupted = new CountDownLatch(1);

    FakeOpenStack endpoint(String type, String... urls) {
        catalog.put(type, List.of(urls));
        return this;
    }

    FakeOpenStack respond(String url, String body) {
        return respond(url, 200, body);
    }

    FakeOpenStack respond(String url, int status, String body) {
        routes.put(url, new Response(status, Map.of(), body.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    List<String> urls() {
        return calls.stream().map(Call::url).toList();
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
        return catalog.getOrDefault(serviceType, List.of());
    }

    @Override
    public String endpoint(String serviceType) throws OpenStackException {
        List<String> e = endpoints(serviceType);
        if (e.isEmpty()) {
            throw new OpenStackException("no " + serviceType, -1);
        }
        return e.get(0);
    }

    @Override
    public String projectId() {
        return "service-project";
    }

    @Override
    public JsonNode getJson(String url, Map<String, String> headers) throws OpenStackException {
        Response r = request("GET", url, headers, null);
        try {
            return new ObjectMapper().readTree(r.body());
        } catch (java.io.IOException e) {
            throw new OpenStackException("not JSON", e);
        }
    }

    @Override
    public Response request(String method, String url, Map<String, String> headers, byte[] body)
            throws OpenStackException {
        calls.add(new Call(method, url, Map.copyOf(headers)));
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                Thread.currentThread().interrupt();
                throw new OpenStackException("interrupted", -1);
            }
        }
        Response r = routes.get(url);
        return r != null ? r : new Response(404, Map.of(), "{\"error\": \"not found\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
            Map<String, String> headers, Consumer<JsonNode> item) {
        throw new UnsupportedOperationException();
    }
}
