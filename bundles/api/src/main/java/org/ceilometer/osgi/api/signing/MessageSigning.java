package org.ceilometer.osgi.api.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ceilometer's {@code message_signature}: an HMAC-SHA256, keyed by the telemetry secret, over the
 * message flattened as Ceilometer's {@code recursive_keypairs} does (keys sorted at every level, nested
 * dicts named {@code parent:child}, {@code message_signature} skipped), each name then each value fed as
 * the UTF-8 of its Python 3 {@code str()}. Lists are first rebuilt as Ceilometer's
 * {@code decode_unicode} does (strings become bytes, dicts get sorted keys), so a list of strings
 * renders as {@code [b'x', b'y']}. The digest is lowercase hex.
 *
 * <p>Follows {@code ceilometer/publisher/utils.py} and {@code compute_signature} of Ceilometer master;
 * an empty secret disables signing, as there. See {@link PythonText} for how Java values map to
 * Python ones. Keys are sorted by code point, as Python sorts str.
 */
public final class MessageSigning {
    /** The field that carries the signature; never part of what is signed. */
    public static final String SIGNATURE_FIELD = "message_signature";

    private static final String SEPARATOR = ":";

    private MessageSigning() {}

    /**
     * The signature of a message, or {@code ""} when the secret is null or empty (signing disabled).
     */
    public static String computeSignature(Map<String, ?> message, String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        Mac mac;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
        for (Map.Entry<String, String> pair : flatten(message)) {
            if (SIGNATURE_FIELD.equals(pair.getKey())) {
                continue;
            }
            mac.update(pair.getKey().getBytes(StandardCharsets.UTF_8));
            mac.update(pair.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return hex(mac.doFinal());
    }

    /**
     * Whether the message's {@code message_signature} matches its content, compared in constant time.
     * True whenever the secret is null or empty, as Ceilometer does when signing is disabled; false when
     * the field is missing, not text, or not ASCII.
     */
    public static boolean verifySignature(Map<String, ?> message, String secret) {
        if (secret == null || secret.isEmpty()) {
            return true;
        }
        Object old = message.containsKey(SIGNATURE_FIELD) ? message.get(SIGNATURE_FIELD) : "";
        if (!(old instanceof CharSequence)) {
            return false;
        }
        String given = old.toString();
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(given)) {
            return false;
        }
        byte[] expected = computeSignature(message, secret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The (name, str(value)) pairs in the order they are signed, {@code message_signature} included;
     * for diagnostics and tests.
     */
    public static List<Map.Entry<String, String>> flatten(Map<String, ?> message) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        flatten("", message, out);
        return out;
    }

    private static void flatten(String prefix, Map<?, ?> map, List<Map.Entry<String, String>> out) {
        for (Entry e : sorted(map)) {
            String name = prefix + e.name;
            Object value = e.value;
            if (value instanceof Map) {
                flatten(name + SEPARATOR, (Map<?, ?>) value, out);
            } else if (isList(value)) {
                out.add(new SimpleImmutableEntry<>(name, PythonText.repr(rebuildForList(value))));
            } else {
                out.add(new SimpleImmutableEntry<>(name, PythonText.str(value)));
            }
        }
    }

    /** Ceilometer's {@code decode_unicode}: strings to UTF-8 bytes, dicts sorted, lists recursed. */
    private static Object rebuildForList(Object value) {
        if (value instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Entry e : sorted((Map<?, ?>) value)) {
                out.put(rebuildForList(e.key), rebuildForList(e.value));
            }
            return out;
        }
        if (isList(value)) {
            List<Object> out = new ArrayList<>();
            for (Object item : asIterable(value)) {
                out.add(rebuildForList(item));
            }
            return out;
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return value.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof byte[]) {
            return new String((byte[]) value, StandardCharsets.UTF_8);
        }
        return value;
    }

    /** The entries of a dict sorted as Python sorts them: str keys by code point (others by their str()). */
    private static List<Entry> sorted(Map<?, ?> map) {
        List<Entry> entries = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            entries.add(new Entry(e.getKey(), e.getValue()));
        }
        entries.sort((a, b) -> compareCodePoints(a.name, b.name));
        return entries;
    }

    /** A dict entry with the str() of its key. */
    private static final class Entry {
        final Object key;
        final String name;
        final Object value;

        Entry(Object key, Object value) {
            this.key = key;
            this.name = PythonText.str(key);
            this.value = value;
        }
    }

    private static boolean isList(Object value) {
        return value instanceof Collection || value instanceof Object[];
    }

    private static Iterable<?> asIterable(Object value) {
        return value instanceof Collection ? (Collection<?>) value : Arrays.asList((Object[]) value);
    }

    /** Python's str ordering: by code point, which differs from UTF-16 order above U+FFFF. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String hex(byte[] bytes) {
        char[] digits = "0123456789abcdef".toCharArray();
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = digits[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = digits[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
