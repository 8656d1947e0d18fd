package org.ceilometer.osgi.api;

import java.net.URI;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A storage backend, chosen by the scheme of {@code [database] connection}. Registered with
 * {@code ceilometer.namespace=ceilometer.metering.storage} and
 * {@code ceilometer.storage.scheme=<scheme>}.
 */
@ConsumerType
public interface StorageDriver {
    /**
     * A connection to the store at {@code url}. Must not block on the network: connect lazily, so that
     * a store that is down never holds up the caller.
     *
     * @param options the other options of {@code [database]} ({@code time_to_live}, ...)
     */
    StorageConnection connect(URI url, Map<String, Object> options) throws Exception;
}
