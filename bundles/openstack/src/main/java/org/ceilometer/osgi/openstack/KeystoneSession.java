package org.ceilometer.osgi.openstack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Keystone v3 session over one {@link HttpTransport}: the token is obtained on first use, shared by
 * all callers, renewed before it expires and once on a 401 (the request is then retried once).
 * Thread-safe. When the settings are incomplete or wrong, every call throws the reason.
 */
final class KeystoneSession implements OpenStackClient {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoneSession.class);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_EXCERPT = 200;

    private final Settings settings;
    private final OpenStackException problem;
    private final HttpTransport transport;
    private final Clock clock;
    private final String tokensUrl;

    private final Object authLock = new Object();
    private volatile Token token;
    /** Attempts to authenticate so far; with {@link #lastFailure} lets waiting callers share a failure. */
    private volatile long authAttempts;
    private OpenStackException lastFailure;

    private final Object life = new Object();
    private int inFlight;
    private boolean retired;
    private boolean closed;

    /**
     * @param transport used and released on {@link #retire()}; null when {@code problem} is set
     * @param problem why this session cannot work (missing or wrong settings), or null
     */
    KeystoneSession(Settings settings, OpenStackException problem, HttpTransport transport, Clock clock) {
        this.settings = settings;
        this.problem = problem;
        this.transport = transport;
        this.clock = clock;
        this.tokensUrl = settings != null && settings.authUrl != null
                ? Urls.identityV3(settings.authUrl) + "/auth/tokens"
                : null;
    }

    /** A session with its own transport, or one that reports why it cannot work. */
    static KeystoneSession create(Settings settings, Clock clock) {
        return create(settings, null, null, clock);
    }

    /**
     * @param previous the session being replaced, whose transport is reused when its settings match
     * @param resolveProblem a problem met while resolving the settings, or null
     */
    static KeystoneSession create(Settings settings, OpenStackException resolveProblem, KeystoneSession previous,
            Clock clock) {
        if (resolveProblem != null) {
            return new KeystoneSession(settings, resolveProblem, null, clock);
        }
        List<String> missing = settings.missing();
        if (!missing.isEmpty()) {
            return new KeystoneSession(settings, new OpenStackException("OpenStack credentials are not configured: "
                    + String.join(", ", missing) + " missing (set them in ceilometer.service_credentials, OS_* "
                    + "environment variables or clouds.yaml with OS_CLOUD)", -1), null, clock);
        }
        HttpTransport t;
        if (previous != null && previous.transport != null && previous.settings.sameTransport(settings)) {
            t = previous.transport.retain();
        } else {
            try {
                t = HttpTransport.create(settings);
            } catch (OpenStackException e) {
                return new KeystoneSession(settings, e, null, clock);
            }
        }
        return new KeystoneSession(settings, null, t, clock);
    }

    Settings settings() {
        return settings;
    }

    /** Why this session cannot work, or null. */
    OpenStackException problem() {
        return problem;
    }

    HttpTransport transport() {
        return transport;
    }

    // ---- life cycle: a replaced session finishes its calls, then lets its transport go ----

    /** Counts a call in; false when this session is already closed. */
    boolean enter() {
        synchronized (life) {
            if (closed) {
                return false;
            }
            inFlight++;
            return true;
        }
    }

    void exit() {
        boolean close;
        synchronized (life) {
            inFlight--;
            close = retired && inFlight == 0 && !closed;
            if (close) {
                closed = true;
            }
        }
        if (close) {
            closeTransport();
        }
    }

    /** No new callers will come; closes once the calls in flight are done. */
    void retire() {
        boolean close;
        synchronized (life) {
            retired = true;
            close = inFlight == 0 && !closed;
            if (close) {
                closed = true;
            }
        }
        if (close) {
            closeTransport();
        }
    }

    boolean isClosed() {
        synchronized (life) {
            return closed;
        }
    }

    private void closeTransport() {
        token = null;
        if (transport != null) {
            transport.release();
        }
    }

    // ---- OpenStackClient ----

    @Override
    public boolean isConfigured() {
        return problem == null;
    }

    @Override
    public String describe() {
        String d = settings == null ? "no settings" : settings.describe();
        if (problem != null) {
            return d + "; not usable: " + safe(problem.getMessage());
        }
        Token t = token;
        return d + "; token: " + (t == null ? "none yet" : "project " + t.projectId + ", expires " + t.expiresAt);
    }

    @Override
    public String toString() {
        return "KeystoneSession(" + describe() + ")";
    }

    @Override
    public List<String> endpoints(String serviceType) throws OpenStackException {
        return token().catalog.urls(serviceType, settings.interfaceName, settings.regionName);
    }

    @Override
    public String endpoint(String serviceType) throws OpenStackException {
        List<String> urls = endpoints(serviceType);
        if (urls.isEmpty()) {
            throw new EndpointNotFoundException(serviceType, settings.interfaceName, settings.regionName);
        }
        return urls.get(0);
    }

    @Override
    public String projectId() throws OpenStackException {
        Token t = token();
        if (t.projectId == null) {
            throw new OpenStackException("the Keystone token is not scoped to a project (" + settings.describe()
                    + ")", -1);
        }
        return t.projectId;
    }

    @Override
    public JsonNode getJson(String url, Map<String, String> headers) throws OpenStackException {
        return send("GET", url, headers, null, (resp, u) -> {
            requireSuccess("GET", u, resp);
            HttpEntity entity = resp.getEntity();
            if (entity == null) {
                return NullNode.getInstance();
            }
            try (InputStream in = entity.getContent()) {
                JsonNode n = JSON.readTree(in);
                return n == null || n.isMissingNode() ? NullNode.getInstance() : n;
            } catch (JsonProcessingException e) {
                throw malformed("GET", u, e);
            }
        });
    }

    @Override
    public Response request(String method, String url, Map<String, String> headers, byte[] body)
            throws OpenStackException {
        return send(method.toUpperCase(Locale.ROOT), url, headers, body, (resp, u) -> {
            Map<String, List<String>> h = new LinkedHashMap<>();
            for (Header header : resp.getHeaders()) {
                h.computeIfAbsent(header.getName(), k -> new ArrayList<>()).add(header.getValue());
            }
            HttpEntity entity = resp.getEntity();
            byte[] bytes = entity == null ? new byte[0] : entity.getContent().readAllBytes();
            return new Response(resp.getCode(), h, bytes);
        });
    }

    @Override
    public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item)
            throws OpenStackException {
        Set<String> seen = new HashSet<>();
        String current = url;
        while (current != null) {
            if (!seen.add(current)) {
                LOG.warn("Stopped a listing that loops: {} was already read (listing started at {})",
                        Urls.redact(current), Urls.redact(url));
                return;
            }
            Page page = send("GET", current, headers, null, (resp, u) -> readPage(resp, u, itemsKey, item));
            current = page.next == null ? null : Urls.resolveNext(url, page.next);
        }
    }

    @Override
    public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
            Map<String, String> headers, Consumer<JsonNode> item) throws OpenStackException {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
        Set<String> seenMarkers = new HashSet<>();
        String marker = null;
        while (true) {
            String pageUrl = Urls.withQuery(url, "limit", Integer.toString(limit));
            if (marker != null) {
                pageUrl = Urls.withQuery(pageUrl, "marker", marker);
            }
            JsonNode[] last = new JsonNode[1];
            Page page = send("GET", pageUrl, headers, null, (resp, u) -> readPage(resp, u, itemsKey, n -> {
                last[0] = n;
                item.accept(n);
            }));
            if (page.count < limit || last[0] == null) {
                return;
            }
            JsonNode m = last[0].get(markerField);
            if (m == null || !m.isValueNode() || m.asText().isEmpty()) {
                throw new OpenStackException("GET " + Urls.redact(pageUrl) + ": the last item has no '" + markerField
                        + "' to page on", -1);
            }
            if (!seenMarkers.add(m.asText())) {
                LOG.warn("Stopped a listing that loops: marker '{}' came twice at {}", m.asText(), Urls.redact(url));
                return;
            }
            marker = m.asText();
        }
    }

    // ---- pages ----

    /** What one page gave: how many items, and the next link if any. */
    private static final class Page {
        final int count;
        final String next;

        Page(int count, String next) {
            this.count = count;
            this.next = next;
        }
    }

    private Page readPage(ClassicHttpResponse resp, String url, String itemsKey, Consumer<JsonNode> item)
            throws IOException {
        requireSuccess("GET", url, resp);
        HttpEntity entity = resp.getEntity();
        if (entity == null || resp.getCode() == 204) {
            return new Page(0, null);
        }
        try (InputStream in = entity.getContent(); JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Page(0, null);
            }
            if (first == JsonToken.START_ARRAY) {
                return new Page(streamItems(p, item), null);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new OpenStackException("GET " + Urls.redact(url) + ": the response is neither a JSON object "
                        + "nor a list", resp.getCode());
            }
            if (itemsKey == null) {
                throw new OpenStackException("GET " + Urls.redact(url) + ": the response is an object, not a list",
                        resp.getCode());
            }
            int count = 0;
            boolean found = false;
            String next = null;
            String linksKey = itemsKey + "_links";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(itemsKey)) {
                    found = true;
                    if (value == JsonToken.START_ARRAY) {
                        count += streamItems(p, item);
                    } else if (value != JsonToken.VALUE_NULL) {
                        throw new OpenStackException("GET " + Urls.redact(url) + ": '" + itemsKey + "' is not a list",
                                resp.getCode());
                    }
                } else if (name.equals("next")) {
                    if (value == JsonToken.VALUE_STRING) {
                        next = nonEmpty(p.getText(), next);
                    } else {
                        p.skipChildren();
                    }
                } else if (name.equals("links") || name.equals(linksKey)) {
                    next = nonEmpty(nextOf(p.readValueAsTree()), next);
                } else {
                    p.skipChildren();
                }
            }
            if (!found) {
                throw new OpenStackException("GET " + Urls.redact(url) + ": the response has no '" + itemsKey
                        + "' list", resp.getCode());
            }
            return new Page(count, next);
        } catch (JsonProcessingException e) {
            throw malformed("GET", url, e);
        }
    }

    private static int streamItems(JsonParser p, Consumer<JsonNode> item) throws IOException {
        int count = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "the list is cut short");
            }
            JsonNode n = p.readValueAsTree();
            count++;
            item.accept(n);
        }
        return count;
    }

    private static String nonEmpty(String v, String otherwise) {
        return v == null || v.isBlank() ? otherwise : v;
    }

    /** {@code links.next} (object form) or the href of the {@code rel=next} entry (list form). */
    private static String nextOf(Object tree) {
        if (tree instanceof ObjectNode) {
            JsonNode n = ((ObjectNode) tree).get("next");
            return n != null && n.isTextual() ? n.asText() : null;
        }
        if (tree instanceof ArrayNode) {
            for (JsonNode link : (ArrayNode) tree) {
                if ("next".equals(link.path("rel").asText(null)) && link.path("href").isTextual()) {
                    return link.path("href").asText();
                }
            }
        }
        return null;
    }

    // ---- requests ----

    /** Reads a response; may throw {@link OpenStackException} (with the URL) for errors. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(ClassicHttpResponse response, String url) throws IOException;
    }

    /** Marks the first answer as a 401, to renew the token and retry once. */
    private static final Object UNAUTHORIZED = new Object();

    private <T> T send(String method, String url, Map<String, String> headers, byte[] body, Reader<T> reader)
            throws OpenStackException {
        URI uri = checkedUri(method, url);
        Token t = token();
        for (int attempt = 1; ; attempt++) {
            HttpUriRequestBase req = new HttpUriRequestBase(method, uri);
            boolean accept = false;
            String contentType = null;
            if (headers != null) {
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    if (h.getKey().equalsIgnoreCase("Content-Type")) {
                        contentType = h.getValue();
                        continue;
                    }
                    accept |= h.getKey().equalsIgnoreCase("Accept");
                    req.addHeader(h.getKey(), h.getValue());
                }
            }
            if (!accept) {
                req.addHeader("Accept", "application/json");
            }
            req.setHeader("X-Auth-Token", t.value);
            if (body != null) {
                req.setEntity(new ByteArrayEntity(body,
                        ContentType.parse(contentType == null ? "application/json" : contentType)));
            } else if (contentType != null) {
                req.addHeader("Content-Type", contentType);
            }
            boolean retryable = attempt == 1;
            HttpClientResponseHandler<Object> handler = resp -> {
                if (resp.getCode() == 401 && retryable) {
                    return UNAUTHORIZED;
                }
                return reader.read(resp, url);
            };
            Object result = execute(method, url, req, handler);
            if (result != UNAUTHORIZED) {
                @SuppressWarnings("unchecked")
                T r = (T) result;
                return r;
            }
            LOG.debug("{} {} answered 401: renewing the token and retrying once", method, Urls.redact(url));
            t = renew(t);
        }
    }

    private Object execute(String method, String url, HttpUriRequestBase req, HttpClientResponseHandler<Object> h)
            throws OpenStackException {
        try {
            return transport.client().execute(req, h);
        } catch (OpenStackException e) {
            throw e;
        } catch (IOException e) {
            throw new OpenStackException(method + " " + Urls.redact(url) + " failed: " + ioReason(e), e);
        } catch (IllegalStateException e) {
            throw new OpenStackException(method + " " + Urls.redact(url) + " failed: the client is closed", e);
        }
    }

    private URI checkedUri(String method, String url) throws OpenStackException {
        if (url == null) {
            throw new OpenStackException(method + ": no URL given", -1);
        }
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new OpenStackException(method + " " + Urls.redact(url) + ": invalid URL", -1);
        }
    }

    private String ioReason(IOException e) {
        if (e instanceof ConnectTimeoutException) {
            return "no connection within " + settings.connectTimeout.toMillis() + " ms";
        }
        if (e instanceof SocketTimeoutException) {
            return "no response within " + settings.readTimeout.toMillis() + " ms";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + safe(m));
    }

    private void requireSuccess(String method, String url, ClassicHttpResponse resp) throws IOException {
        int code = resp.getCode();
        if (code >= 200 && code < 300) {
            return;
        }
        throw new OpenStackException(method + " " + Urls.redact(url) + " failed: HTTP " + code
                + reason(resp) + excerpt(resp), code);
    }

    private static String reason(ClassicHttpResponse resp) {
        String r = resp.getReasonPhrase();
        return r == null || r.isEmpty() ? "" : " " + r;
    }

    /** A short, single-line excerpt of an error body, with any secret masked. */
    private String excerpt(ClassicHttpResponse resp) {
        HttpEntity entity = resp.getEntity();
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            byte[] b = in.readNBytes(4096);
            String text = new String(b, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
            if (text.isEmpty()) {
                return "";
            }
            if (text.length() > ERROR_EXCERPT) {
                text = text.substring(0, ERROR_EXCERPT) + "...";
            }
            return ": " + safe(text);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private OpenStackException malformed(String method, String url, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        return new OpenStackException("malformed JSON in the response of " + method + " " + Urls.redact(url)
                + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()) + ": "
                + safe(e.getOriginalMessage()), e);
    }

    /** The message with the password, the application credential secret and the token masked. */
    String safe(String message) {
        if (message == null) {
            return null;
        }
        String m = message;
        if (settings != null) {
            m = mask(m, settings.password);
            m = mask(m, settings.applicationCredentialSecret);
        }
        Token t = token;
        if (t != null) {
            m = mask(m, t.value);
        }
        return m;
    }

    private static String mask(String message, String secret) {
        return secret == null || secret.length() < 3 ? message : message.replace(secret, "***");
    }

    // ---- the token ----

    /** The current token, authenticating first when there is none or it is due for renewal. */
    Token token() throws OpenStackException {
        if (problem != null) {
            throw again(problem);
        }
        Token t = token;
        if (t != null && !t.needsRenewal(clock.instant())) {
            return t;
        }
        return authenticateShared(null);
    }

    /** A fresh exception with the message and status of {@code e}, caused by it (never rethrow a shared one). */
    private static OpenStackException again(OpenStackException e) {
        OpenStackException fresh = new OpenStackException(e.getMessage(), e.status());
        fresh.initCause(e);
        return fresh;
    }

    /** After a 401 with {@code rejected}: a new token, shared with the other callers that saw the 401. */
    private Token renew(Token rejected) throws OpenStackException {
        return authenticateShared(rejected);
    }

    private Token authenticateShared(Token rejected) throws OpenStackException {
        long attemptsBefore = authAttempts;
        synchronized (authLock) {
            Token t = token;
            if (t != null && t != rejected && !t.needsRenewal(clock.instant())) {
                return t;
            }
            if (authAttempts != attemptsBefore && lastFailure != null) {
                // Another caller tried while this one waited, and failed: share its failure.
                throw again(lastFailure);
            }
            authAttempts++;
            try {
                t = authenticate();
                token = t;
                lastFailure = null;
                return t;
            } catch (OpenStackException e) {
                token = null;
                lastFailure = e;
                throw e;
            }
        }
    }

    private Token authenticate() throws OpenStackException {
        byte[] body = authBody();
        HttpUriRequestBase req = new HttpUriRequestBase("POST", checkedUri("POST", tokensUrl));
        req.addHeader("Accept", "application/json");
        req.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        Token t = (Token) execute("POST", tokensUrl, req, resp -> {
            int code = resp.getCode();
            if (code == 401) {
                throw new OpenStackException("Keystone refused the credentials: POST " + Urls.redact(tokensUrl)
                        + " answered HTTP 401 for " + who(), 401);
            }
            requireSuccess("POST", tokensUrl, resp);
            Header subject = resp.getFirstHeader("X-Subject-Token");
            if (subject == null || subject.getValue().isBlank()) {
                throw new OpenStackException("POST " + Urls.redact(tokensUrl)
                        + ": Keystone answered without an X-Subject-Token", code);
            }
            JsonNode tree;
            HttpEntity entity = resp.getEntity();
            try (InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
                tree = JSON.readTree(in);
            } catch (JsonProcessingException e) {
                throw malformed("POST", tokensUrl, e);
            }
            if (tree == null || !tree.path("token").isObject()) {
                throw new OpenStackException("POST " + Urls.redact(tokensUrl) + ": the response has no 'token'",
                        code);
            }
            return Token.parse(subject.getValue(), tree, clock.instant());
        });
        LOG.debug("Authenticated to {} as {}: token for project {} expires {}, catalog of {} endpoints",
                Urls.redact(tokensUrl), who(), t.projectId, t.expiresAt, t.catalog.size());
        return t;
    }

    /** Who authenticates, for messages: user, domain and project, never a secret. */
    private String who() {
        if (settings.isApplicationCredential()) {
            return "application credential "
                    + (settings.applicationCredentialId != null ? settings.applicationCredentialId
                            : "'" + settings.applicationCredentialName + "'");
        }
        StringBuilder sb = new StringBuilder("user ");
        sb.append(settings.userId != null ? settings.userId : "'" + settings.username + "'");
        if (settings.projectId != null) {
            sb.append(", project ").append(settings.projectId);
        } else if (settings.projectName != null) {
            sb.append(", project '").append(settings.projectName).append('\'');
        }
        return sb.toString();
    }

    /** The body of {@code POST /v3/auth/tokens}. */
    byte[] authBody() throws OpenStackException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode auth = root.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        Settings s = settings;
        if (s.isApplicationCredential()) {
            identity.putArray("methods").add("application_credential");
            ObjectNode ac = identity.putObject("application_credential");
            if (s.applicationCredentialId != null) {
                ac.put("id", s.applicationCredentialId);
            } else {
                ac.put("name", s.applicationCredentialName);
                ac.set("user", user(s));
            }
            ac.put("secret", s.applicationCredentialSecret);
        } else {
            identity.putArray("methods").add("password");
            ObjectNode user = user(s);
            user.put("password", s.password);
            identity.putObject("password").set("user", user);
            if (s.projectId != null) {
                auth.putObject("scope").putObject("project").put("id", s.projectId);
            } else if (s.projectName != null) {
                ObjectNode project = auth.putObject("scope").putObject("project");
                project.put("name", s.projectName);
                project.set("domain", domain(s.projectDomainId, s.projectDomainName, s));
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new OpenStackException("cannot write the authentication request", -1);
        }
    }

    private ObjectNode user(Settings s) {
        ObjectNode user = JSON.createObjectNode();
        if (s.userId != null) {
            user.put("id", s.userId);
        } else {
            user.put("name", s.username);
            user.set("domain", domain(s.userDomainId, s.userDomainName, s));
        }
        return user;
    }

    /** The given domain, else {@code default_domain_*}, else Keystone's default domain id {@code default}. */
    private ObjectNode domain(String id, String name, Settings s) {
        ObjectNode d = JSON.createObjectNode();
        if (id != null) {
            d.put("id", id);
        } else if (name != null) {
            d.put("name", name);
        } else if (s.defaultDomainId != null) {
            d.put("id", s.defaultDomainId);
        } else if (s.defaultDomainName != null) {
            d.put("name", s.defaultDomainName);
        } else {
            d.put("id", "default");
        }
        return d;
    }
}
