package org.ceilometer.osgi.pollster.image;

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
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.simulator.SimImage;
import org.ceilometer.osgi.simulator.Simulator;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.ceilometer.osgi.testsupport.SimulatorClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pollsters against the OpenStack simulator, through the openstack bundle's client. */
class ImagePollstersSimulatorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private Simulator sim;
    private final List<OpenStackClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(SimulatorClients::close);
        SimulatorClients.close(null, sim);
    }

    /** The openstack bundle's client on the simulator, through one catalog interface. */
    private OpenStackClient connect(String interfaceName) {
        OpenStackClient c = SimulatorClients.client(sim, interfaceName);
        clients.add(c);
        return c;
    }

    private static List<Sample> poll(AbstractImagePollster pollster, FakePollContext ctx, List<String> endpoints)
            throws Exception {
        return ctx.samples(pollster, endpoints.toArray(String[]::new));
    }

    private static Map<String, Object> expectedMetadata(SimImage i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", i.status());
        m.put("visibility", i.visibility());
        m.put("name", i.name());
        m.put("container_format", i.containerFormat());
        m.put("created_at", i.createdAt());
        m.put("disk_format", i.diskFormat());
        m.put("updated_at", i.updatedAt());
        m.put("min_disk", (long) i.minDisk());
        m.put("is_protected", i.isProtected());
        m.put("checksum", i.checksum());
        m.put("min_ram", (long) i.minRam());
        m.put("tags", i.tags());
        m.put("virtual_size", i.virtualSize());
        return m;
    }

    @Test
    void everyImageGivesOneSampleOfEachMeterWithTheSimulatorsValues() throws Exception {
        sim = Simulator.builder().seed(11).projects(7).images(2500).start();
        OpenStackClient client = connect("public");
        List<String> endpoints = client.endpoints("image");
        assertEquals(List.of(sim.endpoint("image", "public")), endpoints);
        FakePollContext cycle = new FakePollContext(client, NOW);

        List<Sample> images = poll(new ImagePollster(ImagePollstersTest.config(1000)), cycle, endpoints);
        List<Sample> sizes = poll(new ImageSizePollster(ImagePollstersTest.config(1000)), cycle, endpoints);

        List<SimImage> expected = sim.data().images();
        assertEquals(2500, images.size());
        List<SimImage> sized = expected.stream().filter(i -> i.size() != null).toList();
        assertEquals(sized.size(), sizes.size(), "images without size give no image.size sample");
        assertTrue(sized.size() < expected.size(), "the simulator has queued images");
        for (int n = 0; n < expected.size(); n++) {
            SimImage e = expected.get(n);
            Sample s = images.get(n);
            assertEquals("image", s.name());
            assertEquals(MeterType.GAUGE, s.type());
            assertEquals("image", s.unit());
            assertEquals(1L, s.volume());
            assertEquals(e.id(), s.resourceId());
            assertEquals(e.owner(), s.projectId());
            assertNull(s.userId());
            assertEquals(NOW, s.timestamp());
            assertEquals(expectedMetadata(e), s.resourceMetadata());
        }
        for (int n = 0; n < sized.size(); n++) {
            SimImage e = sized.get(n);
            Sample s = sizes.get(n);
            assertEquals("image.size", s.name());
            assertEquals("B", s.unit());
            assertEquals(e.size(), s.volume());
            assertEquals(e.id(), s.resourceId());
            assertEquals(e.owner(), s.projectId());
            assertEquals(expectedMetadata(e), s.resourceMetadata());
        }
        assertEquals(3, sim.requestCount("/image/v2/images"), "2500 images in pages of 1000, listed once");
        assertTrue(sim.recentRequests().contains("GET /image/v2/images?limit=1000"));
    }

    @Test
    void pagesAreFollowedAcrossPageBoundaries() throws Exception {
        sim = Simulator.builder().seed(5).projects(3).images(30).start();
        OpenStackClient client = connect("internal");
        List<String> endpoints = client.endpoints("image");
        assertEquals(List.of(sim.endpoint("image", "internal")), endpoints);

        List<Sample> bySeven = poll(new ImagePollster(ImagePollstersTest.config(7)),
                new FakePollContext(client, NOW), endpoints);
        assertEquals(sim.data().images().stream().map(SimImage::id).toList(),
                bySeven.stream().map(Sample::resourceId).toList());
        assertEquals(5, sim.requestCount("/image-internal/v2/images"), "30 by 7: 4 full pages and one of 2");

        sim.resetRequestCounts();
        List<Sample> byTen = poll(new ImagePollster(ImagePollstersTest.config(10)),
                new FakePollContext(client, NOW), endpoints);
        assertEquals(30, byTen.size());
        assertEquals(3, sim.requestCount("/image-internal/v2/images"), "an exact multiple needs no empty page");
    }

    @Test
    void theListingIsFetchedOncePerCycleForBothMeters() throws Exception {
        sim = Simulator.builder().images(120).start();
        OpenStackClient client = connect("public");
        List<String> endpoints = client.endpoints("image");
        for (int cycle = 1; cycle <= 2; cycle++) {
            FakePollContext ctx = new FakePollContext(client, NOW.plusSeconds(600L * cycle));
            poll(new ImagePollster(ImagePollstersTest.config(50)), ctx, endpoints);
            poll(new ImageSizePollster(ImagePollstersTest.config(50)), ctx, endpoints);
            assertEquals(3L * cycle, sim.requestCount("/image/v2/images"), "3 pages per cycle, cycle " + cycle);
        }
    }

    @Test
    void twoEndpointsAreEachListedAndSampled() throws Exception {
        sim = Simulator.builder().images(40).start();
        OpenStackClient client = connect("public");
        List<String> endpoints = List.of(sim.endpoint("image", "public"), sim.endpoint("image", "admin"));
        FakePollContext cycle = new FakePollContext(client, NOW);
        List<Sample> samples = poll(new ImagePollster(ImagePollstersTest.config(25)), cycle, endpoints);
        poll(new ImageSizePollster(ImagePollstersTest.config(25)), cycle, endpoints);
        assertEquals(80, samples.size());
        assertEquals(2, sim.requestCount("/image/v2/images"));
        assertEquals(2, sim.requestCount("/image-admin/v2/images"));
    }

    @Test
    void aFailingListingThrowsAndIsTriedAgainByTheOtherMeter() throws Exception {
        sim = Simulator.builder().images(10).start();
        OpenStackClient client = connect("public");
        List<String> endpoints = client.endpoints("image");
        FakePollContext cycle = new FakePollContext(client, NOW);
        sim.faults().failNext("/image/v2/images", 1);
        List<Sample> samples = new ArrayList<>();
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> new ImagePollster(ImagePollstersTest.config(1000))
                        .getSamples(cycle, endpoints.stream().map(Resource::of).toList(), samples::add));
        assertEquals(500, e.status());
        assertTrue(samples.isEmpty());
        List<Sample> sizes = poll(new ImageSizePollster(ImagePollstersTest.config(1000)), cycle, endpoints);
        assertEquals(sim.data().images().stream().filter(i -> i.size() != null).count(), sizes.size());
    }

    @Test
    void aFailureOnALaterPageFailsTheWholeListing() throws Exception {
        sim = Simulator.builder().images(30).start();
        OpenStackClient client = connect("public");
        List<String> endpoints = client.endpoints("image");
        String laterPages = "/image/v2/images?limit=10&marker=";

        sim.faults().failNext(laterPages, 1, 503);
        List<Sample> samples = new ArrayList<>();
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> new ImagePollster(ImagePollstersTest.config(10)).getSamples(
                        new FakePollContext(client, NOW), endpoints.stream().map(Resource::of).toList(), samples::add));
        assertEquals(503, e.status());
        assertTrue(samples.isEmpty(), "no sample from a half-read listing");
        assertEquals(2, sim.requestCount("/image/v2/images"), "the first page, then the failing second");

        sim.faults().malformedNext(laterPages, 1);
        assertThrows(OpenStackException.class, () -> new ImageSizePollster(ImagePollstersTest.config(10))
                .getSamples(new FakePollContext(client, NOW), endpoints.stream().map(Resource::of).toList(),
                        samples::add));
        assertTrue(samples.isEmpty(), "a cut body fails the listing too");
    }
}
