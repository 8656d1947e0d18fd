package org.ceilometer.osgi.pollster.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;
import org.junit.jupiter.api.Test;

/** The Kwapi pollsters against a hand-written fake client. */
class KwapiPollstersTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String KWAPI = "http://kwapi.example:5000/v1";
    static final String OTHER = "http://kwapi2.example:5000/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Serves fixed probe documents per URL from {@link #getJson}, and records the URLs asked for. */
    static final class FakeClient implements OpenStackClient {
        final Map<String, String> bodies = new HashMap<>();
        final Map<String, Integer> failing = new HashMap<>();
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public JsonNode getJson(String url, Map<String, String> headers) throws OpenStackException {
            asked.add(url);
            Integer status = failing.get(url);
            if (status != null) {
                throw new OpenStackException("GET " + url + " answered " + status, status);
            }
            String body = bodies.get(url);
            if (body == null) {
                throw new OpenStackException("GET " + url + " answered 404", 404);
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new OpenStackException("GET " + url + ": not JSON", e);
            }
        }

        @Override
        public boolean isConfigured() {
            return true;
        }

        @Override
        public String describe() {
            return "fake Kwapi";
        }

        @Override
        public List<String> endpoints(String serviceType) {
            return List.of(KWAPI);
        }

        @Override
        public String endpoint(String serviceType) {
            return KWAPI;
        }

        @Override
        public String projectId() {
            return "admin";
        }

        @Override
        public Response request(String method, String url, Map<String, String> headers, byte[] body) {
            throw new UnsupportedOperationException("the Kwapi pollsters only GET JSON");
        }

        @Override
        public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item) {
            throw new UnsupportedOperationException("the Kwapi pollsters only GET JSON");
        }

        @Override
        public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
                Map<String, String> headers, Consumer<JsonNode> item) {
            throw new UnsupportedOperationException("the Kwapi pollsters only GET JSON");
        }
    }

    static final String PROBES = "{\"probes\": {"
            + "\"lyon.taurus-1\": {\"kwh\": 12.5, \"timestamp\": 1772366398.1234567, \"w\": 187.3},"
            + "\"lyon.taurus-2\": {\"kwh\": 3, \"timestamp\": 1772366399, \"w\": 95},"
            + "\"nancy.graphene-1\": {\"kwh\": 0.75, \"w\": 120.0},"
            + "\"rennes.paravance-1\": {\"timestamp\": 1772366300.5, \"w\": 64.2}}}";

    static List<Sample> poll(AbstractKwapiPollster p, TestPollContext ctx, String... endpoints) throws Exception {
        List<Sample> out = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        for (String e : endpoints) {
            resources.add(Resource.of(e));
        }
        p.getSamples(ctx, resources, out::add);
        return out;
    }

    private static FakeClient serving() {
        FakeClient c = new FakeClient();
        c.bodies.put(KWAPI + "/probes/", PROBES);
        c.bodies.put(OTHER + "/probes/", "{\"probes\": {\"sophia.suno-1\": {\"kwh\": 1.0, \"timestamp\": 1.5, \"w\": 2.0}}}");
        return c;
    }

    @Test
    void energyIsACumulativeInKwhPerProbeAtTheProbesTime() throws Exception {
        FakeClient client = serving();
        List<Sample> samples = poll(new EnergyPollster(), new TestPollContext(client, NOW), KWAPI);
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
        FakeClient client = serving();
        List<Sample> samples = poll(new PowerPollster(), new TestPollContext(client, NOW), KWAPI);
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
        FakeClient client = serving();
        TestPollContext cycle = new TestPollContext(client, NOW);
        assertEquals(4, poll(new EnergyPollster(), cycle, KWAPI, OTHER + "/").size());
        assertEquals(5, poll(new PowerPollster(), cycle, KWAPI + "/", OTHER).size());
        assertEquals(List.of(KWAPI + "/probes/", OTHER + "/probes/"), client.asked);
        Object cached = cycle.cache.values.get("kwapi.probes:" + KWAPI);
        assertTrue(cached instanceof List<?> l && l.get(0) instanceof ProbeRecord, "compact records are cached");
        poll(new PowerPollster(), new TestPollContext(client, NOW.plusSeconds(600)), KWAPI);
        assertEquals(3, client.asked.size(), "a new cycle reads again");
    }

    @Test
    void aFailingEndpointThrowsAfterTheOthersGaveTheirSamples() throws Exception {
        FakeClient client = serving();
        client.failing.put(KWAPI + "/probes/", 503);
        TestPollContext cycle = new TestPollContext(client, NOW);
        List<Sample> samples = new ArrayList<>();
        OpenStackException e = assertThrows(OpenStackException.class, () -> new PowerPollster()
                .getSamples(cycle, List.of(Resource.of(KWAPI), Resource.of(OTHER)), samples::add));
        assertEquals(503, e.status());
        assertEquals(List.of("sophia.suno-1"), samples.stream().map(Sample::resourceId).toList());
        assertTrue(!cycle.cache.values.containsKey("kwapi.probes:" + KWAPI), "a failure is not cached");
    }

    @Test
    void aBodyWithoutProbesFailsThatEndpoint() throws Exception {
        FakeClient client = new FakeClient();
        client.bodies.put(KWAPI + "/probes/", "{\"error\": \"nope\"}");
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> poll(new EnergyPollster(), new TestPollContext(client, NOW), KWAPI));
        assertTrue(e.getMessage().contains("'probes'"), e.getMessage());
        client.bodies.put(KWAPI + "/probes/", "{\"probes\": {}}");
        assertTrue(poll(new EnergyPollster(), new TestPollContext(client, NOW), KWAPI).isEmpty());
    }

    @Test
    void defaultsAndCancellation() throws Exception {
        assertEquals("endpoint:energy", new EnergyPollster().defaultDiscovery());
        assertEquals("endpoint:energy", new PowerPollster().defaultDiscovery());
        FakeClient client = serving();
        TestPollContext cycle = new TestPollContext(client, NOW);
        cycle.cancelled = true;
        assertTrue(poll(new EnergyPollster(), cycle, KWAPI).isEmpty());
        assertTrue(poll(new EnergyPollster(), new TestPollContext(client, NOW)).isEmpty());
        assertTrue(client.asked.isEmpty());
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
