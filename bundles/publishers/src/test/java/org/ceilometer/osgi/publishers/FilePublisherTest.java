package org.ceilometer.osgi.publishers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.Publisher;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.signing.MessageSigning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePublisherTest {
    /** {@code json.dumps(sample.as_dict())} of {@link TestSamples#sample} with id m1 and volume 42. */
    static final String LINE = "{\"name\": \"storage.objects\", \"type\": \"gauge\", \"unit\": \"object\", "
            + "\"volume\": 42, \"user_id\": null, \"user_name\": null, \"project_id\": \"p1\", \"project_name\": null, "
            + "\"resource_id\": \"p1\", \"timestamp\": \"2013-10-12T14:35:59\", \"resource_metadata\": {\"a\": 1}, "
            + "\"source\": \"openstack\", \"id\": \"m1\", \"monotonic_time\": null}";

    @TempDir
    Path dir;

    private Publisher create(String url) throws Exception {
        return new FilePublisherFactory().create(URI.create(url), Map.of());
    }

    private static List<String> lines(Path p) throws Exception {
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }

    @Test
    void oneJsonObjectPerLine() throws Exception {
        Path out = dir.resolve("samples.log");
        try (Publisher p = create("file://" + out)) {
            p.publish(List.of(TestSamples.sample("m1", 42)));
            p.publish(List.of(TestSamples.sample("m2", 0.5)));
        }
        List<String> lines = lines(out);
        assertEquals(2, lines.size());
        assertEquals(LINE, lines.get(0));
        assertTrue(lines.get(1).contains("\"volume\": 0.5"), lines.get(1));
    }

    @Test
    void rotatesLikeRotatingFileHandler() throws Exception {
        Path out = dir.resolve("rot.log");
        int lineBytes = LINE.length() + 1;
        // room for two lines: the third would reach max_bytes, so the file rolls over before it
        int maxBytes = 3 * lineBytes;
        try (Publisher p = create("file://" + out + "?max_bytes=" + maxBytes + "&backup_count=2")) {
            for (int i = 0; i < 7; i++) {
                p.publish(List.of(TestSamples.sample("m1", 42)));
            }
        }
        // 7 lines: [1,2] -> rot.log.2 was dropped, [3,4] rot.log.2, [5,6] rot.log.1, [7] rot.log
        assertEquals(1, lines(out).size());
        assertEquals(2, lines(dir.resolve("rot.log.1")).size());
        assertEquals(2, lines(dir.resolve("rot.log.2")).size());
        assertFalse(Files.exists(dir.resolve("rot.log.3")), "backup_count bounds the backups");
    }

    @Test
    void backupsShiftInOrder() throws Exception {
        Path out = dir.resolve("order.log");
        try (Publisher p = create("file://" + out + "?max_bytes=10&backup_count=3")) {
            // each line is longer than 10 bytes: every line after the first starts a new file
            for (int i = 1; i <= 4; i++) {
                p.publish(List.of(TestSamples.sample("m" + i, i)));
            }
        }
        assertTrue(lines(out).get(0).contains("\"id\": \"m4\""));
        assertTrue(lines(dir.resolve("order.log.1")).get(0).contains("\"id\": \"m3\""));
        assertTrue(lines(dir.resolve("order.log.2")).get(0).contains("\"id\": \"m2\""));
        assertTrue(lines(dir.resolve("order.log.3")).get(0).contains("\"id\": \"m1\""));
    }

    @Test
    void withoutBothOptionsTheFileOnlyGrows() throws Exception {
        Path out = dir.resolve("grow.log");
        try (Publisher p = create("file://" + out + "?max_bytes=10")) {
            for (int i = 0; i < 3; i++) {
                p.publish(List.of(TestSamples.sample("m1", 42)));
            }
        }
        assertEquals(3, lines(out).size());
        assertFalse(Files.exists(dir.resolve("grow.log.1")));
        Path zero = dir.resolve("zero.log");
        try (Publisher p = create("file://" + zero + "?max_bytes=10&backup_count=0")) {
            for (int i = 0; i < 3; i++) {
                p.publish(List.of(TestSamples.sample("m1", 42)));
            }
        }
        assertEquals(3, lines(zero).size(), "backup_count=0: no rollover, as in Python");
    }

    @Test
    void appendsToAnExistingFile() throws Exception {
        Path out = dir.resolve("existing.log");
        Files.writeString(out, "old line\n");
        try (Publisher p = create("file://" + out)) {
            p.publish(List.of(TestSamples.sample("m1", 42)));
        }
        assertEquals(List.of("old line", LINE), lines(out));
    }

    @Test
    void signedMessagesOnRequest() throws Exception {
        Path out = dir.resolve("messages.log");
        try (Publisher p = new FilePublisherFactory().create(URI.create("file://" + out + "?format=message"),
                Map.of("telemetry_secret", "secret"))) {
            p.publish(List.of(TestSamples.sample("m1", 42)));
        }
        String line = lines(out).get(0);
        Map<String, Object> msg = org.ceilometer.osgi.api.signing.MeterMessages.toMessage(TestSamples.sample("m1", 42));
        msg.put("message_signature", MessageSigning.computeSignature(msg, "secret"));
        assertEquals(PyJson.dumps(msg), line);
        assertTrue(line.startsWith("{\"source\": \"openstack\", \"counter_name\": \"storage.objects\""), line);
    }

    @Test
    void badUrls() {
        assertMessage("file:///", "path");
        assertMessage("file://" + dir.resolve("x") + "?max_bytes=ten&backup_count=1", "'max_bytes'");
        assertMessage("file://" + dir.resolve("x") + "?max_bytes=10&backup_count=-1", "'backup_count'");
        assertMessage("file://" + dir.resolve("no/such/dir/x"), "does not exist");
        assertMessage("file://" + dir, "directory");
        assertMessage("file://relative/path", "host");
        assertMessage("file://" + dir.resolve("x") + "?format=xml", "'format'");
    }

    private void assertMessage(String url, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> create(url));
        assertTrue(e.getMessage().startsWith("file publisher") && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void samplesOfOneBatchAreWrittenInOrder() throws Exception {
        Path out = dir.resolve("batch.log");
        List<Sample> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(TestSamples.sample("b" + i, i));
        }
        try (Publisher p = create("file://" + out)) {
            p.publish(batch);
        }
        List<String> lines = lines(out);
        for (int i = 0; i < 5; i++) {
            assertTrue(lines.get(i).contains("\"id\": \"b" + i + "\""));
        }
    }
}
