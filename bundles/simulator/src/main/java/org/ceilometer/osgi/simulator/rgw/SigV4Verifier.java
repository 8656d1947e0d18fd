package org.ceilometer.osgi.simulator.rgw;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an {@code Authorization: AWS4-HMAC-SHA256 ...} header the way Ceph RGW does for S3-style
 * requests: the canonical request is rebuilt from what was received (the path and every query name
 * and value decoded and encoded again, the signed headers' values trimmed and their inner spaces made
 * one), the signing key derived from the secret of the access key, the date, region and service of the
 * credential scope, and the signatures compared. The request time must be within 15 minutes.
 */
public final class SigV4Verifier {
    /** RGW's allowed clock skew ({@code RGW_AUTH_GRACE}). */
    public static final Duration GRACE = Duration.ofMinutes(15);
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private SigV4Verifier() {}

    /** Why a request was refused: an S3 error code and its HTTP status. */
    public record Refusal(int status, String code, String message) {}

    /** The parts of the request the check needs. */
    public record Request(String method, String rawPath, String rawQuery, Function<String, String> header, byte[] body) {}

    /**
     * Checks a request.
     *
     * @param secrets the secret key of an access key, or null for an unknown one
     * @return null when the signature holds, else why not
     */
    public static Refusal verify(Request r, Function<String, String> secrets, Instant now) {
        String authorization = r.header().apply("authorization");
        if (authorization == null || !authorization.startsWith(ALGORITHM + " ")) {
            return new Refusal(403, "AccessDenied", "an AWS Signature Version 4 Authorization header is required");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            String p = part.trim();
            if (p.startsWith("Credential=")) {
                credential = p.substring("Credential=".length());
            } else if (p.startsWith("SignedHeaders=")) {
                signedHeaders = p.substring("SignedHeaders=".length());
            } else if (p.startsWith("Signature=")) {
                signature = p.substring("Signature=".length());
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            return new Refusal(400, "InvalidArgument", "the Authorization header lacks Credential, SignedHeaders "
                    + "or Signature");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            return new Refusal(400, "InvalidArgument", "malformed credential scope");
        }
        String secret = secrets.apply(scope[0]);
        if (secret == null) {
            return new Refusal(403, "InvalidAccessKeyId", "unknown access key");
        }
        String amzDate = r.header().apply("x-amz-date");
        Instant time;
        try {
            time = LocalDateTime.parse(amzDate == null ? "" : amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return new Refusal(403, "AccessDenied", "no valid x-amz-date header");
        }
        if (Duration.between(time, now).abs().compareTo(GRACE) > 0) {
            return new Refusal(403, "RequestTimeTooSkewed", "the request time is too far from the server's");
        }
        if (!amzDate.startsWith(scope[1])) {
            return new Refusal(403, "SignatureDoesNotMatch", "the credential date is not the request's");
        }
        List<String> names = List.of(signedHeaders.split(";"));
        if (!names.contains("host")) {
            return new Refusal(403, "SignatureDoesNotMatch", "the host header is not signed");
        }
        String payloadHash = r.header().apply("x-amz-content-sha256");
        String bodyHash = sha256Hex(r.body());
        if (payloadHash == null) {
            payloadHash = bodyHash;
        } else if (!UNSIGNED_PAYLOAD.equals(payloadHash) && !payloadHash.equals(bodyHash)) {
            return new Refusal(400, "XAmzContentSHA256Mismatch", "x-amz-content-sha256 is not the body's hash");
        }
        StringBuilder creq = new StringBuilder()
                .append(r.method()).append('\n')
                .append(r.rawPath() == null || r.rawPath().isEmpty() ? "/" : recode(r.rawPath(), false)).append('\n')
                .append(canonicalQuery(r.rawQuery())).append('\n');
        for (String name : names) {
            String value = r.header().apply(name);
            if (value == null) {
                return new Refusal(403, "SignatureDoesNotMatch", "signed header " + name + " is missing");
            }
            creq.append(name).append(':').append(value.trim().replaceAll("\\s+", " ")).append('\n');
        }
        creq.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        String credentialScope = scope[1] + "/" + scope[2] + "/" + scope[3] + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + credentialScope + "\n"
                + sha256Hex(creq.toString().getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(hmac(hmac(hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]), scope[2]),
                scope[3]), "aws4_request");
        String expected = HexFormat.of().formatHex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return new Refusal(403, "SignatureDoesNotMatch",
                    "the request signature we calculated does not match the signature you provided");
        }
        return null;
    }

    /** The access key of an {@code Authorization} header, or null. */
    public static String accessKey(String authorization) {
        if (authorization == null) {
            return null;
        }
        int i = authorization.indexOf("Credential=");
        if (i < 0) {
            return null;
        }
        int slash = authorization.indexOf('/', i);
        return slash < 0 ? null : authorization.substring(i + "Credential=".length(), slash);
    }

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
            params.add(new String[] {recode(eq < 0 ? part : part.substring(0, eq), true),
                    eq < 0 ? "" : recode(part.substring(eq + 1), true)});
        }
        // by name, as RGW's map of the parameters, then by value
        params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> out = new ArrayList<>(params.size());
        for (String[] p : params) {
            out.add(p[0] + "=" + p[1]);
        }
        return String.join("&", out);
    }

    /** RGW's {@code aws4_uri_recode}: decode the {@code %XX} escapes, then encode all but the unreserved bytes. */
    static String recode(String s, boolean encodeSlash) {
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && Character.digit(raw[i + 1], 16) >= 0
                    && Character.digit(raw[i + 2], 16) >= 0) {
                decoded.write(Character.digit(raw[i + 1], 16) << 4 | Character.digit(raw[i + 2], 16));
                i += 2;
            } else {
                decoded.write(raw[i]);
            }
        }
        StringBuilder b = new StringBuilder();
        for (byte x : decoded.toByteArray()) {
            int c = x & 0xff;
            boolean keep = Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '~'
                    || (c == '/' && !encodeSlash);
            if (keep) {
                b.append((char) c);
            } else {
                b.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 15]);
            }
        }
        return b.toString();
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
