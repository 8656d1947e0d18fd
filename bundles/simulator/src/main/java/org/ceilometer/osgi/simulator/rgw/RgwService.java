package org.ceilometer.osgi.simulator.rgw;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.ceilometer.osgi.simulator.SimProject;
import org.ceilometer.osgi.simulator.core.ServiceHandler;
import org.ceilometer.osgi.simulator.core.SimRequest;
import org.ceilometer.osgi.simulator.core.SimResponse;
import org.ceilometer.osgi.simulator.core.TokenStore;

/**
 * The Ceph RADOS Gateway's admin ops API, the read part Ceilometer uses, shaped on Ceph's Admin Ops
 * API reference and RGW's JSON:
 *
 * <ul>
 *   <li>{@code GET /admin/bucket?uid=<user>&stats=true}: the user's buckets as a JSON list, each with
 *       {@code bucket}, {@code tenant}, {@code id}, {@code marker}, {@code owner}, {@code num_shards},
 *       {@code creation_time}, {@code usage} (per category {@code size}, {@code size_actual},
 *       {@code size_utilized}, {@code size_kb}, {@code size_kb_actual}, {@code size_kb_utilized},
 *       {@code num_objects}; {@code {}} for an empty bucket) and {@code bucket_quota}; without
 *       {@code stats}, the names only. A user that does not exist: 404 {@code NoSuchKey}, as RGW
 *       answers when it cannot load the user. Without {@code uid}: every user's buckets.
 *   <li>{@code GET /admin/usage?uid=<user>}: {@code {"entries": [...], "summary": [...]}}, the summary
 *       holding per user its {@code categories} and {@code total} ({@code bytes_sent},
 *       {@code bytes_received}, {@code ops}, {@code successful_ops}); {@code show-entries} and
 *       {@code show-summary} (true by default). An unknown user or one without usage: empty lists.
 * </ul>
 *
 * <p>Every request must be signed with AWS Signature Version 4 by one of {@link RgwData}'s admin keys
 * ({@link SigV4Verifier}, the request time within 15 minutes of the simulator's clock): else 403 with
 * RGW's JSON error ({@code {"Code": "SignatureDoesNotMatch", "RequestId": ..., "HostId": ...}}). A key
 * whose user lacks the cap ({@code buckets=read}, {@code usage=read}) gets 403 {@code AccessDenied}. No
 * Keystone token is needed or read. The admin API answers at the server's root ({@code /admin}), where
 * Ceilometer looks for it ({@code urljoin(<catalog url>, '/admin')}); the catalog lists the gateway's
 * Swift API ({@code <endpoint>/swift/v1/AUTH_<project>}), which is not simulated (501).
 */
public final class RgwService implements ServiceHandler {
    /** The catalog type; Ceilometer's {@code [service_types] radosgw} has no default. */
    public static final String TYPE = "radosgw";
    /** The catalog name (Ceilometer's sample {@code rgw_service_name}). */
    public static final String NAME = "ceph";

    private final RgwData data;
    private final Clock clock;

