package org.ceilometer.osgi.simulator.rgw;

/**
 * The usage log of one RGW user in one category, as {@code GET /admin/usage} sums it.
 *
 * @param category {@code get_obj}, {@code put_obj}, {@code list_bucket}, ...
 * @param bytesSent {@code bytes_sent}
 * @param bytesReceived {@code bytes_received}
 * @param ops {@code ops}
 * @param successfulOps {@code successful_ops}
 */
public record SimUsage(String category, long bytesSent, long bytesReceived, long ops, long successfulOps) {}
