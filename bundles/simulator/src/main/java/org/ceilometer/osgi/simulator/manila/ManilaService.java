package org.ceilometer.osgi.simulator.manila;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.ceilometer.osgi.simulator.cinder.ApiVersion;
import org.ceilometer.osgi.simulator.cinder.CinderService;
import org.ceilometer.osgi.simulator.core.Json;
import org.ceilometer.osgi.simulator.core.Pages;
import org.ceilometer.osgi.simulator.core.Query;
import org.ceilometer.osgi.simulator.core.SimRequest;
import org.ceilometer.osgi.simulator.core.SimResponse;
import org.ceilometer.osgi.simulator.core.TokenStore;
import org.ceilometer.osgi.simulator.core.VersionedService;
import org.ceilometer.osgi.simulator.core.Versions;

/**
 * Manila's Shared File Systems API v2 shares ({@code /v2/{project_id}/shares[/detail]}), shaped on its
 * API reference and its share view builder. The project id in the URL is optional and must be the
 * token's when given (400 otherwise).
 *
 * <ul>
 *   <li>Microversions by {@code X-OpenStack-Manila-API-Version} (2.0 to 2.99, {@code latest}; 2.0
 *       without it; 406 out of range), echoed with {@code Vary}. Fields follow them: {@code share_type}
 *       is the type's name before 2.6 and its id from 2.6 (with {@code share_type_name}),
 *       {@code export_location(s)} go at 2.9, {@code user_id} comes at 2.16, and {@code creating_from_snapshot}
 *       shows as {@code creating} before 2.54. Admins (every simulator token) also see {@code host} and
 *       {@code share_server_id}.</li>
 *   <li>{@code all_tenants} (a boolean string; 400 otherwise) lists every project's shares; without it,
 *       the token's project's. {@code project_id} and {@code status} filter.</li>
 *   <li>Paging as Manila: by {@code limit} and {@code offset}; without {@code limit}, every share in
 *       one response. When a page holds exactly {@code limit} shares, {@code shares_links} carries a
 *       {@code next} link to {@code .../shares?...&marker=<last id>}, which Manila's share list does not
 *       honour: following it returns the same page again. Clients page by offset.</li>
 * </ul>
 */
public final class ManilaService extends VersionedService {
    /** The catalog type Ceilometer looks up ({@code [service_types] manila}). */
    public static final String TYPE = "sharev2";
    public static final ApiVersion MIN_VERSION = new ApiVersion(2, 0);
    public static final ApiVersion MAX_VERSION = new ApiVersion(2, 99);
    public static final String VERSION_HEADER = "X-OpenStack-Manila-API-Version";

    private final ManilaData manila;

    public ManilaService(ManilaData manila) {
        super(TYPE, "manilav2");
        this.manila = manila;
    }

    @Override
    public String catalogSuffix(TokenStore.Token token) {
        return token.project() == null ? "/v2" : "/v2/" + token.project().id();
    }

    @Override
    protected SimResponse serve(SimRequest r) throws IOException {
        String p = r.path();
        if (!p.startsWith("/v2/")) {
            return CinderService.fault(404, "The resource could not be found.");
        }
        ApiVersion version;
        String header = r.header(VERSION_HEADER);
        if (header == null) {
            version = MIN_VERSION;
        } else if ("latest".equalsIgnoreCase(header.trim())) {
            version = MAX_VERSION;
        } else {
            try {
                version = ApiVersion.parse(header);
            } catch (IllegalArgumentException e) {
                return CinderService.fault(400, "API Version String " + header.trim() + " is of invalid format. "
                        + "Must be of format MajorNum.MinorNum.");
            }
            if (version.compareTo(MIN_VERSION) < 0 || version.compareTo(MAX_VERSION) > 0) {
                return CinderService.fault(406, "Version " + version + " is not supported by the API. Minimum is "
                        + MIN_VERSION + " and maximum is " + MAX_VERSION + ".");
            }
        }
        return route(r, version).header(VERSION_HEADER, version.toString()).header("Vary", VERSION_HEADER);
    }

