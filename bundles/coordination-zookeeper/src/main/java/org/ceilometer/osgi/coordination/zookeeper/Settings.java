package org.ceilometer.osgi.coordination.zookeeper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The parsed {@code [coordination]} options. {@code backend_url} has the form
 * {@code zookeeper://[user:password@]host:port[,host:port...][/chroot]} ({@code kazoo://} is accepted
 * too, as tooz does). The chroot becomes Curator's namespace ({@value #DEFAULT_CHROOT} when none is
 * given); user and password, when given, are sent as ZooKeeper {@code digest} authentication.
 *
 * <p>{@link #toString()} and {@link #redactedUrl()} never show the credentials.
 */
final class Settings {
    static final String DEFAULT_CHROOT = "ceilometer";
    static final int DEFAULT_PORT = 2181;

    private final String redactedUrl;
    private final String connectString;
    private final String namespace;
    private final byte[] digestAuth;
    private final long heartbeatMillis;
    private final int sessionTimeoutMillis;

    private Settings(String redactedUrl, String connectString, String namespace, byte[] digestAuth,
            long heartbeatMillis, int sessionTimeoutMillis) {
        this.redactedUrl = redactedUrl;
        this.connectString = connectString;
        this.namespace = namespace;
        this.digestAuth = digestAuth;
        this.heartbeatMillis = heartbeatMillis;
        this.sessionTimeoutMillis = sessionTimeoutMillis;
    }

    /** Parses the options. */
    static Settings of(CoordinationConfig config) {
        return of(config.backend__url(), config.heartbeat(), config.session__timeout());
    }

    /**
     * Parses the options.
     *
     * @throws IllegalArgumentException when the URL is not a ZooKeeper URL or a number is out of range;
     *     the message never holds the credentials
     */
    static Settings of(String backendUrl, double heartbeatSeconds, double sessionTimeoutSeconds) {
        if (backendUrl == null || backendUrl.isBlank()) {
            throw new IllegalArgumentException("backend_url is empty");
        }
        if (!(heartbeatSeconds > 0) || heartbeatSeconds > 3600) {
            throw new IllegalArgumentException("heartbeat must be in (0, 3600] seconds: " + heartbeatSeconds);
        }
        if (!(sessionTimeoutSeconds >= 1) || sessionTimeoutSeconds > 600) {
            throw new IllegalArgumentException("session_timeout must be in [1, 600] seconds: " + sessionTimeoutSeconds);
        }
        String url = backendUrl.trim();
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("backend_url is not a URL (scheme://...)");
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!isZooKeeperScheme(scheme)) {
            throw new IllegalArgumentException("backend_url scheme '" + scheme + "' is not zookeeper:// or kazoo://");
        }
        String rest = url.substring(schemeEnd + 3);
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        byte[] digest = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            if (!userInfo.contains(":")) {
                throw new IllegalArgumentException("backend_url credentials must be user:password");
            }
            digest = percentDecode(userInfo);
        }
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("backend_url names no host");
        }
        StringBuilder hosts = new StringBuilder();
        for (String hostPort : authority.split(",")) {
            hostPort = hostPort.trim();
            if (hostPort.isEmpty()) {
                throw new IllegalArgumentException("backend_url has an empty host in '" + authority + "'");
            }
            boolean hasPort = hostPort.startsWith("[") ? hostPort.contains("]:") : hostPort.contains(":");
            if (hasPort) {
                String port = hostPort.substring(hostPort.lastIndexOf(':') + 1);
                try {
                    int p = Integer.parseInt(port);
                    if (p < 1 || p > 65535) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("backend_url has a bad port in '" + hostPort + "'");
                }
            } else {
                hostPort = hostPort + ":" + DEFAULT_PORT;
            }
            if (hosts.length() > 0) {
                hosts.append(',');
            }
            hosts.append(hostPort);
        }
        String chroot = trimSlashes(path);
        if (chroot.isEmpty()) {
            chroot = DEFAULT_CHROOT;
        }
        for (String segment : chroot.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("backend_url has a bad chroot '/" + chroot + "'");
            }
        }
        String redacted = scheme + "://" + hosts + "/" + chroot;
        return new Settings(redacted, hosts.toString(), chroot, digest,
                Math.max(1, Math.round(heartbeatSeconds * 1000)), (int) Math.round(sessionTimeoutSeconds * 1000));
    }

    static boolean isZooKeeperScheme(String scheme) {
        return scheme.equals("zookeeper") || scheme.equals("kazoo");
    }

    /** The scheme of a URL, lower case, or "" when it has none. */
    static String schemeOf(String url) {
        int i = url == null ? -1 : url.indexOf("://");
        return i < 0 ? "" : url.substring(0, i).trim().toLowerCase(Locale.ROOT);
    }

    /** The URL without credentials or query. */
    String redactedUrl() {
        return redactedUrl;
    }

    /** Curator's connect string: {@code host:port[,host:port]}. */
    String connectString() {
        return connectString;
    }

    /** The chroot without leading slash, used as Curator's namespace. */
    String namespace() {
        return namespace;
    }

    /** {@code user:password} for ZooKeeper's digest scheme, or {@code null}. */
    byte[] digestAuth() {
        return digestAuth == null ? null : digestAuth.clone();
    }

    long heartbeatMillis() {
        return heartbeatMillis;
    }

    int sessionTimeoutMillis() {
        return sessionTimeoutMillis;
    }

    /** How long one ZooKeeper operation waits for a connection: the session timeout, at most 15 s. */
    int connectionTimeoutMillis() {
        return Math.min(sessionTimeoutMillis, 15_000);
    }

    @Override
    public String toString() {
        return redactedUrl + " (heartbeat " + heartbeatMillis + " ms, session timeout " + sessionTimeoutMillis + " ms)";
    }

    private static String trimSlashes(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && s.charAt(b) == '/') {
            b++;
        }
        while (e > b && s.charAt(e - 1) == '/') {
            e--;
        }
        return s.substring(b, e);
    }

    private static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length) {
                int hi = Character.digit(bytes[i + 1], 16);
                int lo = Character.digit(bytes[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.write(bytes[i]);
        }
        return out.toByteArray();
    }
}
