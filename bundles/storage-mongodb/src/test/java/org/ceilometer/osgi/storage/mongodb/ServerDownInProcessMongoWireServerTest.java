package org.ceilometer.osgi.storage.mongodb;

import static org.ceilometer.osgi.storage.mongodb.TestData.CLOCK;
import static org.ceilometer.osgi.storage.mongodb.TestData.NOW;
import static org.ceilometer.osgi.storage.mongodb.TestData.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.StorageConnection;
import org.junit.jupiter.api.Test;

/**
 * A store that is not there: connect() must not wait for it, health says no quickly, writes fail
 * quickly, and nothing shows the password. Uses mongo-java-server in this process where a server is
 * needed at all.
 */
class ServerDownInProcessMongoWireServerTest {
    /** A loopback port nothing listens on. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void connectReturnsAtOnceWithNoServerListening() throws Exception {
        String url = "mongodb://ceilometer:s3cret@127.0.0.1:" + freePort() + "/metering";
        long start = System.nanoTime();
        StorageConnection c = new MongoStorageDriver().connect(URI.create(url), Map.of("time_to_live", 600L));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        try {
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "connect() took " + took);
            assertEquals("mongodb://ceilometer:***@127.0.0.1:" + URI.create(url).getPort() + "/metering", c.describe());
            assertEquals("metering", c.stats().get("database"));
            assertEquals(600L, c.stats().get("time_to_live"));

            start = System.nanoTime();
            assertFalse(c.isHealthy());
            took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(MongoStorageConnection.HEALTH_TIMEOUT.plusSeconds(2)) < 0, "ping took " + took);
        } finally {
            c.close();
        }
    }

    @Test
    void writesFailQuicklyAndTheErrorHidesThePassword() throws Exception {
        String url = "mongodb://ceilometer:s3cret@127.0.0.1:" + freePort() + "/ceilometer?serverSelectionTimeoutMS=300";
        try (MongoStorageConnection c = MongoStorageConnection.open(url, Map.of(), null, CLOCK)) {
            long start = System.nanoTime();
            assertThrows(MongoException.class, () -> c.recordMeteringData(List.of(sample("r1", NOW).build())));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "the failed write took " + took);
            assertEquals(1L, c.stats().get("write failures"));
            String lastError = String.valueOf(c.stats().get("last error"));
            assertTrue(lastError.startsWith(NOW.toString()), lastError);
            assertFalse(lastError.contains("s3cret"), lastError);
            assertFalse(c.describe().contains("s3cret"), c.describe());
            assertEquals("not yet created", c.stats().get("indexes"));
        }
    }

    @Test
    void healthFollowsTheServer() throws Exception {
        InProcessMongoWireServer server = new InProcessMongoWireServer();
        try (MongoStorageConnection c = MongoStorageConnection.open(
                server.url("health") + "?serverSelectionTimeoutMS=500", Map.of(), null, CLOCK)) {
            assertTrue(c.isHealthy());
            c.recordMeteringData(List.of(sample("r1", NOW).build()));
            server.close();
            long start = System.nanoTime();
            assertFalse(c.isHealthy());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(MongoStorageConnection.HEALTH_TIMEOUT.plusSeconds(2)) < 0, "ping took " + took);
            assertThrows(MongoException.class, () -> c.recordMeteringData(List.of(sample("r1", NOW.plusSeconds(1)).build())));
        } finally {
            server.close();
        }
    }
}