    private SimResponse route(SimRequest r, ApiVersion version) {
        String[] segments = r.path().substring("/v2/".length()).split("/");
        int at = 0;
        String projectInUrl = null;
        if (segments.length > 0 && !segments[0].isEmpty() && !"shares".equals(segments[0])) {
            projectInUrl = segments[0];
            at = 1;
            if (!projectInUrl.equals(r.token().project().id())) {
                return CinderService.fault(400, "Malformed request url");
            }
        }
        String rest = String.join("/", java.util.Arrays.asList(segments).subList(at, segments.length));
        if (!r.isRead()) {
            return CinderService.fault(405, "The method is not allowed for this resource.");
        }
        String base = r.endpointUrl() + "/v2" + (projectInUrl == null ? "" : "/" + projectInUrl);
        String bookmarkBase = r.endpointUrl() + (projectInUrl == null ? "" : "/" + projectInUrl);
        if ("shares".equals(rest)) {
            return list(r, version, base, bookmarkBase, false);
        }
        if ("shares/detail".equals(rest)) {
            return list(r, version, base, bookmarkBase, true);
        }
        return CinderService.fault(404, "The resource could not be found.");
    }

    @Override
    protected SimResponse versions(SimRequest r) {
        return Versions.single(300, r.endpointUrl() + "/v2/", "id", "v2.0", "status", "CURRENT",
                "version", MAX_VERSION.toString(), "min_version", MIN_VERSION.toString(),
                "updated", "2015-08-27T11:33:21Z");
    }

    private static Boolean boolParam(SimRequest r, String name) {
        String v = r.param(name);
        try {
            return Query.bool(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unrecognized value '" + v + "', acceptable values are: '0', '1', 'f', "
                    + "'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'");
        }
    }

