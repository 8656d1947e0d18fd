package org.ceilometer.osgi.mongo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class DatabaseConfigSeederTest {
    private static final String URL = "mongodb://127.0.0.1:27117/ceilometer";

    @TempDir
    Path home;

    @Test
    void createsTheConfigurationWhenThereIsNone() throws Exception {
        ConfigurationAdmin cm = mock(ConfigurationAdmin.class);
        Configuration c = mock(Configuration.class);
        when(cm.getConfiguration("ceilometer.database", "?")).thenReturn(c);
        assertEquals(DatabaseConfigSeeder.Outcome.CREATED, DatabaseConfigSeeder.seed(cm, home, URL));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Dictionary<String, ?>> props = ArgumentCaptor.forClass(Dictionary.class);
        verify(c).update(props.capture());
        assertEquals(URL, props.getValue().get("connection"));
        assertEquals(Boolean.TRUE, props.getValue().get(DatabaseConfigSeeder.MARKER));
    }

    @Test
    void aConfigFileWins() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config").resolve("ceilometer.database.cfg"), "connection=log://\n");
        ConfigurationAdmin cm = mock(ConfigurationAdmin.class);
        assertEquals(DatabaseConfigSeeder.Outcome.FILE_EXISTS, DatabaseConfigSeeder.seed(cm, home, URL));
        verify(cm, never()).getConfiguration(anyString(), any());
        verify(cm, never()).listConfigurations(any());
    }

    @Test
    void anOperatorsCeilometerConfWithADatabaseSectionWins() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config").resolve("ceilometer.conf"),
                "[DEFAULT]\ndebug = false\n\n[database]\nconnection = mongodb://db/ceilometer\n");
        ConfigurationAdmin cm = mock(ConfigurationAdmin.class);
        assertEquals(DatabaseConfigSeeder.Outcome.FILE_EXISTS, DatabaseConfigSeeder.seed(cm, home, URL));
        verifyNoInteractions(cm);
        Files.writeString(home.resolve("config").resolve("ceilometer.conf"), "[DEFAULT]\ndebug = false\n");
        assertEquals(false, DatabaseConfigSeeder.hasSection(home.resolve("config").resolve("ceilometer.conf"),
                "database"));
    }

    @Test
    void anExistingConfigurationIsNeverOverwritten() throws Exception {
        ConfigurationAdmin cm = mock(ConfigurationAdmin.class);
        Configuration c = mock(Configuration.class);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("connection", "mongodb://db.example:27017/ceilometer");
        when(c.getProperties()).thenReturn(props);
        when(cm.listConfigurations("(service.pid=ceilometer.database)")).thenReturn(new Configuration[] {c});
        assertEquals(DatabaseConfigSeeder.Outcome.CONFIG_EXISTS, DatabaseConfigSeeder.seed(cm, home, URL));
        verify(c, never()).update(any());
        verify(cm, never()).getConfiguration(anyString(), any());
    }

    @Test
    void itsOwnConfigurationFollowsANewPort() throws Exception {
        ConfigurationAdmin cm = mock(ConfigurationAdmin.class);
        Configuration c = mock(Configuration.class);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("connection", "mongodb://127.0.0.1:40000/ceilometer");
        props.put(DatabaseConfigSeeder.MARKER, Boolean.TRUE);
        when(c.getProperties()).thenReturn(props);
        when(cm.listConfigurations("(service.pid=ceilometer.database)")).thenReturn(new Configuration[] {c});
        assertEquals(DatabaseConfigSeeder.Outcome.UPDATED, DatabaseConfigSeeder.seed(cm, home, URL));
        verify(c).update(props);
        assertEquals(URL, props.get("connection"));

        // the same port again: nothing to do
        assertEquals(DatabaseConfigSeeder.Outcome.CONFIG_EXISTS, DatabaseConfigSeeder.seed(cm, home, URL));
    }
}
