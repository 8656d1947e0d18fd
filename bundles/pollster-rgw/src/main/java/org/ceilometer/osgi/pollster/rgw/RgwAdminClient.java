package org.ceilometer.osgi.pollster.rgw;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.ssl.SSLBufferMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RGW admin ops API as Ceilometer's {@code RGWAdminClient} calls it: {@code GET} with
 * {@code Accept: application/json}, signed with AWS Signature Version 4 for service {@code s3} in
 * region {@code us-east-1} over {@code host}, {@code x-amz-content-sha256} (of the empty body) and
 * {@code x-amz-date}, as awscurl signs; anything but 200 is an error. Its own pooled HttpClient 5 with
 * the TLS settings of {@code [rgw_client]} ({@code insecure}, {@code cafile}, {@code tls_min_version},
 * {@code tls_max_version}), not those of the Keystone session; no Keystone token is sent.
 *
 * <p>Counted references let a configuration change replace a client while requests still run on it.
 */
final class RgwAdminClient implements RgwAdmin {
    /** Ceilometer's {@code _DEFAULT_REGION} (RGW's default zonegroup answers to it). */
    static final String REGION = "us-east-1";
    static final String SERVICE = "s3";
    static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(10);
    static final Timeout READ_TIMEOUT = Timeout.ofSeconds(60);
    private static final int MAX_CONNECTIONS = 64;
    private static final int MAX_ERROR_BODY = 8192;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Logger LOG = LoggerFactory.getLogger(RgwAdminClient.class);

    private final RgwSettings settings;
    private final Clock clock;
    private final SigV4 signer;
    private final CloseableHttpClient http;
    private final OpenStackException tlsProblem;
    private final AtomicInteger references = new AtomicInteger(1);
    private final AtomicBoolean warnedInsecure = new AtomicBoolean();

    RgwAdminClient(RgwSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.signer = settings.hasCredentials()
                ? new SigV4(settings.accessKey(), settings.secretKey(), REGION, SERVICE)
                : null;
        DefaultClientTlsStrategy tls;
        OpenStackException problem = null;
        try {
            tls = tls(settings);
        } catch (OpenStackException e) {
            problem = e;
            tls = DefaultClientTlsStrategy.createSystemDefault();
        }
        this.tlsProblem = problem;
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(tls)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(CONNECT_TIMEOUT)
                        .setSocketTimeout(READ_TIMEOUT)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(READ_TIMEOUT)
                        .setResponseTimeout(READ_TIMEOUT)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableAutomaticRetries()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("ceilometer-osgi")
                .build();
    }

    private static DefaultClientTlsStrategy tls(RgwSettings s) throws OpenStackException {
        String[] protocols = protocols(s.tlsMinVersion(), s.tlsMaxVersion());
        if (s.insecure()) {
            return new DefaultClientTlsStrategy(TlsTrust.trustingAll(), protocols, null, SSLBufferMode.STATIC,
                    HostnameVerificationPolicy.CLIENT, NoopHostnameVerifier.INSTANCE);
        }
        SSLContext ctx = s.cafile() == null ? TlsTrust.system() : TlsTrust.trusting(s.cafile());
        return new DefaultClientTlsStrategy(ctx, protocols, null, SSLBufferMode.STATIC,
                HostnameVerificationPolicy.BOTH, HttpsSupport.getDefaultHostnameVerifier());
    }

