package org.ceilometer.osgi.storage.mongodb;

import static org.ceilometer.osgi.storage.mongodb.TestData.CLOCK;
import static org.ceilometer.osgi.storage.mongodb.TestData.T0;
import static org.ceilometer.osgi.storage.mongodb.TestData.sample;
import static org.ceilometer.osgi.storage.mongodb.TestData.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.ceilometer.osgi.api.Sample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Round trips per batch, counted with a command listener on the client, and retried batches, against
 * mongo-java-server in this process.
 */
class RoundTripsAndRetriesInProcessMongoWireServerTest {
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

    /** The names of the commands the client sends. */
    static final class Commands implements CommandListener {
        final List<String> names = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void commandStarted(CommandStartedEvent event) {
            names.add(event.getCommandName() + " " + event.getCommand().get(event.getCommandName()).asString().getValue());
        }

        List<String> take() {
            synchronized (names) {
                List<String> copy = new ArrayList<>(names);
                names.clear();
                return copy;
            }
        }
    }

    private static List<Sample> samples(int n, int resources, String prefix) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(sample("r" + (i % resources), T0.plusSeconds(n - i)).id(prefix + i).userId("u" + (i % 5))
                    .projectId("p" + (i % 3)).build());
        }
        return out;
    }

    @Test
    void aBatchCostsFourRoundTripsWhateverItsSize() throws Exception {
        Commands commands = new Commands();
        try (MongoStorageConnection c = MongoStorageConnection.open(server.url("trips"), Map.of(), commands, CLOCK)) {
            c.recordMeteringData(samples(3, 2, "warmup"));
            List<String> first = commands.take();
            // the first write sets up the indexes
            assertEquals(true, first.stream().anyMatch(s -> s.startsWith("createIndexes")), first.toString());

            List<String> expected = List.of("update user", "update project", "update resource", "insert meter");
            c.recordMeteringData(samples(1, 1, "one"));
            assertEquals(expected, commands.take());
            c.recordMeteringData(samples(500, 50, "many"));
            assertEquals(expected, commands.take());
            // the driver splits a bulk at the server's maxWriteBatchSize: 100,000 for MongoDB, 1,000 for
            // mongo-java-server, so 300 resources (900 updates) and 900 meters still take one command each
            c.recordMeteringData(samples(900, 300, "more"));
            assertEquals(expected, commands.take());
        }
        assertEquals(1404, client.getDatabase("trips").getCollection("meter").countDocuments());
    }

    @Test
    void aRetriedBatchStoresNothingTwice() throws Exception {
        List<Sample> batch = samples(40, 7, "retry");
        MongoDatabase once = client.getDatabase("once");
        MongoDatabase twice = client.getDatabase("twice");
        MongoDatabase partial = client.getDatabase("partial");
        try (MongoStorageConnection c = MongoStorageConnection.open(server.url("once"), Map.of(), null, CLOCK)) {
            c.recordMeteringData(batch);
        }
        try (MongoStorageConnection c = MongoStorageConnection.open(server.url("twice"), Map.of(), null, CLOCK)) {
            c.recordMeteringData(batch);
            c.recordMeteringData(batch);
            assertEquals(40L, c.stats().get("duplicates skipped"));
            assertEquals(40L, c.stats().get("meter documents inserted"));
        }
        // a batch that failed half way: part of its meters were stored before the failure
        try (MongoStorageConnection c = MongoStorageConnection.open(server.url("partial"), Map.of(), null, CLOCK)) {
            partial.getCollection("meter").insertMany(batch.subList(10, 25).stream()
                    .map(s -> Documents.meter(s, CLOCK.instant())).toList());
            c.recordMeteringData(batch);
            assertEquals(15L, c.stats().get("duplicates skipped"));
        }
        Map<String, List<Document>> want = snapshot(once);
        assertEquals(40, want.get("meter").size());
        assertEquals(want, snapshot(twice));
        assertEquals(want, snapshot(partial));
    }
}
