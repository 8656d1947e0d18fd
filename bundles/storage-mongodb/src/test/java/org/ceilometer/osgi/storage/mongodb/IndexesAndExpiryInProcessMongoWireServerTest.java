package org.ceilometer.osgi.storage.mongodb;

import static org.ceilometer.osgi.storage.mongodb.TestData.CLOCK;
import static org.ceilometer.osgi.storage.mongodb.TestData.NOW;
import static org.ceilometer.osgi.storage.mongodb.TestData.all;
import static org.ceilometer.osgi.storage.mongodb.TestData.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Icehouse's indexes, the TTL index and the expirer's own deletes, against mongo-java-server in this
 * process. That server accepts a TTL index but never expires anything: the index definition is
 * checked, and the deletes the expirer makes itself.
 */
class IndexesAndExpiryInProcessMongoWireServerTest {
    private static InProcessMongoWireServer server;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = new InProcessMongoWireServer();
        client = server.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static Map<String, Document> indexes(MongoDatabase db, String collection) {
        Map<String, Document> out = new LinkedHashMap<>();
        for (Document d : db.getCollection(collection).listIndexes()) {
            out.put(d.getString("name"), d);
        }
        return out;
    }

    /** The keys of an index in their order, as "field:direction". */
    private static List<String> keys(Document index) {
        List<String> out = new ArrayList<>();
        Document key = (Document) index.get("key");
        key.forEach((k, v) -> out.add(k + ":" + ((Number) v).intValue()));
        return out;
    }

    @Test
    void icehouseIndexesAreCreatedOnTheFirstWriteNotOnConnect() throws Exception {
        MongoDatabase db = client.getDatabase("idx");
        try (MongoStorageConnection c = MongoStorageConnection.open(server.url("idx"), Map.of(), null, CLOCK)) {
            assertEquals(Map.of(), indexes(db, "meter"), "connect() creates nothing");
            c.recordMeteringData(List.of(sample("r1", NOW).build()));
            assertEquals("created", c.stats().get("indexes"));
        }
        Map<String, Document> resource = indexes(db, "resource");
        assertEquals(List.of("user_id:1", "source:1"), keys(resource.get("resource_idx")));
        assertEquals(List.of("project_id:1", "source:1"), keys(resource.get("resource_project_idx")));
        assertEquals(List.of("last_sample_timestamp:-1"), keys(resource.get("last_sample_timestamp_idx")));
        assertEquals(true, resource.get("last_sample_timestamp_idx").get("sparse"));
        Map<String, Document> meter = indexes(db, "meter");
        assertEquals(List.of("resource_id:1", "user_id:1", "counter_name:1", "timestamp:1", "source:1"),
                keys(meter.get("meter_idx")));
        assertEquals(List.of("resource_id:1", "project_id:1", "counter_name:1", "timestamp:1", "source:1"),
                keys(meter.get("meter_project_idx")));
        assertEquals(List.of("timestamp:-1"), keys(meter.get("timestamp_idx")));
        assertFalse(meter.containsKey(Indexes.TTL_INDEX), "no TTL index without time_to_live");
    }

    @Test
    void ttlIndexFollowsTimeToLive() throws Exception {
        MongoDatabase db = client.getDatabase("ttl");
        try (MongoStorageConnection c = MongoStorageConnection.open(server.url("ttl"),
                Map.of("time_to_live", 3600L), null, CLOCK)) {
            c.recordMeteringData(List.of(sample("r1", NOW).build()));
        }
        Document ttl = indexes(db, "meter").get(Indexes.TTL_INDEX);
        assertEquals(List.of("timestamp:1"), keys(ttl));
        assertEquals(3600L, ((Number) ttl.get("expireAfterSeconds")).longValue());

        // a changed value recreates it (as a string, the way FileInstall may hand it over)
        try (MongoStorageConnection c = MongoStorageConnection.open(server.url("ttl"),
                Map.of("time_to_live", "86400"), null, CLOCK)) {
            c.recordMeteringData(List.of(sample("r1", NOW.plusSeconds(1)).build()));
            assertEquals("created, meter_ttl 86400 s", c.stats().get("indexes"));
        }
        assertEquals(86400L, ((Number) indexes(db, "meter").get(Indexes.TTL_INDEX).get("expireAfterSeconds")).longValue());

        // -1 keeps samples forever: the index goes
        try (MongoStorageConnection c = MongoStorageConnection.open(server.url("ttl"),
                Map.of("time_to_live", -1), null, CLOCK)) {
            c.recordMeteringData(List.of(sample("r1", NOW.plusSeconds(2)).build()));
        }
        assertNull(indexes(db, "meter").get(Indexes.TTL_INDEX));
        assertEquals(List.of("timestamp:-1"), keys(indexes(db, "meter").get("timestamp_idx")));
    }

    @Test
    void expirerDeletesOldSamplesAndWhatNoSampleRefersTo() throws Exception {
        MongoDatabase db = client.getDatabase("expiry");
        try (MongoStorageConnection c = MongoStorageConnection.open(server.url("expiry"),
                Map.of("time_to_live", 3600L), null, CLOCK)) {
            c.recordMeteringData(List.of(
                    sample("old", NOW.minusSeconds(7200)).userId("u-old").projectId("p-old").build(),
                    sample("old", NOW.minusSeconds(7100)).userId("u-old").projectId("p-old").build(),
                    sample("shared", NOW.minusSeconds(7200)).userId("u-both").projectId("p-both").build(),
                    sample("shared", NOW.minusSeconds(60)).userId("u-both").projectId("p-both").build(),
                    sample("new", NOW.minusSeconds(10)).userId(null).projectId("p-new").build()));
            // a legacy resource no sample ever referred to
            db.getCollection("resource").insertOne(new Document("_id", "orphan").append("meter", List.of()));

            // 3 samples, resources old and orphan, user u-old, project p-old
            assertEquals(7L, c.clearExpiredMeteringData(3600));
            assertEquals(7L, c.stats().get("expired documents"));
        }
        assertEquals(List.of("new", "shared"), all(db, "resource").stream().map(d -> d.getString("_id")).sorted().toList());
        assertEquals(List.of("u-both"), all(db, "user").stream().map(d -> d.getString("_id")).toList());
        assertEquals(List.of("p-both", "p-new"), all(db, "project").stream().map(d -> d.getString("_id")).sorted().toList());
        assertEquals(2, all(db, "meter").size());
    }

    @Test
    void expirerWithoutTimeToLiveRemovesOnlyOrphans() throws Exception {
        MongoDatabase db = client.getDatabase("orphans");
        try (MongoStorageConnection c = MongoStorageConnection.open(server.url("orphans"), Map.of(), null, CLOCK)) {
            c.recordMeteringData(List.of(sample("kept", NOW.minusSeconds(999_999)).build()));
            db.getCollection("user").insertOne(new Document("_id", "ghost").append("source", List.of("openstack")));
            assertEquals(1L, c.clearExpiredMeteringData(-1));
        }
        assertEquals(1, all(db, "meter").size());
        assertEquals(List.of("u1"), all(db, "user").stream().map(d -> d.getString("_id")).toList());
    }
}
