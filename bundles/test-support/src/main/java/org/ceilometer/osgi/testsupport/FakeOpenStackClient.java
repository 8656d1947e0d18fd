package org.ceilometer.osgi.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;

/**
 * An {@link OpenStackClient} that answers from canned responses by URL and records every request.
 *
 * <p><b>Routes.</b> A response is registered for a URL, for any method or for one. A URL registered
 * with a query answers that exact URL only; a URL registered without one also answers that path with
 * any query. A URL without a route answers 404. {@link #fail} makes a URL (same matching) answer an
 * error status until {@link #clearFailures}, whatever its route.
 *
 * <p><b>Calls,</b> as the real client makes them: {@link #getJson} throws on a non-2xx status;
 * {@link #request} returns every status; {@link #paginate} streams the items of a JSON array, or of
 * {@code itemsKey} in a document, and follows the document's {@code next}, {@code links.next} or
 * {@code <itemsKey>_links} next link to another route (once per URL); {@link #paginateByMarker} cuts the
 * list of the base URL's route into pages of {@code limit}, each asked for with {@code limit} and
 * {@code marker} as the real client asks, a page starting after the item whose {@code markerField} is
 * the marker.
 *
 * <p><b>Records:</b> every HTTP exchange ({@link #requests}, one per page), the URLs handed to the
 * paginating calls ({@link #paginated}) and the catalog reads ({@link #endpointLookups}). A hook set by
 * {@link #onRequest} runs inside every exchange, on the caller's thread. Thread-safe.
 */
public final class FakeOpenStackClient implements OpenStackClient {
    /** One HTTP exchange the fake answered: method, URL as sent, and headers. */
    public record Request(String method, String url, Map<String, String> headers) {
        /** {@code METHOD url}. */
        @Override
        public String toString() {
            return method + " " + url;
        }
    }

    /** Code run inside each exchange: to observe concurrency, hold a request, or fail it. */
    @FunctionalInterface
    public interface RequestHook {
        /**
         * Runs before the exchange is answered. An {@link OpenStackException} or a runtime exception fails
         * the call as it is; an interruption fails it with an {@link OpenStackException}, the thread's
         * interrupt flag set again.
         */
        void run(Request request) throws Exception;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANY = "*";

    private record Canned(int status, Map<String, List<String>> headers, byte[] body) {}

    private final Map<String, List<String>> catalog = new ConcurrentHashMap<>();
    private final Map<String, Canned> routes = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> paginated = new CopyOnWriteArrayList<>();
    private final AtomicInteger endpointLookups = new AtomicInteger();
    private volatile String projectId = "admin";
    private volatile RequestHook hook = r -> { };

    // ------------------------------------------------------------------ set-up

    /** Lists URLs under a service type in the catalog (replacing those it had). */
    public FakeOpenStackClient endpoint(String serviceType, String... urls) {
        catalog.put(serviceType, List.of(urls));
        return this;
    }

    /** Takes a service type out of the catalog. */
    public FakeOpenStackClient removeEndpoint(String serviceType) {
        catalog.remove(serviceType);
        return this;
    }

    /** Empties the catalog. */
    public FakeOpenStackClient clearCatalog() {
        catalog.clear();
        return this;
    }

    /** The project the token is scoped to; {@code admin} by default. */
    public FakeOpenStackClient projectId(String id) {
        this.projectId = id;
        return this;
    }

