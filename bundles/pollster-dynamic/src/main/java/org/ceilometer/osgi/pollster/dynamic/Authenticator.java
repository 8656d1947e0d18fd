package org.ceilometer.osgi.pollster.dynamic;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authentication objects of the non-OpenStack form, written here in Java: master imports the
 * Python {@code module} and instantiates its {@code authentication_object} with the comma-separated
 * credentials; here only the pairs below are known, and any other is refused when the definition loads.
 */
enum Authenticator {
    /** {@code awsauth.S3Auth(access_key, secret_key[, service_url])}: AWS signature version 2 (RadosGW admin API). */
    S3_AUTH("awsauth", "S3Auth", 2, 3),
    /** {@code requests.auth.HTTPBasicAuth(username, password)}. */
    HTTP_BASIC_AUTH("requests.auth", "HTTPBasicAuth", 2, 2);

    private final String module;
    private final String object;
    private final int minArgs;
    private final int maxArgs;

    Authenticator(String module, String object, int minArgs, int maxArgs) {
        this.module = module;
        this.object = object;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /** The pair as a definition names it, {@code module.object}. */
    String qualifiedName() {
        return module + "." + object;
    }

    /** The authenticator a definition names, or null when it is not one of the known pairs. */
    static Authenticator find(String module, String object) {
        for (Authenticator a : values()) {
            boolean moduleMatches = a.module.equals(module) || (a == HTTP_BASIC_AUTH && "requests".equals(module));
            if (moduleMatches && a.object.equals(object)) {
                return a;
            }
        }
        return null;
    }

    static String known() {
        List<String> names = new ArrayList<>();
        for (Authenticator a : values()) {
            names.add("module '" + a.module + "' with authentication_object '" + a.object + "'");
        }
        return String.join(", ", names);
    }

    /** Master's {@code list(map(str.strip, credentials.split(",")))}. */
    static List<String> splitCredentials(String credentials) {
        List<String> out = new ArrayList<>();
        for (String s : credentials.split(",", -1)) {
            out.add(s.strip());
        }
        return out;
    }

    /**
     * Checks the number of credentials; the message never shows them.
     *
     * @return null when they fit, else why not
     */
    String checkArity(List<String> credentials) {
        if (credentials.size() < minArgs || credentials.size() > maxArgs) {
            return qualifiedName() + " takes " + (minArgs == maxArgs ? "" + minArgs : minArgs + " or " + maxArgs)
                    + " comma-separated values, but " + credentials.size() + " were given";
        }
        return null;
    }

    /**
     * The headers that authenticate a GET of {@code url} that already carries {@code headers}.
     *
     * @param credentials as {@link #splitCredentials} gives them, of a valid arity
     */
    Map<String, String> sign(String url, Map<String, String> headers, List<String> credentials, Clock clock) {
        Map<String, String> out = new LinkedHashMap<>();
        switch (this) {
            case HTTP_BASIC_AUTH: {
                String pair = credentials.get(0) + ":" + credentials.get(1);
                out.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.ISO_8859_1)));
                return out;
            }
            case S3_AUTH:
            default: {
                Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                all.putAll(headers);
                if (!all.containsKey("date") && !all.containsKey("x-amz-date")) {
                    String date = HTTP_DATE.format(clock.instant());
                    out.put("Date", date);
                    all.put("Date", date);
                }
                String serviceUrl = credentials.size() > 2 && !credentials.get(2).isEmpty() ? credentials.get(2)
                        : "s3.amazonaws.com";
                String canonical = s3CanonicalString("GET", url, all, serviceUrl);
                out.put("Authorization", "AWS " + credentials.get(0) + ":" + hmacSha1(credentials.get(1), canonical));
                return out;
            }
        }
    }

    /** RFC 1123 with a two-digit day, as Python's {@code email.utils.formatdate(usegmt=True)}. */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    /** The sub-resources that AWS signature version 2 signs, as {@code awsauth} lists them. */
    private static final Set<String> SPECIAL_PARAMS = Set.of("acl", "location", "logging", "partNumber", "policy",
            "requestPayment", "torrent", "versioning", "versionId", "versions", "website", "uploads", "uploadId",
            "response-content-type", "response-content-language", "response-expires", "response-cache-control",
            "delete", "lifecycle", "response-content-disposition", "response-content-encoding", "tagging",
            "notification", "cors", "syncing");

    /**
     * AWS signature version 2's string to sign, as {@code awsauth.S3Auth} builds it: the method, the
     * Content-MD5, Content-Type and Date headers (Date empty when x-amz-date is set), the x-amz-*
     * headers, the bucket (the host less the service URL), the path and the signed sub-resources.
     */
    static String s3CanonicalString(String method, String url, Map<String, String> headers, String serviceUrl) {
        String rest = url.substring(url.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        int q = rest.indexOf('?');
        int hash = rest.indexOf('#');
        int endAuthority = minPositive(slash, q, hash, rest.length());
        String netloc = rest.substring(0, endAuthority);
        String afterAuthority = rest.substring(endAuthority);
        if (hash >= 0) {
            afterAuthority = afterAuthority.substring(0, afterAuthority.indexOf('#'));
        }
        String path = afterAuthority;
        String query = "";
        int qi = afterAuthority.indexOf('?');
        if (qi >= 0) {
            path = afterAuthority.substring(0, qi);
            query = afterAuthority.substring(qi + 1);
        }
        String objectKey = path.isEmpty() ? "" : path.substring(1);
        List<String> queryArgs = new ArrayList<>(List.of(query.split("&", -1)));
        Collections.sort(queryArgs);
        String bucket = netloc.length() > serviceUrl.length() ? netloc.substring(0, netloc.length() - serviceUrl.length())
                : "";
        if (bucket.length() > 1) {
            bucket = bucket.substring(0, bucket.length() - 1);
        }
        Map<String, String> interesting = new TreeMap<>();
        interesting.put("content-md5", "");
        interesting.put("content-type", "");
        interesting.put("date", "");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String lk = h.getKey().toLowerCase(Locale.ROOT);
            if (h.getValue() != null && !h.getValue().isEmpty()
                    && (interesting.containsKey(lk) || lk.startsWith("x-amz-"))) {
                interesting.put(lk, h.getValue().strip());
            }
        }
        if (interesting.containsKey("x-amz-date")) {
            interesting.put("date", "");
        }
        StringBuilder buf = new StringBuilder(method).append('\n');
        for (Map.Entry<String, String> e : interesting.entrySet()) {
            if (e.getKey().startsWith("x-amz-")) {
                buf.append(e.getKey()).append(':').append(e.getValue()).append('\n');
            } else {
                buf.append(e.getValue()).append('\n');
            }
        }
        if (!bucket.isEmpty()) {
            buf.append('/').append(bucket);
        }
        buf.append('/').append(objectKey);
        boolean found = false;
        for (String arg : queryArgs) {
            String k = arg.split("=", -1)[0];
            if (SPECIAL_PARAMS.contains(k)) {
                buf.append(found ? '&' : '?');
                found = true;
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    buf.append(arg);
                } else {
                    buf.append(k).append('=').append(URLDecoder.decode(arg.substring(eq + 1).replace("+", "%2B"),
                            StandardCharsets.UTF_8));
                }
            }
        }
        return buf.toString();
    }

    private static int minPositive(int... values) {
        int min = Integer.MAX_VALUE;
        for (int v : values) {
            if (v >= 0 && v < min) {
                min = v;
            }
        }
        return min;
    }

    static String hmacSha1(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
