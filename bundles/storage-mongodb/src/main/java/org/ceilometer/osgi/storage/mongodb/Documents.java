package org.ceilometer.osgi.storage.mongodb;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.ceilometer.osgi.api.Sample;

/** How a sample becomes Ceilometer's meter document, and the value conversions behind it. */
final class Documents {
    private Documents() {}

    /** A BSON date of an instant, to the millisecond (what MongoDB keeps, as pymongo truncates). */
    static Date date(Instant t) {
        return new Date(t.truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
    }

    /**
     * The meter document Icehouse stores: the meter message ({@code source, counter_name, counter_type,
     * counter_unit, counter_volume, user_id, project_id, resource_id, timestamp, resource_metadata,
     * message_id, message_signature}) plus {@code recorded_at}, under a deterministic {@code _id}.
     */
    static Document meter(Sample s, Instant recordedAt) {
        Document d = new Document("_id", meterId(s));
        d.append("source", s.source());
        d.append("counter_name", s.name());
        d.append("counter_type", s.type().wireName());
        d.append("counter_unit", s.unit());
        d.append("counter_volume", volume(s.volume()));
        d.append("user_id", s.userId());
        d.append("project_id", s.projectId());
        d.append("resource_id", s.resourceId());
        d.append("timestamp", date(s.timestamp()));
        d.append("resource_metadata", metadata(s.resourceMetadata()));
        d.append("message_id", s.id());
        d.append("message_signature", s.signature());
        d.append("recorded_at", date(recordedAt));
        return d;
    }

    /** The {@code {counter_name, counter_type, counter_unit}} entry of a resource's {@code meter} list. */
    static Document meterRef(Sample s) {
        return new Document("counter_name", s.name())
                .append("counter_type", s.type().wireName())
                .append("counter_unit", s.unit());
    }

    /**
     * The {@code _id} of a sample's meter document, the same every time the sample is written: the
     * sample's time in seconds (as an ObjectId's first four bytes are), then eight bytes of the SHA-256
     * of its message id, meter name, resource id and timestamp. A retried batch therefore meets its own
     * earlier documents as duplicate keys instead of storing them twice.
     */
    static ObjectId meterId(Sample s) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        String key = s.id() + '\u0000' + s.name() + '\u0000' + s.resourceId() + '\u0000'
                + s.timestamp().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
        byte[] hash = sha.digest(key.getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(12);
        b.putInt((int) s.timestamp().getEpochSecond());
        b.put(hash, 0, 8);
        return new ObjectId(b.array());
    }

    /** The volume as stored: whole numbers as int64, others as double. */
    static Object volume(Number n) {
        if (n instanceof Long || n instanceof Double) {
            return n;
        }
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof BigInteger) {
            BigInteger b = (BigInteger) n;
            return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        return n.doubleValue();
    }

    /**
     * Resource metadata as a BSON document. Keys are made storable the way later Ceilometer does
     * ({@code improve_keys}): a key with dots becomes nested documents ({@code a.b} -> {@code a: {b:}})
     * and a leading {@code $} is percent-encoded ({@code $x} -> {@code %24x}).
     */
    static Document metadata(Map<?, ?> meta) {
        Document d = new Document();
        if (meta == null) {
            return d;
        }
        for (Map.Entry<?, ?> e : meta.entrySet()) {
            put(d, String.valueOf(e.getKey()), value(e.getValue()));
        }
        return d;
    }

    private static void put(Document d, String key, Object value) {
        if (key.indexOf('.') < 0) {
            d.put(quote(key), value);
            return;
        }
        String[] parts = key.split("\\.", -1);
        Document cur = d;
        for (int i = 0; i < parts.length - 1; i++) {
            String k = quote(parts[i]);
            Object existing = cur.get(k);
            if (existing instanceof Document) {
                cur = (Document) existing;
            } else {
                Document next = new Document();
                cur.put(k, next);
                cur = next;
            }
        }
        cur.put(quote(parts[parts.length - 1]), value);
    }

    private static String quote(String k) {
        return k.startsWith("$") ? URLEncoder.encode(k, StandardCharsets.UTF_8) : k;
    }

    /** A metadata value as a BSON value; what BSON has no type for becomes its string form. */
    static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof Double || v instanceof Date) {
            return v;
        }
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof Float || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof BigInteger) {
            return volume((BigInteger) v);
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Character || v instanceof Enum) {
            return v.toString();
        }
        if (v instanceof Instant) {
            return date((Instant) v);
        }
        if (v instanceof Map) {
            return metadata((Map<?, ?>) v);
        }
        if (v instanceof Collection) {
            List<Object> list = new ArrayList<>(((Collection<?>) v).size());
            for (Object o : (Collection<?>) v) {
                list.add(value(o));
            }
            return list;
        }
        if (v.getClass().isArray() && !(v instanceof byte[])) {
            int n = Array.getLength(v);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(value(Array.get(v, i)));
            }
            return list;
        }
        if (v instanceof byte[]) {
            return v;
        }
        return v.toString();
    }
}