    public RgwService(RgwData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    public RgwData data() {
        return data;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String catalogSuffix(TokenStore.Token token) {
        return token.project() == null ? "/swift/v1" : "/swift/v1/AUTH_" + token.project().id();
    }

    @Override
    public List<String> rootSegments() {
        return List.of("admin");
    }

    @Override
    public boolean requiresToken(SimRequest request) {
        return false;
    }

    @Override
    public SimResponse handle(SimRequest r) throws IOException {
        String p = r.path();
        if (!p.equals("/admin") && !p.startsWith("/admin/")) {
            return error(501, "NotImplemented");
        }
        SigV4Verifier.Refusal refusal = SigV4Verifier.verify(
                new SigV4Verifier.Request(r.method(), r.rawPath(), r.query(), r::header, r.body()),
                accessKey -> {
                    RgwData.AdminKey k = data.adminKey(accessKey);
                    return k == null ? null : k.secretKey();
                }, clock.instant());
        if (refusal != null) {
            return error(refusal.status(), refusal.code());
        }
        RgwData.AdminKey key = data.adminKey(SigV4Verifier.accessKey(r.header("authorization")));
        String resource = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        if ("/admin/bucket".equals(resource)) {
            if (!r.isRead()) {
                return error(405, "MethodNotAllowed");
            }
            return key.caps().contains(RgwData.CAP_BUCKETS) ? buckets(r) : error(403, "AccessDenied");
        }
        if ("/admin/usage".equals(resource)) {
            if (!r.isRead()) {
                return error(405, "MethodNotAllowed");
            }
            return key.caps().contains(RgwData.CAP_USAGE) ? usage(r) : error(403, "AccessDenied");
        }
        return error(404, "NoSuchKey");
    }

    private SimResponse buckets(SimRequest r) {
        if (r.param("bucket") != null) {
            return error(501, "NotImplemented");
        }
        boolean stats = bool(r.param("stats"), false);
        String uid = r.param("uid");
        List<SimProject> users;
        if (uid == null || uid.isEmpty()) {
            users = data.users();
        } else {
            Optional<SimProject> p = data.userProject(uid);
            if (p.isEmpty()) {
                return error(404, "NoSuchKey");
            }
            users = List.of(p.get());
        }
        return SimResponse.streamedJson(200, g -> {
            g.writeStartArray();
            for (SimProject u : users) {
                for (SimBucket b : data.buckets(u)) {
                    if (stats) {
                        writeBucket(g, u, b);
                    } else {
                        g.writeString(b.name());
                    }
                }
            }
            g.writeEndArray();
        });
    }

    private void writeBucket(JsonGenerator g, SimProject user, SimBucket b) throws IOException {
        g.writeStartObject();
        g.writeStringField("bucket", b.name());
        g.writeNumberField("num_shards", 11);
        g.writeStringField("tenant", data.implicitTenants() ? user.id() : "");
        g.writeStringField("versioning", "off");
        g.writeStringField("zonegroup", "3ad5d3b4-1c73-4d52-a6b2-6c0fd0c1a9e1");
        g.writeStringField("placement_rule", "default-placement");
        g.writeObjectFieldStart("explicit_placement");
        g.writeStringField("data_pool", "");
        g.writeStringField("data_extra_pool", "");
        g.writeStringField("index_pool", "");
        g.writeEndObject();
        g.writeStringField("id", b.id());
        g.writeStringField("marker", b.id());
        g.writeStringField("index_type", "Normal");
        g.writeBooleanField("versioned", false);
        g.writeBooleanField("versioning_enabled", false);
        g.writeBooleanField("object_lock_enabled", false);
        g.writeBooleanField("mfa_enabled", false);
        g.writeStringField("owner", data.uid(user));
        g.writeStringField("ver", "0#1,1#1,2#1,3#1,4#1,5#1,6#1,7#1,8#1,9#1,10#1");
        g.writeStringField("master_ver", "0#0,1#0,2#0,3#0,4#0,5#0,6#0,7#0,8#0,9#0,10#0");
        g.writeStringField("mtime", b.creationTime());
        g.writeStringField("creation_time", b.creationTime());
        g.writeStringField("max_marker", "0#,1#,2#,3#,4#,5#,6#,7#,8#,9#,10#");
        g.writeObjectFieldStart("usage");
        for (SimBucket.Category c : b.usage()) {
            g.writeObjectFieldStart(c.category());
            g.writeNumberField("size", c.size());
            g.writeNumberField("size_actual", c.sizeActual());
            g.writeNumberField("size_utilized", c.size());
            g.writeNumberField("size_kb", c.sizeKb());
            g.writeNumberField("size_kb_actual", c.sizeKbActual());
            g.writeNumberField("size_kb_utilized", c.sizeKb());
            g.writeNumberField("num_objects", c.numObjects());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("bucket_quota");
        g.writeBooleanField("enabled", false);
        g.writeBooleanField("check_on_raw", false);
        g.writeNumberField("max_size", -1);
        g.writeNumberField("max_size_kb", 0);
        g.writeNumberField("max_objects", -1);
        g.writeEndObject();
        g.writeEndObject();
    }

    private SimResponse usage(SimRequest r) {
        String uid = r.param("uid");
        List<SimProject> users;
        if (uid == null || uid.isEmpty()) {
            users = data.users();
        } else {
            users = data.userProject(uid).map(List::of).orElse(List.of());
        }
        boolean entries = bool(r.param("show-entries"), true);
        boolean summary = bool(r.param("show-summary"), true);
        return SimResponse.streamedJson(200, g -> {
            g.writeStartObject();
            if (entries) {
                g.writeArrayFieldStart("entries");
                for (SimProject u : users) {
                    List<SimUsage> usage = data.usage(u);
                    if (usage.isEmpty()) {
                        continue;
                    }
                    g.writeStartObject();
                    g.writeStringField("user", data.uid(u));
                    g.writeArrayFieldStart("buckets");
                    g.writeStartObject();
                    g.writeStringField("bucket", "");
                    g.writeStringField("time", "2025-05-31T23:00:00.000000Z");
                    g.writeNumberField("epoch", Instant.parse("2025-05-31T23:00:00Z").getEpochSecond());
                    g.writeStringField("owner", data.uid(u));
                    g.writeArrayFieldStart("categories");
                    for (SimUsage c : usage) {
                        writeCategory(g, c);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (summary) {
                g.writeArrayFieldStart("summary");
                for (SimProject u : users) {
                    List<SimUsage> usage = data.usage(u);
                    if (usage.isEmpty()) {
                        continue;
                    }
                    g.writeStartObject();
                    g.writeStringField("user", data.uid(u));
                    g.writeArrayFieldStart("categories");
                    long sent = 0;
                    long received = 0;
                    long ops = 0;
                    long ok = 0;
                    for (SimUsage c : usage) {
                        writeCategory(g, c);
                        sent += c.bytesSent();
                        received += c.bytesReceived();
                        ops += c.ops();
                        ok += c.successfulOps();
                    }
                    g.writeEndArray();
                    g.writeObjectFieldStart("total");
                    g.writeNumberField("bytes_sent", sent);
                    g.writeNumberField("bytes_received", received);
                    g.writeNumberField("ops", ops);
                    g.writeNumberField("successful_ops", ok);
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        });
    }

    private static void writeCategory(JsonGenerator g, SimUsage c) throws IOException {
        g.writeStartObject();
        g.writeStringField("category", c.category());
        g.writeNumberField("bytes_sent", c.bytesSent());
        g.writeNumberField("bytes_received", c.bytesReceived());
        g.writeNumberField("ops", c.ops());
        g.writeNumberField("successful_ops", c.successfulOps());
        g.writeEndObject();
    }

    private static boolean bool(String v, boolean absent) {
        if (v == null) {
            return absent;
        }
        String s = v.trim().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("1") || s.equals("yes");
    }

    /** RGW's JSON error: {@code {"Code": ..., "RequestId": ..., "HostId": ...}}. */
    static SimResponse error(int status, String code) {
        String requestId = requestId();
        return SimResponse.json(status, g -> {
            g.writeStartObject();
            g.writeStringField("Code", code);
            g.writeStringField("RequestId", requestId);
            g.writeStringField("HostId", "4126-default-default");
            g.writeEndObject();
        }).header("x-amz-request-id", requestId);
    }

    /** Shaped like RGW's: {@code tx} + 21 hex digits + {@code -} + the time in hex + {@code -<zone id>-default}. */
    private static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format(Locale.ROOT, "tx%021x-%010x-4126-default", r.nextLong() & 0xFFFFFFFFFFFFFL,
                System.currentTimeMillis() / 1000);
    }
}
