package org.ceilometer.osgi.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The simulator's Neutron resources, computed from the seed and an index as {@link SimulatorData}'s
 * images are: floating IPs, VPNaaS services and IPsec site connections, FWaaS v2 firewall groups and
 * firewall policies, with the fields of the Networking API reference. Each resource belongs to a
 * tenant project (to {@code admin} when there are none). Nothing is stored: 100,000 of each cost no
 * heap.
 *
 * <p>Status values are Neutron's upper-case ones. Floating IPs: an associated one is {@code ACTIVE},
 * a free one {@code DOWN}, every 50th (index 3, 53, ...) {@code ERROR}. VPN services and IPsec
 * connections: mostly {@code ACTIVE}, some {@code DOWN}, {@code PENDING_CREATE}, {@code ERROR}, and
 * every 40th (index 7, 47, ...) {@code BUILD}, a VPNaaS status Ceilometer's status map lacks. Firewall
 * groups: {@code ACTIVE}, {@code INACTIVE}, {@code DOWN}, {@code PENDING_UPDATE}, and every 30th
 * (index 11, 41, ...) {@code ERROR}.
 */
public final class NeutronData {
    private static final long NEWEST_EPOCH = Instant.parse("2025-06-01T00:00:00Z").getEpochSecond();
    private static final DateTimeFormatter NEUTRON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final int EXTERNAL_NETWORKS = 3;

    private final SimulatorData data;
    private final int floatingIpCount;
    private final int vpnServiceCount;
    private final int ipsecConnectionCount;
    private final int firewallGroupCount;
    private final int firewallPolicyCount;
    private final Ids fipIds;
    private final Ids vpnIds;
    private final Ids ipsecIds;
    private final Ids groupIds;
    private final Ids policyIds;
    private final Ids misc;

    /** A Neutron floating IP ({@code GET /v2.0/floatingips}); null fields are JSON nulls. */
    public record FloatingIp(int index, String id, String projectId, String floatingNetworkId, String routerId,
            String fixedIpAddress, String floatingIpAddress, String portId, String status, String description,
            String dnsDomain, String dnsName, String createdAt, String updatedAt, int revisionNumber,
            List<String> tags) {}

    /** A VPNaaS service ({@code GET /v2.0/vpn/vpnservices}). */
    public record VpnService(int index, String id, String projectId, String name, String description,
            String routerId, String subnetId, String flavorId, boolean adminStateUp, String externalV4Ip,
            String externalV6Ip, String status) {}

    /** A VPNaaS IPsec site connection ({@code GET /v2.0/vpn/ipsec-site-connections}). */
    public record IpsecConnection(int index, String id, String projectId, String name, String description,
            String peerAddress, String peerId, String localId, List<String> peerCidrs, String psk, String initiator,
            String ikepolicyId, String ipsecpolicyId, String vpnserviceId, int mtu, boolean adminStateUp,
            String status, String routeMode, String authMode, String localEpGroupId, String peerEpGroupId) {}

    /** An FWaaS v2 firewall group ({@code GET /v2.0/fwaas/firewall_groups}). */
    public record FirewallGroup(int index, String id, String projectId, String name, String description,
            boolean adminStateUp, String status, String ingressFirewallPolicyId, String egressFirewallPolicyId,
            List<String> ports, boolean shared) {}

    /** An FWaaS v2 firewall policy ({@code GET /v2.0/fwaas/firewall_policies}). */
    public record FirewallPolicy(int index, String id, String projectId, String name, String description,
            List<String> firewallRules, boolean audited, boolean shared) {}

    /**
     * @param data the projects that own the resources, and the seed
     */
    public NeutronData(SimulatorData data, int floatingIps, int vpnServices, int ipsecConnections,
            int firewallGroups, int firewallPolicies) {
        if (floatingIps < 0 || vpnServices < 0 || ipsecConnections < 0 || firewallGroups < 0
                || firewallPolicies < 0) {
            throw new IllegalArgumentException("Neutron resource counts must not be negative");
        }
        this.data = Objects.requireNonNull(data);
        this.floatingIpCount = floatingIps;
        this.vpnServiceCount = vpnServices;
        this.ipsecConnectionCount = ipsecConnections;
        this.firewallGroupCount = firewallGroups;
        this.firewallPolicyCount = firewallPolicies;
        long seed = data.seed();
        this.fipIds = new Ids(seed, "floatingip");
        this.vpnIds = new Ids(seed, "vpnservice");
        this.ipsecIds = new Ids(seed, "ipsec-site-connection");
        this.groupIds = new Ids(seed, "firewall_group");
        this.policyIds = new Ids(seed, "firewall_policy");
        this.misc = new Ids(seed, "neutron-misc");
    }

