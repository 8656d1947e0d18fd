package org.ceilometer.osgi.simulator.cinder;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.ceilometer.osgi.simulator.core.Json;
import org.ceilometer.osgi.simulator.core.Pages;
import org.ceilometer.osgi.simulator.core.Query;
import org.ceilometer.osgi.simulator.core.SimRequest;
import org.ceilometer.osgi.simulator.core.SimResponse;
import org.ceilometer.osgi.simulator.core.TokenStore;
import org.ceilometer.osgi.simulator.core.VersionedService;
import org.ceilometer.osgi.simulator.core.Versions;

/**
 * Cinder's Block Storage API v3, shaped on its API reference and its view builders: the volume,
 * snapshot and backup lists ({@code /v3/{project_id}/volumes[/detail]}, {@code snapshots[/detail]},
 * {@code backups[/detail]}), the scheduler's pools ({@code scheduler-stats/get_pools[?detail=True]}) and
 * the services ({@code os-services}). The project id in the URL is optional, as since 3.67, and must be
 * the token's when given (400 otherwise).
 *
 * <ul>
 *   <li>Microversions by {@code OpenStack-API-Version: volume 3.x} (3.0 to 3.71, {@code latest}; 3.0
 *       without the header; 406 out of range), echoed in the response with {@code Vary}. The fields
 *       Ceilometer reads follow them: {@code volume_type_id} from 3.63, snapshots' {@code user_id} from
 *       3.41, backups' {@code os-backup-project-attr:project_id} from 3.18 and {@code user_id} from 3.56.</li>
 *   <li>{@code all_tenants} (a boolean string, 400 otherwise) lists every project's items; without it, the
 *       token's project's only. {@code project_id} filters with it.</li>
 *   <li>Paging as Cinder: {@code limit} (at most {@code osapi_max_limit}, 1000, also the default),
 *       {@code marker} (404 when unknown), {@code offset}; a {@code <collection>_links} {@code next} link,
 *       absolute and keeping the query, on every full page, so an exact multiple ends with an empty
 *       page.</li>
 *   <li>Errors in Cinder's fault format: {@code {"badRequest": {"code": 400, "message": ...}}}.</li>
 * </ul>
 */
public final class CinderService extends VersionedService {
    /** The catalog type Ceilometer looks up ({@code [service_types] cinder}). */
    public static final String TYPE = "volumev3";
    public static final ApiVersion MIN_VERSION = new ApiVersion(3, 0);
    public static final ApiVersion MAX_VERSION = new ApiVersion(3, 71);
    /** Cinder's {@code osapi_max_limit}. */
    public static final int MAX_LIMIT = 1000;
    public static final String VERSION_HEADER = "OpenStack-API-Version";

    private static final Set<String> COLLECTIONS = Set.of("volumes", "snapshots", "backups", "scheduler-stats",
            "os-services");

    private final CinderData cinder;

    public CinderService(CinderData cinder) {
        super(TYPE, "cinderv3");
        this.cinder = cinder;
    }

    @Override
    public String catalogSuffix(TokenStore.Token token) {
        return token.project() == null ? "/v3" : "/v3/" + token.project().id();
    }

