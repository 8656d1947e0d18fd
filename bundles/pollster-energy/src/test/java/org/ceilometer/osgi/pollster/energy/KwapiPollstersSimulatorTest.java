package org.ceilometer.osgi.pollster.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.openstack.EndpointDiscovery;
import org.ceilometer.osgi.simulator.Simulator;
import org.ceilometer.osgi.simulator.kwapi.KwapiProbes.Reading;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.ceilometer.osgi.testsupport.SimulatorClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Kwapi pollsters against the OpenStack simulator, through the real Keystone session of the
 * openstack bundle and its {@code endpoint} discovery.
 */
class KwapiPollstersSimulatorTest {
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private Simulator sim;
    private OpenStackClient client;

    @AfterEach
    void stop() {
        SimulatorClients.close(client, sim);
    }

    private void start(int probes, String region) throws Exception {
        sim = Simulator.builder().seed(17).kwapiProbes(probes).clock(Clock.fixed(AT, ZoneOffset.UTC)).start();
        client = SimulatorClients.client(sim, "public", region);
    }

    private List<Resource> discover(FakePollContext ctx) throws Exception {
        return new EndpointDiscovery().discover(ctx, "energy");
    }

    private static List<Sample> poll(AbstractKwapiPollster p, FakePollContext ctx, List<Resource> resources)
            throws Exception {
        return ctx.samples(p, resources);
    }

    private static Instant instant(double epochSeconds) {
        BigDecimal s = BigDecimal.valueOf(epochSeconds).setScale(6, RoundingMode.HALF_EVEN);
        BigDecimal whole = s.setScale(0, RoundingMode.FLOOR);
        return Instant.ofEpochSecond(whole.longValueExact(), s.subtract(whole).movePointRight(6).longValueExact() * 1000);
    }

    @Test
    void everyProbeGivesAnEnergyAndAPowerSampleWithTheSimulatorsReading() throws Exception {
        start(30, "RegionOne");
        FakePollContext cycle = new FakePollContext(client, AT.plusSeconds(7));
        List<Resource> endpoints = discover(cycle);
        assertEquals(List.of(sim.endpoint("energy", "public") + "/v1"), endpoints.stream().map(Resource::id).toList());
        sim.resetRequestCounts();

        List<Sample> energy = poll(new EnergyPollster(), cycle, endpoints);
        List<Sample> power = poll(new PowerPollster(), cycle, endpoints);
        assertEquals(30, energy.size());
        assertEquals(30, power.size());
        for (int i = 0; i < 30; i++) {
            Reading r = sim.kwapi().reading(i, AT);
            Sample e = energy.stream().filter(s -> s.resourceId().equals(r.id())).findFirst().orElseThrow();
            Sample p = power.stream().filter(s -> s.resourceId().equals(r.id())).findFirst().orElseThrow();
            assertEquals("energy", e.name());
            assertEquals(MeterType.CUMULATIVE, e.type());
            assertEquals("kWh", e.unit());
            assertEquals(r.kwh(), e.volume().doubleValue());
            assertEquals("power", p.name());
            assertEquals(MeterType.GAUGE, p.type());
            assertEquals("W", p.unit());
            assertEquals(r.w(), p.volume().doubleValue());
            for (Sample s : List.of(e, p)) {
                assertNull(s.userId());
                assertNull(s.projectId());
                assertEquals(Map.of(), s.resourceMetadata());
                assertEquals(instant(r.timestamp()), s.timestamp(), "the probe's own time, not the cycle's");
                assertTrue(s.timestamp().isBefore(AT.plusMillis(1)) && s.timestamp().isAfter(AT.minusSeconds(5)));
            }
        }
        assertEquals(1, sim.requestCount("/energy/v1/probes/"), "one listing per cycle for both meters");
    }

    @Test
    void withoutKwapiInTheCatalogRegionThereIsNothingToPoll() throws Exception {
        start(5, "RegionTwo");
        FakePollContext cycle = new FakePollContext(client, AT);
        assertTrue(discover(cycle).isEmpty(), "the discovery finds no endpoint (and logs it)");
        assertTrue(poll(new EnergyPollster(), cycle, List.of()).isEmpty());
        assertEquals(0, sim.requestCount("/energy"));
    }

    @Test
    void withoutKwapiInTheCatalogTheDiscoveryFindsNothing() throws Exception {
        sim = Simulator.builder().seed(17).omitServices("energy").start();
        client = SimulatorClients.client(sim, "public", "RegionOne");
        FakePollContext cycle = new FakePollContext(client, AT);
        assertTrue(discover(cycle).isEmpty());
        assertEquals(0, sim.requestCount("/energy"));
    }

    @Test
    void aFailingEndpointDoesNotLoseTheOthersSamples() throws Exception {
        start(6, "RegionOne");
        List<Resource> endpoints = List.of(Resource.of(sim.endpoint("energy", "internal") + "/v1"),
                Resource.of(sim.endpoint("energy", "public") + "/v1"));
        sim.faults().failNext("/energy-internal/v1/probes/", 1, 500);
        List<Sample> samples = new ArrayList<>();
        FakePollContext cycle = new FakePollContext(client, AT);
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> new EnergyPollster().getSamples(cycle, endpoints, samples::add));
        assertEquals(500, e.status());
        assertEquals(6, samples.size(), "the public endpoint's probes");
        assertEquals(12, poll(new PowerPollster(), cycle, endpoints).size(), "the failure was not cached");

        sim.faults().malformedNext("/energy/v1/probes/", 1);
        assertThrows(OpenStackException.class, () -> poll(new PowerPollster(), new FakePollContext(client, AT),
                List.of(endpoints.get(1))));
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndNoSampleIsLost() throws Exception {
        start(9, "RegionOne");
        FakePollContext cycle = new FakePollContext(client, AT);
        List<Resource> endpoints = discover(cycle);
        long authBefore = sim.requestCount("/identity/v3/auth/tokens");
        sim.faults().expireTokens();
        assertEquals(9, poll(new EnergyPollster(), cycle, endpoints).size());
        assertEquals(authBefore + 1, sim.requestCount("/identity/v3/auth/tokens"));
        assertEquals(2, sim.requestCount("/energy/v1/probes/"), "the 401, then the retry");
    }
}
