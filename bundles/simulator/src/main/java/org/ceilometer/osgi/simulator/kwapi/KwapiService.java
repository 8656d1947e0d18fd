package org.ceilometer.osgi.simulator.kwapi;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ceilometer.osgi.simulator.core.ServiceContext;
import org.ceilometer.osgi.simulator.core.ServiceHandler;
import org.ceilometer.osgi.simulator.core.SimRequest;
import org.ceilometer.osgi.simulator.core.SimResponse;
import org.ceilometer.osgi.simulator.core.TokenStore;

/**
 * Kwapi's API v1 (the energy monitoring framework Ceilometer's {@code energy} and {@code power}
 * pollsters read until Ocata), shaped on Kwapi's {@code kwapi/plugins/api/v1.py} and its collector's
 * records:
 *
 * <ul>
 *   <li>{@code GET /v1/probes/}: {@code {"probes": {"<probe id>": {"kwh": ..., "timestamp": ...,
 *       "w": ...}, ...}}}, keys sorted as Flask's {@code jsonify} writes them; numbers in plain
 *       decimal notation, as Python writes floats.
 *   <li>{@code GET /v1/probe-ids/}: {@code {"probe_ids": [...]}}.
 *   <li>{@code GET /v1/probes/<id>/}: {@code {"<id>": {...}}}, and {@code GET /v1/probes/<id>/<meter>/}:
 *       {@code {"<id>": {"<meter>": value}}}; 404 for an unknown probe or meter.
 *   <li>A path without its trailing slash is redirected (301) to the one with it, as Flask does.
 * </ul>
 *
 * <p>The catalog's URL is {@code <endpoint>/v1}. Every request needs a valid token (Kwapi's ACL is
 * Keystone's {@code auth_token} middleware). Readings are taken at the simulator clock's present.
 */
public final class KwapiService implements ServiceHandler {
    private final ServiceContext context;
    private final KwapiProbes probes;

    public KwapiService(ServiceContext context, KwapiProbes probes) {
        this.context = context;
        this.probes = probes;
    }

    public KwapiProbes probes() {
        return probes;
    }

    @Override
    public String type() {
        return "energy";
    }

    @Override
    public String name() {
        return "kwapi";
    }

    @Override
    public String catalogSuffix(TokenStore.Token token) {
        return "/v1";
    }

    @Override
    public SimResponse handle(SimRequest r) throws IOException {
        String p = r.path();
        if (!p.startsWith("/v1/")) {
            return SimResponse.error(404, "The requested URL was not found on the server.");
        }
        if (!r.isRead()) {
            return SimResponse.error(405, "The method is not allowed for the requested URL.");
        }
        String rest = p.substring("/v1/".length());
        List<String> segments = new ArrayList<>(List.of(rest.split("/", -1)));
        boolean trailingSlash = rest.endsWith("/");
        if (trailingSlash) {
            segments.remove(segments.size() - 1);
        }
        boolean known = !segments.isEmpty() && segments.size() <= 3
                && ("probes".equals(segments.get(0)) || "probe-ids".equals(segments.get(0)) && segments.size() == 1);
        if (!known || segments.stream().anyMatch(String::isEmpty)) {
            return SimResponse.error(404, "The requested URL was not found on the server.");
        }
        if (!trailingSlash) {
            String location = r.endpointUrl() + p + "/" + (r.query() == null ? "" : "?" + r.query());
            return SimResponse.empty(301).header("Location", location);
        }
        Instant now = context.tokens().clock().instant();
        if ("probe-ids".equals(segments.get(0))) {
            return SimResponse.json(200, g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("probe_ids");
                for (int i : sortedIndexes()) {
                    g.writeString(probes.id(i));
                }
                g.writeEndArray();
                g.writeEndObject();
            });
        }
        if (segments.size() == 1) {
            return SimResponse.streamedJson(200, g -> {
                g.writeStartObject();
                g.writeObjectFieldStart("probes");
                for (int i : sortedIndexes()) {
                    KwapiProbes.Reading reading = probes.reading(i, now);
                    g.writeFieldName(reading.id());
                    writeReading(g, reading);
                }
                g.writeEndObject();
                g.writeEndObject();
            });
        }
        int index = probes.index(segments.get(1));
        if (index < 0) {
            return SimResponse.error(404, "No probe " + segments.get(1));
        }
        KwapiProbes.Reading reading = probes.reading(index, now);
        if (segments.size() == 2) {
            return SimResponse.json(200, g -> {
                g.writeStartObject();
                g.writeFieldName(reading.id());
                writeReading(g, reading);
                g.writeEndObject();
            });
        }
        String meter = segments.get(2);
        Double value = "kwh".equals(meter) ? Double.valueOf(reading.kwh())
                : "w".equals(meter) ? Double.valueOf(reading.w())
                : "timestamp".equals(meter) ? Double.valueOf(reading.timestamp()) : null;
        if (value == null) {
            return SimResponse.error(404, "No meter " + meter + " for probe " + reading.id());
        }
        return SimResponse.json(200, g -> {
            g.writeStartObject();
            g.writeObjectFieldStart(reading.id());
            g.writeFieldName(meter);
            number(g, value);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** Probe positions in the order of their ids. */
    private List<Integer> sortedIndexes() {
        List<Integer> order = new ArrayList<>(probes.count());
        for (int i = 0; i < probes.count(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(probes::id));
        return order;
    }

    private static void writeReading(JsonGenerator g, KwapiProbes.Reading reading) throws IOException {
        g.writeStartObject();
        g.writeFieldName("kwh");
        number(g, reading.kwh());
        g.writeFieldName("timestamp");
        number(g, reading.timestamp());
        g.writeFieldName("w");
        number(g, reading.w());
        g.writeEndObject();
    }

    /** A float in plain decimal notation ({@code 1748851200.123}, not {@code 1.748851200123E9}). */
    private static void number(JsonGenerator g, double v) throws IOException {
        g.writeNumber(BigDecimal.valueOf(v).toPlainString());
    }
}
