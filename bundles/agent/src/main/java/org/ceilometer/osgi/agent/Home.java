package org.ceilometer.osgi.agent;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.osgi.framework.BundleContext;

/** {@code ceilometer.home}: config/, deploy/, data/ and log/ live under it; the working directory by default. */
final class Home {
    static final String PROPERTY = "ceilometer.home";

    private Home() {}

    static Path of(BundleContext context) {
        String h = context == null ? null : context.getProperty(PROPERTY);
        if (h == null || h.isBlank()) {
            h = System.getProperty(PROPERTY);
        }
        if (h == null || h.isBlank()) {
            h = System.getProperty("user.dir");
        }
        return Paths.get(h).toAbsolutePath().normalize();
    }

    /** Creates config/, deploy/, data/ and log/ under the home where missing. */
    static void prepare(Path home) {
        for (String d : new String[] {"config", "deploy", "data", "log"}) {
            try {
                java.nio.file.Files.createDirectories(home.resolve(d));
            } catch (java.io.IOException e) {
                org.slf4j.LoggerFactory.getLogger(Home.class)
                        .warn("agent: cannot create {}: {}", home.resolve(d), e.toString());
            }
        }
    }
}