    public int floatingIpCount() {
        return floatingIpCount;
    }

    public int vpnServiceCount() {
        return vpnServiceCount;
    }

    public int ipsecConnectionCount() {
        return ipsecConnectionCount;
    }

    public int firewallGroupCount() {
        return firewallGroupCount;
    }

    public int firewallPolicyCount() {
        return firewallPolicyCount;
    }

    /** The external networks floating IPs are allocated from. */
    public List<String> externalNetworkIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EXTERNAL_NETWORKS; i++) {
            ids.add(misc.uuid(i));
        }
        return ids;
    }

    // ---------------------------------------------------------------- floating IPs

    public List<FloatingIp> floatingIps() {
        return lazyList(floatingIpCount, this::floatingIp);
    }

    /** The index of a floating IP id, or -1. */
    public int floatingIpIndex(String id) {
        return index(fipIds, floatingIpCount, id);
    }

    public FloatingIp floatingIp(int index) {
        Objects.checkIndex(index, floatingIpCount);
        SplittableRandom r = new SplittableRandom(fipIds.itemSeed(index));
        String project = owner(r);
        boolean associated = r.nextInt(100) < 70;
        boolean error = index % 50 == 3;
        String status = error ? "ERROR" : associated ? "ACTIVE" : "DOWN";
        String network = misc.uuid(r.nextInt(EXTERNAL_NETWORKS));
        String router = associated ? misc.uuid(1000 + r.nextInt(Math.max(1, floatingIpCount / 8 + 1))) : null;
        String fixed = associated ? "10.0." + r.nextInt(256) + "." + (2 + r.nextInt(250)) : null;
        String port = associated ? misc.uuid(1_000_000 + index) : null;
        String address = "172." + (16 + ((index >>> 16) & 15)) + "." + ((index >>> 8) & 255) + "." + (index & 255);
        long created = NEWEST_EPOCH - index * 90L - r.nextInt(60);
        long updated = created + r.nextInt(7 * 86400);
        boolean dns = r.nextInt(10) == 0;
        List<String> tags = r.nextInt(5) == 0 ? List.of("billing") : List.of();
        return new FloatingIp(index, fipIds.uuid(index), project, network, router, fixed, address, port, status,
                "", dns ? "example.org." : "", dns ? "fip-" + index : "", time(created), time(updated),
                1 + r.nextInt(5), tags);
    }

    // ---------------------------------------------------------------- VPNaaS

    public List<VpnService> vpnServices() {
        return lazyList(vpnServiceCount, this::vpnService);
    }

    public int vpnServiceIndex(String id) {
        return index(vpnIds, vpnServiceCount, id);
    }

    public VpnService vpnService(int index) {
        Objects.checkIndex(index, vpnServiceCount);
        SplittableRandom r = new SplittableRandom(vpnIds.itemSeed(index));
        String project = owner(r);
        String status = index % 40 == 7 ? "BUILD" : pick(r, "ACTIVE", 80, "DOWN", 8, "PENDING_CREATE", 6, "ERROR", 6);
        boolean v6 = r.nextInt(4) == 0;
        return new VpnService(index, vpnIds.uuid(index), project, "vpn-" + pad5(index),
                r.nextBoolean() ? "" : "VPN of site " + index, misc.uuid(2_000_000 + index),
                misc.uuid(3_000_000 + index), null, r.nextInt(100) < 95,
                "172.24.4." + (10 + index % 240), v6 ? "2001:db8::" + Integer.toHexString(16 + index % 4000) : null,
                status);
    }

    public List<IpsecConnection> ipsecConnections() {
        return lazyList(ipsecConnectionCount, this::ipsecConnection);
    }

    public int ipsecConnectionIndex(String id) {
        return index(ipsecIds, ipsecConnectionCount, id);
    }

    public IpsecConnection ipsecConnection(int index) {
        Objects.checkIndex(index, ipsecConnectionCount);
        SplittableRandom r = new SplittableRandom(ipsecIds.itemSeed(index));
        String project = owner(r);
        String vpnservice = vpnServiceCount > 0 ? vpnIds.uuid(r.nextInt(vpnServiceCount)) : misc.uuid(4_000_000 + index);
        String status = index % 40 == 7 ? "BUILD" : pick(r, "ACTIVE", 75, "DOWN", 13, "PENDING_CREATE", 6, "ERROR", 6);
        String peer = "203.0." + (113 + (index >>> 8) % 3) + "." + (index & 255);
        List<String> cidrs = r.nextInt(3) == 0
                ? List.of("192.168." + r.nextInt(256) + ".0/24", "192.168." + r.nextInt(256) + ".0/24")
                : List.of("192.168." + r.nextInt(256) + ".0/24");
        return new IpsecConnection(index, ipsecIds.uuid(index), project, "ipsec-" + pad5(index),
                r.nextInt(3) == 0 ? "Tunnel to branch " + index : "", peer, peer, "", cidrs,
                "psk-" + Long.toHexString(r.nextLong()), r.nextInt(10) == 0 ? "response-only" : "bi-directional",
                misc.uuid(5_000_000 + r.nextInt(4)), misc.uuid(6_000_000 + r.nextInt(4)), vpnservice,
                r.nextInt(5) == 0 ? 1400 : 1500, r.nextInt(100) < 95, status, "static", "psk", null, null);
    }

    // ---------------------------------------------------------------- FWaaS v2

    public List<FirewallGroup> firewallGroups() {
        return lazyList(firewallGroupCount, this::firewallGroup);
    }

    public int firewallGroupIndex(String id) {
        return index(groupIds, firewallGroupCount, id);
    }

    public FirewallGroup firewallGroup(int index) {
        Objects.checkIndex(index, firewallGroupCount);
        SplittableRandom r = new SplittableRandom(groupIds.itemSeed(index));
        String project = owner(r);
        String status = index % 30 == 11 ? "ERROR"
                : pick(r, "ACTIVE", 60, "INACTIVE", 25, "DOWN", 8, "PENDING_UPDATE", 7);
        String ingress = firewallPolicyCount > 0 && r.nextInt(10) < 8 ? policyIds.uuid(r.nextInt(firewallPolicyCount)) : null;
        String egress = firewallPolicyCount > 0 && r.nextInt(10) < 5 ? policyIds.uuid(r.nextInt(firewallPolicyCount)) : null;
        List<String> ports = new ArrayList<>();
        int n = "INACTIVE".equals(status) ? 0 : 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            ports.add(misc.uuid(7_000_000 + index * 4 + i));
        }
        return new FirewallGroup(index, groupIds.uuid(index), project, index == 0 ? "default" : "fwg-" + pad5(index),
                r.nextBoolean() ? "" : "Firewall group " + index, r.nextInt(100) < 95, status, ingress, egress,
                List.copyOf(ports), false);
    }

    public List<FirewallPolicy> firewallPolicies() {
        return lazyList(firewallPolicyCount, this::firewallPolicy);
    }

    public int firewallPolicyIndex(String id) {
        return index(policyIds, firewallPolicyCount, id);
    }

    public FirewallPolicy firewallPolicy(int index) {
        Objects.checkIndex(index, firewallPolicyCount);
        SplittableRandom r = new SplittableRandom(policyIds.itemSeed(index));
        String project = owner(r);
        List<String> rules = new ArrayList<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            rules.add(misc.uuid(8_000_000 + index * 8 + i));
        }
        return new FirewallPolicy(index, policyIds.uuid(index), project, "fwp-" + pad5(index),
                r.nextBoolean() ? "" : "Policy " + index, List.copyOf(rules), r.nextInt(4) == 0, r.nextInt(10) == 0);
    }

    // ---------------------------------------------------------------- helpers

    private String owner(SplittableRandom r) {
        int tenants = data.tenantProjectCount();
        int i = tenants > 0 ? SimulatorData.FIRST_TENANT + r.nextInt(tenants) : SimulatorData.ADMIN_PROJECT;
        return data.project(i).id();
    }

    private static int index(Ids ids, int count, String id) {
        int i = ids.index(id);
        return i >= 0 && i < count && ids.uuid(i).equals(id) ? i : -1;
    }

    /** One of the values, by weights (value, weight, value, weight, ...). */
    static String pick(SplittableRandom r, Object... valuesAndWeights) {
        int total = 0;
        for (int i = 1; i < valuesAndWeights.length; i += 2) {
            total += (Integer) valuesAndWeights[i];
        }
        int x = r.nextInt(total);
        for (int i = 0; i < valuesAndWeights.length; i += 2) {
            x -= (Integer) valuesAndWeights[i + 1];
            if (x < 0) {
                return (String) valuesAndWeights[i];
            }
        }
        return (String) valuesAndWeights[valuesAndWeights.length - 2];
    }

    /** A read-only list whose items are computed when asked for. */
    static <T> List<T> lazyList(int size, IntFunction<T> item) {
        return new AbstractList<>() {
            @Override
            public T get(int index) {
                return item.apply(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private static String time(long epochSecond) {
        return NEUTRON_TIME.format(Instant.ofEpochSecond(epochSecond));
    }

    static String pad5(int n) {
        String s = Integer.toString(n);
        return s.length() >= 5 ? s : "00000".substring(s.length()) + s;
    }
}
