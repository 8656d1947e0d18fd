package org.ceilometer.osgi.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.signing.MessageSigning;
import org.ceilometer.osgi.api.signing.MeterMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    static List<Sample> samples(String prefix, int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Sample.builder().name("m").type(MeterType.GAUGE).unit("u").volume(i).resourceId(prefix + i)
                    .timestamp(Instant.parse("2024-05-01T10:00:00.123456Z")).build());
        }
        return out;
    }

    private static List<String> ids(List<Sample> samples) {
        return samples.stream().map(Sample::resourceId).toList();
    }

    private static List<Sample> drain(Journal j, int batch) throws Exception {
        List<Sample> out = new ArrayList<>();
        Journal.Chunk c;
        while ((c = j.read(batch)) != null) {
            out.addAll(c.samples());
            j.ack(c);
        }
        return out;
    }

    @Test
    void samplesComeBackInOrderAndFieldForField() throws Exception {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("a", 1L);
        md.put("f", 2.0);
        md.put("list", List.of("x", true));
        md.put("none", null);
        md.put("text", "é ✓");
        Sample signed = Sample.builder().name("cpu").type(MeterType.CUMULATIVE).unit("ns").volume(42.0)
                .resourceId("r").projectId("p").userId(null).resourceMetadata(md)
                .timestamp(Instant.parse("2013-10-12T14:35:59.5Z")).build();
        signed = signed.withSignature(MessageSigning.computeSignature(MeterMessages.toMessage(signed), "s"));
        try (Journal j = new Journal(dir, 1 << 20)) {
            assertEquals(1, j.append(List.of(signed)));
            assertEquals(10, j.append(samples("a", 10)));
            assertEquals(11, j.records());
            List<Sample> back = drain(j, 4);
            assertEquals(11, back.size());
            assertEquals(signed, back.get(0));
            assertTrue(MessageSigning.verifySignature(MeterMessages.toMessage(back.get(0)), "s"),
                    "the signature still verifies after the round trip");
            assertEquals(ids(samples("a", 10)), ids(back.subList(1, 11)));
            assertEquals(0, j.records());
            assertEquals(0, j.bytes());
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "delivered segments are deleted");
        }
    }

    @Test
    void whatWasNotAcknowledgedSurvivesAReopen() throws Exception {
        try (Journal j = new Journal(dir, 1 << 20)) {
            j.append(samples("a", 10));
            Journal.Chunk c = j.read(3);
            j.ack(c);
            j.read(3); // read, never acknowledged: the agent stopped while sending it
        }
        try (Journal j = new Journal(dir, 1 << 20)) {
            assertEquals(7, j.records());
            j.prepend(samples("front", 2));
            j.append(samples("b", 2));
            List<Sample> back = drain(j, 100);
            assertEquals(List.of("front0", "front1", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "b0", "b1"),
                    ids(back));
        }
    }

    @Test
    void aTornLastRecordIsCutAndACorruptOneSkipped() throws Exception {
        try (Journal j = new Journal(dir, 1 << 20)) {
            j.append(samples("a", 3));
        }
        Path seg;
        try (var files = Files.list(dir)) {
            seg = files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(seg));
        lines.add(1, "{not json");
        Files.writeString(seg, String.join("\n", lines) + "\n{\"source\": \"openstack\", \"counter_na",
                StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        try (Journal j = new Journal(dir, 1 << 20)) {
            assertEquals(4, j.records(), "the torn tail is not counted");
            assertEquals(List.of("a0", "a1", "a2"), ids(drain(j, 100)));
            assertEquals(2, j.corrupt());
        }
    }

    @Test
    void aFullJournalRefusesTheRest() throws Exception {
        try (Journal j = new Journal(dir, 1000)) {
            int written = j.append(samples("a", 50));
            assertTrue(written > 0 && written < 50, "written " + written);
            assertTrue(j.bytes() <= 1000);
            assertEquals(0, j.append(samples("b", 1)));
            assertEquals(written, drain(j, 7).size());
        }
    }

    @Test
    void segmentsRollAndAreReadAcross() throws Exception {
        try (Journal j = new Journal(dir, 1L << 30, 64 * 1024)) {
            int n = 0;
            while (true) {
                j.append(samples("x" + n + "-", 100));
                n++;
                try (var files = Files.list(dir)) {
                    if (files.filter(p -> p.toString().endsWith(".seg")).count() > 1) {
                        break;
                    }
                }
            }
            assertEquals(n * 100L, j.records());
            assertEquals(n * 100, drain(j, 150).size());
            assertNull(j.read(1));
        }
    }
}
