package org.ceilometer.osgi.openstack;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** URL helpers: redaction for messages, Keystone's versioned base, next links, query parameters. */
final class Urls {
    private static final Pattern USERINFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@]*@");
    private static final Pattern VERSION_SEGMENT = Pattern.compile("v\\d+(\\.\\d+)?");

    private Urls() {}

    /** The URL without user info ({@code http://user:secret@host} becomes {@code http://host}). */
    static String redact(String url) {
        return url == null ? null : USERINFO.matcher(url).replaceFirst("$1");
    }

    /** Without trailing slashes. */
    static String stripSlash(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /**
     * The Keystone v3 base of an auth or identity URL: {@code .../v3} as it is, another version
     * ({@code /v2.0}) replaced by {@code /v3}, {@code /v3} appended when there is none.
     */
    static String identityV3(String url) {
        String u = stripSlash(url.trim());
        int q = u.indexOf('?');
        if (q >= 0) {
            u = stripSlash(u.substring(0, q));
        }
        int slash = u.lastIndexOf('/');
        String last = slash < 0 ? "" : u.substring(slash + 1);
        int schemeEnd = u.indexOf("://");
        boolean hasPath = schemeEnd >= 0 && slash > schemeEnd + 2;
        if (hasPath && VERSION_SEGMENT.matcher(last).matches()) {
            return last.equals("v3") ? u : u.substring(0, slash) + "/v3";
        }
        return u + "/v3";
    }

    /**
     * A next link resolved against the URL its list started from. An absolute link is used as it is.
     * A link with an absolute path ({@code /v2/images?marker=x}, as Glance returns) keeps the path
     * prefix of the endpoint ({@code http://h/image}): the prefix is what precedes the link's path in the
     * start URL, or precedes its first segment. Anything else resolves as a relative URI.
     */
    static String resolveNext(String start, String next) {
        String n = next.trim();
        URI nextUri;
        try {
            nextUri = URI.create(n);
        } catch (IllegalArgumentException e) {
            return n;
        }
        if (nextUri.isAbsolute()) {
            return n;
        }
        URI base = URI.create(start);
        if (!n.startsWith("/") || n.startsWith("//")) {
            return base.resolve(nextUri).toString();
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String nextPath = nextUri.getRawPath() == null ? "" : nextUri.getRawPath();
        String prefix = "";
        if (!nextPath.isEmpty()) {
            int at = basePath.lastIndexOf(nextPath);
            if (at > 0 && at + nextPath.length() == basePath.length()) {
                prefix = basePath.substring(0, at);
            } else {
                String first = firstSegment(nextPath);
                if (!first.isEmpty()) {
                    int seg = basePath.indexOf("/" + first + "/");
                    if (seg < 0 && basePath.endsWith("/" + first)) {
                        seg = basePath.length() - first.length() - 1;
                    }
                    if (seg > 0) {
                        prefix = basePath.substring(0, seg);
                    }
                }
            }
        }
        String authority = base.getScheme() + "://" + base.getRawAuthority();
        return authority + prefix + n;
    }

    private static String firstSegment(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int s = p.indexOf('/');
        return s < 0 ? p : p.substring(0, s);
    }

    /** The URL with query parameter {@code name} set to {@code value} (replacing an earlier one). */
    static String withQuery(String url, String name, String value) {
        int hash = url.indexOf('#');
        String u = hash < 0 ? url : url.substring(0, hash);
        int q = u.indexOf('?');
        String path = q < 0 ? u : u.substring(0, q);
        List<String> params = new ArrayList<>();
        if (q >= 0) {
            for (String p : u.substring(q + 1).split("&")) {
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                String key = eq < 0 ? p : p.substring(0, eq);
                if (!key.equals(name)) {
                    params.add(p);
                }
            }
        }
        params.add(name + "=" + encode(value));
        return path + "?" + String.join("&", params);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
