package org.ceilometer.osgi.storage.mongodb;

import static org.ceilometer.osgi.storage.mongodb.TestData.CLOCK;
import static org.ceilometer.osgi.storage.mongodb.TestData.NOW;
import static org.ceilometer.osgi.storage.mongodb.TestData.T0;
import static org.ceilometer.osgi.storage.mongodb.TestData.all;
import static org.ceilometer.osgi.storage.mongodb.TestData.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The documents Ceilometer Icehouse's write path gives, checked field by field, against
 * mongo-java-server in this process (no real MongoDB can be had here).
 */
class MongoWriteInProcessMongoWireServerTest {
    private static InProcessMongoWireServer server;
    private static MongoClient client;
    private static int dbCounter;

    private MongoStorageConnection connection;
    private MongoDatabase db;

    @BeforeAll
    static void startServer() {
        server = new InProcessMongoWireServer();
        client = server.client();
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void connect() {
        String name = "write" + (++dbCounter);
        connection = MongoStorageConnection.open(server.url(name), Map.of(), null, CLOCK);
        db = client.getDatabase(name);
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private static Date d(java.time.Instant t) {
        return Documents.date(t);
    }

    @Test
    void inOrderSamplesGiveIcehouseDocuments() throws Exception {
        Sample s1 = sample("r1", T0).name("image").unit("image").volume(1L).signature("sig1")
                .resourceMetadata(Map.of("name", "cirros", "size", 13L)).build();
        Sample s2 = sample("r1", T0.plusSeconds(60)).volume(13.5).source("other")
                .resourceMetadata(Map.of("name", "cirros-2")).build();
        connection.recordMeteringData(List.of(s1, s2));

        assertEquals(List.of(new Document("_id", "u1").append("source", List.of("openstack", "other"))),
                all(db, "user"));
        assertEquals(List.of(new Document("_id", "p1").append("source", List.of("openstack", "other"))),
                all(db, "project"));

        Document expected = new Document("_id", "r1")
                .append("project_id", "p1").append("user_id", "u1").append("source", "other")
                .append("metadata", new Document("name", "cirros-2"))
                .append("first_sample_timestamp", d(T0))
                .append("last_sample_timestamp", d(T0.plusSeconds(60)))
                .append("meter", List.of(
                        new Document("counter_name", "image").append("counter_type", "gauge")
                                .append("counter_unit", "image"),
                        new Document("counter_name", "image.size").append("counter_type", "gauge")
                                .append("counter_unit", "B")));
        assertEquals(List.of(expected), all(db, "resource"));

        List<Document> meters = all(db, "meter");
        assertEquals(2, meters.size());
        Document m1 = meters.stream().filter(m -> m.getString("message_id").equals(s1.id())).findFirst().orElseThrow();
        Document want = new Document("_id", Documents.meterId(s1))
                .append("source", "openstack").append("counter_name", "image").append("counter_type", "gauge")
                .append("counter_unit", "image").append("counter_volume", 1L).append("user_id", "u1")
                .append("project_id", "p1").append("resource_id", "r1").append("timestamp", d(T0))
                .append("resource_metadata", new Document("name", "cirros").append("size", 13L))
                .append("message_id", s1.id()).append("message_signature", "sig1")
                .append("recorded_at", d(NOW));
        assertEquals(want, m1);
        assertInstanceOf(Long.class, m1.get("counter_volume"));
        Document m2 = meters.stream().filter(m -> m.getString("message_id").equals(s2.id())).findFirst().orElseThrow();
        assertInstanceOf(Double.class, m2.get("counter_volume"));
        assertEquals(13.5, m2.getDouble("counter_volume"));
        assertEquals(d(T0.plusSeconds(60)), m2.getDate("timestamp"));
        assertEquals(1L, connection.stats().get("batches"));
        assertEquals(2L, connection.stats().get("samples written"));
    }

    @Test
    void outOfOrderSampleMovesFirstTimestampOnly() throws Exception {
        Sample later = sample("r1", T0.plusSeconds(100)).resourceMetadata(Map.of("v", "later")).build();
        Sample earlier = sample("r1", T0).resourceMetadata(Map.of("v", "earlier")).projectId("p2").build();
        connection.recordMeteringData(List.of(later));
        connection.recordMeteringData(List.of(earlier));

        Document r = all(db, "resource").get(0);
        assertEquals(d(T0), r.getDate("first_sample_timestamp"));
        assertEquals(d(T0.plusSeconds(100)), r.getDate("last_sample_timestamp"));
        assertEquals(new Document("v", "later"), r.get("metadata"));
        // $set of project, user and source applies whatever the order, as in Icehouse
        assertEquals("p2", r.getString("project_id"));
        assertEquals(2, all(db, "meter").size());
    }

    @Test
    void outOfOrderWithinOneBatch() throws Exception {
        connection.recordMeteringData(List.of(
                sample("r1", T0.plusSeconds(50)).resourceMetadata(Map.of("v", "mid")).build(),
                sample("r1", T0.plusSeconds(90)).resourceMetadata(Map.of("v", "latest")).build(),
                sample("r1", T0).resourceMetadata(Map.of("v", "earliest")).build()));
        Document r = all(db, "resource").get(0);
        assertEquals(d(T0), r.getDate("first_sample_timestamp"));
        assertEquals(d(T0.plusSeconds(90)), r.getDate("last_sample_timestamp"));
        assertEquals(new Document("v", "latest"), r.get("metadata"));
    }

    @Test
    void equalTimestampsLetTheLaterSampleSetMetadata() throws Exception {
        connection.recordMeteringData(List.of(
                sample("r1", T0).resourceMetadata(Map.of("v", "a")).id("a").build(),
                sample("r1", T0).resourceMetadata(Map.of("v", "b")).id("b").build()));
        assertEquals(new Document("v", "b"), all(db, "resource").get(0).get("metadata"));
        connection.recordMeteringData(List.of(sample("r1", T0).resourceMetadata(Map.of("v", "c")).id("c").build()));
        assertEquals(new Document("v", "c"), all(db, "resource").get(0).get("metadata"));
    }

    @Test
    void olderSampleLeavesMetadataAndLastTimestamp() throws Exception {
        connection.recordMeteringData(List.of(sample("r1", T0).resourceMetadata(Map.of("v", "new")).build()));
        connection.recordMeteringData(List.of(
                sample("r1", T0.minusSeconds(10)).resourceMetadata(Map.of("v", "old")).build()));
        Document r = all(db, "resource").get(0);
        assertEquals(new Document("v", "new"), r.get("metadata"));
        assertEquals(d(T0), r.getDate("last_sample_timestamp"));
        assertEquals(d(T0.minusSeconds(10)), r.getDate("first_sample_timestamp"));
    }

    @Test
    void legacyResourceWithoutTimestampsKeepsNoFirstTimestamp() throws Exception {
        db.getCollection("resource").insertOne(new Document("_id", "r1").append("project_id", "p0")
                .append("user_id", "u0").append("source", "openstack").append("metadata", new Document("v", "legacy"))
                .append("meter", List.of(new Document("counter_name", "image").append("counter_type", "gauge")
                        .append("counter_unit", "image"))));
        connection.recordMeteringData(List.of(sample("r1", T0).resourceMetadata(Map.of("v", "now")).build()));
        Document r = all(db, "resource").get(0);
        assertFalse(r.containsKey("first_sample_timestamp"), r.toJson());
        assertEquals(d(T0), r.getDate("last_sample_timestamp"));
        assertEquals(new Document("v", "now"), r.get("metadata"));
        assertEquals(2, r.getList("meter", Document.class).size());

        connection.recordMeteringData(List.of(sample("r1", T0.minusSeconds(3600)).build()));
        r = all(db, "resource").get(0);
        assertFalse(r.containsKey("first_sample_timestamp"), r.toJson());
        assertEquals(d(T0), r.getDate("last_sample_timestamp"));
    }

    @Test
    void resourceWithNullLastTimestampTakesTheSample() throws Exception {
        db.getCollection("resource").insertOne(new Document("_id", "r1").append("last_sample_timestamp", null)
                .append("first_sample_timestamp", d(T0.plusSeconds(5))).append("meter", List.of()));
        connection.recordMeteringData(List.of(sample("r1", T0).resourceMetadata(Map.of("v", "x")).build()));
        Document r = all(db, "resource").get(0);
        assertEquals(d(T0), r.getDate("last_sample_timestamp"));
        assertEquals(d(T0), r.getDate("first_sample_timestamp"));
        assertEquals(new Document("v", "x"), r.get("metadata"));
    }

    @Test
    void sameMeterIsListedOnceAndSourcesAccumulate() throws Exception {
        connection.recordMeteringData(List.of(sample("r1", T0).build(), sample("r1", T0.plusSeconds(1)).build()));
        connection.recordMeteringData(List.of(sample("r1", T0.plusSeconds(2)).source("s2").build()));
        assertEquals(1, all(db, "resource").get(0).getList("meter", Document.class).size());
        assertEquals(List.of("openstack", "s2"), all(db, "user").get(0).getList("source", String.class));
        assertEquals(List.of("openstack", "s2"), all(db, "project").get(0).getList("source", String.class));
    }

    @Test
    void nullUserAndProjectAreStoredOnResourceAndMeterButNotListed() throws Exception {
        Sample s = sample("r1", T0).userId(null).projectId(null).build();
        connection.recordMeteringData(List.of(s));
        connection.recordMeteringData(List.of(sample("r1", T0.plusSeconds(1)).userId(null).projectId(null).build()));
        assertEquals(List.of(), all(db, "user"));
        assertEquals(List.of(), all(db, "project"));
        Document r = all(db, "resource").get(0);
        assertNull(r.get("user_id"));
        assertNull(r.get("project_id"));
        assertEquals(true, r.containsKey("user_id"));
        Document m = all(db, "meter").get(0);
        assertEquals(true, m.containsKey("user_id"));
        assertNull(m.get("user_id"));
    }

    @Test
    void metadataKeysAreMadeStorable() throws Exception {
        connection.recordMeteringData(List.of(sample("r1", T0)
                .resourceMetadata(Map.of("properties.os_distro", "cirros", "$weird", 1, "tags", List.of("a", "b")))
                .build()));
        Document meta = (Document) all(db, "resource").get(0).get("metadata");
        assertEquals(new Document("os_distro", "cirros"), meta.get("properties"));
        assertEquals(1, meta.get("%24weird"));
        assertEquals(List.of("a", "b"), meta.get("tags"));
        assertEquals(meta, all(db, "meter").get(0).get("resource_metadata"));
    }

    @Test
    void typesOfSamplesAreKept() throws Exception {
        connection.recordMeteringData(List.of(
                sample("r1", T0).type(MeterType.CUMULATIVE).volume(7L).build(),
                sample("r2", T0).type(MeterType.DELTA).volume(0.25).build()));
        List<Document> meters = all(db, "meter");
        assertEquals(2, meters.size());
        for (Document m : meters) {
            if (m.getString("resource_id").equals("r1")) {
                assertEquals("cumulative", m.getString("counter_type"));
                assertEquals(7L, m.get("counter_volume"));
            } else {
                assertEquals("delta", m.getString("counter_type"));
                assertEquals(0.25, m.get("counter_volume"));
            }
        }
    }
}
