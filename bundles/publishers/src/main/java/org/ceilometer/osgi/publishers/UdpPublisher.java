package org.ceilometer.osgi.publishers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.ceilometer.osgi.api.Publisher;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.signing.MeterMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code udp://host[:port]}: Ceilometer's {@code UDPPublisher} ({@code ceilometer/publisher/udp.py},
 * Juno and master): one datagram per sample holding its signed meter message
 * ({@code meter_message_from_counter}) packed with {@code msgpack.dumps(msg, use_bin_type=True)}
 * ({@link MsgPack}). The port defaults to 4952 ({@code [collector] udp_port}); IPv6 hosts are written
 * {@code [::1]}.
 *
 * <p>The secret is {@code agentOptions.telemetry_secret}; when the agent passes none, Ceilometer's
 * default ({@value #DEFAULT_SECRET}) is used, and an empty secret sends {@code message_signature: ''}.
 * As in Ceilometer, a sample that cannot be sent is logged and skipped (a message above a datagram's
 * 65507 bytes, say); only when no sample of a batch could be sent does the batch fail, so that the
 * pipeline's queue policy can keep it.
 */
final class UdpPublisher implements Publisher {
    static final int DEFAULT_PORT = 4952;
    static final String DEFAULT_SECRET = "change this for valid signing";
    static final int MAX_DATAGRAM = 65507;
    private static final Logger LOG = LoggerFactory.getLogger(UdpPublisher.class);

    private final String host;
    private final int port;
    private final String secret;
    private final DatagramChannel channel;
    private final AtomicLong skipped = new AtomicLong();

    UdpPublisher(URI url, Map<String, Object> agentOptions) throws IOException {
        this.host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("udp publisher: '" + url
                    + "' needs a host and, optionally, a numeric port: udp://host:4952");
        }
        this.port = url.getPort() == -1 ? DEFAULT_PORT : url.getPort();
        this.secret = secret(agentOptions);
        this.channel = DatagramChannel.open();
    }

    /** The signing secret an agent passes ({@code telemetry_secret}), Ceilometer's default when none. */
    static String secret(Map<String, Object> agentOptions) {
        Object s = agentOptions == null ? null : agentOptions.get("telemetry_secret");
        if (s instanceof char[]) {
            return new String((char[]) s);
        }
        return s == null ? DEFAULT_SECRET : s.toString();
    }

    @Override
    public void publish(List<Sample> samples) throws IOException {
        if (samples.isEmpty()) {
            return;
        }
        IOException lastFailure = null;
        int sent = 0;
        InetSocketAddress target = new InetSocketAddress(host, port);
        if (target.isUnresolved()) {
            throw new IOException("udp publisher: cannot resolve host " + host);
        }
        for (Sample s : samples) {
            byte[] datagram;
            try {
                datagram = MsgPack.pack(MeterMessages.toSignedMessage(s, secret));
            } catch (IllegalArgumentException e) {
                skipped.incrementAndGet();
                LOG.warn("Unable to send sample over UDP: {} cannot be packed: {}", s, e.getMessage());
                continue;
            }
            if (datagram.length > MAX_DATAGRAM) {
                skipped.incrementAndGet();
                LOG.warn("Unable to send sample over UDP: {} takes {} bytes, more than a datagram holds", s,
                        datagram.length);
                continue;
            }
            try {
                channel.send(ByteBuffer.wrap(datagram), target);
                sent++;
            } catch (IOException e) {
                lastFailure = e;
                skipped.incrementAndGet();
                LOG.warn("Unable to send sample over UDP to {}:{}: {}", host, port, e.toString());
            }
        }
        if (sent == 0 && lastFailure != null) {
            throw lastFailure;
        }
    }

    /** Where datagrams go, as {@code host:port}. */
    String destination() {
        return host + ":" + port;
    }

    /** Samples that could not be sent. */
    long skipped() {
        return skipped.get();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("udp publisher: close failed: {}", e.toString());
        }
    }
}
