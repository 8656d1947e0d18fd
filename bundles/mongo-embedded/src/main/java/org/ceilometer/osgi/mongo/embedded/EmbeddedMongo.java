package org.ceilometer.osgi.mongo.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import org.h2.api.JavaObjectSerializer;
import org.h2.util.JdbcUtils;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server on 127.0.0.1 with its H2 backend, which keeps every database in one MVStore file.
 * Not for production: no authentication, no TTL expiry, secondary indexes are not used for queries.
 */
final class EmbeddedMongo implements AutoCloseable {
    static final String HOST = "127.0.0.1";

    /**
     * H2 reads the Java-serialized values of the data file (mongo-java-server's ObjectId, ...) with an
     * ObjectInputStream of its own bundle, whose class loader cannot see the classes this bundle carries.
     * While a server is open, H2 uses this serializer instead: the same Java serialization, resolving
     * classes through this bundle first.
     */
    private static final JavaObjectSerializer SERIALIZER = new JavaObjectSerializer() {
        @Override
        public byte[] serialize(Object obj) throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(obj);
            }
            return bytes.toByteArray();
        }

        @Override
        public Object deserialize(byte[] data) throws Exception {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data)) {
                @Override
                protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                    try {
                        return Class.forName(desc.getName(), false, EmbeddedMongo.class.getClassLoader());
                    } catch (ClassNotFoundException e) {
                        return super.resolveClass(desc);
                    }
                }
            }) {
                return in.readObject();
            }
        }
    };

    private final MongoServer server;
    private final Path dataFile;
    private final int port;

    private EmbeddedMongo(MongoServer server, Path dataFile, int port) {
        this.server = server;
        this.dataFile = dataFile;
        this.port = port;
    }

    /**
     * Opens (or creates) the data file and listens on {@code port} of 127.0.0.1 (0 for a free port).
     *
     * @throws IOException when the data folder cannot be made
     * @throws RuntimeException when the file is locked by another process or the port is taken
     */
    static EmbeddedMongo start(Path dataFile, int port) throws IOException {
        Path parent = dataFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JdbcUtils.serializer = SERIALIZER;
        H2Backend backend = new H2Backend(dataFile.toAbsolutePath().toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(HOST, port);
        } catch (Exception e) {
            // netty throws BindException unchecked, past MongoServer's own clean-up: stop the event
            // loops and release the data file here
            try {
                server.shutdownNow();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            JdbcUtils.serializer = null;
            throw new IllegalStateException("cannot listen on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
        return new EmbeddedMongo(server, dataFile, server.getLocalAddress().getPort());
    }

    int port() {
        return port;
    }

    Path dataFile() {
        return dataFile;
    }

    /** The URL of {@code database} on this server. */
    String url(String database) {
        return "mongodb://" + HOST + ":" + port + "/" + database;
    }

    /** Closes the clients, stops listening and writes the data file out. */
    @Override
    public void close() {
        try {
            server.shutdownNow();
        } finally {
            JdbcUtils.serializer = null;
        }
    }
}
