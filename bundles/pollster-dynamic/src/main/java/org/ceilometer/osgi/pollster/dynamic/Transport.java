package org.ceilometer.osgi.pollster.dynamic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.Response;

/** How a definition's GETs are sent: with the Keystone session, or directly with the definition's authenticator. */
interface Transport {
    /** The largest response body read, in bytes. */
    int MAX_BODY = 64 * 1024 * 1024;

    /**
     * The body of a successful GET.
     *
     * @throws IOException naming the URL without credentials and the status, or the timeout
     */
    String get(String url, Map<String, String> headers, Duration timeout) throws IOException, InterruptedException;

    static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return s == Math.rint(s) ? (long) s + " s" : s + " s";
    }

    /**
     * Through {@link PollContext#openstack()}: the token, the catalog's TLS settings and the session's own
     * timeouts. The definition's {@code timeout} bounds the wait: the request runs on the context's pool
     * and is cancelled when the time is up.
     */
    final class OpenStack implements Transport {
        private final PollContext context;

        OpenStack(PollContext context) {
            this.context = context;
        }

        @Override
        public String get(String url, Map<String, String> headers, Duration timeout)
                throws IOException, InterruptedException {
            OpenStackClient client = context.openstack();
            if (client == null) {
                throw new IOException("no OpenStack session is configured");
            }
            FutureTask<Response> task = new FutureTask<>(() -> client.request("GET", url, headers, null));
            try {
                context.executor().execute(task);
            } catch (RejectedExecutionException | NullPointerException e) {
                task.run();
            }
            Response r;
            try {
                r = task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                task.cancel(true);
                throw new IOException("GET " + Urls.redact(url) + ": no response within " + seconds(timeout)
                        + " (timeout)");
            } catch (InterruptedException e) {
                task.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException) {
                    throw (IOException) c;
                }
                throw new IOException("GET " + Urls.redact(url) + ": " + c, c);
            }
            if (!r.isSuccess()) {
                throw new IOException("GET " + Urls.redact(url) + ": HTTP " + r.status());
            }
            return r.bodyText();
        }
    }

    /**
     * Straight to a non-OpenStack API, as master's {@code requests.get(url, auth=...)}: no Keystone token,
     * the authenticator's headers, connect and read timeouts of the definition's {@code timeout}. Redirects
     * are not followed, so that credentials never reach another host.
     */
    final class Direct implements Transport {
        private final Authenticator authenticator;
        private final List<String> credentials;
        private final Clock clock;

        Direct(Authenticator authenticator, List<String> credentials, Clock clock) {
            this.authenticator = authenticator;
            this.credentials = credentials;
            this.clock = clock;
        }

        @Override
        public String get(String url, Map<String, String> headers, Duration timeout) throws IOException {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(authenticator.sign(url, headers, credentials, clock));
            HttpURLConnection c;
            try {
                c = (HttpURLConnection) new URL(url).openConnection();
            } catch (IOException | ClassCastException | IllegalArgumentException e) {
                throw new IOException("GET " + Urls.redact(url) + ": not an http(s) URL");
            }
            int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            c.setConnectTimeout(millis);
            c.setReadTimeout(millis);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestProperty("Accept", "*/*");
            all.forEach(c::setRequestProperty);
            int status;
            String reason;
            try {
                status = c.getResponseCode();
                reason = c.getResponseMessage();
                if (status == 200) {
                    try (InputStream in = c.getInputStream()) {
                        return read(in);
                    }
                }
                drain(c.getErrorStream());
            } catch (SocketTimeoutException e) {
                throw new IOException("GET " + Urls.redact(url) + ": no response within " + seconds(timeout)
                        + " (timeout)");
            } catch (IOException e) {
                throw new IOException("GET " + Urls.redact(url) + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } finally {
                c.disconnect();
            }
            throw new IOException("error while executing request [" + Urls.redact(url) + "]: status [" + status
                    + "] and reason [" + (reason == null ? "" : reason) + "]");
        }

        private static void drain(InputStream in) {
            if (in != null) {
                try (in) {
                    in.readNBytes(64 * 1024);
                } catch (IOException ignored) {
                    // the status is what matters
                }
            }
        }

        static String read(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BODY) {
                    throw new IOException("response larger than " + MAX_BODY + " bytes");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