    /** Cinder's error document: the fault name by status, then code and message. */
    public static SimResponse fault(int status, String message) {
        String name;
        switch (status) {
            case 400: name = "badRequest"; break;
            case 401: name = "unauthorized"; break;
            case 403: name = "forbidden"; break;
            case 404: name = "itemNotFound"; break;
            case 405: name = "badMethod"; break;
            case 409: name = "conflictingRequest"; break;
            case 413: name = "overLimit"; break;
            default: name = "computeFault"; break;
        }
        return SimResponse.json(status, g -> {
            g.writeStartObject();
            g.writeObjectFieldStart(name);
            g.writeNumberField("code", status);
            g.writeStringField("message", message);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    @Override
    protected SimResponse serve(SimRequest r) throws IOException {
        String p = r.path();
        if (!p.startsWith("/v3/")) {
            return fault(404, "The resource could not be found.");
        }
        ApiVersion version;
        try {
            version = requestedVersion(r.header(VERSION_HEADER));
        } catch (IllegalArgumentException e) {
            return fault(400, e.getMessage());
        } catch (IllegalStateException e) {
            return fault(406, e.getMessage());
        }
        SimResponse answer = route(r, version);
        return answer.header(VERSION_HEADER, "volume " + version).header("Vary", VERSION_HEADER);
    }

    /**
     * The microversion asked for: 3.0 without a header naming {@code volume}.
     *
     * @throws IllegalArgumentException for a malformed value (400)
     * @throws IllegalStateException for a version out of range (406)
     */
    static ApiVersion requestedVersion(String header) {
        if (header == null) {
            return MIN_VERSION;
        }
        for (String part : header.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words.length == 2 && "volume".equalsIgnoreCase(words[0])) {
                if ("latest".equalsIgnoreCase(words[1])) {
                    return MAX_VERSION;
                }
                ApiVersion v;
                try {
                    v = ApiVersion.parse(words[1]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("API Version String " + words[1] + " is of invalid format. "
                            + "Must be of format MajorNum.MinorNum.");
                }
                if (v.compareTo(MIN_VERSION) < 0 || v.compareTo(MAX_VERSION) > 0) {
                    throw new IllegalStateException("Version " + v + " is not supported by the API. Minimum is "
                            + MIN_VERSION + " and maximum is " + MAX_VERSION + ".");
                }
                return v;
            }
        }
        return MIN_VERSION;
    }

    private SimResponse route(SimRequest r, ApiVersion version) throws IOException {
        String[] segments = r.path().substring("/v3/".length()).split("/");
        int at = 0;
        String projectInUrl = null;
        if (segments.length > 0 && !segments[0].isEmpty() && !COLLECTIONS.contains(segments[0])) {
            projectInUrl = segments[0];
            at = 1;
            if (!projectInUrl.equals(r.token().project().id())) {
                return fault(400, "Malformed request url");
            }
        }
        String rest = String.join("/", java.util.Arrays.asList(segments).subList(at, segments.length));
        if (!r.isRead()) {
            return fault(405, "The method is not allowed for this resource.");
        }
        String base = r.endpointUrl() + "/v3" + (projectInUrl == null ? "" : "/" + projectInUrl);
        String bookmarkBase = r.endpointUrl() + (projectInUrl == null ? "" : "/" + projectInUrl);
        Links links = new Links(base, bookmarkBase);
        switch (rest) {
            case "volumes":
                return list(r, version, links, Kind.VOLUMES, false);
            case "volumes/detail":
                return list(r, version, links, Kind.VOLUMES, true);
            case "snapshots":
                return list(r, version, links, Kind.SNAPSHOTS, false);
            case "snapshots/detail":
                return list(r, version, links, Kind.SNAPSHOTS, true);
            case "backups":
                return list(r, version, links, Kind.BACKUPS, false);
            case "backups/detail":
                return list(r, version, links, Kind.BACKUPS, true);
            case "scheduler-stats/get_pools":
                return pools(r);
            case "os-services":
                return services(r, version);
            default:
                return fault(404, "The resource could not be found.");
        }
    }

    @Override
    protected SimResponse versions(SimRequest r) {
        return Versions.single(300, r.endpointUrl() + "/v3/", "id", "v3.0", "status", "CURRENT",
                "version", MAX_VERSION.toString(), "min_version", MIN_VERSION.toString(),
                "updated", "2023-08-31T00:00:00Z");
    }

    // ------------------------------------------------------------------ lists

    private enum Kind {
        VOLUMES("volumes", "Volume"),
        SNAPSHOTS("snapshots", "Snapshot"),
        BACKUPS("backups", "Backup");

        final String collection;
        final String noun;

        Kind(String collection, String noun) {
            this.collection = collection;
            this.noun = noun;
        }
    }

    /** Where item links point: {@code <endpoint>/v3[/<project>]} and the unversioned bookmark base. */
    private record Links(String base, String bookmarkBase) {}

    /** Cinder's {@code get_bool_param}: one of its boolean strings, or null when absent. */
    private static Boolean boolParam(SimRequest r, String name) {
        String v = r.param(name);
        try {
            return Query.bool(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value '" + v + "' for " + name
                    + ": a boolean string is expected");
        }
    }

    private int count(Kind k) {
        switch (k) {
            case VOLUMES: return cinder.volumeCount();
            case SNAPSHOTS: return cinder.snapshotCount();
            default: return cinder.backupCount();
        }
    }

    private int indexOf(Kind k, String id) {
        switch (k) {
            case VOLUMES: return cinder.volumeIndex(id);
            case SNAPSHOTS: return cinder.snapshotIndex(id);
            default: return cinder.backupIndex(id);
        }
    }

    private String projectOf(Kind k, int i) {
        switch (k) {
            case VOLUMES: return cinder.volume(i).projectId();
            case SNAPSHOTS: return cinder.snapshot(i).projectId();
            default: return cinder.backup(i).projectId();
        }
    }

    private SimResponse list(SimRequest r, ApiVersion version, Links links, Kind kind, boolean detail) {
        boolean allTenants;
        try {
            Boolean b = boolParam(r, "all_tenants");
            allTenants = b != null && b;
        } catch (IllegalArgumentException e) {
            return fault(400, e.getMessage());
        }
        int limit;
        int offset;
        try {
            limit = Math.min(MAX_LIMIT, Query.nonNegative(r.param("limit"), MAX_LIMIT));
            offset = Query.nonNegative(r.param("offset"), 0);
        } catch (NumberFormatException e) {
            return fault(400, "limit and offset params must be integers");
        } catch (IllegalArgumentException e) {
            return fault(400, "limit and offset params must be positive");
        }
        String sort = r.param("sort");
        String sortKey = r.param("sort_key");
        String sortDir = r.param("sort_dir");
        if ((sort != null && !"created_at:desc".equals(sort) && !"created_at".equals(sort))
                || (sortKey != null && !"created_at".equals(sortKey)) || (sortDir != null && !"desc".equals(sortDir))) {
            return fault(400, "The simulator lists by created_at descending only.");
        }
        int start = 0;
        String marker = r.param("marker");
        if (marker != null) {
            int index = indexOf(kind, marker);
            if (index < 0) {
                return fault(404, kind.noun + " " + marker + " could not be found.");
            }
            start = index + 1;
        }
        String tokenProject = r.token().project().id();
        String projectFilter = allTenants ? r.param("project_id") : tokenProject;
        IntPredicate visible = projectFilter == null ? i -> true : i -> projectFilter.equals(projectOf(kind, i));
        String collection = kind.collection + (detail ? "/detail" : "");
        List<Integer> page = Pages.window(start, count(kind), visible, offset, limit);
        return SimResponse.streamedJson(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart(kind.collection);
            String last = null;
            for (int i : page) {
                last = writeItem(g, kind, i, detail, version, links);
            }
            g.writeEndArray();
            if (!page.isEmpty() && page.size() >= limit) {
                Pages.nextLinks(g, kind.collection,
                        links.base() + "/" + collection + "?" + Pages.query(r.params(), "marker", last));
            }
            g.writeEndObject();
        });
    }

    /** Writes item {@code i} and returns its id. */
    private String writeItem(JsonGenerator g, Kind kind, int i, boolean detail, ApiVersion v, Links links)
            throws IOException {
        switch (kind) {
            case VOLUMES: {
                SimVolume vol = cinder.volume(i);
                if (detail) {
                    writeVolume(g, vol, v, links);
                } else {
                    writeSummary(g, vol.id(), vol.name(), "volumes", links);
                }
                return vol.id();
            }
            case SNAPSHOTS: {
                SimVolumeSnapshot s = cinder.snapshot(i);
                if (detail) {
                    writeSnapshot(g, s, v);
                } else {
                    writeSnapshotSummary(g, s);
                }
                return s.id();
            }
            default: {
                SimVolumeBackup b = cinder.backup(i);
                if (detail) {
                    writeBackup(g, b, v, links);
                } else {
                    writeSummary(g, b.id(), b.name(), "backups", links);
                }
                return b.id();
            }
        }
    }

    private static void writeLinks(JsonGenerator g, String collection, String id, Links links) throws IOException {
        g.writeArrayFieldStart("links");
        g.writeStartObject();
        g.writeStringField("href", links.base() + "/" + collection + "/" + id);
        g.writeStringField("rel", "self");
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("href", links.bookmarkBase() + "/" + collection + "/" + id);
        g.writeStringField("rel", "bookmark");
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void writeSummary(JsonGenerator g, String id, String name, String collection, Links links)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        Json.field(g, "name", name);
        writeLinks(g, collection, id, links);
        g.writeEndObject();
    }

    private static void writeStringMap(JsonGenerator g, String field, Map<String, String> m) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : m.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** A volume of the detail list, in the order of Cinder's v3 view builder, then the extension fields. */
    private void writeVolume(JsonGenerator g, SimVolume vol, ApiVersion v, Links links) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", vol.id());
        g.writeStringField("status", vol.status());
        g.writeNumberField("size", vol.size());
        g.writeStringField("availability_zone", vol.availabilityZone());
        g.writeStringField("created_at", vol.createdAt());
        Json.field(g, "updated_at", vol.updatedAt());
        Json.field(g, "name", vol.name());
        Json.field(g, "description", vol.description());
        g.writeStringField("volume_type", vol.volumeTypeName());
        Json.field(g, "snapshot_id", vol.snapshotId());
        Json.field(g, "source_volid", vol.sourceVolid());
        writeStringMap(g, "metadata", vol.metadata());
        writeLinks(g, "volumes", vol.id(), links);
        g.writeStringField("user_id", vol.userId());
        g.writeStringField("bootable", Boolean.toString(vol.bootable()));
        g.writeBooleanField("encrypted", vol.encrypted());
        g.writeStringField("replication_status", "disabled");
        g.writeNullField("consistencygroup_id");
        g.writeBooleanField("multiattach", vol.multiattach());
        g.writeArrayFieldStart("attachments");
        SimVolume.Attachment a = vol.attachment();
        if (a != null) {
            g.writeStartObject();
            g.writeStringField("id", vol.id());
            g.writeStringField("attachment_id", a.attachmentId());
            g.writeStringField("volume_id", vol.id());
            g.writeStringField("server_id", a.serverId());
            g.writeStringField("host_name", a.hostName());
            g.writeStringField("device", a.device());
            g.writeStringField("attached_at", a.attachedAt());
            g.writeEndObject();
        }
        g.writeEndArray();
        Json.field(g, "migration_status", vol.migrationStatus());
        if (v.atLeast(3, 13)) {
            g.writeNullField("group_id");
        }
        if (v.atLeast(3, 21)) {
            g.writeNullField("provider_id");
        }
        if (v.atLeast(3, 48)) {
            g.writeBooleanField("shared_targets", vol.sharedTargets());
            g.writeNullField("service_uuid");
        }
        if (v.atLeast(3, 61)) {
            g.writeNullField("cluster_name");
        }
        if (v.atLeast(3, 63)) {
            g.writeStringField("volume_type_id", vol.volumeTypeId());
        }
        if (v.atLeast(3, 64) && vol.encrypted()) {
            g.writeStringField("encryption_key_id", new StringBuilder(vol.id()).reverse().toString());
        }
        if (v.atLeast(3, 65)) {
            g.writeBooleanField("consumes_quota", true);
        }
        g.writeStringField("os-vol-tenant-attr:tenant_id", vol.projectId());
        Json.field(g, "os-vol-host-attr:host", vol.host());
        Json.field(g, "os-vol-mig-status-attr:migstat", vol.migrationStatus());
        g.writeNullField("os-vol-mig-status-attr:name_id");
        if (vol.imageMetadata() != null) {
            writeStringMap(g, "volume_image_metadata", vol.imageMetadata());
        }
        g.writeEndObject();
    }

    /** The fields of a snapshot in both lists, in the order of Cinder's view builder. */
    private static void writeSnapshotFields(JsonGenerator g, SimVolumeSnapshot s) throws IOException {
        g.writeStringField("id", s.id());
        g.writeStringField("created_at", s.createdAt());
        Json.field(g, "updated_at", s.updatedAt());
        Json.field(g, "name", s.name());
        Json.field(g, "description", s.description());
        g.writeStringField("volume_id", s.volumeId());
        g.writeStringField("status", s.status());
        g.writeNumberField("size", s.size());
        writeStringMap(g, "metadata", s.metadata());
    }

    private static void writeSnapshotSummary(JsonGenerator g, SimVolumeSnapshot s) throws IOException {
        g.writeStartObject();
        writeSnapshotFields(g, s);
        g.writeEndObject();
    }

    private static void writeSnapshot(JsonGenerator g, SimVolumeSnapshot s, ApiVersion v) throws IOException {
        g.writeStartObject();
        writeSnapshotFields(g, s);
        if (v.atLeast(3, 14)) {
            g.writeNullField("group_snapshot_id");
        }
        if (v.atLeast(3, 41)) {
            g.writeStringField("user_id", s.userId());
        }
        if (v.atLeast(3, 65)) {
            g.writeBooleanField("consumes_quota", true);
        }
        g.writeStringField("os-extended-snapshot-attributes:progress", s.progress());
        g.writeStringField("os-extended-snapshot-attributes:project_id", s.projectId());
        g.writeEndObject();
    }

    private static void writeBackup(JsonGenerator g, SimVolumeBackup b, ApiVersion v, Links links)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("id", b.id());
        g.writeStringField("status", b.status());
        g.writeNumberField("size", b.size());
        g.writeNumberField("object_count", b.objectCount());
        Json.field(g, "availability_zone", b.availabilityZone());
        Json.field(g, "container", b.container());
        g.writeStringField("created_at", b.createdAt());
        Json.field(g, "updated_at", b.updatedAt());
        Json.field(g, "name", b.name());
        Json.field(g, "description", b.description());
        Json.field(g, "fail_reason", b.failReason());
        g.writeStringField("volume_id", b.volumeId());
        writeLinks(g, "backups", b.id(), links);
        g.writeBooleanField("is_incremental", b.incremental());
        g.writeBooleanField("has_dependent_backups", false);
        g.writeNullField("snapshot_id");
        g.writeStringField("data_timestamp", b.createdAt());
        if (v.atLeast(3, 18)) {
            g.writeStringField("os-backup-project-attr:project_id", b.projectId());
        }
        if (v.atLeast(3, 43)) {
            g.writeObjectFieldStart("metadata");
            g.writeEndObject();
        }
        if (v.atLeast(3, 56)) {
            g.writeStringField("user_id", b.userId());
        }
        g.writeEndObject();
    }

