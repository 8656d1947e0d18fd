package org.ceilometer.osgi.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.StorageConnection;
import org.junit.jupiter.api.Test;

class LogStorageConnectionTest {
    private static Sample sample(String name, String resource, Number volume) {
        return Sample.builder().name(name).type(MeterType.GAUGE).unit("B").volume(volume).resourceId(resource)
                .projectId("p").userId("u").timestamp(Instant.parse("2024-01-02T03:04:05Z")).build();
    }

    /** Runs the action with System.err captured (slf4j-simple writes there in tests). */
    private static String captureErr(Runnable action) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void messageHasCeilometersWording() {
        assertEquals("metering data image.size for img-1: 1024",
                LogStorageConnection.message(sample("image.size", "img-1", 1024L)));
        assertEquals("metering data cpu_util for vm-1: 12.5",
                LogStorageConnection.message(sample("cpu_util", "vm-1", 12.5)));
        assertEquals("metering data image for img-2: 1.0",
                LogStorageConnection.message(sample("image", "img-2", 1.0)));
    }

    @Test
    void everySampleIsLoggedAtInfoOnTheCeilometerLogger() {
        LogStorageConnection c = new LogStorageConnection(URI.create("log:///"));
        String out = captureErr(() -> c.recordMeteringData(List.of(
                sample("image.size", "img-1", 1024L), sample("image", "img-1", 1.0))));
        assertTrue(out.contains("INFO ceilometer.storage.log - metering data image.size for img-1: 1024"), out);
        assertTrue(out.contains("INFO ceilometer.storage.log - metering data image for img-1: 1.0"), out);
        assertEquals(2L, c.stats().get("samples logged"));
        assertEquals(1L, c.stats().get("batches"));
    }

    @Test
    void expiryOnlyLogs() {
        LogStorageConnection c = new LogStorageConnection(URI.create("log:///"));
        String out = captureErr(() -> assertEquals(0L, c.clearExpiredMeteringData(3600)));
        assertTrue(out.contains("Dropping data with TTL 3600"), out);
    }

    @Test
    void driverConnectsAlwaysHealthyAndDescribesWithoutPassword() throws Exception {
        StorageConnection c = new LogStorageDriver().connect(URI.create("log://user:secret@host/"), Map.of());
        assertTrue(c.isHealthy());
        assertFalse(c.describe().contains("secret"), c.describe());
        assertEquals("log://user:***@host/", c.describe());
        c.close();
        assertTrue(c.isHealthy());
    }
}
