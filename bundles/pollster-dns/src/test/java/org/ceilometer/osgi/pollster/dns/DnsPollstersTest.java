package org.ceilometer.osgi.pollster.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.testsupport.FakeOpenStackClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.junit.jupiter.api.Test;

/** The Designate discovery and pollsters against a fake client serving the API reference's example. */
class DnsPollstersTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String DESIGNATE = "http://designate.example:9001";
    static final String ZONES = DESIGNATE + "/v2/zones";

    /** The zone of the DNS API reference's "Show a Zone" example. */
    static final JsonNode ZONE = json("{'id': 'a86dba58-0043-4cc6-a1bb-69d5e86f3ca3',"
            + " 'pool_id': '572ba08c-d929-4c70-8e42-03824bb24ca2', 'project_id': '4335d1f0-f793-11e2-b778-0800200c9a66',"
            + " 'name': 'example.org.', 'email': 'joe@example.org', 'ttl': 7200, 'serial': 1404757531,"
            + " 'status': 'ACTIVE', 'action': 'CREATE', 'description': 'This is an example zone.', 'masters': [],"
            + " 'type': 'PRIMARY', 'transferred_at': null, 'version': 1, 'created_at': '2014-07-07T18:25:31.275934',"
            + " 'updated_at': null, 'attributes': {},"
            + " 'links': {'self': 'https://127.0.0.1:9001/v2/zones/a86dba58-0043-4cc6-a1bb-69d5e86f3ca3'}}");

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static DnsPollsterConfig config(int pageSize, boolean allProjects) {
        return new DnsPollsterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DnsPollsterConfig.class;
            }

            @Override
            public int designate__page__size() {
                return pageSize;
            }

            @Override
            public boolean all__projects() {
                return allProjects;
            }
        };
    }

    static List<Sample> poll(Pollster pollster, FakePollContext cycle, DnsPollsterConfig config) throws Exception {
        return cycle.samples(pollster, new ZoneDiscovery(config).discover(cycle, null));
    }

    private static JsonNode zone(String id, String status) {
        ObjectNode z = ZONE.deepCopy();
        z.put("id", id);
        z.put("status", status);
        return z;
    }

    private static List<JsonNode> recordsets(int n) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(json("{'id': 'rs-" + i + "', 'type': 'A'}"));
        }
        return out;
    }

    @Test
    void statusTtlAndSerialCarryCeilometersValuesAndMetadata() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("dns", DESIGNATE).serve(ZONES, List.of(ZONE));
        FakePollContext cycle = new FakePollContext(client, NOW);
        Sample status = poll(new ZoneStatusPollster(), cycle, config(1000, true)).get(0);
        Sample ttl = poll(new ZoneTtlPollster(), cycle, config(1000, true)).get(0);
        Sample serial = poll(new ZoneSerialPollster(), cycle, config(1000, true)).get(0);
        assertEquals(List.of(ZONES + "?limit=1000"), client.paginated(), "one listing for the zone meters");
        assertEquals(Map.of("X-Auth-All-Projects", "True"), client.requests().get(0).headers());

        Map<String, Object> md = new LinkedHashMap<>();
        md.put("name", "example.org.");
        md.put("email", "joe@example.org");
        md.put("ttl", 7200L);
        md.put("description", "This is an example zone.");
        md.put("type", "PRIMARY");
        md.put("status", "ACTIVE");
        md.put("action", "CREATE");
        md.put("serial", 1404757531L);
        md.put("pool_id", "572ba08c-d929-4c70-8e42-03824bb24ca2");
        for (Sample s : List.of(status, ttl, serial)) {
            assertEquals(MeterType.GAUGE, s.type());
            assertEquals("a86dba58-0043-4cc6-a1bb-69d5e86f3ca3", s.resourceId());
            assertEquals("4335d1f0-f793-11e2-b778-0800200c9a66", s.projectId());
            assertNull(s.userId());
            assertEquals(NOW, s.timestamp());
            assertEquals(md, s.resourceMetadata());
            assertEquals(List.copyOf(md.keySet()), List.copyOf(s.resourceMetadata().keySet()));
        }
        assertEquals("dns.zone.status", status.name());
        assertEquals("status", status.unit());
        assertEquals(1L, status.volume());
        assertEquals("dns.zone.ttl", ttl.name());
        assertEquals("second", ttl.unit());
        assertEquals(7200L, ttl.volume());
        assertEquals("dns.zone.serial", serial.name());
        assertEquals("serial", serial.unit());
        assertEquals(1404757531L, serial.volume());
    }

    @Test
    void statusCodesAreMastersAndMissingTtlOrSerialIsZero() throws Exception {
        List<JsonNode> zones = new ArrayList<>();
        List<String> statuses = List.of("ACTIVE", "PENDING", "ERROR", "DELETED", "pending", "SUSPENDED", "");
        for (int i = 0; i < statuses.size(); i++) {
            zones.add(zone("z-" + i, statuses.get(i)));
        }
        ObjectNode bare = (ObjectNode) zone("z-bare", "x");
        bare.remove(List.of("status", "ttl", "serial"));
        zones.add(bare);
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("dns", DESIGNATE).serve(ZONES, zones);
        FakePollContext cycle = new FakePollContext(client, NOW);
        assertEquals(List.of(1L, 2L, 3L, 4L, 2L, -1L, -1L, -1L), poll(new ZoneStatusPollster(), cycle,
                config(1000, true)).stream().map(Sample::volume).toList());
        Sample ttl = poll(new ZoneTtlPollster(), cycle, config(1000, true)).get(7);
        assertEquals(0L, ttl.volume());
        assertNull(ttl.resourceMetadata().get("ttl"));
        assertEquals(0L, poll(new ZoneSerialPollster(), cycle, config(1000, true)).get(7).volume());
    }

    @Test
    void recordsetsAreCountedPerZoneWithTheAllProjectsHeader() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("dns", DESIGNATE + "/v2/")
                .serve(ZONES, List.of(zone("z-1", "ACTIVE"), zone("z-2", "ACTIVE")))
                .serve(ZONES + "/z-1/recordsets", recordsets(7))
                .serve(ZONES + "/z-2/recordsets", recordsets(2));
        List<Sample> samples = poll(new ZoneRecordsetCountPollster(config(500, true)),
                new FakePollContext(client, NOW), config(500, true));
        assertEquals(List.of(7L, 2L), samples.stream().map(Sample::volume).toList());
        assertEquals("dns.zone.recordsets", samples.get(0).name());
        assertEquals("recordset", samples.get(0).unit());
        assertEquals(List.of(ZONES + "?limit=500", ZONES + "/z-1/recordsets?limit=500",
                ZONES + "/z-2/recordsets?limit=500"), client.paginated());
        client.requests().forEach(r -> assertEquals("True", r.headers().get("X-Auth-All-Projects")));
    }

    @Test
    void withoutAllProjectsNoHeaderIsSent() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("dns", DESIGNATE)
                .serve(ZONES, List.of(ZONE)).serve(ZONES + "/" + ZONE.path("id").asText() + "/recordsets", recordsets(3));
        List<Sample> samples = poll(new ZoneRecordsetCountPollster(config(0, false)), new FakePollContext(client, NOW),
                config(0, false));
        assertEquals(3L, samples.get(0).volume());
        assertEquals(List.of(ZONES, ZONES + "/" + ZONE.path("id").asText() + "/recordsets"), client.paginated());
        client.requests().forEach(r -> assertTrue(r.headers().isEmpty()));
    }

    @Test
    void aZoneWhoseRecordsetsFailDoesNotLoseTheOthersAndADeletedZoneIsNoError() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("dns", DESIGNATE)
                .serve(ZONES, List.of(zone("z-1", "ACTIVE"), zone("z-2", "ACTIVE"), zone("z-3", "ACTIVE"),
                        zone("z-4", "ACTIVE")))
                .serve(ZONES + "/z-1/recordsets", recordsets(4)).fail(ZONES + "/z-2/recordsets", 500)
                .serve(ZONES + "/z-3/recordsets", recordsets(5)).fail(ZONES + "/z-4/recordsets", 404);
        FakePollContext cycle = new FakePollContext(client, NOW);
        List<Resource> zones = new ZoneDiscovery(config(1000, true)).discover(cycle, null);
        List<Sample> samples = new ArrayList<>();
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> new ZoneRecordsetCountPollster(config(1000, true)).getSamples(cycle, zones, samples::add));
        assertEquals(500, e.status());
        assertTrue(e.getMessage().startsWith("listing the recordsets of 1 of 4 zones failed"), e.getMessage());
        assertEquals(List.of("z-1", "z-3"), samples.stream().map(Sample::resourceId).toList(),
                "z-2 failed, z-4 was deleted since the discovery (404: no sample, no error)");
        assertEquals(List.of(4L, 5L), samples.stream().map(Sample::volume).toList());
    }

    @Test
    void aCatalogWithoutDesignateThrowsEndpointNotFound() {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("image", "http://glance");
        EndpointNotFoundException e = assertThrows(EndpointNotFoundException.class,
                () -> new ZoneDiscovery(config(1000, true)).discover(new FakePollContext(client, NOW), null));
        assertEquals("dns", e.serviceType());
    }

    @Test
    void listingFailuresAreNotCachedAndOtherResourcesAreSkipped() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("dns", DESIGNATE).fail(ZONES, 503);
        FakePollContext cycle = new FakePollContext(client, NOW);
        assertThrows(OpenStackException.class, () -> new ZoneDiscovery(config(1000, true)).discover(cycle, null));
        assertTrue(cycle.cache().values().isEmpty());
        List<Sample> out = new ArrayList<>();
        new ZoneTtlPollster().getSamples(cycle, List.of(Resource.of("static")), out::add);
        new ZoneRecordsetCountPollster(config(1000, true)).getSamples(cycle, List.of(Resource.of("static")), out::add);
        assertTrue(out.isEmpty());
        for (AbstractZonePollster p : List.of(new ZoneStatusPollster(), new ZoneTtlPollster(), new ZoneSerialPollster(),
                new ZoneRecordsetCountPollster(config(1000, true)))) {
            assertEquals("dns_zones", p.defaultDiscovery());
        }
    }
}
