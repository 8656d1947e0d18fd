package org.ceilometer.osgi.pollster.objectstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;

/**
 * Swift accounts in memory, served as the real client would: {@code HEAD} through {@link #request}
 * (statuses returned), listings through {@link #paginateByMarker} (statuses thrown). Records every
 * request; a hook runs inside each request to observe concurrency.
 */
class FakeSwiftClient implements OpenStackClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One account: its HEAD headers and its containers. */
    static final class Account {
        final Map<String, List<String>> headers = new HashMap<>();
        final List<JsonNode> containers = new ArrayList<>();

        Account head(long objects, long bytes, long containers) {
            headers.put("X-Account-Object-Count", List.of(Long.toString(objects)));
            headers.put("X-Account-Bytes-Used", List.of(Long.toString(bytes)));
            headers.put("X-Account-Container-Count", List.of(Long.toString(containers)));
            return this;
        }

        Account container(String name, Long count, Long bytes, String policy) {
            ObjectNode c = JSON.createObjectNode();
            c.put("name", name);
            if (count != null) {
                c.put("count", count);
            }
            if (bytes != null) {
                c.put("bytes", bytes);
            }
            c.put("last_modified", "2025-01-01T00:00:00.000000");
            if (policy != null) {
                c.put("storage_policy", policy);
            }
            containers.add(c);
            return this;
        }
    }

    String endpoint;
    final Map<String, Account> accounts = new ConcurrentHashMap<>();
    final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile int endpointLookups;
    volatile Runnable inRequest = () -> {};

    FakeSwiftClient(String endpoint) {
        this.endpoint = endpoint;
    }

    Account account(String url) {
        return accounts.computeIfAbsent(url, u -> new Account());
    }

    @Override
    public String endpoint(String serviceType) throws OpenStackException {
        endpointLookups++;
        if (!"object-store".equals(serviceType)) {
            throw new IllegalArgumentException(serviceType);
        }
        if (endpoint == null) {
            throw new EndpointNotFoundException(serviceType, "public", null);
        }
        return endpoint;
    }

    @Override
    public List<String> endpoints(String serviceType) {
        return endpoint == null ? List.of() : List.of(endpoint);
    }

    @Override
    public Response request(String method, String url, Map<String, String> headers, byte[] body)
            throws OpenStackException {
        requests.add(method + " " + url);
        inRequest.run();
        Integer status = statuses.get(url);
        if (status != null) {
            return new Response(status, Map.of(), new byte[0]);
        }
        Account a = accounts.get(url);
        if (a == null) {
            return new Response(404, Map.of(), new byte[0]);
        }
        return new Response(204, a.headers, new byte[0]);
    }

    @Override
    public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
            Map<String, String> headers, Consumer<JsonNode> item) throws OpenStackException {
        String account = url.substring(0, url.indexOf('?'));
        int page = 0;
        while (true) {
            requests.add("GET " + url + " limit=" + limit + " page=" + page);
            inRequest.run();
            Integer status = statuses.get(account);
            if (status != null) {
                throw new OpenStackException("GET " + url + " answered " + status, status);
            }
            Account a = accounts.get(account);
            if (a == null) {
                throw new OpenStackException("GET " + url + " answered 404", 404);
            }
            List<JsonNode> all = a.containers;
            int from = page * limit;
            int to = Math.min(all.size(), from + limit);
            for (int i = from; i < to; i++) {
                item.accept(all.get(i));
            }
            if (to - from < limit) {
                return;
            }
            page++;
        }
    }

    @Override
    public boolean isConfigured() {
        return true;
    }

    @Override
    public String describe() {
        return "fake Swift";
    }

    @Override
    public String projectId() {
        return "admin";
    }

    @Override
    public JsonNode getJson(String url, Map<String, String> headers) {
        throw new UnsupportedOperationException("the Swift pollsters do not GET JSON trees");
    }

    @Override
    public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item) {
        throw new UnsupportedOperationException("the Swift pollsters page by marker");
    }
}
