package org.ceilometer.osgi.storage.mongodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {
    @Test
    void shortTimeoutsUnlessTheUrlSetsThem() {
        MongoClientSettings s = MongoStorageConnection.settings(new ConnectionString("mongodb://h:27017/db"), null);
        assertEquals(3000, s.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS));
        assertEquals(3000, s.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS));
        assertEquals(30000, s.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS));
        assertEquals("ceilometer-osgi", s.getApplicationName());

        MongoClientSettings u = MongoStorageConnection.settings(new ConnectionString(
                "mongodb://h:27017/db?serverSelectionTimeoutMS=500&connectTimeoutMS=700&socketTimeoutMS=900"), null);
        assertEquals(500, u.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS));
        assertEquals(700, u.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS));
        assertEquals(900, u.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS));
    }

    @Test
    void databaseComesFromThePathOrIsCeilometer() {
        try (MongoStorageConnection c = MongoStorageConnection.open("mongodb://127.0.0.1:1/metering", Map.of())) {
            assertEquals("metering", c.databaseName());
        }
        try (MongoStorageConnection c = MongoStorageConnection.open("mongodb://127.0.0.1:1", Map.of())) {
            assertEquals("ceilometer", c.databaseName());
        }
        try (MongoStorageConnection c = MongoStorageConnection.open("mongodb://127.0.0.1:1/?w=1", Map.of())) {
            assertEquals("ceilometer", c.databaseName());
        }
    }

    @Test
    void timeToLiveFromOptions() {
        assertEquals(-1, MongoStorageConnection.timeToLive(Map.of()));
        assertEquals(3600, MongoStorageConnection.timeToLive(Map.of("time_to_live", 3600L)));
        assertEquals(60, MongoStorageConnection.timeToLive(Map.of("time_to_live", 60)));
        assertEquals(86400, MongoStorageConnection.timeToLive(Map.of("time_to_live", " 86400 ")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MongoStorageConnection.timeToLive(Map.of("time_to_live", "1d")));
        assertEquals("time_to_live must be a whole number of seconds, not '1d'", e.getMessage());
    }

    @Test
    void invalidUrlIsRefusedWithoutThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MongoStorageConnection.open("mongodb://user:pw@h:27017/db?unknownThing=&w=bad&wtimeoutMS=x", Map.of()));
        assertFalse(e.getMessage().contains(":pw@"), e.getMessage());
    }

    @Test
    void urlsAreMasked() {
        assertEquals("mongodb://ceilometer:***@db1:27017,db2:27017/ceilometer?replicaSet=rs0",
                Urls.mask("mongodb://ceilometer:pa:ss@db1:27017,db2:27017/ceilometer?replicaSet=rs0"));
        assertEquals("mongodb://h/db?authMechanism=MONGODB-AWS&authMechanismProperties=***&x=1",
                Urls.mask("mongodb://h/db?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:t0k&x=1"));
        assertEquals("mongodb://h:27017/db", Urls.mask("mongodb://h:27017/db"));
        assertEquals("mongodb://user@h/db", Urls.mask("mongodb://user@h/db"));
        assertEquals("failed on mongodb://u:***@h/x", Urls.maskText("failed on mongodb://u:pw@h/x"));
    }
}
