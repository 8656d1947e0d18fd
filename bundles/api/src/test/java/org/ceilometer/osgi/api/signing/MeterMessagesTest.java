package org.ceilometer.osgi.api.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.junit.jupiter.api.Test;

class MeterMessagesTest {

    static Sample sample() {
        return Sample.builder().name("storage.objects").type(MeterType.GAUGE).unit("object").volume(42)
                .projectId("p1").resourceId("p1").timestamp(Instant.parse("2013-10-12T14:35:59Z"))
                .resourceMetadata(MessageSigningTest.map("a", 1L, "b", MessageSigningTest.map("c", "x")))
                .id("m1").build();
    }

    @Test
    void messageFieldsInJunoOrder() {
        Map<String, Object> msg = MeterMessages.toMessage(sample());
        assertEquals(List.of("source", "counter_name", "counter_type", "counter_unit", "counter_volume", "user_id",
                "project_id", "resource_id", "timestamp", "resource_metadata", "message_id"),
                new ArrayList<>(msg.keySet()));
        assertEquals("openstack", msg.get("source"));
        assertEquals("gauge", msg.get("counter_type"));
        assertEquals(42L, msg.get("counter_volume"));
        assertNull(msg.get("user_id"));
        assertEquals("2013-10-12T14:35:59", msg.get("timestamp"));
    }

    @Test
    void signedMessageVerifies() {
        Map<String, Object> msg = MeterMessages.toSignedMessage(sample(), "secret");
        assertEquals("message_signature", new ArrayList<>(msg.keySet()).get(11));
        assertTrue(MessageSigning.verifySignature(msg, "secret"));
        assertEquals("", MeterMessages.toSignedMessage(sample(), "").get("message_signature"));
    }

    @Test
    void signatureOverTheFactsVectorWithZTimestamp() {
        // The facts' vector carries Juno's 'Z' form: a message read and re-signed keeps its own text.
        Map<String, Object> msg = MeterMessages.toMessage(sample());
        msg.put("timestamp", "2013-10-12T14:35:59Z");
        assertEquals("b669af4d9cb5dd2c44b68a5cb2f3d72ced680af2324f7c5f8b78127c4c6c9875",
                MessageSigning.computeSignature(msg, "secret"));
    }

    @Test
    void roundTrip() {
        Sample s = sample().toBuilder().userId("u1").volume(0.25).timestamp(Instant.parse("2024-01-02T03:04:05.123456Z"))
                .signature("abc").build();
        Sample back = MeterMessages.fromMessage(MeterMessages.toMessage(s));
        assertEquals(s, back);
    }

    @Test
    void timestampFormats() {
        assertEquals("2013-10-12T14:35:59", MeterMessages.formatTimestamp(Instant.parse("2013-10-12T14:35:59Z")));
        assertEquals("2013-10-12T14:35:59.000100",
                MeterMessages.formatTimestamp(Instant.parse("2013-10-12T14:35:59.0001Z")));
        assertEquals("2013-10-12T14:35:59.123456",
                MeterMessages.formatTimestamp(Instant.parse("2013-10-12T14:35:59.123456789Z")));
        assertEquals("2013-10-12T14:35:59", MeterMessages.formatTimestamp(Instant.parse("2013-10-12T14:35:59.000000999Z")));

        Instant t = Instant.parse("2013-10-12T14:35:59Z");
        assertEquals(t, MeterMessages.parseTimestamp("2013-10-12T14:35:59Z"));
        assertEquals(t, MeterMessages.parseTimestamp("2013-10-12T14:35:59"));
        assertEquals(t, MeterMessages.parseTimestamp("2013-10-12 14:35:59+00:00"));
        assertEquals(t, MeterMessages.parseTimestamp("2013-10-12T16:35:59+02:00"));
        assertEquals(t, MeterMessages.parseTimestamp("2013-10-12T09:35:59-0500"));
        assertEquals(Instant.parse("2013-10-12T14:35:59.5Z"), MeterMessages.parseTimestamp("2013-10-12T14:35:59.5"));
        assertEquals(Instant.parse("2013-10-12T14:35:00Z"), MeterMessages.parseTimestamp("2013-10-12T14:35"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeterMessages.parseTimestamp("yesterday"));
        assertTrue(e.getMessage().contains("timestamp"));
        assertThrows(IllegalArgumentException.class, () -> MeterMessages.parseTimestamp("2013-13-12T14:35:59"));
    }

    @Test
    void fromMessageChecksFields() {
        Map<String, Object> msg = MeterMessages.toMessage(sample());
        msg.put("counter_volume", "17");
        assertEquals(17L, MeterMessages.fromMessage(msg).volume());
        msg.put("counter_volume", "1.5");
        assertEquals(1.5, MeterMessages.fromMessage(msg).volume());

        msg.put("counter_volume", "lots");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MeterMessages.fromMessage(msg))
                .getMessage().contains("counter_volume"));
        msg.put("counter_volume", 1);
        msg.remove("counter_name");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MeterMessages.fromMessage(msg))
                .getMessage().contains("counter_name"));
        msg.put("counter_name", "x");
        msg.put("resource_metadata", List.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MeterMessages.fromMessage(msg))
                .getMessage().contains("resource_metadata"));
        msg.put("resource_metadata", null);
        msg.put("timestamp", Instant.EPOCH);
        Sample s = MeterMessages.fromMessage(msg);
        assertEquals(Map.of(), s.resourceMetadata());
        assertEquals(Instant.EPOCH, s.timestamp());
        msg.remove("counter_type");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MeterMessages.fromMessage(msg))
                .getMessage().contains("counter_type"));
    }
}
