package org.ceilometer.osgi.simulator.glance;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.ceilometer.osgi.simulator.SimImage;
import org.ceilometer.osgi.simulator.SimulatorData;
import org.ceilometer.osgi.simulator.core.Json;
import org.ceilometer.osgi.simulator.core.Query;
import org.ceilometer.osgi.simulator.core.ServiceContext;
import org.ceilometer.osgi.simulator.core.ServiceHandler;
import org.ceilometer.osgi.simulator.core.SimRequest;
import org.ceilometer.osgi.simulator.core.SimResponse;

/**
 * Glance v2 images, shaped on the Image API reference and Glance's own serializer: {@code GET
 * /v2/images} newest first ({@code created_at} descending) with {@code limit} (default 25, at most
 * 1000 as Glance's {@code api_limit_max}), {@code marker} (400 when unknown), the filters
 * {@code owner}, {@code status}, {@code visibility} and {@code name}, and {@code first}/{@code next}
 * links relative to the endpoint; {@code GET /v2/images/<id>}; the version list at the root.
 *
 * <p>Unlike Glance, which adds {@code next} whenever a page is full, {@code next} appears only when
 * another image follows.
 */
public final class GlanceService implements ServiceHandler {
    /** Glance's {@code limit_param_default}. */
    public static final int DEFAULT_LIMIT = 25;
    /** Glance's {@code api_limit_max}. */
    public static final int MAX_LIMIT = 1000;

    private final SimulatorData data;

    public GlanceService(ServiceContext context) {
        this.data = context.data();
    }

    @Override
    public String type() {
        return "image";
    }

    @Override
    public String name() {
        return "glance";
    }

    @Override
    public boolean requiresToken(SimRequest r) {
        return !("/".equals(r.path()) || "/versions".equals(r.path()));
    }

    @Override
    public SimResponse handle(SimRequest r) throws IOException {
        String p = r.path();
        boolean known = "/".equals(p) || "/versions".equals(p) || "/v2/images".equals(p)
                || p.startsWith("/v2/images/");
        if (!known) {
            return SimResponse.error(404, "The resource could not be found.");
        }
        if (!r.isRead()) {
            return SimResponse.error(405, "The method is not allowed for this resource.");
        }
        if ("/".equals(p) || "/versions".equals(p)) {
            return versions(r, "/".equals(p) ? 300 : 200);
        }
        if ("/v2/images".equals(p)) {
            return list(r);
        }
        String id = p.substring("/v2/images/".length());
        return data.imageById(id)
                .map(image -> SimResponse.json(200, g -> writeImage(g, image)))
                .orElseGet(() -> SimResponse.error(404, "No image found with ID " + id));
    }

    private static SimResponse versions(SimRequest r, int status) {
        return SimResponse.json(status, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("versions");
            g.writeStartObject();
            g.writeStringField("id", "v2.16");
            g.writeStringField("status", "CURRENT");
            g.writeArrayFieldStart("links");
            g.writeStartObject();
            g.writeStringField("rel", "self");
            g.writeStringField("href", r.endpointUrl() + "/v2/");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private SimResponse list(SimRequest r) {
        int limit;
        try {
            limit = Math.min(MAX_LIMIT, Query.nonNegative(r.param("limit"), DEFAULT_LIMIT));
        } catch (NumberFormatException e) {
            return SimResponse.error(400, "limit param must be an integer");
        } catch (IllegalArgumentException e) {
            return SimResponse.error(400, "limit param must be positive");
        }
        String sortKey = r.param("sort_key");
        String sortDir = r.param("sort_dir");
        String sort = r.param("sort");
        if ((sortKey != null && !"created_at".equals(sortKey)) || (sortDir != null && !"desc".equals(sortDir))
                || (sort != null && !"created_at:desc".equals(sort) && !"created_at".equals(sort))) {
            return SimResponse.error(400, "The simulator lists images by created_at descending only.");
        }
        int start = 0;
        String marker = r.param("marker");
        if (marker != null) {
            int index = data.imageIndex(marker);
            if (index < 0) {
                return SimResponse.error(400, "Marker " + marker + " could not be found.");
            }
            start = index + 1;
        }
        String owner = r.param("owner");
        String status = r.param("status");
        String visibility = r.param("visibility");
        String name = r.param("name");
        boolean filtered = owner != null || status != null || name != null
                || (visibility != null && !"all".equals(visibility));
        Predicate<SimImage> filter = i -> (owner == null || owner.equals(i.owner()))
                && (status == null || status.equals(i.status()))
                && (visibility == null || "all".equals(visibility) || visibility.equals(i.visibility()))
                && (name == null || name.equals(i.name()));
        Map<String, List<String>> params = Query.copy(r.params());
        params.remove("marker");
        String query = Query.encode(params);
        int first = start;
        return SimResponse.streamedJson(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("images");
            int n = data.imageCount();
            int written = 0;
            int i = first;
            String last = null;
            for (; i < n && written < limit; i++) {
                SimImage image = data.image(i);
                if (filtered && !filter.test(image)) {
                    continue;
                }
                writeImage(g, image);
                last = image.id();
                written++;
            }
            g.writeEndArray();
            boolean more = false;
            if (written > 0 && written == limit) {
                if (!filtered) {
                    more = i < n;
                } else {
                    for (int j = i; j < n && !more; j++) {
                        more = filter.test(data.image(j));
                    }
                }
            }
            g.writeStringField("first", query.isEmpty() ? "/v2/images" : "/v2/images?" + query);
            g.writeStringField("schema", "/v2/schemas/images");
            if (more) {
                params.put("marker", List.of(last));
                g.writeStringField("next", "/v2/images?" + Query.encode(params));
            }
            g.writeEndObject();
        });
    }

    /** One image, with the fields and in the order of the API reference's samples. */
    static void writeImage(JsonGenerator g, SimImage i) throws IOException {
        g.writeStartObject();
        g.writeStringField("status", i.status());
        g.writeStringField("name", i.name());
        Json.stringArray(g, "tags", i.tags());
        g.writeStringField("container_format", i.containerFormat());
        g.writeStringField("created_at", i.createdAt());
        g.writeStringField("disk_format", i.diskFormat());
        g.writeStringField("updated_at", i.updatedAt());
        g.writeStringField("visibility", i.visibility());
        g.writeStringField("self", i.self());
        g.writeNumberField("min_disk", i.minDisk());
        g.writeBooleanField("protected", i.isProtected());
        g.writeStringField("id", i.id());
        g.writeStringField("file", i.file());
        Json.field(g, "checksum", i.checksum());
        Json.field(g, "os_hash_algo", i.osHashAlgo());
        Json.field(g, "os_hash_value", i.osHashValue());
        g.writeBooleanField("os_hidden", i.osHidden());
        g.writeStringField("owner", i.owner());
        Json.field(g, "size", i.size());
        g.writeNumberField("min_ram", i.minRam());
        g.writeStringField("schema", "/v2/schemas/image");
        Json.field(g, "virtual_size", i.virtualSize());
        g.writeEndObject();
    }
}
