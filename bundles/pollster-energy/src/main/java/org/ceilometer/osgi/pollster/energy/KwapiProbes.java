package org.ceilometer.osgi.pollster.energy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.openstack.OpenStackException;

/**
 * Reads every probe of one Kwapi endpoint, once per polling cycle: the first pollster of the cycle
 * asks {@code GET <endpoint>/probes/} and keeps compact records in the cycle cache under
 * {@code kwapi.probes:<endpoint>} (Ceilometer's {@code <endpoint>-kwapi.probes}); the other reads them
 * from there.
 */
final class KwapiProbes {
    static final String CACHE_PREFIX = "kwapi.probes:";

    private KwapiProbes() {}

    /** The endpoint without trailing slashes, as cache keys and URLs use it. */
    static String normalize(String endpoint) {
        String e = endpoint.trim();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        return e;
    }

    /** Kwapi's listing of every probe, as Ceilometer's {@code KwapiClient.iter_probes} asks for it. */
    static String probesUrl(String endpoint) {
        return endpoint + "/probes/";
    }

    /**
     * Every probe of the endpoint, read at most once per cycle.
     *
     * @param endpoint a normalized endpoint URL
     * @throws Exception the request's failure (not cached: a later caller of the cycle tries again)
     */
    static List<ProbeRecord> list(PollContext context, String endpoint) throws Exception {
        return context.cache().computeIfAbsent(CACHE_PREFIX + endpoint, () -> load(context, endpoint));
    }

    private static List<ProbeRecord> load(PollContext context, String endpoint) throws OpenStackException {
        String url = probesUrl(endpoint);
        JsonNode body = context.openstack().getJson(url, Map.of());
        JsonNode probes = body.get("probes");
        if (probes == null || !probes.isObject()) {
            throw new OpenStackException("GET " + url + ": the response has no 'probes' object", -1);
        }
        List<ProbeRecord> out = new ArrayList<>(probes.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = probes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            out.add(new ProbeRecord(e.getKey(), timestamp(p.get("timestamp")), number(p.get("kwh")),
                    number(p.get("w"))));
        }
        return Collections.unmodifiableList(out);
    }

    /** A JSON number as a {@code Long} when whole, else a {@code Double}; null when not a number. */
    static Number number(JsonNode v) {
        if (v == null || !v.isNumber()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        double d = v.doubleValue();
        return Double.isFinite(d) ? d : null;
    }

    /**
     * Seconds since the epoch, with a fraction, as an instant to the microsecond (rounded half to even,
     * as Python's {@code datetime.fromtimestamp}); null when not a number.
     */
    static Instant timestamp(JsonNode v) {
        if (v == null || !v.isNumber()) {
            return null;
        }
        try {
            BigDecimal seconds = v.decimalValue().setScale(6, RoundingMode.HALF_EVEN);
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            long micros = seconds.subtract(whole).movePointRight(6).longValueExact();
            return Instant.ofEpochSecond(whole.longValueExact(), micros * 1000);
        } catch (ArithmeticException | NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }
}
