package org.ceilometer.osgi.storage.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * mongo-java-server with its memory backend, on a free loopback port: a MongoDB wire-protocol server
 * in the test's own process, because no real MongoDB can be had here. It accepts TTL indexes but never
 * expires documents, and ignores non-unique secondary indexes when querying.
 */
final class InProcessMongoWireServer implements AutoCloseable {
    private final MongoServer server;
    private final int port;

    InProcessMongoWireServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress a = server.getLocalAddress();
        port = a.getPort();
    }

    int port() {
        return port;
    }

    /** The URL of database {@code db} on this server. */
    String url(String db) {
        return "mongodb://127.0.0.1:" + port + "/" + db;
    }

    /** A plain client for the test's own reads and setup. */
    MongoClient client() {
        return MongoClients.create("mongodb://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
