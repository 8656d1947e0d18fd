package org.ceilometer.osgi.storage.mongodb;

import static org.ceilometer.osgi.storage.mongodb.TestData.CLOCK;
import static org.ceilometer.osgi.storage.mongodb.TestData.NOW;
import static org.ceilometer.osgi.storage.mongodb.TestData.T0;
import static org.ceilometer.osgi.storage.mongodb.TestData.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of samples (out of order, equal timestamps, several users, projects, sources and
 * meters, null ids, documents already stored) written three ways against mongo-java-server in this
 * process: by a step-by-step transcription of Icehouse, one sample per batch, and in random batches.
 * The four collections must come out equal, document for document.
 */
class BatchEqualsOneByOneInProcessMongoWireServerTest {
    private static final String[][] METERS = {
        {"image", "gauge", "image"}, {"image.size", "gauge", "B"}, {"storage.objects", "gauge", "object"},
        {"image.download", "delta", "B"}};

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

    private static List<Sample> randomSamples(Random rnd, int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] m = METERS[rnd.nextInt(METERS.length)];
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("name", "n" + rnd.nextInt(5));
            meta.put("i", i);
            if (rnd.nextBoolean()) {
                meta.put("properties", Map.of("k", rnd.nextInt(3), "list", List.of(1, "two")));
            }
            int user = rnd.nextInt(5);
            int project = rnd.nextInt(4);
            out.add(Sample.builder().name(m[0]).type(MeterType.fromWireName(m[1])).unit(m[2])
                    .volume(rnd.nextBoolean() ? (Number) (long) rnd.nextInt(1000) : (Number) (rnd.nextDouble() * 100))
                    .resourceId("r" + rnd.nextInt(8))
                    .userId(user == 4 ? null : "u" + user)
                    .projectId(project == 3 ? null : "p" + project)
                    .source(rnd.nextInt(4) == 0 ? "other" : "openstack")
                    // a coarse grid of times, so that equal timestamps happen often
                    .timestamp(T0.plusMillis(500L * rnd.nextInt(12)))
                    .resourceMetadata(meta)
                    .id("m" + i)
                    .build());
        }
        return out;
    }

    /** Resources already there: a legacy one without timestamps, one older, one later than every sample. */
    private static void seed(MongoDatabase db) {
        db.getCollection("resource").insertMany(List.of(
                new Document("_id", "r0").append("project_id", "p0").append("user_id", "u0")
                        .append("source", "openstack").append("metadata", new Document("legacy", true))
                        .append("meter", List.of(new Document("counter_name", "image").append("counter_type", "gauge")
                                .append("counter_unit", "image"))),
                new Document("_id", "r1").append("project_id", "p0").append("user_id", "u0")
                        .append("source", "openstack").append("metadata", new Document("old", true))
                        .append("first_sample_timestamp", Documents.date(T0.plusSeconds(3)))
                        .append("last_sample_timestamp", Documents.date(T0.plusSeconds(5)))
                        .append("meter", List.of()),
                new Document("_id", "r2").append("project_id", "p0").append("user_id", "u0")
                        .append("source", "openstack").append("metadata", new Document("future", true))
                        .append("first_sample_timestamp", Documents.date(T0.plusSeconds(1)))
                        .append("last_sample_timestamp", Documents.date(T0.plusSeconds(3600)))
                        .append("meter", List.of())));
        db.getCollection("user").insertOne(new Document("_id", "u0").append("source", List.of("openstack")));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2024})
    void batchesGiveTheDocumentsOfIcehouseOneByOne(long seed) throws Exception {
        Random rnd = new Random(seed);
        List<Sample> samples = randomSamples(rnd, 200);
        String suffix = "_" + seed;
        MongoDatabase reference = client.getDatabase("reference" + suffix);
        MongoDatabase single = client.getDatabase("single" + suffix);
        MongoDatabase batched = client.getDatabase("batched" + suffix);
        seed(reference);
        seed(single);
        seed(batched);

        int batches = 0;
        try (MongoStorageConnection one = MongoStorageConnection.open(server.url(single.getName()), Map.of(), null, CLOCK);
                MongoStorageConnection many = MongoStorageConnection.open(server.url(batched.getName()), Map.of(), null,
                        CLOCK)) {
            int i = 0;
            while (i < samples.size()) {
                int n = Math.min(samples.size() - i, 1 + rnd.nextInt(60));
                List<Sample> batch = samples.subList(i, i + n);
                for (Sample s : batch) {
                    IcehouseReference.record(reference, s, NOW);
                    one.recordMeteringData(List.of(s));
                }
                many.recordMeteringData(batch);
                i += n;
                batches++;
                // equal after every batch, not only at the end, where later samples may hide a difference
                Map<String, List<Document>> want = snapshot(reference);
                assertEquals(want, snapshot(single), "one by one, after " + i + " samples");
                assertEquals(want, snapshot(batched), "batched, after " + i + " samples");
            }
        }
        assertTrue(batches > 3, "the sequence was split into several batches");

        Map<String, List<Document>> want = snapshot(reference);
        assertEquals(200, want.get("meter").size());
        assertTrue(want.get("resource").size() >= 8);
    }
}
