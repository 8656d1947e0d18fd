package org.ceilometer.osgi.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.StorageConnection;
import org.ceilometer.osgi.api.StorageDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StorageManagerTest {
    private StorageManager manager;

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.deactivate();
        }
    }

    /** A store that can be taken down and brought back. */
    static final class FakeStore implements StorageDriver {
        final List<Sample> stored = Collections.synchronizedList(new ArrayList<>());
        final List<String> urls = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public StorageConnection connect(URI url, Map<String, Object> options) {
            urls.add(url.toString());
            return new StorageConnection() {
                @Override
                public void recordMeteringData(List<Sample> samples) throws Exception {
                    attempts.incrementAndGet();
                    if (down.get()) {
                        throw new java.io.IOException("connection refused to secret-host");
                    }
                    stored.addAll(samples);
                }

                @Override
                public boolean isHealthy() {
                    return !down.get();
                }

                @Override
                public String describe() {
                    return "fake " + url;
                }

                @Override
                public void close() {}
            };
        }
    }

    private static List<Sample> samples(int n, String prefix) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Sample.builder().name("m").type(MeterType.GAUGE).unit("u").volume(i).resourceId(prefix + i).build());
        }
        return out;
    }

    private StorageManager start(String connection, int maxQueue) {
        manager = new StorageManager(null, Fakes.config(StorageManager.Config.class,
                Map.of("connection", connection, "max_queue_length", maxQueue, "write_batch_size", 10,
                        "max_retry_interval", 1)));
        return manager;
    }

    private static Fakes.Ref<StorageDriver> driverRef(String scheme) {
        return Fakes.ref(Map.of(Namespaces.STORAGE_SCHEME, scheme, Namespaces.NAMESPACE, Namespaces.METERING_STORAGE));
    }

    @Test
    void choosesTheDriverByScheme() throws Exception {
        start("mongodb://user:pw@db:27017/ceilometer", 1000);
        FakeStore log = new FakeStore();
        FakeStore mongo = new FakeStore();
        manager.bindDriver(driverRef("log"), log);
        manager.bindDriver(driverRef("mongodb"), mongo);
        manager.dispatch(samples(25, "r"));
        assertTrue(manager.awaitDrained(Duration.ofSeconds(10)));
        assertEquals(25, mongo.stored.size());
        assertEquals(0, log.stored.size());
        assertEquals(25L, manager.status().get("stored"));
        assertEquals(3L, manager.status().get("batches"), "batches of write_batch_size");
    }

    @Test
    void samplesWaitWhileNoDriverAndWhileTheStoreIsDownAndNothingIsLost() throws Exception {
        start("log://", 1000);
        manager.dispatch(samples(5, "early"));
        assertFalse(manager.awaitDrained(Duration.ofMillis(200)));
        FakeStore store = new FakeStore();
        store.down.set(true);
        manager.bindDriver(driverRef("log"), store);
        manager.dispatch(samples(5, "during"));
        Fakes.await("retries", 10_000, () -> store.attempts.get() >= 2);
        assertEquals(10, manager.status().get("queued"));
        assertEquals(Boolean.FALSE, manager.status().get("healthy"));
        String lastError = manager.status().get("last error").toString();
        assertTrue(lastError.contains("connection refused"), lastError);
        store.down.set(false);
        assertTrue(manager.awaitDrained(Duration.ofSeconds(10)));
        assertEquals(10, store.stored.size());
        assertEquals(0L, manager.status().get("dropped"));
        assertEquals("early0", store.stored.get(0).resourceId(), "order kept");
    }

    @Test
    void aFullQueueDropsTheOldestAndCountsThem() throws Exception {
        start("log://", 20);
        FakeStore store = new FakeStore();
        store.down.set(true);
        manager.bindDriver(driverRef("log"), store);
        manager.dispatch(samples(15, "a"));
        manager.dispatch(samples(15, "b"));
        assertEquals(10L, manager.status().get("dropped"));
        assertEquals(20, manager.status().get("queued"));
        store.down.set(false);
        assertTrue(manager.awaitDrained(Duration.ofSeconds(10)));
        assertEquals(20, store.stored.size());
        assertTrue(store.stored.stream().anyMatch(s -> s.resourceId().equals("b14")), "the newest are kept");
    }

    @Test
    void aChangedConnectionReconnectsAndThePasswordIsMasked() throws Exception {
        start("log://", 100);
        FakeStore log = new FakeStore();
        FakeStore mongo = new FakeStore();
        manager.bindDriver(driverRef("log"), log);
        manager.bindDriver(driverRef("mongodb"), mongo);
        manager.dispatch(samples(1, "x"));
        assertTrue(manager.awaitDrained(Duration.ofSeconds(10)));
        manager.modified(Fakes.config(StorageManager.Config.class,
                Map.of("connection", "mongodb://u:topsecret@h/db", "write_batch_size", 10)));
        manager.dispatch(samples(1, "y"));
        assertTrue(manager.awaitDrained(Duration.ofSeconds(10)));
        assertEquals(1, mongo.stored.size());
        assertEquals("y0", mongo.stored.get(0).resourceId());
        assertEquals("mongodb://u:***@h/db", Urls.mask("mongodb://u:topsecret@h/db"));
        assertFalse(manager.status().toString().contains("topsecret"));
    }

    @Test
    void anUnknownSchemeIsShownAndQueued() throws Exception {
        start("hbase://h", 100);
        manager.bindDriver(driverRef("log"), new FakeStore());
        manager.dispatch(samples(3, "q"));
        Fakes.await("the status names the scheme", 5000,
                () -> manager.status().get("backend").toString().contains("no driver for scheme 'hbase'"));
        assertEquals(3, manager.status().get("queued"));
    }
}
