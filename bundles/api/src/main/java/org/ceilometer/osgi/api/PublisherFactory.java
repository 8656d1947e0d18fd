package org.ceilometer.osgi.api;

import java.net.URI;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes publishers for the URLs of one scheme ({@code udp}, {@code file}, {@code http}, ...).
 * Registered with {@code ceilometer.namespace=ceilometer.publisher} and
 * {@code ceilometer.publisher.scheme=<scheme>}.
 */
@ConsumerType
public interface PublisherFactory {
    /**
     * @param url the publisher URL of the sink, with its query options
     * @param agentOptions agent-wide settings a publisher may need ({@code telemetry_secret}, the data
     *     directory, ...)
     * @throws IllegalArgumentException naming the option that is wrong
     */
    Publisher create(URI url, Map<String, Object> agentOptions) throws Exception;
}
