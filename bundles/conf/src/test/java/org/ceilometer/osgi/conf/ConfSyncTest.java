package org.ceilometer.osgi.conf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfSyncTest {
    @TempDir
    Path home;
    Path config;
    Path file;
    FakeConfigAdmin cm;
    ConfSync sync;
    long mtime = 1_700_000_000_000L;

    @BeforeEach
    void setUp() throws Exception {
        config = Files.createDirectories(home.resolve("config"));
        file = config.resolve("ceilometer.conf");
        cm = new FakeConfigAdmin();
        sync = new ConfSync(cm, file, config, List.of(config), OptionCatalog.standard(), Map::of,
                Map.of("host", "node-7")::get, Clock.systemUTC());
    }

    /** Writes the file with a modification time of its own, so that every edit is seen. */
    private void write(String text) throws Exception {
        Files.writeString(file, text);
        mtime += 1000;
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
    }

    private static final String CONF = "[service_credentials]\nos_username = ceilometer\nos_password = pw\n"
            + "[database]\nconnection = mongodb://u:p@h/c\n[polling]\npollsters_definitions_dirs = /a\n"
            + "pollsters_definitions_dirs = /b\n[DEFAULT]\nmystery = 1\n";

    @Test
    void createsItsOwnConfigurationsMarkedAsItsOwn() throws Exception {
        write(CONF);
        sync.check();
        Dictionary<String, Object> sc = cm.props("ceilometer.service_credentials");
        assertEquals("ceilometer", sc.get("username"));
        assertEquals("pw", sc.get("password"));
        assertEquals(file.toString(), sc.get(ConfSync.MARKER));
        assertEquals("mongodb://u:p@h/c", cm.props("ceilometer.database").get("connection"));
        assertArrayEquals(new String[] {"/a", "/b"},
                (String[]) cm.props("ceilometer.polling").get("pollsters_definitions_dirs"));
        assertEquals("1", cm.props("ceilometer.default").get("mystery"));
        assertEquals(4, cm.writes.get());
        ConfSync.Snapshot s = sync.snapshot();
        assertTrue(s.exists());
        assertNull(s.error());
        assertTrue(s.pids().values().stream().allMatch(ConfSync.PidState::applied));
    }

    @Test
    void nothingIsWrittenAgainWhenNothingChanged() throws Exception {
        write(CONF);
        sync.check();
        int writes = cm.writes.get();
        sync.check();
        sync.markDirty();
        sync.check();
        assertEquals(writes, cm.writes.get(), "arrays compared by content, ConfigAdmin's keys aside");
    }

    @Test
    void anEditUpdatesTheConfigurationsItChangesOnly() throws Exception {
        write(CONF);
        sync.check();
        int writes = cm.writes.get();
        write(CONF.replace("mongodb://u:p@h/c", "mongodb://u:p@h2/c"));
        sync.check();
        assertEquals(writes + 1, cm.writes.get());
        assertEquals("mongodb://u:p@h2/c", cm.props("ceilometer.database").get("connection"));
    }

    @Test
    void aSectionThatGoesTakesItsConfigurationAlongAndAFileThatGoesTakesThemAll() throws Exception {
        cm.put("ceilometer.other", Map.of("x", "1"));
        write(CONF);
        sync.check();
        write(CONF.replace("[database]\nconnection = mongodb://u:p@h/c\n", ""));
        sync.check();
        assertNull(cm.props("ceilometer.database"));
        assertNotNull(cm.props("ceilometer.service_credentials"));

        Files.delete(file);
        sync.check();
        assertNull(cm.props("ceilometer.service_credentials"));
        assertNull(cm.props("ceilometer.polling"));
        assertNull(cm.props("ceilometer.default"));
        assertEquals("1", cm.props("ceilometer.other").get("x"), "not ours: left alone");
        assertFalse(sync.snapshot().exists());
    }

    @Test
    void aConfigurationOfFileInstallIsNeverTouchedAndWins() throws Exception {
        Path cfg = Files.writeString(config.resolve("ceilometer.database.cfg"), "connection = log://\n");
        cm.put("ceilometer.database", Map.of("connection", "log://", ConfSync.FILEINSTALL_FILENAME,
                cfg.toUri().toString()));
        cm.put("ceilometer.polling", Map.of("batch_size", "7")); // made in the shell, say
        int writes = cm.writes.get();
        write(CONF);
        sync.check();
        assertEquals("log://", cm.props("ceilometer.database").get("connection"));
        assertNull(cm.props("ceilometer.database").get(ConfSync.MARKER));
        assertEquals("7", cm.props("ceilometer.polling").get("batch_size"));
        assertNull(cm.props("ceilometer.polling").get("pollsters_definitions_dirs"));
        assertEquals(writes + 2, cm.writes.get(), "service_credentials and default only");
        ConfSync.PidState db = sync.snapshot().pids().get("ceilometer.database");
        assertFalse(db.applied());
        assertEquals(cfg.toUri().toString(), db.owner());
        assertEquals("ConfigAdmin", sync.snapshot().pids().get("ceilometer.polling").owner());

        Files.delete(file);
        sync.check();
        assertEquals("log://", cm.props("ceilometer.database").get("connection"), "not deleted: not ours");
        assertEquals("7", cm.props("ceilometer.polling").get("batch_size"));
    }

    @Test
    void aCfgFileFileInstallHasNotReadYetWinsToo() throws Exception {
        Files.writeString(config.resolve("ceilometer.database.cfg"), "connection = log://\n");
        write(CONF);
        sync.check();
        assertNull(cm.props("ceilometer.database"), "FileInstall will create it from its file");
        assertFalse(sync.snapshot().pids().get("ceilometer.database").applied());
    }

    @Test
    void whenFileInstallTakesAPidOverAndLetsItGoCeilometerConfComesBack() throws Exception {
        write(CONF);
        sync.check();
        // FileInstall reads config/ceilometer.database.cfg: it updates the same PID with its own properties
        Path cfg = Files.writeString(config.resolve("ceilometer.database.cfg"), "connection = log://\n");
        cm.configs.get("ceilometer.database").update(new java.util.Hashtable<>(Map.of("connection", "log://",
                ConfSync.FILEINSTALL_FILENAME, cfg.toUri().toString())));
        sync.markDirty();
        sync.check();
        assertEquals("log://", cm.props("ceilometer.database").get("connection"));
        assertFalse(sync.snapshot().pids().get("ceilometer.database").applied());

        // the .cfg is deleted: FileInstall deletes its configuration, ConfigAdmin tells us
        Files.delete(cfg);
        cm.configs.get("ceilometer.database").delete();
        sync.markDirty();
        sync.check();
        assertEquals("mongodb://u:p@h/c", cm.props("ceilometer.database").get("connection"));
        assertTrue(sync.snapshot().pids().get("ceilometer.database").applied());
    }

    @Test
    void aBrokenFileChangesNothingUntilItIsMended() throws Exception {
        write(CONF);
        sync.check();
        int writes = cm.writes.get();
        write(CONF + "this line has no equals sign\n");
        sync.check();
        assertEquals(writes, cm.writes.get());
        assertEquals(0, cm.deletes.get());
        assertEquals("pw", cm.props("ceilometer.service_credentials").get("password"));
        String error = sync.snapshot().error();
        assertEquals("line 11: no ':' or '=' found in assignment", error);
        sync.markDirty();
        sync.check();
        assertEquals(error, sync.snapshot().error(), "still broken");

        write(CONF.replace("os_password = pw", "os_password = pw2"));
        sync.check();
        assertNull(sync.snapshot().error());
        assertEquals("pw2", cm.props("ceilometer.service_credentials").get("password"));
    }

    @Test
    void unknownOptionsAreListedOnceWithTheirSectionAndLine() throws Exception {
        write(CONF + "[polling]\nbatch_sise = 10\n");
        sync.check();
        write(CONF + "[polling]\nbatch_sise = 11\n");
        sync.check();
        write(CONF + "\n\n[polling]\nbatch_sise = 11\nother_typo = 1\n");
        sync.check();
        List<String> w = sync.warnings();
        assertEquals(List.of(
                "2 option(s) unknown to Ceilometer and to this agent, copied as they are: [DEFAULT] mystery (line 10), "
                        + "[polling] batch_sise (line 12)",
                "1 option(s) unknown to Ceilometer and to this agent, copied as they are: [polling] other_typo "
                        + "(line 15)"), w);
        assertEquals("11", cm.props("ceilometer.polling").get("batch_sise"), "copied, and never a reason to stop");
    }

    @Test
    void noFileNoConfigurations() throws Exception {
        sync.check();
        assertEquals(0, cm.writes.get());
        assertFalse(sync.snapshot().exists());
        assertTrue(sync.snapshot().pids().isEmpty());
    }
}
