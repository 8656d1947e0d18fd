package org.ceilometer.osgi.mongo.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import org.h2.util.JdbcUtils;
import org.h2.util.Utils;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server on 127.0.0.1 with its H2 backend, which keeps every database in one MVStore file.
 * Not for production: no authentication, no TTL expiry, secondary indexes are not used for queries.
 */
final class EmbeddedMongo implements AutoCloseable {
    static final String HOST = "127.0.0.1";

    /**
     * H2 reads the Java-serialized values of the data file (mongo-java-server's ObjectId, ...) with its
     * own class loader, which cannot see the classes this bundle carries. This lends it ours, for
     * mongo-java-server's classes only, while a server is open.
     */
    private static final Utils.ClassFactory CLASSES = new Utils.ClassFactory() {
        @Override
        public boolean match(String name) {
            return name.startsWith("de.bwaldvogel.mongo.");
        }

        @Override
        public Class<?> loadClass(String name) throws ClassNotFoundException {
            return EmbeddedMongo.class.getClassLoader().loadClass(name);
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
        JdbcUtils.addClassFactory(CLASSES);
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
            JdbcUtils.removeClassFactory(CLASSES);
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
            JdbcUtils.removeClassFactory(CLASSES);
        }
    }
}
