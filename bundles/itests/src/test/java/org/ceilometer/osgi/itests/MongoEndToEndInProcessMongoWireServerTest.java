package org.ceilometer.osgi.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

/**
 * (c) Simulator to agent to a MongoDB-wire store: the exact user, project, resource and meter documents.
 * The store is mongo-java-server, in process, because no real MongoDB can be had here.
 */
class MongoEndToEndInProcessMongoWireServerTest {
    private static final int IMAGES = 12;
    private static MongoServer server;
    private static MongoClient client;
    private static MongoDatabase db;
    private static ServiceRegistration<Pollster> ooo;
    private static final ArrayDeque<Sample> QUEUE = new ArrayDeque<>();

    @BeforeAll
    static void start() throws Exception {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        String url = "mongodb://127.0.0.1:" + address.getPort() + "/ceilometer_itest";
        client = MongoClients.create(url);
        db = client.getDatabase("ceilometer_itest");
        int port = ConfigEditTest.freePort();
        Itest.configure("ceilometer.simulator", Map.of("port", port, "images", IMAGES, "projects", 3));
        Itest.configure(Namespaces.PID_SERVICE_CREDENTIALS, Map.of(
                "auth_url", "http://127.0.0.1:" + port + "/v3", "username", "admin", "password", "simulator-password",
                "project_name", "admin", "user_domain_name", "Default", "project_domain_name", "Default",
                "region_name", "RegionOne", "interface", "public"));
        Itest.configure(Namespaces.PID_DATABASE, Map.of("connection", url));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Namespaces.NAMESPACE, Namespaces.POLL_CENTRAL);
        props.put(Namespaces.METER, "itest.ooo");
        ooo = Itest.context().registerService(Pollster.class, new Pollster() {
            @Override
            public String defaultDiscovery() {
                return null;
            }

            @Override
            public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) {
                Sample s;
                synchronized (QUEUE) {
                    s = QUEUE.poll();
                }
                if (s != null) {
                    sink.accept(s);
                }
            }
        }, props);
        Itest.writePolling("sources:\n  - name: e2e\n    interval: 3600\n    meters: [image, image.size]\n"
                + "  - name: ooo\n    interval: 3600\n    meters: [itest.ooo]\n    resources: [ooo-resource]\n");
        Itest.awaitShell("the sources", 15_000, () -> Itest.shell("ceilometer:sources").contains("e2e"));
        Itest.awaitShell("the simulator listening", 15_000, () -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (ooo != null) {
            ooo.unregister();
        }
        Itest.configure(Namespaces.PID_DATABASE, Map.of("connection", "log://"));
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    private static long meters(String name) {
        return db.getCollection("meter").countDocuments(Filters.eq("counter_name", name));
    }

    @Test
    void imagesFromTheSimulatorAreStoredAsIcehouseStoresThem() throws Exception {
        OpenStackClient os = Itest.service(OpenStackClient.class);
        Map<String, com.fasterxml.jackson.databind.JsonNode> images = new HashMap<>();
        Itest.awaitShell("the simulator's image listing", 30_000, () -> {
            images.clear();
            os.paginate(os.endpoint("image") + "/v2/images", "images", Map.of(),
                    i -> images.put(i.get("id").asText(), i));
            return images.size() == IMAGES;
        });
        long sized = images.values().stream().filter(i -> !i.get("size").isNull()).count();
        assertTrue(sized > 0 && sized < IMAGES, "the seeded data has queued images without a size");
        Itest.awaitShell("image samples in MongoDB", 30_000, () -> {
            if (meters("image") < IMAGES) {
                Itest.shell("ceilometer:poll e2e");
            }
            return meters("image") >= IMAGES && meters("image.size") >= sized;
        });
        assertEquals(IMAGES, meters("image"));
        assertEquals(sized, meters("image.size"), "no image.size sample for an image without a size");
        Set<String> owners = new HashSet<>();
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : images.entrySet()) {
            com.fasterxml.jackson.databind.JsonNode image = e.getValue();
            String owner = image.get("owner").asText();
            owners.add(owner);
            Document r = db.getCollection("resource").find(Filters.eq("_id", e.getKey())).first();
            assertNotNull(r, "resource " + e.getKey());
            assertEquals(owner, r.getString("project_id"));
            assertNull(r.get("user_id"));
            assertEquals("openstack", r.getString("source"));
            assertTrue(r.get("first_sample_timestamp") instanceof Date);
            assertTrue(r.get("last_sample_timestamp") instanceof Date);
            assertEquals(image.get("name").asText(), r.get("metadata", Document.class).getString("name"));
            @SuppressWarnings("unchecked")
            List<Document> meters = (List<Document>) r.get("meter");
            assertTrue(meters.contains(new Document("counter_name", "image").append("counter_type", "gauge")
                    .append("counter_unit", "image")), meters.toString());
            assertEquals(!image.get("size").isNull(), meters.contains(new Document("counter_name", "image.size")
                    .append("counter_type", "gauge").append("counter_unit", "B")), meters.toString());
            Document one = db.getCollection("meter")
                    .find(Filters.and(Filters.eq("resource_id", e.getKey()), Filters.eq("counter_name", "image")))
                    .first();
            assertEquals(1, ((Number) one.get("counter_volume")).intValue());
            assertEquals("image", one.getString("counter_unit"));
            Document m = db.getCollection("meter")
                    .find(Filters.and(Filters.eq("resource_id", e.getKey()), Filters.eq("counter_name", "image.size")))
                    .first();
            if (image.get("size").isNull()) {
                assertNull(m, "no image.size sample for queued image " + e.getKey());
                continue;
            }
            assertNotNull(m);
            assertEquals(image.get("size").asLong(), ((Number) m.get("counter_volume")).longValue());
            assertEquals("gauge", m.getString("counter_type"));
            assertEquals("B", m.getString("counter_unit"));
            assertEquals("openstack", m.getString("source"));
            assertNull(m.get("user_id"));
            assertEquals(owner, m.getString("project_id"));
            assertTrue(m.get("recorded_at") instanceof Date);
            assertTrue(m.get("timestamp") instanceof Date);
            assertNotNull(m.getString("message_id"));
        }
        for (String owner : owners) {
            Document p = db.getCollection("project").find(Filters.eq("_id", owner)).first();
            assertNotNull(p, "project " + owner);
            assertEquals(List.of("openstack"), p.getList("source", String.class));
        }
        assertEquals(0, db.getCollection("user").countDocuments(Filters.ne("_id", "ooo-user")),
                "image samples have no user, so no user document");
    }

    @Test
    void outOfOrderSamplesKeepFirstAndLastTimestampsAndTheLatestMetadata() throws Exception {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        double[] offsets = {20, 0, 40, 30};
        synchronized (QUEUE) {
            for (double off : offsets) {
                QUEUE.add(Sample.builder().name("itest.ooo").type(MeterType.GAUGE).unit("u").volume(off)
                        .resourceId("ooo-resource").projectId("ooo-project").userId("ooo-user")
                        .timestamp(t0.plusSeconds((long) off)).resourceMetadata(Map.of("at", off)).build());
            }
        }
        for (int i = 0; i < offsets.length; i++) {
            Itest.shell("ceilometer:poll ooo");
        }
        Itest.await("four samples stored", 30_000, () -> meters("itest.ooo") >= 4);
        Document r = db.getCollection("resource").find(Filters.eq("_id", "ooo-resource")).first();
        assertNotNull(r);
        assertEquals(Date.from(t0), r.getDate("first_sample_timestamp"));
        assertEquals(Date.from(t0.plusSeconds(40)), r.getDate("last_sample_timestamp"));
        assertEquals(40.0, r.get("metadata", Document.class).getDouble("at"), "metadata of the latest sample");
        assertEquals("ooo-user", r.getString("user_id"));
        assertEquals(List.of("openstack"),
                db.getCollection("user").find(Filters.eq("_id", "ooo-user")).first().getList("source", String.class));
        assertEquals(List.of("openstack"), db.getCollection("project").find(Filters.eq("_id", "ooo-project")).first()
                .getList("source", String.class));
        assertEquals(4, meters("itest.ooo"));
    }
}
