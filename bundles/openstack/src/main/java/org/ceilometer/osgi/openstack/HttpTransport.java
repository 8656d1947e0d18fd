package org.ceilometer.osgi.openstack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pooled HttpClient 5 (classic API) with the TLS settings and timeouts of a {@link Settings}.
 * Shared by the sessions whose transport settings are equal, and closed when the last lets go.
 */
final class HttpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager pool;
    private final AtomicInteger references = new AtomicInteger(1);

    private HttpTransport(CloseableHttpClient client, PoolingHttpClientConnectionManager pool) {
        this.client = client;
        this.pool = pool;
    }

    /**
     * @throws OpenStackException when {@code cafile} cannot be read or holds no certificate
     */
    static HttpTransport create(Settings s) throws OpenStackException {
        TlsSocketStrategy tls;
        if (s.insecure) {
            LOG.warn("TLS certificate verification is disabled for OpenStack requests (insecure=true)");
            tls = new DefaultClientTlsStrategy(TlsContexts.trustingAll(), NoopHostnameVerifier.INSTANCE);
        } else if (s.cafile != null) {
            SSLContext ctx = TlsContexts.trusting(s.cafile);
            tls = new DefaultClientTlsStrategy(ctx);
        } else {
            tls = DefaultClientTlsStrategy.createSystemDefault();
        }
        Timeout connect = Timeout.ofMilliseconds(s.connectTimeout.toMillis());
        Timeout read = Timeout.ofMilliseconds(s.readTimeout.toMillis());
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(tls)
                .setMaxConnTotal(s.maxParallelRequests)
                .setMaxConnPerRoute(s.maxParallelRequests)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        RequestConfig requests = RequestConfig.custom()
                .setConnectionRequestTimeout(read)
                .setResponseTimeout(read)
                .setRedirectsEnabled(false)
                .build();
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(requests)
                .setRetryStrategy(new StaleConnectionRetry())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("ceilometer-osgi")
                .build();
        return new HttpTransport(client, pool);
    }

    CloseableHttpClient client() {
        return client;
    }

    /** Connections leased and available, for tests and status. */
    String poolStats() {
        return pool.getTotalStats().toString();
    }

    HttpTransport retain() {
        references.incrementAndGet();
        return this;
    }

    void release() {
        if (references.decrementAndGet() == 0) {
            client.close(CloseMode.GRACEFUL);
        }
    }

    /**
     * Retries an idempotent request once when a pooled connection turned out to be closed by the
     * server; never on timeouts, never on a response status.
     */
    private static final class StaleConnectionRetry implements HttpRequestRetryStrategy {
        private static final Set<String> IDEMPOTENT = Set.of(Method.GET.name(), Method.HEAD.name(),
                Method.PUT.name(), Method.DELETE.name(), Method.OPTIONS.name());

        @Override
        public boolean retryRequest(HttpRequest request, IOException e, int execCount, HttpContext context) {
            if (execCount > 1 || !IDEMPOTENT.contains(request.getMethod())) {
                return false;
            }
            if (e instanceof InterruptedIOException || e instanceof UnknownHostException
                    || e instanceof ConnectException || e instanceof NoRouteToHostException
                    || e instanceof SSLException) {
                return false;
            }
            return e instanceof org.apache.hc.core5.http.NoHttpResponseException
                    || e instanceof ConnectionClosedException || e instanceof java.net.SocketException;
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ZERO_MILLISECONDS;
        }
    }
}
