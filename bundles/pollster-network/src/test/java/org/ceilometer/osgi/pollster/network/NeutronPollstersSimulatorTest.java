package org.ceilometer.osgi.pollster.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.simulator.NeutronData;
import org.ceilometer.osgi.simulator.Simulator;
import org.ceilometer.osgi.testsupport.DelegatingClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.ceilometer.osgi.testsupport.SimulatorClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Neutron discoveries and pollsters against the simulator, through the real Keystone session. */
class NeutronPollstersSimulatorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String TOKENS = "/identity/v3/auth/tokens";
    private Simulator sim;
    private OpenStackClient client;

    @AfterEach
    void stop() {
        SimulatorClients.close(client, sim);
    }

    private void start(Simulator.Builder b, String interfaceName) throws Exception {
        sim = b.start();
        client = SimulatorClients.client(sim, interfaceName);
    }

    /** Ceilometer's status codes, as the API reference's statuses map to them. */
    private static long code(String status) {
        return switch (status) {
            case "INACTIVE" -> 0;
            case "ACTIVE" -> 1;
            case "PENDING_CREATE" -> 2;
            case "DOWN" -> 3;
            case "PENDING_UPDATE" -> 5;
            case "ERROR" -> 7;
            default -> -1;
        };
    }

    private static void assertGauge(Sample s, String name, String unit, Number volume, String id, String project,
            Map<String, Object> metadata) {
        assertEquals(name, s.name());
        assertEquals(MeterType.GAUGE, s.type());
        assertEquals(unit, s.unit());
        assertEquals(volume, s.volume(), id);
        assertEquals(id, s.resourceId());
        assertEquals(project, s.projectId());
        assertNull(s.userId());
        assertEquals(NOW, s.timestamp());
        assertEquals(metadata, s.resourceMetadata());
        assertEquals(List.copyOf(metadata.keySet()), List.copyOf(s.resourceMetadata().keySet()));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void everyResourceGivesItsSampleWithTheSimulatorsValues() throws Exception {
        start(Simulator.builder().seed(17).projects(7).floatingIps(95).vpnServices(45).ipsecConnections(30)
                .firewallGroups(35).firewallPolicies(12), "public");
        FakePollContext cycle = new FakePollContext(client, NOW);
        NeutronData data = sim.neutron();
        NetworkPollsterConfig config = NeutronPollstersTest.config(20, false);

        List<Sample> fips = NeutronPollstersTest.poll(new FloatingIpDiscovery(config), new FloatingIpPollster(), cycle);
        assertEquals(95, fips.size());
        for (int i = 0; i < 95; i++) {
            NeutronData.FloatingIp f = data.floatingIp(i);
            assertGauge(fips.get(i), "ip.floating", "ip", code(f.status()), f.id(), f.projectId(),
                    map("router_id", f.routerId(), "status", f.status(), "floating_network_id", f.floatingNetworkId(),
                            "fixed_ip_address", f.fixedIpAddress(), "port_id", f.portId(),
                            "floating_ip_address", f.floatingIpAddress()));
        }
        assertEquals(7L, fips.get(3).volume(), "the simulator's floating IP in error");
        assertEquals(5, sim.requestCount("/network/v2.0/floatingips"), "95 by 20: 4 full pages and one of 15");

        List<Sample> vpns = NeutronPollstersTest.poll(new VpnServicesDiscovery(config), new VpnServicesPollster(), cycle);
        assertEquals(45, vpns.size());
        for (int i = 0; i < 45; i++) {
            NeutronData.VpnService v = data.vpnService(i);
            assertGauge(vpns.get(i), "network.services.vpn", "vpnservice", code(v.status()), v.id(), v.projectId(),
                    map("is_admin_state_up", v.adminStateUp(), "description", v.description(), "name", v.name(),
                            "status", v.status(), "subnet_id", v.subnetId(), "router_id", v.routerId(),
                            "flavor_id", null, "external_v4_ip", v.externalV4Ip(),
                            "external_v6_ip", v.externalV6Ip()));
        }
        assertEquals(-1L, vpns.get(7).volume(), "BUILD is not in Ceilometer's map");

        List<Sample> conns = NeutronPollstersTest.poll(new IpsecConnectionsDiscovery(config),
                new IpsecConnectionsPollster(), cycle);
        assertEquals(30, conns.size());
        for (int i = 0; i < 30; i++) {
            NeutronData.IpsecConnection c = data.ipsecConnection(i);
            assertGauge(conns.get(i), "network.services.vpn.connections", "ipsec_site_connection", 1L, c.id(),
                    c.projectId(), map("name", c.name(), "description", c.description(), "peer_address",
                            c.peerAddress(), "peer_id", c.peerId(), "peer_cidrs", c.peerCidrs(), "peer_ep_group_id",
                            null, "psk", "***", "initiator", c.initiator(), "ikepolicy_id", c.ikepolicyId(),
                            "ipsecpolicy_id", c.ipsecpolicyId(), "vpnservice_id", c.vpnserviceId(),
                            "mtu", (long) c.mtu(), "is_admin_state_up", c.adminStateUp(), "status", c.status(),
                            "project_id", c.projectId()));
        }

        List<Sample> groups = NeutronPollstersTest.poll(new FirewallDiscovery(config), new FirewallPollster(), cycle);
        assertEquals(35, groups.size(), "Neutron's ERROR is not master's 'error': no group is left out");
        for (int i = 0; i < 35; i++) {
            NeutronData.FirewallGroup g = data.firewallGroup(i);
            assertGauge(groups.get(i), "network.services.firewall", "firewall", code(g.status()), g.id(),
                    g.projectId(), map("admin_state_up", g.adminStateUp(), "description", g.description(),
                            "name", g.name(), "status", g.status(), "ingress_firewall_policy_id",
                            g.ingressFirewallPolicyId(), "egress_firewall_policy_id", g.egressFirewallPolicyId()));
        }
        assertEquals(7L, groups.get(11).volume());

        List<Sample> policies = NeutronPollstersTest.poll(new FirewallPolicyDiscovery(config),
                new FirewallPolicyPollster(), cycle);
        assertEquals(12, policies.size());
        for (int i = 0; i < 12; i++) {
            NeutronData.FirewallPolicy p = data.firewallPolicy(i);
            assertGauge(policies.get(i), "network.services.firewall.policy", "firewall_policy", 1L, p.id(),
                    p.projectId(), map("name", p.name(), "description", p.description(), "firewall_rules",
                            p.firewallRules(), "shared", p.shared(), "audited", p.audited()));
        }
        assertEquals(1, sim.requestCount(TOKENS), "one token for the whole cycle");
    }

    @Test
    void anExactMultipleEndsWithTheEmptyPageNeutronLinksTo() throws Exception {
        start(Simulator.builder().floatingIps(10_000).projects(40), "internal");
        List<Sample> samples = NeutronPollstersTest.poll(new FloatingIpDiscovery(NeutronPollstersTest.config(1000,
                false)), new FloatingIpPollster(), new FakePollContext(client, NOW));
        assertEquals(10_000, samples.size());
        assertEquals(sim.neutron().floatingIp(9_999).id(), samples.get(9_999).resourceId());
        assertEquals(11, sim.requestCount("/network-internal/v2.0/floatingips"), "10 full pages, then an empty one");
    }

    @Test
    void aCloudWithoutNeutronHasNoNetworkEndpoint() throws Exception {
        start(Simulator.builder().omitServices("network"), "public");
        FakePollContext cycle = new FakePollContext(client, NOW);
        for (AbstractNeutronDiscovery d : List.of(new FloatingIpDiscovery(NeutronPollstersTest.config(1000, false)),
                new FirewallPolicyDiscovery(NeutronPollstersTest.config(1000, false)))) {
            EndpointNotFoundException e = assertThrows(EndpointNotFoundException.class, () -> d.discover(cycle, null));
            assertEquals("network", e.serviceType());
        }
        assertEquals(0, sim.requestCount("/network"));
    }

    @Test
    void aFailingListingDoesNotStopTheOthersAndIsTriedAgain() throws Exception {
        start(Simulator.builder().floatingIps(30).vpnServices(12), "public");
        FakePollContext cycle = new FakePollContext(client, NOW);
        NetworkPollsterConfig config = NeutronPollstersTest.config(10, false);
        sim.faults().failNext("/network/v2.0/vpn/vpnservices?limit=10&marker=", 1);
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> new VpnServicesDiscovery(config).discover(cycle, null));
        assertEquals(500, e.status(), "a failure on the second page fails the listing");
        assertEquals(30, NeutronPollstersTest.poll(new FloatingIpDiscovery(config), new FloatingIpPollster(), cycle)
                .size());
        assertEquals(12, NeutronPollstersTest.poll(new VpnServicesDiscovery(config), new VpnServicesPollster(), cycle)
                .size(), "the failure was not cached");
    }

    @Test
    void neutronWithoutFwaasGivesNoFirewallSamplesAndNoError() throws Exception {
        start(Simulator.builder().firewallGroups(5).firewallPolicies(5), "public");
        sim.faults().failNext("/network/v2.0/fwaas", 2, 404);
        FakePollContext cycle = new FakePollContext(client, NOW);
        assertTrue(new FirewallDiscovery(NeutronPollstersTest.config(1000, false)).discover(cycle, null).isEmpty());
        assertTrue(new FirewallPolicyDiscovery(NeutronPollstersTest.config(1000, false)).discover(cycle, null)
                .isEmpty());
    }

    @Test
    void aTokenThatExpiresMidListingIsRenewedOnce() throws Exception {
        start(Simulator.builder().floatingIps(50), "public");
        OpenStackClient expiring = new DelegatingClient(client).afterItems(10, () -> sim.faults().expireTokens());
        List<Sample> samples = NeutronPollstersTest.poll(new FloatingIpDiscovery(NeutronPollstersTest.config(10,
                false)), new FloatingIpPollster(), new FakePollContext(expiring, NOW));
        assertEquals(sim.neutron().floatingIps().stream().map(NeutronData.FloatingIp::id).toList(),
                samples.stream().map(Sample::resourceId).toList());
        assertEquals(2, sim.requestCount(TOKENS), "the first token, then one renewal after the 401");
        List<String> gets = new ArrayList<>(sim.recentRequests());
        gets.removeIf(r -> !r.startsWith("GET /network/"));
        assertEquals(7, gets.size(), "5 full pages, the empty one Neutron links to, and the retried one: " + gets);
        assertEquals(gets.get(1), gets.get(2), "the page that met the 401 is asked for again");
    }
}
