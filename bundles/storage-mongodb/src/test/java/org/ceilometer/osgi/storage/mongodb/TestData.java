package org.ceilometer.osgi.storage.mongodb;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;

/** Samples and collection snapshots for the tests. */
final class TestData {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456Z");

    private TestData() {}

    static Sample.Builder sample(String resource, Instant ts) {
        return Sample.builder().name("image.size").type(MeterType.GAUGE).unit("B").volume(1024L)
                .resourceId(resource).projectId("p1").userId("u1").timestamp(ts)
                .resourceMetadata(Map.of("name", "img-" + ts.getEpochSecond()))
                .id("msg-" + resource + "-" + ts.toEpochMilli());
    }

    /** Every document of the collection, in {@code _id} order. */
    static List<Document> all(MongoDatabase db, String collection) {
        List<Document> out = new ArrayList<>();
        db.getCollection(collection).find().sort(new Document("_id", 1)).into(out);
        return out;
    }

    /** The four collections Icehouse writes, in {@code _id} order. */
    static Map<String, List<Document>> snapshot(MongoDatabase db) {
        return Map.of("user", all(db, "user"), "project", all(db, "project"), "resource", all(db, "resource"),
                "meter", all(db, "meter"));
    }
}
