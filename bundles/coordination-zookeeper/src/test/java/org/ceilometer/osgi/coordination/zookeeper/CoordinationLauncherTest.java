package org.ceilometer.osgi.coordination.zookeeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import org.ceilometer.osgi.api.PartitionCoordinator;
import org.junit.jupiter.api.Test;
import org.osgi.service.component.ComponentFactory;
import org.osgi.service.component.ComponentInstance;

class CoordinationLauncherTest {
    private final List<Dictionary<String, ?>> created = new ArrayList<>();
    private int disposed;

    private final ComponentFactory<PartitionCoordinator> factory = properties -> {
        created.add(properties);
        return new ComponentInstance<>() {
            @Override
            public void dispose() {
                disposed++;
            }

            @Override
            public PartitionCoordinator getInstance() {
                return null;
            }
        };
    };

    private static CoordinationConfig config(String url) {
        return new CoordinationConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CoordinationConfig.class;
            }

            @Override
            public String backend__url() {
                return url;
            }

            @Override
            public double heartbeat() {
                return 1.0;
            }

            @Override
            public double session__timeout() {
                return 10.0;
            }
        };
    }

    @Test
    void noBackendUrlMeansNoCoordinator() {
        new CoordinationLauncher(config(""), factory).deactivate();
        new CoordinationLauncher(config("  "), factory).deactivate();
        assertTrue(created.isEmpty());
        assertEquals(0, disposed);
    }

    @Test
    void anotherSchemeOrABadUrlMeansNoCoordinator() {
        new CoordinationLauncher(config("redis://localhost:6379"), factory);
        new CoordinationLauncher(config("zookeeper://host:notaport/x"), factory);
        assertTrue(created.isEmpty());
    }

    @Test
    void aZooKeeperUrlCreatesOneCoordinatorWithoutCredentialsInItsPublicProperties() {
        CoordinationLauncher launcher = new CoordinationLauncher(config("zookeeper://u:secret@zk:2181/c"), factory);
        assertEquals(1, created.size());
        Dictionary<String, ?> properties = created.get(0);
        Settings settings = assertInstanceOf(Settings.class, properties.get(ZooKeeperPartitionCoordinator.SETTINGS_PROPERTY));
        assertEquals("zk:2181", settings.connectString());
        assertTrue(ZooKeeperPartitionCoordinator.SETTINGS_PROPERTY.startsWith("."), "private property");
        for (String name : Collections.list(properties.keys())) {
            if (!name.startsWith(".")) {
                assertFalse(String.valueOf(properties.get(name)).contains("secret"), name);
            }
        }
        assertEquals("zookeeper://zk:2181/c", properties.get("ceilometer.coordination.backend_url"));
        launcher.deactivate();
        assertEquals(1, disposed);
    }

    @Test
    void theDsConstructorReadsTheSettingsAndDoesNotBlock() {
        // Nothing listens on port 1: the coordinator must still come up at once, and say so in its status.
        Settings settings = Settings.of("zookeeper://127.0.0.1:1/c", 1, 2);
        long start = System.nanoTime();
        ZooKeeperPartitionCoordinator coordinator = new ZooKeeperPartitionCoordinator(
                java.util.Map.of(ZooKeeperPartitionCoordinator.SETTINGS_PROPERTY, settings));
        try {
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1000, "activation took " + millis + " ms");
            assertEquals(36, coordinator.memberId().length(), "a uuid");
            assertNull(coordinator.status().get("negotiated_session_timeout_s"));
        } finally {
            coordinator.close();
        }
        assertEquals("closed", coordinator.status().get("state"));
    }
}
