package org.ceilometer.osgi.pollster.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.testsupport.FakeOpenStackClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.junit.jupiter.api.Test;

/** The Kwapi pollsters against a hand-written fake client. */
class KwapiPollstersTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String KWAPI = "http://kwapi.example:5000/v1";
    static final String OTHER = "http://kwapi2.example:5000/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String PROBES = "{\"probes\": {"
            + "\"lyon.taurus-1\": {\"kwh\": 12.5, \"timestamp\": 1772366398.1234567, \"w\": 187.3},"
            + "\"lyon.taurus-2\": {\"kwh\": 3, \"timestamp\": 1772366399, \"w\": 95},"
            + "\"nancy.graphene-1\": {\"kwh\": 0.75, \"w\": 120.0},"
            + "\"rennes.paravance-1\": {\"timestamp\": 1772366300.5, \"w\": 64.2}}}";

    static List<Sample> poll(AbstractKwapiPollster p, FakePollContext ctx, String... endpoints) throws Exception {
        return ctx.samples(p, endpoints);
    }

    /** A client whose catalog lists Kwapi, serving nothing yet. */
    private static FakeOpenStackClient kwapi() {
        return new FakeOpenStackClient().endpoint("energy", KWAPI);
    }

    private static FakeOpenStackClient serving() {
        return kwapi().serve(KWAPI + "/probes/", PROBES).serve(OTHER + "/probes/",
                "{\"probes\": {\"sophia.suno-1\": {\"kwh\": 1.0, \"timestamp\": 1.5, \"w\": 2.0}}}");
    }

    @Test
    void energyIsACumulativeInKwhPerProbeAtTheProbesTime() throws Exception {
        FakeOpenStackClient client = serving();
        List<Sample> samples = poll(new EnergyPollster(), new FakePollContext(client, NOW), KWAPI);
        assertEquals(List.of("lyon.taurus-1", "lyon.taurus-2", "nancy.graphene-1"),
                samples.stream().map(Sample::resourceId).toList(), "the probe without kwh gives no energy");
        Sample s = samples.get(0);
        assertEquals("energy", s.name());
        assertEquals(MeterType.CUMULATIVE, s.type());
        assertEquals("kWh", s.unit());
        assertEquals(12.5, s.volume());
        assertNull(s.userId());
        assertNull(s.projectId());
        assertEquals(Map.of(), s.resourceMetadata());
        assertEquals(Instant.parse("2026-03-01T11:59:58.123457Z"), s.timestamp(), "to the microsecond");
        assertEquals(3L, samples.get(1).volume(), "a whole number stays whole");
        assertEquals(Instant.ofEpochSecond(1772366399), samples.get(1).timestamp());
        assertEquals(NOW, samples.get(2).timestamp(), "no timestamp: the cycle's");
    }

    @Test
    void powerIsAGaugeInWattsPerProbe() throws Exception {
        FakeOpenStackClient client = serving();
        List<Sample> samples = poll(new PowerPollster(), new FakePollContext(client, NOW), KWAPI);
        assertEquals(4, samples.size());
        Sample s = samples.get(3);
        assertEquals("power", s.name());
        assertEquals(MeterType.GAUGE, s.type());
        assertEquals("W", s.unit());
        assertEquals(64.2, s.volume());
        assertEquals("rennes.paravance-1", s.resourceId());
        assertEquals(Instant.parse("2026-03-01T11:58:20.500Z"), s.timestamp());
        assertEquals(95L, samples.get(1).volume());
        assertEquals(120.0, samples.get(2).volume());
    }

    @Test
    void bothMetersOfOneCycleShareOneListingPerEndpoint() throws Exception {
        FakeOpenStackClient client = serving();
        FakePollContext cycle = new FakePollContext(client, NOW);
        assertEquals(4, poll(new EnergyPollster(), cycle, KWAPI, OTHER + "/").size());
        assertEquals(5, poll(new PowerPollster(), cycle, KWAPI + "/", OTHER).size());
        assertEquals(List.of(KWAPI + "/probes/", OTHER + "/probes/"), client.urls());
        Object cached = cycle.cache().values().get("kwapi.probes:" + KWAPI);
        assertTrue(cached instanceof List<?> l && l.get(0) instanceof ProbeRecord, "compact records are cached");
        poll(new PowerPollster(), new FakePollContext(client, NOW.plusSeconds(600)), KWAPI);
        assertEquals(3, client.urls().size(), "a new cycle reads again");
    }

    @Test
    void aFailingEndpointThrowsAfterTheOthersGaveTheirSamples() throws Exception {
        FakeOpenStackClient client = serving();
        client.fail(KWAPI + "/probes/", 503);
        FakePollContext cycle = new FakePollContext(client, NOW);
        List<Sample> samples = new ArrayList<>();
        OpenStackException e = assertThrows(OpenStackException.class, () -> new PowerPollster()
                .getSamples(cycle, List.of(Resource.of(KWAPI), Resource.of(OTHER)), samples::add));
        assertEquals(503, e.status());
        assertEquals(List.of("sophia.suno-1"), samples.stream().map(Sample::resourceId).toList());
        assertTrue(!cycle.cache().values().containsKey("kwapi.probes:" + KWAPI), "a failure is not cached");
    }

    @Test
    void aBodyWithoutProbesFailsThatEndpoint() throws Exception {
        FakeOpenStackClient client = kwapi().serve(KWAPI + "/probes/", "{\"error\": \"nope\"}");
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> poll(new EnergyPollster(), new FakePollContext(client, NOW), KWAPI));
        assertTrue(e.getMessage().contains("'probes'"), e.getMessage());
        client.serve(KWAPI + "/probes/", "{\"probes\": {}}");
        assertTrue(poll(new EnergyPollster(), new FakePollContext(client, NOW), KWAPI).isEmpty());
    }

    @Test
    void defaultsAndCancellation() throws Exception {
        assertEquals("endpoint:energy", new EnergyPollster().defaultDiscovery());
        assertEquals("endpoint:energy", new PowerPollster().defaultDiscovery());
        FakeOpenStackClient client = serving();
        FakePollContext cycle = new FakePollContext(client, NOW);
        cycle.cancel();
        assertTrue(poll(new EnergyPollster(), cycle, KWAPI).isEmpty());
        assertTrue(poll(new EnergyPollster(), new FakePollContext(client, NOW)).isEmpty());
        assertTrue(client.urls().isEmpty());
    }

    @Test
    void timestampsAreReadToTheMicrosecond() throws Exception {
        assertEquals(Instant.parse("1970-01-01T00:00:01.500Z"), KwapiProbes.timestamp(JSON.readTree("1.5")));
        assertEquals(Instant.parse("1970-01-01T00:00:00.000012Z"), KwapiProbes.timestamp(JSON.readTree("0.0000125")),
                "half to even");
        assertEquals(Instant.parse("1970-01-01T00:00:00.000014Z"), KwapiProbes.timestamp(JSON.readTree("0.0000135")));
        assertEquals(Instant.parse("1969-12-31T23:59:59.750Z"), KwapiProbes.timestamp(JSON.readTree("-0.25")));
        assertNull(KwapiProbes.timestamp(JSON.readTree("\"soon\"")));
        assertNull(KwapiProbes.number(JSON.readTree("\"12\"")));
        assertEquals(7L, KwapiProbes.number(JSON.readTree("7")));
    }
}