    private SimResponse list(SimRequest r, ApiVersion version, String base, String bookmarkBase, boolean detail) {
        boolean allTenants;
        try {
            Boolean b = boolParam(r, "all_tenants");
            allTenants = b != null && b;
        } catch (IllegalArgumentException e) {
            return CinderService.fault(400, e.getMessage());
        }
        Integer limit;
        int offset;
        try {
            int l = Query.nonNegative(r.param("limit"), -1);
            limit = l < 0 ? null : l;
            offset = Query.nonNegative(r.param("offset"), 0);
        } catch (NumberFormatException e) {
            return CinderService.fault(400, "limit and offset params must be integers");
        } catch (IllegalArgumentException e) {
            return CinderService.fault(400, "limit and offset params must be positive");
        }
        String sortKey = r.param("sort_key");
        String sortDir = r.param("sort_dir");
        if ((sortKey != null && !"created_at".equals(sortKey)) || (sortDir != null && !"desc".equals(sortDir))) {
            return CinderService.fault(400, "The simulator lists shares by created_at descending only.");
        }
        String projectFilter = allTenants ? r.param("project_id") : r.token().project().id();
        String statusFilter = r.param("status");
        Predicate<SimShare> visible = s -> (projectFilter == null || projectFilter.equals(s.projectId()))
                && (statusFilter == null || statusFilter.equals(s.status()));
        int skip = limit == null ? 0 : offset; // Manila applies offset only together with limit
        List<Integer> page = Pages.window(0, manila.shareCount(), i -> visible.test(manila.share(i)), skip,
                limit == null ? Pages.NONE : limit);
        return SimResponse.streamedJson(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("shares");
            String last = null;
            for (int i : page) {
                SimShare s = manila.share(i);
                if (detail) {
                    writeShare(g, s, version, base, bookmarkBase);
                } else {
                    writeSummary(g, s, base, bookmarkBase);
                }
                last = s.id();
            }
            g.writeEndArray();
            if (limit != null && limit > 0 && page.size() == limit) {
                Pages.nextLinks(g, "shares", base + "/shares?" + Pages.query(r.params(), "marker", last));
            }
            g.writeEndObject();
        });
    }

    private static void writeLinks(JsonGenerator g, String id, String base, String bookmarkBase) throws IOException {
        g.writeArrayFieldStart("links");
        g.writeStartObject();
        g.writeStringField("rel", "self");
        g.writeStringField("href", base + "/shares/" + id);
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("rel", "bookmark");
        g.writeStringField("href", bookmarkBase + "/shares/" + id);
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void writeSummary(JsonGenerator g, SimShare s, String base, String bookmarkBase)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        Json.field(g, "name", s.name());
        writeLinks(g, s.id(), base, bookmarkBase);
        g.writeEndObject();
    }

    /** One share of the detail list, in the order of Manila's view builder. */
    private static void writeShare(JsonGenerator g, SimShare s, ApiVersion v, String base, String bookmarkBase)
            throws IOException {
        String status = s.status();
        if (!v.atLeast(2, 54) && "creating_from_snapshot".equals(status)) {
            status = "creating";
        }
        String shareType = v.atLeast(2, 6) ? s.shareTypeId() : s.shareTypeName();
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeNumberField("size", s.size());
        g.writeStringField("availability_zone", s.availabilityZone());
        g.writeStringField("created_at", s.createdAt());
        g.writeStringField("status", status);
        Json.field(g, "name", s.name());
        Json.field(g, "description", s.description());
        g.writeStringField("project_id", s.projectId());
        Json.field(g, "snapshot_id", s.snapshotId());
        Json.field(g, "share_network_id", s.shareNetworkId());
        g.writeStringField("share_proto", s.shareProto());
        if (!v.atLeast(2, 9)) {
            Json.field(g, "export_location", s.exportLocation());
        }
        g.writeObjectFieldStart("metadata");
        for (Map.Entry<String, String> e : s.metadata().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("share_type", shareType);
        g.writeStringField("volume_type", shareType);
        writeLinks(g, s.id(), base, bookmarkBase);
        g.writeBooleanField("is_public", s.isPublic());
        if (!v.atLeast(2, 9)) {
            g.writeArrayFieldStart("export_locations");
            if (s.exportLocation() != null) {
                g.writeString(s.exportLocation());
            }
            g.writeEndArray();
        }
        if (v.atLeast(2, 2)) {
            g.writeBooleanField("snapshot_support", true);
        }
        if (v.atLeast(2, 5)) {
            Json.field(g, "task_state", "migrating".equals(s.status()) ? "migration_in_progress" : null);
        }
        if (v.atLeast(2, 6)) {
            g.writeStringField("share_type_name", s.shareTypeName());
        }
        if (v.atLeast(2, 10)) {
            g.writeStringField("access_rules_status", "active");
        }
        if (v.atLeast(2, 11)) {
            g.writeNullField("replication_type");
            g.writeBooleanField("has_replicas", false);
        }
        if (v.atLeast(2, 16)) {
            g.writeStringField("user_id", s.userId());
        }
        if (v.atLeast(2, 24)) {
            g.writeBooleanField("create_share_from_snapshot_support", true);
        }
        if (v.atLeast(2, 27)) {
            g.writeBooleanField("revert_to_snapshot_support", false);
        }
        if (v.atLeast(2, 31)) {
            g.writeNullField("share_group_id");
            g.writeNullField("source_share_group_snapshot_member_id");
        }
        if (v.atLeast(2, 32)) {
            g.writeBooleanField("mount_snapshot_support", false);
        }
        if (v.atLeast(2, 54)) {
            g.writeStringField("progress", "available".equals(s.status()) ? "100%" : "0%");
        }
        Json.field(g, "share_server_id", s.shareServerId());
        g.writeStringField("host", s.host());
        g.writeEndObject();
    }
}
