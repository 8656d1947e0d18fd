package org.ceilometer.osgi.pollster.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;
import org.ceilometer.osgi.simulator.Simulator;

/**
 * Just enough of an {@link OpenStackClient} to run the pollsters against the simulator: a Keystone
 * v3 password token (renewed once on a 401), the catalog for one interface, JSON GETs and
 * pagination by {@code next} (Glance, relative to the endpoint), {@code links.next} and
 * {@code <key>_links}. The real client lives in the openstack bundle.
 */
final class SimulatorClient implements OpenStackClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Simulator sim;
    private final String interfaceName;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private JsonNode tokenBody;

    SimulatorClient(Simulator sim, String interfaceName) {
        this.sim = sim;
        this.interfaceName = interfaceName;
    }

    private synchronized String token() throws OpenStackException {
        if (token == null) {
            String body = "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {"
                    + "\"name\": \"" + sim.username() + "\", \"domain\": {\"name\": \"" + sim.userDomainName()
                    + "\"}, \"password\": \"" + sim.password() + "\"}}}, \"scope\": {\"project\": {\"name\": \""
                    + sim.projectName() + "\", \"domain\": {\"name\": \"" + sim.projectDomainName() + "\"}}}}}";
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(sim.authUrl() + "/auth/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)), "POST " + sim.authUrl() + "/auth/tokens");
            if (r.statusCode() != 201) {
                throw new OpenStackException("authentication answered " + r.statusCode(), r.statusCode());
            }
            token = r.headers().firstValue("X-Subject-Token").orElseThrow();
            tokenBody = parse(r.body(), "token");
        }
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b, String what) throws OpenStackException {
        try {
            return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new OpenStackException(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenStackException(what + " interrupted", e);
        }
    }

    private static JsonNode parse(byte[] body, String what) throws OpenStackException {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new OpenStackException(what + ": the body is not JSON", e);
        }
    }

    @Override
    public boolean isConfigured() {
        return true;
    }

    @Override
    public String describe() {
        return sim.authUrl() + " (" + interfaceName + ")";
    }

    @Override
    public List<String> endpoints(String serviceType) throws OpenStackException {
        token();
        List<String> urls = new ArrayList<>();
        for (JsonNode service : tokenBody.path("token").path("catalog")) {
            if (serviceType.equals(service.path("type").asText())) {
                for (JsonNode e : service.path("endpoints")) {
                    if (interfaceName.equals(e.path("interface").asText())) {
                        urls.add(e.path("url").asText());
                    }
                }
            }
        }
        return urls;
    }

    @Override
    public String endpoint(String serviceType) throws OpenStackException {
        List<String> urls = endpoints(serviceType);
        if (urls.isEmpty()) {
            throw new EndpointNotFoundException(serviceType, interfaceName, null);
        }
        return urls.get(0);
    }

    @Override
    public String projectId() throws OpenStackException {
        token();
        return tokenBody.path("token").path("project").path("id").asText();
    }

    @Override
    public JsonNode getJson(String url, Map<String, String> headers) throws OpenStackException {
        Response r = request("GET", url, headers, null);
        if (!r.isSuccess()) {
            throw new OpenStackException("GET " + url + " answered " + r.status(), r.status());
        }
        return parse(r.body(), "GET " + url);
    }

    @Override
    public Response request(String method, String url, Map<String, String> headers, byte[] body)
            throws OpenStackException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("X-Auth-Token", token())
                    .header("Accept", "application/json");
            headers.forEach(b::header);
            HttpResponse<byte[]> r = send(b, method + " " + url);
            if (r.statusCode() == 401 && attempt == 0) {
                forgetToken();
                continue;
            }
            return new Response(r.statusCode(), r.headers().map(), r.body());
        }
    }

    @Override
    public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item)
            throws OpenStackException {
        String next = url;
        while (next != null) {
            JsonNode page = getJson(next, headers);
            JsonNode items = page.isArray() ? page : page.path(itemsKey);
            items.forEach(item);
            next = nextUrl(next, page, itemsKey);
        }
    }

    private static String nextUrl(String current, JsonNode page, String itemsKey) {
        if (page.path("next").isTextual()) {
            return resolve(current, page.path("next").asText());
        }
        if (page.path("links").path("next").isTextual()) {
            return resolve(current, page.path("links").path("next").asText());
        }
        for (JsonNode link : page.path(itemsKey + "_links")) {
            if ("next".equals(link.path("rel").asText())) {
                return resolve(current, link.path("href").asText());
            }
        }
        return null;
    }

    /**
     * Glance's {@code next} is a path from the service root ({@code /v2/images?marker=...}), while the
     * endpoint may sit below a prefix ({@code http://host/image}): keep the current URL's part before
     * the link's first segment.
     */
    static String resolve(String current, String link) {
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return link;
        }
        URI cur = URI.create(current);
        String path = cur.getRawPath();
        int slash = link.indexOf('/', 1);
        String firstSegment = slash < 0 ? link : link.substring(0, slash + 1);
        int at = path.indexOf(firstSegment);
        String prefix = at < 0 ? "" : path.substring(0, at);
        return cur.getScheme() + "://" + cur.getRawAuthority() + prefix + link;
    }

    @Override
    public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
            Map<String, String> headers, Consumer<JsonNode> item) {
        throw new UnsupportedOperationException("not needed by the image pollsters");
    }
}
