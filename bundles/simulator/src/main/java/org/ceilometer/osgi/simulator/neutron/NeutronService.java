package org.ceilometer.osgi.simulator.neutron;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;
import org.ceilometer.osgi.simulator.NeutronData;
import org.ceilometer.osgi.simulator.core.Json;
import org.ceilometer.osgi.simulator.core.Pages;
import org.ceilometer.osgi.simulator.core.Query;
import org.ceilometer.osgi.simulator.core.SimRequest;
import org.ceilometer.osgi.simulator.core.SimResponse;
import org.ceilometer.osgi.simulator.core.VersionedService;
import org.ceilometer.osgi.simulator.core.Versions;

/**
 * Neutron's Networking API v2.0, the parts Ceilometer polls: {@code GET /v2.0/floatingips},
 * {@code /v2.0/vpn/vpnservices}, {@code /v2.0/vpn/ipsec-site-connections} (VPNaaS),
 * {@code /v2.0/fwaas/firewall_groups} and {@code /v2.0/fwaas/firewall_policies} (FWaaS v2), each
 * also by id, and the version list at the root. Shaped on the API reference and Neutron's
 * {@code api_common}: an admin sees every project's resources; without {@code limit} the whole
 * collection comes in one answer; with {@code limit} (0 means none) and {@code marker} the answer adds
 * {@code <collection>_links}, absolute, with {@code next} whenever the page is full (so an exact
 * multiple ends with an empty page) and {@code previous}; {@code page_reverse=True} pages backwards. An
 * unknown marker answers 404. Filters {@code project_id}, {@code tenant_id} and {@code status}.
 * Errors carry Neutron's {@code {"NeutronError": {"type", "message", "detail"}}}.
 *
 * <p>Items come in index order, not sorted by id as Neutron sorts them: clients must not rely on it.
 */
public final class NeutronService extends VersionedService {
    private final List<Collection<?>> collections;

    /** One collection: its path, keys, items and JSON. */
    private record Collection<T>(String path, String key, String singular, String notFoundType, String label,
            IntSupplier count, IntFunction<T> item, ToIntFunction<String> index, Function<T, String> id,
            Function<T, String> project, Function<T, String> status, ItemWriter<T> writer) {
        void write(JsonGenerator g, int i) throws IOException {
            writer.write(g, item.apply(i));
        }
    }

    @FunctionalInterface
    private interface ItemWriter<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    public NeutronService(NeutronData data) {
        super("network", "neutron");
        this.collections = List.of(
                new Collection<>("/v2.0/floatingips", "floatingips", "floatingip", "FloatingIPNotFound",
                        "Floating IP", data::floatingIpCount, data::floatingIp, data::floatingIpIndex,
                        NeutronData.FloatingIp::id, NeutronData.FloatingIp::projectId, NeutronData.FloatingIp::status,
                        NeutronService::writeFloatingIp),
                new Collection<>("/v2.0/vpn/vpnservices", "vpnservices", "vpnservice", "VPNServiceNotFound",
                        "VPNService", data::vpnServiceCount, data::vpnService, data::vpnServiceIndex,
                        NeutronData.VpnService::id, NeutronData.VpnService::projectId, NeutronData.VpnService::status,
                        NeutronService::writeVpnService),
                new Collection<>("/v2.0/vpn/ipsec-site-connections", "ipsec_site_connections",
                        "ipsec_site_connection", "IPsecSiteConnectionNotFound", "ipsec_site_connection",
                        data::ipsecConnectionCount, data::ipsecConnection, data::ipsecConnectionIndex,
                        NeutronData.IpsecConnection::id, NeutronData.IpsecConnection::projectId,
                        NeutronData.IpsecConnection::status, NeutronService::writeIpsecConnection),
                new Collection<>("/v2.0/fwaas/firewall_groups", "firewall_groups", "firewall_group",
                        "FirewallGroupNotFound", "Firewall Group", data::firewallGroupCount, data::firewallGroup,
                        data::firewallGroupIndex, NeutronData.FirewallGroup::id, NeutronData.FirewallGroup::projectId,
                        NeutronData.FirewallGroup::status, NeutronService::writeFirewallGroup),
                new Collection<>("/v2.0/fwaas/firewall_policies", "firewall_policies", "firewall_policy",
                        "FirewallPolicyNotFound", "Firewall Policy", data::firewallPolicyCount, data::firewallPolicy,
                        data::firewallPolicyIndex, NeutronData.FirewallPolicy::id,
                        NeutronData.FirewallPolicy::projectId, p -> null, NeutronService::writeFirewallPolicy));
    }

    @Override
    protected SimResponse serve(SimRequest r) throws IOException {
        String p = r.path();
        for (Collection<?> c : collections) {
            if (p.equals(c.path()) || p.equals(c.path() + "/")) {
                return r.isRead() ? list(r, c) : notAllowed();
            }
            if (p.startsWith(c.path() + "/")) {
                return r.isRead() ? show(c, p.substring(c.path().length() + 1)) : notAllowed();
            }
        }
        return error(404, "HTTPNotFound", "The resource could not be found.");
    }

