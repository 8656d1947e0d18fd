package org.ceilometer.osgi.mongo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store keeps what the MongoDB driver wrote across a restart, in one file. */
class EmbeddedMongoRestartTest {
    @TempDir
    Path home;

    private static MongoClient client(EmbeddedMongo m) {
        return MongoClients.create(m.url("ceilometer") + "?serverSelectionTimeoutMS=3000");
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        Path file = home.resolve("data").resolve("mongodb.mv");
        Date ts = new Date(1_714_560_000_000L);
        try (EmbeddedMongo m = EmbeddedMongo.start(file, 0); MongoClient c = client(m)) {
            assertTrue(m.port() > 0);
            MongoCollection<Document> resource = c.getDatabase("ceilometer").getCollection("resource");
            resource.createIndex(Indexes.ascending("user_id", "source"));
            resource.updateOne(Filters.eq("_id", "r1"), new Document("$set", new Document("user_id", "u1"))
                    .append("$setOnInsert", new Document("first_sample_timestamp", ts))
                    .append("$addToSet", new Document("meter", new Document("counter_name", "image"))),
                    new UpdateOptions().upsert(true));
            c.getDatabase("ceilometer").getCollection("meter").insertMany(List.of(
                    new Document("counter_name", "image").append("counter_volume", 1L).append("timestamp", ts),
                    new Document("counter_name", "image.size").append("counter_volume", 2.5)));
        }
        assertTrue(Files.size(file) > 0, "the data file is written");

        try (EmbeddedMongo m = EmbeddedMongo.start(file, 0); MongoClient c = client(m)) {
            Document r = c.getDatabase("ceilometer").getCollection("resource").find(Filters.eq("_id", "r1")).first();
            assertEquals("u1", r.getString("user_id"));
            assertEquals(ts, r.getDate("first_sample_timestamp"));
            assertEquals(List.of(new Document("counter_name", "image")), r.getList("meter", Document.class));
            List<Document> meters = c.getDatabase("ceilometer").getCollection("meter").find()
                    .sort(new Document("counter_name", 1)).into(new ArrayList<>());
            assertEquals(2, meters.size());
            assertEquals(1L, meters.get(0).get("counter_volume"));
            assertEquals(2.5, meters.get(1).get("counter_volume"));
            List<String> names = new ArrayList<>();
            c.getDatabase("ceilometer").getCollection("resource").listIndexes()
                    .forEach(d -> names.add(d.getString("name")));
            assertTrue(names.contains("user_id_1_source_1"), names.toString());
        }
    }

    @Test
    void aTakenPortIsReportedAndTheFileIsReleased() throws Exception {
        Path file = home.resolve("data").resolve("mongodb.mv");
        try (EmbeddedMongo first = EmbeddedMongo.start(file, 0)) {
            Path other = home.resolve("other").resolve("mongodb.mv");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> EmbeddedMongo.start(other, first.port()));
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + first.port()), e.getMessage());
            // the failed one closed its own file: it can be opened again
            try (EmbeddedMongo again = EmbeddedMongo.start(other, 0)) {
                assertNotEquals(first.port(), again.port());
            }
        }
    }
}
