package org.ceilometer.osgi.pollster.network;

import java.util.List;

/**
 * The Neutron collections the pollsters read: their path below {@code /v2.0}, the key of their items,
 * and Ceilometer's metadata keys with the API field each one takes its value from. The metadata keys
 * are openstacksdk's attribute names (master builds them from {@code Resource.to_dict()}), so
 * {@code admin_state_up} becomes {@code is_admin_state_up} where the SDK renames it.
 */
enum NeutronKind {
    /** {@code ceilometer/network/floatingip.py}, {@code FloatingIPPollster.FIELDS}. */
    FLOATING_IPS("/floatingips", "floatingips", "floating IP",
            List.of("router_id", "status", "floating_network_id", "fixed_ip_address", "port_id",
                    "floating_ip_address"),
            List.of("router_id", "status", "floating_network_id", "fixed_ip_address", "port_id",
                    "floating_ip_address")),
    /** {@code ceilometer/network/services/vpnaas.py}, {@code VPNServicesPollster.FIELDS}. */
    VPN_SERVICES("/vpn/vpnservices", "vpnservices", "VPN service",
            List.of("is_admin_state_up", "description", "name", "status", "subnet_id", "router_id", "flavor_id",
                    "external_v4_ip", "external_v6_ip"),
            List.of("admin_state_up", "description", "name", "status", "subnet_id", "router_id", "flavor_id",
                    "external_v4_ip", "external_v6_ip")),
    /** {@code ceilometer/network/services/vpnaas.py}, {@code IPSecConnectionsPollster.FIELDS}. */
    IPSEC_CONNECTIONS("/vpn/ipsec-site-connections", "ipsec_site_connections", "IPsec site connection",
            List.of("name", "description", "peer_address", "peer_id", "peer_cidrs", "peer_ep_group_id", "psk",
                    "initiator", "ikepolicy_id", "ipsecpolicy_id", "vpnservice_id", "mtu", "is_admin_state_up",
                    "status", "project_id"),
            List.of("name", "description", "peer_address", "peer_id", "peer_cidrs", "peer_ep_group_id", "psk",
                    "initiator", "ikepolicy_id", "ipsecpolicy_id", "vpnservice_id", "mtu", "admin_state_up",
                    "status", "project_id")),
    /** {@code ceilometer/network/services/fwaas.py}, {@code FirewallPollster.FIELDS} (FWaaS v2 groups). */
    FIREWALL_GROUPS("/fwaas/firewall_groups", "firewall_groups", "firewall group",
            List.of("admin_state_up", "description", "name", "status", "ingress_firewall_policy_id",
                    "egress_firewall_policy_id"),
            List.of("admin_state_up", "description", "name", "status", "ingress_firewall_policy_id",
                    "egress_firewall_policy_id")),
    /**
     * {@code ceilometer/network/services/fwaas.py}, {@code FirewallPolicyPollster.FIELDS}, which names
     * {@code name} twice: a Python dict keeps it once, at its first place.
     */
    FIREWALL_POLICIES("/fwaas/firewall_policies", "firewall_policies", "firewall policy",
            List.of("name", "description", "firewall_rules", "shared", "audited"),
            List.of("name", "description", "firewall_rules", "shared", "audited"));

    /** The path below the {@code /v2.0} root. */
    final String path;
    /** The key of the items in a page, and of the {@code <key>_links}. */
    final String itemsKey;
    /** For log lines. */
    final String label;
    /** Ceilometer's {@code resource_metadata} keys, in its order. */
    final List<String> metadataKeys;
    /** The API field of each metadata key. */
    final List<String> apiFields;

    NeutronKind(String path, String itemsKey, String label, List<String> metadataKeys, List<String> apiFields) {
        this.path = path;
        this.itemsKey = itemsKey;
        this.label = label;
        this.metadataKeys = metadataKeys;
        this.apiFields = apiFields;
    }
}
