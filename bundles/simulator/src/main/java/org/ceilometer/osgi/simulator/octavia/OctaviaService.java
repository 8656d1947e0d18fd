package org.ceilometer.osgi.simulator.octavia;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.ceilometer.osgi.simulator.OctaviaData;
import org.ceilometer.osgi.simulator.core.Json;
import org.ceilometer.osgi.simulator.core.Pages;
import org.ceilometer.osgi.simulator.core.SimRequest;
import org.ceilometer.osgi.simulator.core.SimResponse;
import org.ceilometer.osgi.simulator.core.VersionedService;
import org.ceilometer.osgi.simulator.core.Versions;

/**
 * Octavia's Load Balancer API v2, the part Ceilometer polls: {@code GET /v2/lbaas/loadbalancers} (also
 * under {@code /v2.0}), one load balancer by id, and the version list at the root. Shaped on the API
 * reference and Octavia's pagination helper: an admin sees every project's load balancers, newest
 * first; {@code limit} defaults to and is capped at 1000 (Octavia's {@code pagination_max_limit});
 * {@code limit} below 1 or {@code infinite} lists everything; an unknown {@code marker} answers 400;
 * {@code loadbalancers_links} is always there, with {@code next} whenever a page is full (so an exact
 * multiple ends with an empty page) and {@code previous} when a marker was given. Filters
 * {@code project_id}, {@code provisioning_status} and {@code operating_status}. Errors carry Octavia's
 * {@code {"faultcode", "faultstring", "debuginfo"}}.
 */
public final class OctaviaService extends VersionedService {
    /** Octavia's {@code [api_settings] pagination_max_limit}. */
    public static final int MAX_LIMIT = 1000;
    private static final String LBS = "/lbaas/loadbalancers";

    private final OctaviaData data;

    public OctaviaService(OctaviaData data) {
        super("load-balancer", "octavia");
        this.data = data;
    }

    @Override
    protected SimResponse serve(SimRequest r) throws IOException {
        String p = r.path();
        String below = p.startsWith("/v2.0/") ? p.substring(5) : p.startsWith("/v2/") ? p.substring(3) : null;
        if (below == null || !below.startsWith(LBS)) {
            return error(404, "Client", "The resource could not be found.");
        }
        if (!r.isRead()) {
            return error(405, "Client", "The simulated Octavia only answers GET and HEAD.");
        }
        if (below.equals(LBS) || below.equals(LBS + "/")) {
            return list(r);
        }
        String id = below.substring(LBS.length() + 1);
        int i = data.loadBalancerIndex(id);
        if (i < 0) {
            return error(404, "Client", "Load Balancer " + id + " not found.");
        }
        return SimResponse.json(200, g -> {
            g.writeStartObject();
            g.writeFieldName("loadbalancer");
            writeLoadBalancer(g, data.loadBalancer(i));
            g.writeEndObject();
        });
    }

    /** Octavia's (WSME's) error document. */
    static SimResponse error(int status, String faultcode, String message) {
        return SimResponse.json(status, g -> {
            g.writeStartObject();
            g.writeStringField("faultcode", faultcode);
            g.writeStringField("faultstring", message);
            g.writeNullField("debuginfo");
            g.writeEndObject();
        });
    }

    @Override
    protected SimResponse versions(SimRequest r) {
        return Versions.single(200, r.endpointUrl() + "/v2", "id", "v2.0", "status", "CURRENT",
                "updated", "2023-06-01T00:00:00Z");
    }

    private SimResponse list(SimRequest r) {
        String rawLimit = r.param("limit");
        Integer limit = MAX_LIMIT;
        if (rawLimit != null) {
            try {
                int l = "infinite".equals(rawLimit) ? 0 : Integer.parseInt(rawLimit.trim());
                limit = l < 1 ? null : Math.min(l, MAX_LIMIT);
            } catch (NumberFormatException e) {
                return error(400, "Client", "Supplied pagination limit '" + rawLimit + "' is not valid.");
            }
        }
        String marker = r.param("marker");
        int start = 0;
        if (marker != null) {
            int m = data.loadBalancerIndex(marker);
            if (m < 0) {
                return error(400, "Client", "Supplied pagination marker '" + marker + "' is not valid.");
            }
            start = m + 1;
        }
        String project = r.param("project_id");
        String provisioning = r.param("provisioning_status");
        String operating = r.param("operating_status");
        boolean filtered = project != null || provisioning != null || operating != null;
        List<Integer> page = Pages.window(start, data.loadBalancerCount(), i -> {
            if (!filtered) {
                return true;
            }
            OctaviaData.LoadBalancer lb = data.loadBalancer(i);
            return (project == null || project.equals(lb.projectId()))
                    && (provisioning == null || provisioning.equals(lb.provisioningStatus()))
                    && (operating == null || operating.equals(lb.operatingStatus()));
        }, 0, limit == null ? Pages.NONE : limit);
        Integer pageLimit = limit;
        return SimResponse.streamedJson(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("loadbalancers");
            for (int i : page) {
                writeLoadBalancer(g, data.loadBalancer(i));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("loadbalancers_links");
            if (!page.isEmpty()) {
                String base = r.endpointUrl() + r.path() + "?limit=" + pageLimit;
                if (marker != null) {
                    link(g, "previous", base + "&marker=" + data.loadBalancer(page.get(0)).id() + "&page_reverse=True");
                }
                if (pageLimit != null && page.size() >= pageLimit) {
                    link(g, "next", base + "&marker=" + data.loadBalancer(page.get(page.size() - 1)).id());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void link(JsonGenerator g, String rel, String href) throws IOException {
        g.writeStartObject();
        g.writeStringField("href", href);
        g.writeStringField("rel", rel);
        g.writeEndObject();
    }

    /** One load balancer, with the fields of the API reference's samples. */
    static void writeLoadBalancer(JsonGenerator g, OctaviaData.LoadBalancer lb) throws IOException {
        g.writeStartObject();
        g.writeStringField("description", lb.description());
        g.writeBooleanField("admin_state_up", lb.adminStateUp());
        g.writeStringField("project_id", lb.projectId());
        g.writeStringField("provisioning_status", lb.provisioningStatus());
        Json.field(g, "flavor_id", lb.flavorId());
        g.writeStringField("vip_subnet_id", lb.vipSubnetId());
        idList(g, "listeners", lb.listeners());
        g.writeStringField("vip_address", lb.vipAddress());
        g.writeStringField("vip_network_id", lb.vipNetworkId());
        g.writeStringField("vip_port_id", lb.vipPortId());
        g.writeArrayFieldStart("additional_vips");
        g.writeEndArray();
        g.writeStringField("provider", lb.provider());
        idList(g, "pools", lb.pools());
        g.writeStringField("created_at", lb.createdAt());
        Json.field(g, "updated_at", lb.updatedAt());
        g.writeStringField("id", lb.id());
        g.writeStringField("operating_status", lb.operatingStatus());
        g.writeStringField("name", lb.name());
        Json.field(g, "vip_qos_policy_id", lb.vipQosPolicyId());
        Json.field(g, "availability_zone", lb.availabilityZone());
        Json.stringArray(g, "tags", lb.tags());
        g.writeStringField("vip_vnic_type", "normal");
        g.writeStringField("tenant_id", lb.projectId());
        g.writeEndObject();
    }

    private static void idList(JsonGenerator g, String name, List<String> ids) throws IOException {
        g.writeArrayFieldStart(name);
        for (String id : ids) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
