package org.ceilometer.osgi.mongo.embedded;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded store for the demo: mongo-java-server on 127.0.0.1 with its data in
 * {@code ${ceilometer.home}/data/mongodb.mv}, and {@code ceilometer.database} pointed at it when no one
 * configured it. Disabled until {@link DemoGate} enables it. Starts on a thread of its own, so that
 * SCR never waits on the data file.
 */
@Component(name = EmbeddedMongoComponent.NAME, service = {}, immediate = true, enabled = false,
        configurationPid = EmbeddedMongoComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EmbeddedMongoComponent.Config.class)
public final class EmbeddedMongoComponent {
    static final String NAME = "ceilometer.mongo-embedded";
    static final String PID = "ceilometer.embedded_mongodb";
    static final String DATABASE = "ceilometer";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoComponent.class);

    @ObjectClassDefinition(name = "Embedded MongoDB (demo)",
            description = "mongo-java-server on 127.0.0.1, data in ${ceilometer.home}/data/mongodb.mv")
    public @interface Config {
        @AttributeDefinition(description = "Port on 127.0.0.1; 0 picks a free one")
        int port() default 27117;
    }

    private final ExecutorService executor;
    private final Future<?> started;
    private volatile EmbeddedMongo server;

    @Activate
    public EmbeddedMongoComponent(Config config, BundleContext context, @Reference(name = "configAdmin") ConfigurationAdmin configAdmin) {
        Path home = home(context);
        Path dataFile = home.resolve("data").resolve("mongodb.mv");
        int port = config.port();
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ceilometer-mongo-embedded");
            t.setDaemon(true);
            return t;
        });
        started = executor.submit(() -> start(home, dataFile, port, configAdmin));
    }

    static Path home(BundleContext context) {
        String home = context.getProperty("ceilometer.home");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.dir");
        }
        return Paths.get(home).toAbsolutePath();
    }

    private void start(Path home, Path dataFile, int port, ConfigurationAdmin configAdmin) {
        try {
            EmbeddedMongo s = EmbeddedMongo.start(dataFile, port);
            server = s;
            LOG.info("embedded MongoDB (mongo-java-server, H2) listening on {}:{}, data in {}", EmbeddedMongo.HOST,
                    s.port(), dataFile);
            DatabaseConfigSeeder.Outcome outcome = DatabaseConfigSeeder.seed(configAdmin, home, s.url(DATABASE));
            switch (outcome) {
                case CREATED:
                case UPDATED:
                    LOG.info("embedded MongoDB: [database] connection set to {}", s.url(DATABASE));
                    break;
                case FILE_EXISTS:
                    LOG.info("embedded MongoDB: config/{} exists and decides the storage", DatabaseConfigSeeder.CFG_FILE);
                    break;
                default:
                    LOG.info("embedded MongoDB: ceilometer.database is configured already, left as it is");
            }
        } catch (Exception e) {
            LOG.error("embedded MongoDB did not start: {}", e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdown();
        try {
            // the start must be over before the server can be stopped
            started.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("embedded MongoDB: start did not finish", e);
        }
        executor.shutdownNow();
        EmbeddedMongo s = server;
        server = null;
        if (s != null) {
            s.close();
            LOG.info("embedded MongoDB stopped");
        }
    }
}
