package org.ceilometer.osgi.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.signing.MeterMessages;

/**
 * A sample as one line of JSON, its meter message (signature included), for the journal. Metadata
 * values that JSON cannot hold are written as their text; numbers keep their kind (42 and 42.0 stay
 * apart), so a signature still verifies after a round trip.
 */
final class SampleCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private SampleCodec() {}

    static String encode(Sample sample) {
        Map<String, Object> msg = MeterMessages.toMessage(sample);
        msg.put(MeterMessages.RESOURCE_METADATA, plain(sample.resourceMetadata()));
        try {
            return JSON.writeValueAsString(msg);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("sample " + sample.id() + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException when the line is no meter message
     */
    static Sample decode(String line) {
        Map<?, ?> msg;
        try {
            msg = JSON.readValue(line, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> m = (Map<String, ?>) msg;
        return MeterMessages.fromMessage(m);
    }

    /** Maps, lists, text, numbers, booleans and null as they are; anything else as its text. */
    private static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer
                || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            return v;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? v : v.toString();
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).doubleValue();
        }
        if (v instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) v).forEach((k, val) -> out.put(String.valueOf(k), plain(val)));
            return out;
        }
        if (v instanceof Collection) {
            List<Object> out = new ArrayList<>();
            ((Collection<?>) v).forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v.getClass().isArray() && !(v instanceof byte[])) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                out.add(plain(Array.get(v, i)));
            }
            return out;
        }
        return v.toString();
    }
}
