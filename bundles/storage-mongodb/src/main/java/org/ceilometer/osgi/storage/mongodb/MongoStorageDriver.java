package org.ceilometer.osgi.storage.mongodb;

import java.net.URI;
import java.util.Map;
import org.ceilometer.osgi.api.StorageConnection;
import org.ceilometer.osgi.api.StorageDriver;
import org.ceilometer.osgi.api.annotations.StorageBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The storage driver of scheme {@code mongodb} (the agent also routes {@code mongodb+srv} here). A
 * connection only builds the client, with short timeouts; nothing touches the network until the first
 * write or health check.
 */
@Component(service = StorageDriver.class)
@StorageBackend(storage_scheme = "mongodb")
public final class MongoStorageDriver implements StorageDriver {
    @Override
    public StorageConnection connect(URI url, Map<String, Object> options) {
        if (url == null) {
            throw new IllegalArgumentException("no MongoDB connection URL given");
        }
        return MongoStorageConnection.open(url.toString(), options == null ? Map.of() : options);
    }
}
