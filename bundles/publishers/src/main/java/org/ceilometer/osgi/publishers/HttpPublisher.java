package org.ceilometer.osgi.publishers;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.ceilometer.osgi.api.Publisher;
import org.ceilometer.osgi.api.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code http://} and {@code https://}: Ceilometer master's {@code HttpPublisher}
 * ({@code ceilometer/publisher/http.py}). Samples are POSTed as JSON ({@code json.dumps} of
 * {@code sample.as_dict()}, {@code Content-type: application/json}): one list per batch, or one object
 * per request with {@code batch=false}.
 *
 * <p>Options, removed from the URL before it is used (other query options stay in the target URL):
 * <ul>
 * <li>{@code timeout} (s, default 5): connect and read timeout;</li>
 * <li>{@code max_retries} (default 2): retries of a request that could not connect, as requests'
 * adapter retries;</li>
 * <li>{@code batch} (default true);</li>
 * <li>{@code verify_ssl} (default true): false trusts any certificate, a path trusts the CA
 * certificates of that PEM file;</li>
 * <li>{@code clientcert}, {@code clientkey}: PEM files of a client certificate and its key;</li>
 * <li>{@code raw_only}: for events only, accepted and without effect on samples;</li>
 * <li>{@code poolsize}: connections kept (before Ceilometer moved it to {@code [DEFAULT]
 * max_parallel_requests}, which the agent may pass as {@code agentOptions.max_parallel_requests};
 * default 64).</li>
 * </ul>
 * Basic authentication comes from the URL's {@code user:password@}.
 *
 * <p>Unlike Ceilometer, which logs a failed POST and forgets it, an answer other than 2xx fails the
 * publish, so that the pipeline's queue policy decides. Values that are not valid fail the creation
 * instead of falling back to defaults.
 */
final class HttpPublisher implements Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(HttpPublisher.class);
    private static final ContentType JSON = ContentType.create("application/json");
    static final int DEFAULT_POOL = 64;

    private final String target;
    private final String authorization;
    private final boolean batch;
    private final int maxRetries;
    private final CloseableHttpClient client;

    HttpPublisher(URI url, Map<String, Object> agentOptions) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("http publisher: '" + scheme + "' is not http or https");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("http publisher: the hostname of the endpoint is required "
                    + "(and a port, if any, must be a number)");
        }
        UrlOptions o = new UrlOptions(scheme, url);
        int timeoutSeconds = o.integer("timeout", 5, 1);
        this.maxRetries = o.integer("max_retries", 2, 0);
        this.batch = o.bool("batch", true);
        boolean verify = true;
        String caFile = null;
        String v = o.take("verify_ssl");
        if (v != null && !v.isEmpty()) {
            Boolean b = UrlOptions.parseBool(v);
            if (b != null) {
                verify = b;
            } else {
                caFile = v;
            }
        }
        String clientCert = emptyToNull(o.take("clientcert"));
        String clientKey = emptyToNull(o.take("clientkey"));
        if (clientKey != null && clientCert == null) {
            throw o.error("clientkey", "needs clientcert");
        }
        o.bool("raw_only", false);
        int pool = o.integer("poolsize", poolDefault(agentOptions), 1);

        String userInfo = url.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            String credentials = userInfo.contains(":") ? userInfo : userInfo + ":";
            this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8));
        } else {
            this.authorization = null;
        }
        StringBuilder t = new StringBuilder(scheme).append("://").append(url.getHost());
        if (url.getPort() != -1) {
            t.append(':').append(url.getPort());
        }
        t.append(url.getRawPath() == null ? "" : url.getRawPath());
        String query = o.remainingRawQuery();
        if (!query.isEmpty()) {
            t.append('?').append(query);
        }
        if (url.getRawFragment() != null) {
            t.append('#').append(url.getRawFragment());
        }
        this.target = t.toString();

        TlsSocketStrategy tls;
        if (scheme.equals("https") || clientCert != null || caFile != null || !verify) {
            SSLContext ctx = TlsMaterial.context(caFile, !verify, clientCert, clientKey);
            tls = verify ? new DefaultClientTlsStrategy(ctx) : new DefaultClientTlsStrategy(ctx, NoopHostnameVerifier.INSTANCE);
        } else {
            tls = DefaultClientTlsStrategy.createSystemDefault();
        }
        Timeout timeout = Timeout.ofSeconds(timeoutSeconds);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(tls)
                        .setMaxConnTotal(pool)
                        .setMaxConnPerRoute(pool)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        LOG.debug("HttpPublisher for endpoint {} is initialized", target);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static int poolDefault(Map<String, Object> agentOptions) {
        Object v = agentOptions == null ? null : agentOptions.get("max_parallel_requests");
        if (v instanceof Number && ((Number) v).intValue() > 0) {
            return ((Number) v).intValue();
        }
        if (v instanceof CharSequence && v.toString().trim().matches("[1-9]\\d{0,5}")) {
            return Integer.parseInt(v.toString().trim());
        }
        return DEFAULT_POOL;
    }

    /** The URL POSTed to: without credentials and without the publisher's own options. */
    String target() {
        return target;
    }

    @Override
    public void publish(List<Sample> samples) throws IOException {
        if (samples.isEmpty()) {
            LOG.debug("Data set is empty!");
            return;
        }
        if (batch) {
            List<Map<String, Object>> data = new ArrayList<>(samples.size());
            for (Sample s : samples) {
                data.add(SampleDicts.asDict(s));
            }
            post(PyJson.dumps(data));
        } else {
            for (Sample s : samples) {
                post(PyJson.dumps(SampleDicts.asDict(s)));
            }
        }
    }

    private void post(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; ; attempt++) {
            HttpPost post = new HttpPost(target);
            post.setEntity(new ByteArrayEntity(bytes, JSON));
            if (authorization != null) {
                post.setHeader("Authorization", authorization);
            }
            int status;
            String reason;
            try {
                String[] answer = client.execute(post, response -> {
                    EntityUtils.consume(response.getEntity());
                    return new String[] {Integer.toString(response.getCode()), response.getReasonPhrase()};
                });
                status = Integer.parseInt(answer[0]);
                reason = answer[1];
            } catch (ConnectException | ConnectTimeoutException | NoRouteToHostException | UnknownHostException e) {
                if (attempt < maxRetries) {
                    LOG.debug("POST to {} could not connect ({}), retry {} of {}", target, e.toString(), attempt + 1,
                            maxRetries);
                    continue;
                }
                throw new IOException("http publisher: POST to " + target + " failed after " + (attempt + 1)
                        + " attempt(s): " + e.getMessage(), e);
            }
            if (status < 200 || status >= 300) {
                throw new IOException("http publisher: POST to " + target + " answered " + status
                        + (reason == null ? "" : " " + reason));
            }
            LOG.debug("Message posting to {}: status code {}.", target, status);
            return;
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