    // ------------------------------------------------------------------ pools and services

    private SimResponse pools(SimRequest r) {
        boolean detail;
        try {
            Boolean b = boolParam(r, "detail");
            detail = b != null && b;
        } catch (IllegalArgumentException e) {
            return fault(400, e.getMessage());
        }
        List<SimVolumePool> pools = cinder.pools();
        return SimResponse.json(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("pools");
            for (SimVolumePool p : pools) {
                g.writeStartObject();
                g.writeStringField("name", p.name());
                if (detail) {
                    writeCapabilities(g, p);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void writeCapacity(JsonGenerator g, String name, Object value) throws IOException {
        if (value instanceof Long) {
            g.writeNumberField(name, (Long) value);
        } else if (value instanceof Double) {
            g.writeNumberField(name, (Double) value);
        } else if (value != null) {
            g.writeStringField(name, value.toString());
        }
    }

    /** The capabilities an LVM, Ceph or NFS driver reports, in the order devstack's LVM shows them. */
    private static void writeCapabilities(JsonGenerator g, SimVolumePool p) throws IOException {
        g.writeObjectFieldStart("capabilities");
        g.writeStringField("pool_name", p.poolName());
        writeCapacity(g, "total_capacity_gb", p.totalCapacityGb());
        writeCapacity(g, "free_capacity_gb", p.freeCapacityGb());
        g.writeNumberField("reserved_percentage", p.reservedPercentage());
        g.writeStringField("location_info", p.backendName() + ":" + p.backendHost());
        g.writeBooleanField("QoS_support", false);
        writeCapacity(g, "provisioned_capacity_gb", p.provisionedCapacityGb());
        g.writeStringField("max_over_subscription_ratio", p.maxOverSubscriptionRatio());
        g.writeBooleanField("thin_provisioning_support", p.thinProvisioningSupport());
        g.writeBooleanField("thick_provisioning_support", !p.thinProvisioningSupport());
        g.writeNumberField("total_volumes", p.totalVolumes());
        g.writeNullField("filter_function");
        g.writeNullField("goodness_function");
        g.writeBooleanField("multiattach", true);
        g.writeStringField("backend_state", "up");
        writeCapacity(g, "allocated_capacity_gb", p.allocatedCapacityGb());
        g.writeBooleanField("cacheable", true);
        g.writeStringField("volume_backend_name", p.backendName());
        g.writeStringField("storage_protocol", p.storageProtocol());
        g.writeStringField("vendor_name", "Open Source");
        g.writeStringField("driver_version", "3.0.0");
        g.writeStringField("timestamp", p.timestamp());
        g.writeEndObject();
    }

    private SimResponse services(SimRequest r, ApiVersion v) {
        String host = r.param("host");
        String binary = r.param("binary");
        List<SimVolumeService> services = cinder.services();
        return SimResponse.json(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("services");
            for (SimVolumeService s : services) {
                if ((host != null && !host.equals(s.host())) || (binary != null && !binary.equals(s.binary()))) {
                    continue;
                }
                boolean volume = "cinder-volume".equals(s.binary());
                g.writeStartObject();
                g.writeStringField("binary", s.binary());
                g.writeStringField("host", s.host());
                g.writeStringField("zone", s.zone());
                g.writeStringField("status", s.status());
                g.writeStringField("state", s.state());
                g.writeStringField("updated_at", s.updatedAt());
                if (v.atLeast(3, 49) && volume) {
                    g.writeStringField("backend_state", s.isUp() ? "up" : "down");
                }
                if (v.atLeast(3, 7)) {
                    g.writeNullField("cluster");
                }
                Json.field(g, "disabled_reason", s.disabledReason());
                if (volume) {
                    g.writeStringField("replication_status", "disabled");
                    g.writeNullField("active_backend_id");
                    g.writeBooleanField("frozen", false);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