    /**
     * Serves a JSON document with status 200 to every method.
     *
     * @throws IllegalArgumentException when the text is not JSON (use {@link #respond} for other bodies)
     */
    public FakeOpenStackClient serve(String url, String json) {
        try {
            return serve(url, JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /** Serves a JSON document with status 200 to every method. */
    public FakeOpenStackClient serve(String url, JsonNode document) {
        return respond(ANY, url, 200, Map.of(), document.toString());
    }

    /** Serves a JSON array of the items with status 200 to every method. */
    public FakeOpenStackClient serve(String url, List<? extends JsonNode> items) {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(array::add);
        return serve(url, array);
    }

    /** Answers every method with status 200 and a body as it is (not checked to be JSON). */
    public FakeOpenStackClient respond(String url, String body) {
        return respond(url, 200, body);
    }

    /** Answers every method with a status and a body as it is (not checked to be JSON). */
    public FakeOpenStackClient respond(String url, int status, String body) {
        return respond(ANY, url, status, Map.of(), body);
    }

    /**
     * Answers one method (or every method for {@code "*"}) with a status, headers and a body. A route of
     * the method comes before a route of every method.
     */
    public FakeOpenStackClient respond(String method, String url, int status, Map<String, List<String>> headers,
            String body) {
        routes.put(key(method, url), new Canned(status, Map.copyOf(headers),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Makes a URL answer an error status (thrown by the reading calls, returned by {@link #request}). */
    public FakeOpenStackClient fail(String url, int status) {
        failures.put(url, status);
        return this;
    }

    /** Ends every {@link #fail}. */
    public FakeOpenStackClient clearFailures() {
        failures.clear();
        return this;
    }

    /** Sets the code run inside every exchange (replacing the one before). */
    public FakeOpenStackClient onRequest(RequestHook hook) {
        this.hook = hook;
        return this;
    }

    // ------------------------------------------------------------------ records

    /** Every exchange so far, in order: one per page of a listing. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Every exchange so far as {@code METHOD url}, in order. */
    public List<String> requestLines() {
        return requests.stream().map(Request::toString).toList();
    }

    /** The URL of every exchange so far, in order. */
    public List<String> urls() {
        return requests.stream().map(Request::url).toList();
    }

    /** The URLs handed to {@link #paginate} and {@link #paginateByMarker}, one per call, in order. */
    public List<String> paginated() {
        return List.copyOf(paginated);
    }

    /** How many times the catalog was read ({@link #endpoint(String)} and {@link #endpoints}). */
    public int endpointLookups() {
        return endpointLookups.get();
    }

    /** Forgets the requests and paginating calls recorded so far. */
    public FakeOpenStackClient clearRecords() {
        requests.clear();
        paginated.clear();
        return this;
    }

    // ------------------------------------------------------------------ OpenStackClient

    @Override
    public boolean isConfigured() {
        return true;
    }

    @Override
    public String describe() {
        return "fake OpenStack";
    }

    @Override
    public String toString() {
        return "FakeOpenStackClient";
    }

    @Override
    public List<String> endpoints(String serviceType) {
        endpointLookups.incrementAndGet();
        return catalog.getOrDefault(serviceType, List.of());
    }

    @Override
    public String endpoint(String serviceType) throws OpenStackException {
        List<String> urls = endpoints(serviceType);
        if (urls.isEmpty()) {
            throw new EndpointNotFoundException(serviceType, "public", null);
        }
        return urls.get(0);
    }

    @Override
    public String projectId() {
        return projectId;
    }

    @Override
    public JsonNode getJson(String url, Map<String, String> headers) throws OpenStackException {
        return read(exchange("GET", url, url, headers), "GET " + url);
    }

    @Override
    public Response request(String method, String url, Map<String, String> headers, byte[] body)
            throws OpenStackException {
        Canned c = exchange(method, url, url, headers);
        return new Response(c.status(), c.headers(), c.body());
    }

    @Override
    public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item)
            throws OpenStackException {
        paginated.add(url);
        Set<String> seen = new HashSet<>();
        String next = url;
        while (next != null && seen.add(next)) {
            JsonNode page = getJson(next, headers);
            (page.isArray() ? page : page.path(itemsKey)).forEach(item);
            next = nextLink(next, page, itemsKey);
        }
    }

    @Override
    public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
            Map<String, String> headers, Consumer<JsonNode> item) throws OpenStackException {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
        paginated.add(url);
        String marker = null;
        while (true) {
            String pageUrl = url + (url.contains("?") ? "&" : "?") + "limit=" + limit
                    + (marker == null ? "" : "&marker=" + URLEncoder.encode(marker, StandardCharsets.UTF_8)
                            .replace("+", "%20"));
            JsonNode document = read(exchange("GET", pageUrl, url, headers), "GET " + pageUrl);
            List<JsonNode> all = new ArrayList<>();
            (itemsKey == null || document.isArray() ? document : document.path(itemsKey)).forEach(all::add);
            int from = marker == null ? 0 : after(all, markerField, marker);
            List<JsonNode> page = all.subList(from, Math.min(all.size(), from + limit));
            page.forEach(item);
            if (page.size() < limit) {
                return;
            }
            marker = page.get(page.size() - 1).path(markerField).asText();
        }
    }

    // ------------------------------------------------------------------ inside

    private static String key(String method, String url) {
        return method + " " + url;
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Records an exchange sent to {@code sentUrl} and answers it from the routes of {@code routeUrl}. */
    private Canned exchange(String method, String sentUrl, String routeUrl, Map<String, String> headers)
            throws OpenStackException {
        Request request = new Request(method, sentUrl, headers == null ? Map.of() : Map.copyOf(headers));
        requests.add(request);
        runHook(request);
        String path = withoutQuery(routeUrl);
        Integer status = failures.containsKey(routeUrl) ? failures.get(routeUrl) : failures.get(path);
        if (status != null) {
            return new Canned(status, Map.of(), ("{\"error\": {\"code\": " + status + "}}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (String k : List.of(key(method, routeUrl), key(ANY, routeUrl), key(method, path), key(ANY, path))) {
            Canned c = routes.get(k);
            if (c != null) {
                return c;
            }
        }
        return new Canned(404, Map.of(), "{\"error\": \"not found\"}".getBytes(StandardCharsets.UTF_8));
    }

    private void runHook(Request request) throws OpenStackException {
        try {
            hook.run(request);
        } catch (OpenStackException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenStackException(request + " interrupted", e);
        } catch (Exception e) {
            throw new OpenStackException(request + " failed in the test's hook", e);
        }
    }

    private static JsonNode read(Canned c, String what) throws OpenStackException {
        if (c.status() < 200 || c.status() >= 300) {
            throw new OpenStackException(what + " answered " + c.status(), c.status());
        }
        try {
            return JSON.readTree(c.body());
        } catch (IOException e) {
            throw new OpenStackException(what + ": the body is not JSON", e);
        }
    }

    /** The position after the item whose marker field is the marker; the end when none is. */
    private static int after(List<JsonNode> items, String markerField, String marker) {
        for (int i = 0; i < items.size(); i++) {
            if (marker.equals(items.get(i).path(markerField).asText())) {
                return i + 1;
            }
        }
        return items.size();
    }

    private static String nextLink(String current, JsonNode page, String itemsKey) {
        String link = null;
        if (page.path("next").isTextual()) {
            link = page.path("next").asText();
        } else if (page.path("links").path("next").isTextual()) {
            link = page.path("links").path("next").asText();
        } else {
            for (JsonNode l : page.path(itemsKey + "_links")) {
                if ("next".equals(l.path("rel").asText())) {
                    link = l.path("href").asText();
                }
            }
        }
        return link == null || link.isEmpty() ? null : URI.create(current).resolve(link).toString();
    }
}
