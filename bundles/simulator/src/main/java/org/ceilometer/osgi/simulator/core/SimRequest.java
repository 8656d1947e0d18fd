package org.ceilometer.osgi.simulator.core;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as a service handler sees it: the path below the service's prefix, the query
 * parameters in their order, the headers, the body, which catalog interface it came through and,
 * once checked, the caller's token.
 */
public final class SimRequest {
    private final String method;
    private final String rawPath;
    private final String path;
    private final String query;
    private final Map<String, List<String>> params;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String interfaceName;
    private final String endpointUrl;
    private final TokenStore.Token token;

    /**
     * @param rawPath the request path as received, without the query
     * @param path the path below the service prefix ({@code /v2/images}); never empty, at least {@code /}
     * @param query the raw query string, or null
     * @param params the decoded query parameters, in request order
     * @param headers the headers, with lower-case names
     * @param interfaceName {@code public}, {@code internal} or {@code admin}
     * @param endpointUrl this service's endpoint URL for that interface
     * @param token the caller's valid token, or null when the request had none (or needs none)
     */
    public SimRequest(String method, String rawPath, String path, String query, Map<String, List<String>> params,
            Map<String, String> headers, byte[] body, String interfaceName, String endpointUrl,
            TokenStore.Token token) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.rawPath = rawPath;
        this.path = path;
        this.query = query;
        this.params = Collections.unmodifiableMap(params);
        this.headers = Collections.unmodifiableMap(headers);
        this.body = body == null ? new byte[0] : body;
        this.interfaceName = interfaceName;
        this.endpointUrl = endpointUrl;
        this.token = token;
    }

    /** This request with the caller's token attached. */
    public SimRequest withToken(TokenStore.Token t) {
        return new SimRequest(method, rawPath, path, query, params, headers, body, interfaceName, endpointUrl, t);
    }

    public String method() {
        return method;
    }

    public String rawPath() {
        return rawPath;
    }

    public String path() {
        return path;
    }

    public String query() {
        return query;
    }

    /** The query parameters in request order; a name may repeat. */
    public Map<String, List<String>> params() {
        return params;
    }

    /** The first value of a query parameter, or null. */
    public String param(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** A header, by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public byte[] body() {
        return body;
    }

    public String interfaceName() {
        return interfaceName;
    }

    public String endpointUrl() {
        return endpointUrl;
    }

    /** The caller's token, or null. */
    public TokenStore.Token token() {
        return token;
    }

    /** Whether the method is {@code GET} or {@code HEAD}. */
    public boolean isRead() {
        return "GET".equals(method) || "HEAD".equals(method);
    }
}
