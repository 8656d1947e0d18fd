package org.ceilometer.osgi.pollster.rgw;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for the {@code Authorization} header, in the form S3 and Ceph RGW verify:
 * the path is neither normalized nor encoded twice, every query name and value is decoded and
 * encoded again (RFC 3986 unreserved characters kept, {@code %XX} in upper case), the parameters
 * sorted, the signed headers lower-cased, sorted, trimmed, with inner runs of spaces made one and
 * repeated headers joined by commas.
 *
 * <p>Tested against AWS's documented signing examples and the vectors that a second implementation
 * (the module's {@code src/test/python/sigv4_vectors.py}) generates. Holds the secret key and never
 * shows it.
 */
final class SigV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** The hex SHA-256 of an empty payload. */
    static final String EMPTY_PAYLOAD_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private final String accessKey;
    private final byte[] secret;
    private final String region;
    private final String service;

    /**
     * @param region the region of the credential scope ({@code us-east-1} for RGW, as Ceilometer signs)
     * @param service the service of the credential scope ({@code s3} for RGW)
     */
    SigV4(String accessKey, String secretKey, String region, String service) {
        this.accessKey = accessKey;
        this.secret = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
        this.region = region;
        this.service = service;
    }

    /** What signing a request gave; every intermediate step, for tests and debugging. */
    record Signature(String canonicalRequest, String stringToSign, String signature, String signedHeaders,
            String credentialScope, String authorization) {
        @Override
        public String toString() {
            return "Signature[" + signedHeaders + ", " + credentialScope + "]";
        }
    }

    /**
     * Signs a request.
     *
     * @param method the HTTP method
     * @param rawPath the path as sent on the wire (may be percent-encoded, or not)
     * @param rawQuery the query as sent, without {@code ?}; null or empty for none
     * @param headers the headers to sign, in request order, names in any case (repeated names
     *     allowed); they must hold {@code host} and {@code x-amz-date}
     * @param payloadHash the hex SHA-256 of the body ({@link #EMPTY_PAYLOAD_SHA256} for none), or
     *     {@code UNSIGNED-PAYLOAD}
     * @param time the request time, the same instant as the {@code x-amz-date} header
     */
    Signature sign(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
            String payloadHash, Instant time) {
        Map<String, String> canonicalHeaders = canonicalHeaders(headers);
        String signedHeaders = String.join(";", canonicalHeaders.keySet());
        StringBuilder creq = new StringBuilder(256)
                .append(method.toUpperCase(Locale.ROOT)).append('\n')
                .append(canonicalUri(rawPath)).append('\n')
                .append(canonicalQuery(rawQuery)).append('\n');
        canonicalHeaders.forEach((k, v) -> creq.append(k).append(':').append(v).append('\n'));
        creq.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        String canonicalRequest = creq.toString();

        String date = DATE_STAMP.format(time);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + AMZ_DATE.format(time) + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(hmac(hmac(hmac(secret, date), region), service), "aws4_request");
        String signature = HEX.formatHex(hmac(key, stringToSign));
        String authorization = ALGORITHM + " Credential=" + accessKey + "/" + scope + ", SignedHeaders="
                + signedHeaders + ", Signature=" + signature;
        return new Signature(canonicalRequest, stringToSign, signature, signedHeaders, scope, authorization);
    }

    /**
     * The canonical headers: names lower-cased and sorted, values trimmed with inner runs of
     * whitespace made one space, repeated names joined by commas in request order.
     */
    static Map<String, String> canonicalHeaders(List<Map.Entry<String, String>> headers) {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Map.Entry<String, String> h : headers) {
            byName.computeIfAbsent(h.getKey().trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(collapse(h.getValue()));
        }
        Map<String, String> out = new LinkedHashMap<>();
        byName.forEach((k, v) -> out.put(k, String.join(",", v)));
        return out;
    }

    private static String collapse(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The path decoded and encoded again, slashes kept, as S3 wants it (no normalization). */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        return recode(rawPath, false);
    }

    /**
     * The query's parameters, each name and value decoded and encoded again, sorted by name then
     * value, as {@code name=value} joined by {@code &}; a parameter without {@code =} has an empty
     * value.
     */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> params = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            params.add(new String[] {recode(name, true), recode(value, true)});
        }
        params.sort((a, b) -> {
            int c = a[0].compareTo(b[0]);
            return c != 0 ? c : a[1].compareTo(b[1]);
        });
        StringBuilder b = new StringBuilder();
        for (String[] p : params) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(p[0]).append('=').append(p[1]);
        }
        return b.toString();
    }

    /** Percent-decodes (only valid {@code %XX}; {@code +} stays), then {@link #encode}s the bytes. */
    static String recode(String s, boolean encodeSlash) {
        return encode(decode(s), encodeSlash);
    }

    /** The UTF-8 bytes of a text with its valid {@code %XX} escapes decoded. */
    static byte[] decode(String s) {
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            byte c = raw[i];
            if (c == '%' && i + 2 < raw.length
                    && Character.digit(raw[i + 1], 16) >= 0 && Character.digit(raw[i + 2], 16) >= 0) {
                out.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** RFC 3986 encoding: {@code A-Z a-z 0-9 - _ . ~} kept (and {@code /} unless told), the rest {@code %XX}. */
    static String encode(byte[] bytes, boolean encodeSlash) {
        StringBuilder b = new StringBuilder(bytes.length + 8);
        for (byte x : bytes) {
            int c = x & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                b.append((char) c);
            } else {
                b.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 0xf]);
            }
        }
        return b.toString();
    }

    /** A query parameter value encoded for a URL the way it is signed. */
    static String encodeParam(String value) {
        return encode(value.getBytes(StandardCharsets.UTF_8), true);
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing", e);
        }
    }

    @Override
    public String toString() {
        // never the secret
        return "SigV4[" + accessKey + ", " + region + "/" + service + "]";
    }
}
