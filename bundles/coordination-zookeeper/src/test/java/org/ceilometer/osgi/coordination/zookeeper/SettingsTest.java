package org.ceilometer.osgi.coordination.zookeeper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {
    @Test
    void parsesHostsChrootAndTimes() {
        Settings s = Settings.of("zookeeper://zk1:2181,zk2:2182,zk3/ceilometer/central", 1.0, 10.0);
        assertEquals("zk1:2181,zk2:2182,zk3:2181", s.connectString());
        assertEquals("ceilometer/central", s.namespace());
        assertEquals("zookeeper://zk1:2181,zk2:2182,zk3:2181/ceilometer/central", s.redactedUrl());
        assertEquals(1000, s.heartbeatMillis());
        assertEquals(10_000, s.sessionTimeoutMillis());
        assertEquals(10_000, s.connectionTimeoutMillis());
        assertNull(s.digestAuth());
    }

    @Test
    void defaultsTheChrootAndAcceptsKazoo() {
        Settings s = Settings.of("kazoo://127.0.0.1:2181", 0.5, 4);
        assertEquals("ceilometer", s.namespace());
        assertEquals(500, s.heartbeatMillis());
        assertEquals("kazoo://127.0.0.1:2181/ceilometer", s.redactedUrl());
        assertEquals("ceilometer", Settings.of("zookeeper://h:1/", 1, 10).namespace());
    }

    @Test
    void credentialsAreUsedButNeverShown() {
        Settings s = Settings.of("zookeeper://agent:s%40cret@zk1:2181/c?timeout=5", 1, 60);
        assertArrayEquals("agent:s@cret".getBytes(StandardCharsets.UTF_8), s.digestAuth());
        assertEquals("zookeeper://zk1:2181/c", s.redactedUrl());
        assertFalse(s.toString().contains("cret"));
        assertEquals(15_000, s.connectionTimeoutMillis(), "capped at 15 s");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.of("zookeeper://agent:s3cret@zk1:99999/c", 1, 10));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "zk1:2181", "redis://localhost:6379", "zookeeper://", "zookeeper://a:b/c",
        "zookeeper://h:1,,h:2/c", "zookeeper://h:1/a/../b", "zookeeper://user@h:1/c"})
    void rejectsWhatIsNotAZooKeeperUrl(String url) {
        assertThrows(IllegalArgumentException.class, () -> Settings.of(url, 1, 10));
    }

    @Test
    void rejectsTimesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Settings.of("zookeeper://h:1/c", 0, 10));
        assertThrows(IllegalArgumentException.class, () -> Settings.of("zookeeper://h:1/c", Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> Settings.of("zookeeper://h:1/c", 1, 0.5));
    }

    @Test
    void groupNodeNamesEscapeWhatZooKeeperForbids() {
        assertEquals("central-global", ZooKeeperPartitionCoordinator.nodeName("central-global"));
        assertEquals("central-compute%2Fhost%201", ZooKeeperPartitionCoordinator.nodeName("central-compute/host 1"));
        assertEquals("%2E%2E", ZooKeeperPartitionCoordinator.nodeName(".."));
        assertEquals("a%25b%C3%A9", ZooKeeperPartitionCoordinator.nodeName("a%bé"));
        assertThrows(IllegalArgumentException.class, () -> ZooKeeperPartitionCoordinator.nodeName(""));
    }
}
