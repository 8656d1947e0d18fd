package org.ceilometer.osgi.simulator.designate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.ceilometer.osgi.simulator.DesignateData;
import org.ceilometer.osgi.simulator.core.Json;
import org.ceilometer.osgi.simulator.core.Pages;
import org.ceilometer.osgi.simulator.core.Query;
import org.ceilometer.osgi.simulator.core.SimRequest;
import org.ceilometer.osgi.simulator.core.SimResponse;
import org.ceilometer.osgi.simulator.core.VersionedService;
import org.ceilometer.osgi.simulator.core.Versions;

/**
 * Designate's DNS API v2, the part Ceilometer polls: {@code GET /v2/zones}, one zone by id, its
 * recordsets ({@code GET /v2/zones/<id>/recordsets}, and one by id), and the version list at the root.
 * Shaped on the API reference and Designate's v2 adapters: a token sees its own project's zones, and
 * every project's with the header {@code X-Auth-All-Projects: True}; {@code limit} defaults to 20, is
 * capped at 1000 ({@code max} asks for that); an unknown {@code marker} answers 400; the answer carries
 * {@code links.self} and, when a page is full, an absolute {@code links.next} (so an exact multiple
 * ends with an empty page), and {@code metadata.total_count}. Errors carry Designate's
 * {@code {"code", "type", "message", "request_id"}}.
 */
public final class DesignateService extends VersionedService {
    /** Designate's {@code [service:api] default_limit_v2}. */
    public static final int DEFAULT_LIMIT = 20;
    /** Designate's {@code [service:api] max_limit_v2}. */
    public static final int MAX_LIMIT = 1000;
    /** The header that widens a listing to every project. */
    public static final String ALL_PROJECTS = "X-Auth-All-Projects";
    private static final String ZONES = "/v2/zones";

    private final DesignateData data;

    public DesignateService(DesignateData data) {
        super("dns", "designate");
        this.data = data;
    }

    @Override
    protected SimResponse serve(SimRequest r) throws IOException {
        String p = r.path();
        if (!p.equals(ZONES) && !p.startsWith(ZONES + "/")) {
            return error(404, "not_found", "The resource could not be found.");
        }
        if (!r.isRead()) {
            return error(405, "method_not_allowed", "The simulated Designate only answers GET and HEAD.");
        }
        if (p.equals(ZONES) || p.equals(ZONES + "/")) {
            return listZones(r);
        }
        String[] parts = p.substring(ZONES.length() + 1).split("/", -1);
        int zone = data.zoneIndex(parts[0]);
        if (zone < 0 || !visible(r, data.zone(zone).projectId())) {
            return error(404, "zone_not_found", "Could not find Zone");
        }
        if (parts.length == 1 || (parts.length == 2 && parts[1].isEmpty())) {
            DesignateData.Zone z = data.zone(zone);
            return SimResponse.json(200, g -> writeZone(g, z, r.endpointUrl()));
        }
        if (!"recordsets".equals(parts[1]) || parts.length > 3) {
            return error(404, "not_found", "The resource could not be found.");
        }
        if (parts.length == 2 || parts[2].isEmpty()) {
            return listRecordsets(r, zone);
        }
        int[] pos = data.recordsetPosition(parts[2]);
        if (pos == null || pos[0] != zone) {
            return error(404, "recordset_not_found", "Could not find RecordSet");
        }
        DesignateData.RecordSet rs = data.recordsets(zone).get(pos[1]);
        return SimResponse.json(200, g -> writeRecordset(g, rs, r.endpointUrl()));
    }

    /** Whether the header asks for every project's resources, as {@code strutils.bool_from_string} reads it. */
    static boolean allProjects(SimRequest r) {
        return Query.isTrue(r.header(ALL_PROJECTS));
    }

    private static boolean visible(SimRequest r, String projectId) {
        return allProjects(r) || projectId.equals(r.token().project().id());
    }

    /** Designate's error document. */
    static SimResponse error(int status, String type, String message) {
        return SimResponse.json(status, g -> {
            g.writeStartObject();
            g.writeNumberField("code", status);
            g.writeStringField("type", type);
            g.writeStringField("message", message);
            g.writeStringField("request_id", "req-" + UUID.randomUUID());
            g.writeEndObject();
        });
    }

    @Override
    protected SimResponse versions(SimRequest r) {
        return Versions.single(200, r.endpointUrl() + "/v2/", "id", "v2.1", "status", "CURRENT");
    }

    /** The page size asked for, or null after writing the 400 into {@code bad[0]}. */
    private static Integer limit(SimRequest r, SimResponse[] bad) {
        String raw = r.param("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        if ("max".equals(raw)) {
            return MAX_LIMIT;
        }
        try {
            int l = Integer.parseInt(raw.trim());
            if (l > 0) {
                return Math.min(l, MAX_LIMIT);
            }
            bad[0] = error(400, "invalid_limit", "limit should be a positive integer");
        } catch (NumberFormatException e) {
            bad[0] = error(400, "invalid_limit", "limit should be an integer");
        }
        return null;
    }

