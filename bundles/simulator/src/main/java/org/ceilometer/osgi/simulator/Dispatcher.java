package org.ceilometer.osgi.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.ceilometer.osgi.simulator.core.ServiceContext;
import org.ceilometer.osgi.simulator.core.ServiceHandler;
import org.ceilometer.osgi.simulator.core.SimRequest;
import org.ceilometer.osgi.simulator.core.SimResponse;
import org.ceilometer.osgi.simulator.core.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HttpCore handler: counts the request, applies the faults, finds the service by the first
 * path segment, checks the token and writes the service's answer.
 */
final class Dispatcher implements HttpRequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_BODY = 1 << 20;
    private static final int MALFORMED_SOURCE_LIMIT = 64 * 1024;

    /** Thrown to make HttpCore close the connection without a response. */
    static final class SimulatedDrop extends SocketException {
        private static final long serialVersionUID = 1L;

        SimulatedDrop() {
            super("connection dropped by the simulator");
        }
    }

    /** A service and interface; {@code atRoot} keeps the first segment in the path (root aliases). */
    private record Route(ServiceHandler service, String interfaceName, boolean atRoot) {}

    private final ServiceContext context;
    private final Faults faults;
    private final RequestStats stats;
    private final Map<String, Route> routes = new LinkedHashMap<>();

    Dispatcher(ServiceContext context, Faults faults, RequestStats stats) {
        this.context = context;
        this.faults = faults;
        this.stats = stats;
        for (ServiceHandler s : context.services()) {
            for (String itf : ServiceContext.INTERFACES) {
                routes.put(ServiceContext.pathPrefix(s.type(), itf), new Route(s, itf, false));
            }
            for (String segment : s.rootSegments()) {
                routes.putIfAbsent(segment, new Route(s, "public", true));
            }
        }
    }

    @Override
    public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext httpContext)
            throws IOException {
        String uri = request.getPath() == null ? "/" : request.getPath();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 || q == uri.length() - 1 ? null : uri.substring(q + 1);
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        stats.record(method, path, query);

        Faults.Decision decision = faults.decide(path, query);
        if (!decision.delay().isZero()) {
            try {
                Thread.sleep(decision.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("simulator stopping");
            }
        }
        SimResponse answer;
        if (decision.action() == Faults.Kind.DROP) {
            throw new SimulatedDrop();
        } else if (decision.action() == Faults.Kind.FAIL) {
            answer = SimResponse.error(decision.status(), "Simulated failure of " + path);
        } else {
            answer = route(request, method, path, query);
        }
        write(answer, response, decision.action() == Faults.Kind.MALFORMED);
    }

    private SimResponse route(ClassicHttpRequest request, String method, String path, String query)
            throws IOException {
        int slash = path.indexOf('/', 1);
        String segment = slash < 0 ? path.substring(1) : path.substring(1, slash);
        Route route = routes.get(segment);
        if (route == null) {
            return SimResponse.error(404, "No service at " + path);
        }
        String below = route.atRoot() ? path : slash < 0 ? "/" : path.substring(slash);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : request.getHeaders()) {
            headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        }
        SimRequest req = new SimRequest(method, path, below, query, parseQuery(query), headers,
                readBody(request), route.interfaceName(),
                route.atRoot() ? context.baseUrl() : context.endpointBase(route.service(), route.interfaceName()),
                null);
        ServiceHandler service = route.service();
        if (service.requiresToken(req)) {
            TokenStore.Token token = context.tokens().validate(req.header("X-Auth-Token"));
            if (token == null) {
                return SimResponse.error(401, "The request you have made requires authentication.")
                        .header("WWW-Authenticate", "Keystone uri=\"" + context.baseUrl() + "/identity\"");
            }
            if (token.project() == null && service.requiresProjectScope()) {
                return SimResponse.error(403, "You are not authorized to perform the requested action: "
                        + "a project-scoped token is required.");
            }
            req = req.withToken(token);
        }
        try {
            return service.handle(req);
        } catch (RuntimeException e) {
            LOG.warn("simulated {} failed on {} {}", service.name(), method, path, e);
            return SimResponse.error(500, "Internal error of the simulated " + service.name());
        }
    }

    private void write(SimResponse answer, ClassicHttpResponse response, boolean malformed) {
        response.setCode(answer.status());
        response.setHeader("x-openstack-request-id", "req-" + UUID.randomUUID());
        answer.headers().forEach(response::setHeader);
        if (malformed) {
            response.setEntity(new ByteArrayEntity(truncated(answer), ContentType.APPLICATION_JSON));
        } else if (!answer.hasBody()) {
            response.setEntity(null);
        } else if (answer.isStreamed()) {
            response.setEntity(new StreamedJson(answer));
        } else {
            response.setEntity(new ByteArrayEntity(answer.bodyBytes(), ContentType.APPLICATION_JSON));
        }
    }

    /** The first half of the body (at most of its first 64 KiB): JSON that stops in the middle. */
    private static byte[] truncated(SimResponse answer) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        OutputStream limited = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (buf.size() >= MALFORMED_SOURCE_LIMIT) {
                    throw new IOException("enough");
                }
                buf.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                int room = MALFORMED_SOURCE_LIMIT - buf.size();
                buf.write(b, off, Math.min(room, len));
                if (len > room) {
                    throw new IOException("enough");
                }
            }
        };
        try {
            answer.writeBody(limited);
        } catch (IOException enough) {
            // the first 64 KiB are all we need
        }
        byte[] all = buf.toByteArray();
        if (all.length < 2) {
            return "{\"".getBytes(StandardCharsets.US_ASCII);
        }
        byte[] half = new byte[all.length / 2];
        System.arraycopy(all, 0, half, 0, half.length);
        return half;
    }

    private static byte[] readBody(ClassicHttpRequest request) throws IOException {
        HttpEntity entity = request.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new IOException("request body larger than " + MAX_BODY + " bytes");
            }
            return b;
        }
    }

    static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** A JSON body written to the connection as it is produced (chunked). */
    private static final class StreamedJson extends AbstractHttpEntity {
        private final SimResponse answer;

        StreamedJson(SimResponse answer) {
            super(ContentType.APPLICATION_JSON, null, true);
            this.answer = answer;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            answer.writeBody(out);
        }

        @Override
        public InputStream getContent() {
            return new java.io.ByteArrayInputStream(answer.bodyBytes());
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
