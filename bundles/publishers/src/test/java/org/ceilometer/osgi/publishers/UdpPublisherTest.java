package org.ceilometer.osgi.publishers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.Publisher;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.signing.MessageSigning;
import org.ceilometer.osgi.api.signing.MeterMessages;
import org.junit.jupiter.api.Test;

/** A real UDP socket on loopback receives the datagrams, decodes them and checks their signatures. */
class UdpPublisherTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> receive(DatagramSocket socket) throws Exception {
        byte[] buf = new byte[65535];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        socket.receive(packet); // the socket timeout is the deadline
        return (Map<String, Object>) MsgPackDecoder.decode(Arrays.copyOf(buf, packet.getLength()));
    }

    @Test
    void oneSignedMeterMessagePerDatagram() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            URI url = URI.create("udp://127.0.0.1:" + socket.getLocalPort());
            try (Publisher p = new UdpPublisherFactory().create(url, Map.of("telemetry_secret", "secret"))) {
                p.publish(List.of(TestSamples.sample("m1", 42), TestSamples.sample("m2", 2.5)));
            }
            Map<String, Object> first = receive(socket);
            Map<String, Object> second = receive(socket);
            assertEquals(List.of("source", "counter_name", "counter_type", "counter_unit", "counter_volume",
                    "user_id", "project_id", "resource_id", "timestamp", "resource_metadata", "message_id",
                    "message_signature"), List.copyOf(first.keySet()));
            assertEquals("m1", first.get("message_id"));
            assertEquals(42L, first.get("counter_volume"));
            assertEquals(2.5, second.get("counter_volume"));
            assertTrue(MessageSigning.verifySignature(first, "secret"));
            assertTrue(MessageSigning.verifySignature(second, "secret"));
            assertFalse(MessageSigning.verifySignature(first, "another secret"));
            Sample back = MeterMessages.fromMessage(first);
            assertEquals(TestSamples.sample("m1", 42).toBuilder()
                    .signature((String) first.get("message_signature")).build(), back);
        }
    }

    @Test
    void theFactsVectorArrivesWithItsSignature() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            URI url = URI.create("udp://localhost:" + socket.getLocalPort());
            Sample s = TestSamples.sample("m1", 42).toBuilder()
                    .resourceMetadata(Map.of("a", 1L, "b", Map.of("c", "x"))).build();
            try (Publisher p = new UdpPublisherFactory().create(url, Map.of("telemetry_secret", "secret"))) {
                p.publish(List.of(s));
            }
            Map<String, Object> msg = receive(socket);
            // same as the facts' vector but for the timestamp, which master writes without 'Z'
            msg.put("timestamp", "2013-10-12T14:35:59Z");
            assertEquals("b669af4d9cb5dd2c44b68a5cb2f3d72ced680af2324f7c5f8b78127c4c6c9875",
                    MessageSigning.computeSignature(msg, "secret"));
        }
    }

    @Test
    void defaultAndEmptySecrets() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            URI url = URI.create("udp://127.0.0.1:" + socket.getLocalPort());
            try (Publisher p = new UdpPublisherFactory().create(url, Map.of())) {
                p.publish(List.of(TestSamples.sample("m1", 1)));
            }
            assertTrue(MessageSigning.verifySignature(receive(socket), UdpPublisher.DEFAULT_SECRET));
            try (Publisher p = new UdpPublisherFactory().create(url, Map.of("telemetry_secret", ""))) {
                p.publish(List.of(TestSamples.sample("m2", 1)));
            }
            assertEquals("", receive(socket).get("message_signature"));
        }
    }

    @Test
    void oversizedSamplesAreSkippedOthersSent() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            URI url = URI.create("udp://127.0.0.1:" + socket.getLocalPort());
            Sample huge = TestSamples.sample("huge", 1).toBuilder()
                    .resourceMetadata(Map.of("blob", "x".repeat(70_000))).build();
            try (Publisher p = new UdpPublisherFactory().create(url, Map.of("telemetry_secret", "s"))) {
                p.publish(List.of(huge, TestSamples.sample("small", 1)));
                assertEquals(1, ((UdpPublisher) p).skipped());
            }
            assertEquals("small", receive(socket).get("message_id"));
        }
    }

    @Test
    void ipv6Loopback() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("::1"))) {
            socket.setSoTimeout(5000);
            URI url = URI.create("udp://[::1]:" + socket.getLocalPort());
            try (Publisher p = new UdpPublisherFactory().create(url, Map.of("telemetry_secret", "s"))) {
                p.publish(List.of(TestSamples.sample("v6", 1)));
            }
            assertEquals("v6", receive(socket).get("message_id"));
        }
    }

    @Test
    void defaultPortAndBadUrls() throws Exception {
        try (UdpPublisher p = (UdpPublisher) new UdpPublisherFactory().create(URI.create("udp://collector"), Map.of())) {
            assertEquals("collector:4952", p.destination());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UdpPublisherFactory().create(URI.create("udp://host:port"), Map.of()));
        assertTrue(e.getMessage().startsWith("udp publisher"), e.getMessage());
    }
}