    private SimResponse listZones(SimRequest r) {
        SimResponse[] bad = new SimResponse[1];
        Integer limit = limit(r, bad);
        if (limit == null) {
            return bad[0];
        }
        int start = 0;
        String marker = r.param("marker");
        if (marker != null) {
            int m = data.zoneIndex(marker);
            if (m < 0) {
                return error(400, "invalid_marker", "Marker " + marker + " could not be found");
            }
            start = m + 1;
        }
        boolean all = allProjects(r);
        String own = r.token().project().id();
        int n = data.zoneCount();
        List<Integer> page = Pages.window(start, n, i -> all || own.equals(data.zone(i).projectId()), 0, limit);
        return SimResponse.streamedJson(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("zones");
            String last = null;
            for (int i : page) {
                DesignateData.Zone z = data.zone(i);
                writeZone(g, z, r.endpointUrl());
                last = z.id();
            }
            g.writeEndArray();
            writeLinks(g, r, page.size() == limit ? last : null);
            int total = n;
            if (!all) {
                total = 0;
                for (int i = 0; i < n; i++) {
                    if (own.equals(data.zone(i).projectId())) {
                        total++;
                    }
                }
            }
            g.writeObjectFieldStart("metadata");
            g.writeNumberField("total_count", total);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private SimResponse listRecordsets(SimRequest r, int zone) {
        SimResponse[] bad = new SimResponse[1];
        Integer limit = limit(r, bad);
        if (limit == null) {
            return bad[0];
        }
        List<DesignateData.RecordSet> all = data.recordsets(zone);
        int start = 0;
        String marker = r.param("marker");
        if (marker != null) {
            int[] pos = data.recordsetPosition(marker);
            if (pos == null || pos[0] != zone) {
                return error(400, "invalid_marker", "Marker " + marker + " could not be found");
            }
            start = pos[1] + 1;
        }
        int end = Math.min(all.size(), start + limit);
        List<DesignateData.RecordSet> page = all.subList(Math.min(start, end), end);
        return SimResponse.json(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("recordsets");
            for (DesignateData.RecordSet rs : page) {
                writeRecordset(g, rs, r.endpointUrl());
            }
            g.writeEndArray();
            writeLinks(g, r, page.size() == limit ? page.get(page.size() - 1).id() : null);
            g.writeObjectFieldStart("metadata");
            g.writeNumberField("total_count", all.size());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** {@code links.self}, and {@code links.next} with the last id as marker when the page is full. */
    private static void writeLinks(JsonGenerator g, SimRequest r, String nextMarker) throws IOException {
        String base = r.endpointUrl() + r.path();
        String query = Query.encode(r.params());
        g.writeObjectFieldStart("links");
        g.writeStringField("self", query.isEmpty() ? base : base + "?" + query);
        if (nextMarker != null) {
            g.writeStringField("next", base + "?" + Pages.query(r.params(), "marker", nextMarker));
        }
        g.writeEndObject();
    }

    /** One zone, with the fields of the API reference's samples. */
    static void writeZone(JsonGenerator g, DesignateData.Zone z, String endpoint) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", z.id());
        g.writeStringField("pool_id", z.poolId());
        g.writeStringField("project_id", z.projectId());
        g.writeStringField("name", z.name());
        g.writeStringField("email", z.email());
        g.writeNumberField("ttl", z.ttl());
        g.writeNumberField("serial", z.serial());
        g.writeStringField("status", z.status());
        g.writeStringField("action", z.action());
        g.writeNumberField("version", z.version());
        g.writeObjectFieldStart("attributes");
        g.writeEndObject();
        g.writeStringField("type", z.type());
        Json.stringArray(g, "masters", z.masters());
        Json.field(g, "description", z.description());
        g.writeStringField("created_at", z.createdAt());
        Json.field(g, "updated_at", z.updatedAt());
        g.writeNullField("transferred_at");
        g.writeBooleanField("shared", false);
        g.writeObjectFieldStart("links");
        g.writeStringField("self", endpoint + ZONES + "/" + z.id());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** One recordset, with the fields of the API reference's samples. */
    static void writeRecordset(JsonGenerator g, DesignateData.RecordSet rs, String endpoint) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", rs.id());
        g.writeStringField("zone_id", rs.zoneId());
        g.writeStringField("project_id", rs.projectId());
        g.writeStringField("name", rs.name());
        g.writeStringField("zone_name", rs.zoneName());
        g.writeStringField("type", rs.type());
        Json.stringArray(g, "records", rs.records());
        if (rs.ttl() == null) {
            g.writeNullField("ttl");
        } else {
            g.writeNumberField("ttl", rs.ttl());
        }
        g.writeStringField("status", rs.status());
        g.writeStringField("action", rs.action());
        g.writeNumberField("version", rs.version());
        Json.field(g, "description", rs.description());
        g.writeStringField("created_at", rs.createdAt());
        Json.field(g, "updated_at", rs.updatedAt());
        g.writeObjectFieldStart("links");
        g.writeStringField("self", endpoint + ZONES + "/" + rs.zoneId() + "/recordsets/" + rs.id());
        g.writeEndObject();
        g.writeEndObject();
    }
}