    /** Neutron's error document. */
    static SimResponse error(int status, String type, String message) {
        return SimResponse.json(status, g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("NeutronError");
            g.writeStringField("type", type);
            g.writeStringField("message", message);
            g.writeStringField("detail", "");
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static SimResponse notAllowed() {
        return error(405, "HTTPMethodNotAllowed", "The simulated Neutron only answers GET and HEAD.");
    }

    @Override
    protected SimResponse versions(SimRequest r) {
        return Versions.single(200, r.endpointUrl() + "/v2.0/", "status", "CURRENT", "id", "v2.0");
    }

    private static <T> SimResponse show(Collection<T> c, String id) {
        int i = c.index().applyAsInt(id);
        if (i < 0) {
            return error(404, c.notFoundType(), c.label() + " " + id + " could not be found.");
        }
        return SimResponse.json(200, g -> {
            g.writeStartObject();
            g.writeFieldName(c.singular());
            c.write(g, i);
            g.writeEndObject();
        });
    }

    private static <T> SimResponse list(SimRequest r, Collection<T> c) {
        int limit;
        try {
            limit = Query.nonNegative(r.param("limit"), 0);
        } catch (IllegalArgumentException e) {
            return error(400, "BadRequest", "Bad limit request: Limit must be an integer 0 or greater and not '"
                    + r.param("limit") + "'.");
        }
        boolean reverse = "true".equalsIgnoreCase(r.param("page_reverse"));
        int n = c.count().getAsInt();
        String marker = r.param("marker");
        int markerIndex = -1;
        if (marker != null && limit > 0) {
            markerIndex = c.index().applyAsInt(marker);
            if (markerIndex < 0) {
                return error(404, c.notFoundType(), c.label() + " " + marker + " could not be found.");
            }
        }
        String project = r.param("project_id") != null ? r.param("project_id") : r.param("tenant_id");
        String status = r.param("status");
        List<Integer> page = new ArrayList<>();
        if (limit == 0) {
            page = null;
        } else if (!reverse) {
            page = Pages.window(markerIndex + 1, n, i -> matches(c, i, project, status), 0, limit);
        } else {
            for (int i = (markerIndex < 0 ? n : markerIndex) - 1; i >= 0 && page.size() < limit; i--) {
                if (matches(c, i, project, status)) {
                    page.add(i);
                }
            }
            Collections.reverse(page);
        }
        List<Integer> items = page;
        int pageLimit = limit;
        return SimResponse.streamedJson(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart(c.key());
            if (items == null) {
                for (int i = 0; i < n; i++) {
                    if (matches(c, i, project, status)) {
                        c.write(g, i);
                    }
                }
            } else {
                for (int i : items) {
                    c.write(g, i);
                }
            }
            g.writeEndArray();
            if (items != null) {
                writeLinks(g, r, c, items, pageLimit, reverse);
            }
            g.writeEndObject();
        });
    }

    private static <T> boolean matches(Collection<T> c, int i, String project, String status) {
        if (project == null && status == null) {
            return true;
        }
        T item = c.item().apply(i);
        return (project == null || project.equals(c.project().apply(item)))
                && (status == null || status.equalsIgnoreCase(String.valueOf(c.status().apply(item))));
    }

    /** {@code <collection>_links} as Neutron's {@code get_pagination_links} writes them. */
    private static <T> void writeLinks(JsonGenerator g, SimRequest r, Collection<T> c, List<Integer> items, int limit,
            boolean reverse) throws IOException {
        String base = r.endpointUrl() + r.path();
        g.writeArrayFieldStart(c.key() + "_links");
        String first = items.isEmpty() ? null : c.id().apply(c.item().apply(items.get(0)));
        String last = items.isEmpty() ? null : c.id().apply(c.item().apply(items.get(items.size() - 1)));
        if (!(items.size() < limit && !reverse)) {
            Map<String, List<String>> params = Query.copy(r.params());
            params.remove("page_reverse");
            Pages.link(g, "next", base + "?" + Pages.query(params, "marker", last));
        }
        if (!(items.size() < limit && reverse)) {
            Map<String, List<String>> params = Query.copy(r.params());
            params.remove("page_reverse");
            params.remove("marker");
            if (first != null) {
                params.put("marker", List.of(first));
            }
            Pages.link(g, "previous", base + "?" + Pages.query(params, "page_reverse", "True"));
        }
        g.writeEndArray();
    }

    // ---------------------------------------------------------------- items, with the reference's fields

    static void writeFloatingIp(JsonGenerator g, NeutronData.FloatingIp f) throws IOException {
        g.writeStartObject();
        Json.field(g, "router_id", f.routerId());
        g.writeStringField("description", f.description());
        g.writeStringField("dns_domain", f.dnsDomain());
        g.writeStringField("dns_name", f.dnsName());
        g.writeStringField("created_at", f.createdAt());
        g.writeStringField("updated_at", f.updatedAt());
        g.writeNumberField("revision_number", f.revisionNumber());
        g.writeStringField("project_id", f.projectId());
        g.writeStringField("tenant_id", f.projectId());
        g.writeStringField("floating_network_id", f.floatingNetworkId());
        Json.field(g, "fixed_ip_address", f.fixedIpAddress());
        g.writeStringField("floating_ip_address", f.floatingIpAddress());
        Json.field(g, "port_id", f.portId());
        g.writeStringField("id", f.id());
        g.writeStringField("status", f.status());
        if (f.portId() == null) {
            g.writeNullField("port_details");
        } else {
            g.writeObjectFieldStart("port_details");
            g.writeStringField("status", "ACTIVE".equals(f.status()) ? "ACTIVE" : "DOWN");
            g.writeStringField("name", "");
            g.writeBooleanField("admin_state_up", true);
            g.writeStringField("device_owner", "compute:nova");
            g.writeEndObject();
        }
        Json.stringArray(g, "tags", f.tags());
        g.writeArrayFieldStart("port_forwardings");
        g.writeEndArray();
        g.writeNullField("qos_policy_id");
        g.writeNullField("qos_network_policy_id");
        g.writeEndObject();
    }

    static void writeVpnService(JsonGenerator g, NeutronData.VpnService v) throws IOException {
        g.writeStartObject();
        g.writeStringField("router_id", v.routerId());
        g.writeStringField("status", v.status());
        g.writeStringField("name", v.name());
        Json.field(g, "external_v6_ip", v.externalV6Ip());
        g.writeBooleanField("admin_state_up", v.adminStateUp());
        g.writeStringField("subnet_id", v.subnetId());
        g.writeStringField("project_id", v.projectId());
        g.writeStringField("tenant_id", v.projectId());
        Json.field(g, "external_v4_ip", v.externalV4Ip());
        g.writeStringField("id", v.id());
        g.writeStringField("description", v.description());
        Json.field(g, "flavor_id", v.flavorId());
        g.writeEndObject();
    }

    static void writeIpsecConnection(JsonGenerator g, NeutronData.IpsecConnection c) throws IOException {
        g.writeStartObject();
        g.writeStringField("status", c.status());
        g.writeStringField("initiator", c.initiator());
        Json.stringArray(g, "peer_cidrs", c.peerCidrs());
        g.writeStringField("name", c.name());
        g.writeBooleanField("admin_state_up", c.adminStateUp());
        g.writeStringField("project_id", c.projectId());
        g.writeStringField("tenant_id", c.projectId());
        g.writeStringField("auth_mode", c.authMode());
        Json.field(g, "local_ep_group_id", c.localEpGroupId());
        Json.field(g, "peer_ep_group_id", c.peerEpGroupId());
        g.writeNumberField("mtu", c.mtu());
        g.writeObjectFieldStart("dpd");
        g.writeStringField("action", "hold");
        g.writeNumberField("interval", 30);
        g.writeNumberField("timeout", 120);
        g.writeEndObject();
        g.writeStringField("route_mode", c.routeMode());
        g.writeStringField("vpnservice_id", c.vpnserviceId());
        g.writeStringField("peer_address", c.peerAddress());
        g.writeStringField("peer_id", c.peerId());
        g.writeStringField("psk", c.psk());
        g.writeStringField("ikepolicy_id", c.ikepolicyId());
        g.writeStringField("id", c.id());
        g.writeStringField("ipsecpolicy_id", c.ipsecpolicyId());
        g.writeStringField("local_id", c.localId());
        g.writeStringField("description", c.description());
        g.writeEndObject();
    }

    static void writeFirewallGroup(JsonGenerator g, NeutronData.FirewallGroup f) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("admin_state_up", f.adminStateUp());
        g.writeStringField("description", f.description());
        Json.field(g, "egress_firewall_policy_id", f.egressFirewallPolicyId());
        g.writeStringField("id", f.id());
        Json.field(g, "ingress_firewall_policy_id", f.ingressFirewallPolicyId());
        g.writeStringField("name", f.name());
        Json.stringArray(g, "ports", f.ports());
        g.writeStringField("project_id", f.projectId());
        g.writeBooleanField("shared", f.shared());
        g.writeStringField("status", f.status());
        g.writeStringField("tenant_id", f.projectId());
        g.writeEndObject();
    }

    static void writeFirewallPolicy(JsonGenerator g, NeutronData.FirewallPolicy p) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("audited", p.audited());
        g.writeStringField("description", p.description());
        Json.stringArray(g, "firewall_rules", p.firewallRules());
        g.writeStringField("id", p.id());
        g.writeStringField("name", p.name());
        g.writeStringField("project_id", p.projectId());
        g.writeBooleanField("shared", p.shared());
        g.writeStringField("tenant_id", p.projectId());
        g.writeEndObject();
    }
}
