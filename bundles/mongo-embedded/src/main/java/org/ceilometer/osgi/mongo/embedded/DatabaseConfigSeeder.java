package org.ceilometer.osgi.mongo.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import org.ceilometer.osgi.api.Namespaces;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Points {@code [database] connection} at the embedded store when nobody configured it: creates the
 * ConfigAdmin configuration {@code ceilometer.database} unless {@code config/ceilometer.database.cfg}
 * exists or a configuration is there already. An existing configuration is never changed, except one
 * this bundle made itself whose port is no longer the server's (a free port chosen anew).
 */
final class DatabaseConfigSeeder {
    /** Marks the configurations this bundle made. */
    static final String MARKER = "ceilometer.embedded_mongodb";
    static final String CFG_FILE = Namespaces.PID_DATABASE + ".cfg";

    enum Outcome {
        CREATED, UPDATED, FILE_EXISTS, CONFIG_EXISTS
    }

    private DatabaseConfigSeeder() {}

    /** Whether an operator's ceilometer.conf has the section (the conf bundle maps it into the PID). */
    static boolean hasSection(Path conf, String section) throws IOException {
        if (!Files.isRegularFile(conf)) {
            return false;
        }
        for (String line : Files.readAllLines(conf, java.nio.charset.StandardCharsets.UTF_8)) {
            if (line.trim().equals("[" + section + "]")) {
                return true;
            }
        }
        return false;
    }

    static Outcome seed(ConfigurationAdmin cm, Path home, String connection) throws IOException {
        if (Files.exists(home.resolve("config").resolve(CFG_FILE))
                || hasSection(home.resolve("config").resolve("ceilometer.conf"), "database")) {
            return Outcome.FILE_EXISTS;
        }
        Configuration[] existing;
        try {
            existing = cm.listConfigurations("(" + Constants.SERVICE_PID + "=" + Namespaces.PID_DATABASE + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (existing != null && existing.length > 0) {
            Configuration c = existing[0];
            Dictionary<String, Object> props = c.getProperties();
            if (props != null && Boolean.parseBoolean(String.valueOf(props.get(MARKER)))
                    && !connection.equals(props.get("connection"))) {
                props.put("connection", connection);
                c.update(props);
                return Outcome.UPDATED;
            }
            return Outcome.CONFIG_EXISTS;
        }
        Configuration c = cm.getConfiguration(Namespaces.PID_DATABASE, "?");
        if (c.getProperties() != null) {
            // made between the listing and now
            return Outcome.CONFIG_EXISTS;
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("connection", connection);
        props.put(MARKER, Boolean.TRUE);
        c.update(props);
        return Outcome.CREATED;
    }
}
