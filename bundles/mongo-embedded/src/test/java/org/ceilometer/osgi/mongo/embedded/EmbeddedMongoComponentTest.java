package org.ceilometer.osgi.mongo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentContext;

/** The DS components, driven by hand with mocked framework services. */
class EmbeddedMongoComponentTest {
    @TempDir
    Path home;

    private static EmbeddedMongoComponent.Config port(int port) {
        return new EmbeddedMongoComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EmbeddedMongoComponent.Config.class;
            }

            @Override
            public int port() {
                return port;
            }
        };
    }

    @Test
    void startsOnLoopbackPointsTheDatabaseAtItAndStops() throws Exception {
        BundleContext bc = mock(BundleContext.class);
        when(bc.getProperty("ceilometer.home")).thenReturn(home.toString());
        ConfigurationAdmin cm = mock(ConfigurationAdmin.class);
        Configuration database = mock(Configuration.class);
        when(cm.getConfiguration("ceilometer.database", "?")).thenReturn(database);

        EmbeddedMongoComponent component = new EmbeddedMongoComponent(port(0), bc, cm);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Dictionary<String, ?>> props = ArgumentCaptor.forClass(Dictionary.class);
        verify(database, timeout(10_000)).update(props.capture());
        URI url = URI.create((String) props.getValue().get("connection"));
        assertEquals("127.0.0.1", url.getHost());
        assertEquals("/ceilometer", url.getPath());
        assertTrue(Files.exists(home.resolve("data").resolve("mongodb.mv")));

        try (MongoClient c = MongoClients.create(url + "?serverSelectionTimeoutMS=2000")) {
            c.getDatabase("ceilometer").getCollection("meter").insertOne(new Document("counter_name", "image"));
            assertEquals(1, c.getDatabase("ceilometer").getCollection("meter").countDocuments());
            component.deactivate();
            assertThrows(MongoException.class,
                    () -> c.getDatabase("ceilometer").getCollection("meter").countDocuments());
        }
    }

    @Test
    void gateEnablesTheServerOnlyInTheDemo() {
        for (String value : new String[] {"true", "false", null}) {
            ComponentContext ctx = mock(ComponentContext.class);
            BundleContext bc = mock(BundleContext.class);
            when(ctx.getBundleContext()).thenReturn(bc);
            when(bc.getProperty("ceilometer.demo")).thenReturn(value);
            new DemoGate(ctx);
            if ("true".equals(value)) {
                verify(ctx).enableComponent(EmbeddedMongoComponent.NAME);
            } else {
                verify(ctx, never()).enableComponent(anyString());
            }
        }
    }

    @Test
    void homeDefaultsToTheWorkingDirectory() {
        BundleContext bc = mock(BundleContext.class);
        assertEquals(Path.of(System.getProperty("user.dir")).toAbsolutePath(), EmbeddedMongoComponent.home(bc));
        when(bc.getProperty("ceilometer.home")).thenReturn(home.toString());
        assertEquals(home.toAbsolutePath(), EmbeddedMongoComponent.home(bc));
    }
}