    /** The TLS protocols between the minimum and the maximum version; null (the JDK's) when neither is set. */
    static String[] protocols(String min, String max) {
        if (min == null && max == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int lo = min == null ? 0 : RgwSettings.TLS_VERSIONS.indexOf(min);
        int hi = max == null ? RgwSettings.TLS_VERSIONS.size() - 1 : RgwSettings.TLS_VERSIONS.indexOf(max);
        for (int i = lo; i <= hi; i++) {
            out.add("TLSv" + RgwSettings.TLS_VERSIONS.get(i));
        }
        if (out.isEmpty()) {
            LOG.warn("[rgw_client] tls_min_version {} is above tls_max_version {}: both are ignored", min, max);
            return null;
        }
        return out.toArray(new String[0]);
    }

    @Override
    public RgwSettings settings() {
        return settings;
    }

    @Override
    public <T> T get(String url, BodyReader<T> reader) throws OpenStackException {
        if (signer == null) {
            throw new OpenStackException("[rgw_admin_credentials] access_key and secret_key are not configured", -1);
        }
        if (tlsProblem != null) {
            throw tlsProblem;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new OpenStackException("not a URL: " + url, e);
        }
        if ("https".equalsIgnoreCase(uri.getScheme()) && settings.insecure() && warnedInsecure.compareAndSet(false, true)) {
            LOG.warn("TLS certificates of the RGW admin API are not verified ([rgw_client] insecure=true, "
                    + "Ceilometer's default); set insecure=false (and cafile) to verify them");
        }
        String host = hostHeader(uri);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String amzDate = SigV4.AMZ_DATE.format(now);
        SigV4.Signature signature = signer.sign("GET", uri.getRawPath(), uri.getRawQuery(),
                List.of(Map.entry("host", host), Map.entry("x-amz-content-sha256", SigV4.EMPTY_PAYLOAD_SHA256),
                        Map.entry("x-amz-date", amzDate)),
                SigV4.EMPTY_PAYLOAD_SHA256, now);
        HttpGet get = new HttpGet(uri);
        get.setHeader("Host", host);
        get.setHeader("Accept", "application/json");
        get.setHeader("X-Amz-Date", amzDate);
        get.setHeader("X-Amz-Content-Sha256", SigV4.EMPTY_PAYLOAD_SHA256);
        get.setHeader("Authorization", signature.authorization());
        try {
            return http.execute(get, response -> {
                int status = response.getCode();
                HttpEntity entity = response.getEntity();
                if (status != 200) {
                    byte[] body = entity == null ? new byte[0] : entity.getContent().readNBytes(MAX_ERROR_BODY);
                    String code = errorCode(body);
                    throw new Answered(new RgwAdminException("GET " + url + " answered " + status
                            + (code == null ? "" : " " + code), status, code));
                }
                try (InputStream in = entity == null ? new ByteArrayInputStream(new byte[0]) : entity.getContent()) {
                    return reader.read(in);
                }
            });
        } catch (Answered e) {
            throw e.error;
        } catch (InterruptedIOException e) {
            throw new OpenStackException("GET " + url + " timed out or was interrupted: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new OpenStackException("GET " + url + " failed: " + e, e);
        }
    }

    /** Carries an error answer out of the response handler. */
    private static final class Answered extends IOException {
        private static final long serialVersionUID = 1L;
        final transient RgwAdminException error;

        Answered(RgwAdminException error) {
            super(error.getMessage(), null);
            this.error = error;
        }
    }

    /** The {@code Host} header the request carries and signs: the URL's host, its port unless the scheme's default. */
    static String hostHeader(URI uri) {
        String host = uri.getHost();
        int port = uri.getPort();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return (defaultPort ? host : host + ":" + port).toLowerCase(Locale.ROOT);
    }

    /** RGW's {@code Code} from a JSON error body ({@code {"Code": "AccessDenied", ...}}), or null. */
    static String errorCode(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("Code".equals(name) && t == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            // an XML or cut body: the status tells enough
            String text = new String(body, StandardCharsets.UTF_8);
            int i = text.indexOf("<Code>");
            int j = text.indexOf("</Code>");
            if (i >= 0 && j > i) {
                return text.substring(i + "<Code>".length(), j);
            }
        }
        return null;
    }

    /** Takes a reference for one use; false once the client is closed. */
    boolean retain() {
        while (true) {
            int n = references.get();
            if (n <= 0) {
                return false;
            }
            if (references.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Gives a reference back; the last one closes the HTTP client. */
    void release() {
        if (references.decrementAndGet() == 0) {
            http.close(CloseMode.GRACEFUL);
        }
    }

    @Override
    public String toString() {
        return "RgwAdminClient[" + settings + "]";
    }
}
