package org.ceilometer.osgi.pollster.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.testsupport.FakeOpenStackClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.junit.jupiter.api.Test;

/** The pollsters against a hand-written client that serves fixed lists. */
class ImagePollstersTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String GLANCE = "http://glance.example:9292";
    private static final String OTHER = "http://glance2.example/image";

    static ImagePollsterConfig config(int pageSize) {
        return new ImagePollsterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ImagePollsterConfig.class;
            }

            @Override
            public int glance__page__size() {
                return pageSize;
            }
        };
    }

    static JsonNode json(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final JsonNode ACTIVE = json("{\"status\": \"active\", \"name\": \"cirros\", \"tags\": [\"a\", \"b\"],"
            + "\"container_format\": \"bare\", \"created_at\": \"2016-06-20T13:34:40Z\", \"disk_format\": \"qcow2\","
            + "\"updated_at\": \"2016-06-20T13:34:41Z\", \"visibility\": \"public\", \"self\": \"/v2/images/i-1\","
            + "\"min_disk\": 1, \"protected\": false, \"id\": \"i-1\", \"file\": \"/v2/images/i-1/file\","
            + "\"checksum\": \"eb9139e4942121f22bbc2afc0400b2a4\", \"os_hash_algo\": \"sha512\","
            + "\"os_hash_value\": \"abc\", \"os_hidden\": false, \"owner\": \"p-1\", \"size\": 25165824,"
            + "\"min_ram\": 512, \"schema\": \"/v2/schemas/image\", \"virtual_size\": 41943040}");
    private static final JsonNode QUEUED = json("{\"status\": \"queued\", \"name\": null, \"tags\": [],"
            + "\"container_format\": null, \"created_at\": \"2016-06-21T00:00:00Z\", \"disk_format\": null,"
            + "\"updated_at\": \"2016-06-21T00:00:00Z\", \"visibility\": \"private\", \"min_disk\": 0,"
            + "\"protected\": true, \"id\": \"i-2\", \"checksum\": null, \"owner\": \"p-2\", \"size\": null,"
            + "\"min_ram\": 0, \"virtual_size\": null}");

    /** Glance's image list URL of an endpoint, as the fake client serves it. */
    private static String images(String endpoint) {
        return endpoint + "/v2/images";
    }

    /** Glance's list document: {@code {"images": [...]}}. */
    private static JsonNode list(JsonNode... images) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.putArray("images").addAll(List.of(images));
        return doc;
    }

    private static List<Sample> poll(AbstractImagePollster pollster, FakePollContext ctx, String... endpoints)
            throws Exception {
        return ctx.samples(pollster, endpoints);
    }

    @Test
    void bothPollstersUseTheGlanceEndpointDiscovery() {
        assertEquals("endpoint:image", new ImagePollster(config(1000)).defaultDiscovery());
        assertEquals("endpoint:image", new ImageSizePollster(config(1000)).defaultDiscovery());
    }

    @Test
    void imageMeterIsAGaugeOfOnePerImage() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().serve(images(GLANCE), list(ACTIVE, QUEUED));
        List<Sample> samples = poll(new ImagePollster(config(1000)), new FakePollContext(client, NOW), GLANCE);
        assertEquals(2, samples.size());
        Sample s = samples.get(0);
        assertEquals("image", s.name());
        assertEquals(MeterType.GAUGE, s.type());
        assertEquals("image", s.unit());
        assertEquals(1L, s.volume());
        assertEquals("i-1", s.resourceId());
        assertEquals("p-1", s.projectId());
        assertNull(s.userId());
        assertEquals(NOW, s.timestamp());
        assertEquals("i-2", samples.get(1).resourceId());
        assertEquals(1L, samples.get(1).volume(), "a queued image counts as an image");
    }

    @Test
    void metadataHasExactlyCeilometersKeysAndValues() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().serve(images(GLANCE), list(ACTIVE, QUEUED));
        Sample s = poll(new ImageSizePollster(config(1000)), new FakePollContext(client, NOW), GLANCE).get(0);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("status", "active");
        expected.put("visibility", "public");
        expected.put("name", "cirros");
        expected.put("container_format", "bare");
        expected.put("created_at", "2016-06-20T13:34:40Z");
        expected.put("disk_format", "qcow2");
        expected.put("updated_at", "2016-06-20T13:34:41Z");
        expected.put("min_disk", 1L);
        expected.put("is_protected", false);
        expected.put("checksum", "eb9139e4942121f22bbc2afc0400b2a4");
        expected.put("min_ram", 512L);
        expected.put("tags", List.of("a", "b"));
        expected.put("virtual_size", 41943040L);
        assertEquals(expected, s.resourceMetadata());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(s.resourceMetadata().keySet()));
        assertEquals(ImageRecord.METADATA_KEYS, List.copyOf(s.resourceMetadata().keySet()));
    }

    @Test
    void imageSizeIsTheSizeInBytesAndSkipsImagesWithoutSize() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().serve(images(GLANCE), list(ACTIVE, QUEUED));
        List<Sample> samples = poll(new ImageSizePollster(config(1000)), new FakePollContext(client, NOW), GLANCE);
        assertEquals(1, samples.size(), "the queued image has no size");
        Sample s = samples.get(0);
        assertEquals("image.size", s.name());
        assertEquals(MeterType.GAUGE, s.type());
        assertEquals("B", s.unit());
        assertEquals(25165824L, s.volume());
        assertEquals("p-1", s.projectId());
        assertNull(s.userId());
    }

    @Test
    void queuedImageMetadataKeepsItsNulls() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().serve(images(GLANCE), list(QUEUED));
        Sample s = poll(new ImagePollster(config(1000)), new FakePollContext(client, NOW), GLANCE).get(0);
        assertTrue(s.resourceMetadata().containsKey("checksum"));
        assertNull(s.resourceMetadata().get("checksum"));
        assertNull(s.resourceMetadata().get("virtual_size"));
        assertEquals(true, s.resourceMetadata().get("is_protected"));
        assertEquals(List.of(), s.resourceMetadata().get("tags"));
    }

    @Test
    void bothMetersOfOneCycleShareOneListingPerEndpoint() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().serve(images(GLANCE), list(ACTIVE, QUEUED))
                .serve(images(OTHER), list(ACTIVE));
        FakePollContext cycle = new FakePollContext(client, NOW);
        assertEquals(3, poll(new ImagePollster(config(1000)), cycle, GLANCE, OTHER + "/").size());
        assertEquals(2, poll(new ImageSizePollster(config(1000)), cycle, GLANCE, OTHER).size());
        assertEquals(List.of(GLANCE + "/v2/images?limit=1000", OTHER + "/v2/images?limit=1000"), client.paginated());

        Object cached = cycle.cache().values().get("image.images:" + GLANCE);
        assertTrue(cached instanceof List<?> l && l.get(0) instanceof ImageRecord, "compact records are cached");

        FakePollContext nextCycle = new FakePollContext(client, NOW.plusSeconds(600));
        poll(new ImageSizePollster(config(1000)), nextCycle, GLANCE);
        assertEquals(3, client.paginated().size(), "a new cycle lists again");
    }

    @Test
    void pageSizeIsConfigurableAndZeroSendsNoLimit() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().serve(images(GLANCE), list(ACTIVE));
        poll(new ImagePollster(config(50)), new FakePollContext(client, NOW), GLANCE);
        poll(new ImagePollster(config(0)), new FakePollContext(client, NOW), GLANCE);
        assertEquals(List.of(GLANCE + "/v2/images?limit=50", GLANCE + "/v2/images"), client.paginated());
    }

    @Test
    void aFailingEndpointThrowsAfterTheOthersGaveTheirSamples() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().serve(images(GLANCE), list(ACTIVE, QUEUED))
                .serve(images(OTHER), list(ACTIVE)).fail(images(OTHER), 503);
        List<Sample> samples = new ArrayList<>();
        FakePollContext cycle = new FakePollContext(client, NOW);
        OpenStackException e = assertThrows(OpenStackException.class, () -> new ImagePollster(config(1000))
                .getSamples(cycle, List.of(Resource.of(OTHER), Resource.of(GLANCE)), samples::add));
        assertEquals(503, e.status());
        assertEquals(2, samples.size(), "the healthy endpoint's images were sampled");
        assertTrue(cycle.cache().values().containsKey("image.images:" + GLANCE));
        assertTrue(!cycle.cache().values().containsKey("image.images:" + OTHER), "a failure is not cached");
    }

    @Test
    void aFailingListingThrowsItsError() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().fail(images(GLANCE), 500);
        List<Sample> samples = new ArrayList<>();
        OpenStackException e = assertThrows(OpenStackException.class, () -> new ImageSizePollster(config(1000))
                .getSamples(new FakePollContext(client, NOW), List.of(Resource.of(GLANCE)), samples::add));
        assertEquals(500, e.status());
        assertTrue(samples.isEmpty());
    }

    @Test
    void aCancelledCycleStopsListing() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().serve(images(GLANCE), list(ACTIVE, QUEUED));
        FakePollContext cycle = new FakePollContext(client, NOW);
        cycle.cancel();
        List<Sample> samples = poll(new ImagePollster(config(1000)), cycle, GLANCE);
        assertTrue(samples.isEmpty());
        assertTrue(client.paginated().isEmpty());
    }

    @Test
    void noEndpointsGiveNoSamples() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient();
        assertTrue(poll(new ImagePollster(config(1000)), new FakePollContext(client, NOW)).isEmpty());
        assertSame(0, client.paginated().size());
    }
}
