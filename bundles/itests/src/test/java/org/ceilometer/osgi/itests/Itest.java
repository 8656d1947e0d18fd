package org.ceilometer.osgi.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** What the in-framework tests share: the shell, ConfigAdmin, the polling file and waiting. */
final class Itest {
    private Itest() {}

    static BundleContext context() {
        return FrameworkUtil.getBundle(Itest.class).getBundleContext();
    }

    static <T> T service(Class<T> type) {
        BundleContext ctx = context();
        ServiceReference<T> ref = ctx.getServiceReference(type);
        if (ref == null) {
            throw new AssertionError("no " + type.getName() + " service");
        }
        return ctx.getService(ref);
    }

    /** Runs a Gogo command and returns what it printed and returned. */
    static String shell(String command) throws Exception {
        CommandProcessor processor = service(CommandProcessor.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), ps, ps);
        try {
            Object result = session.execute(command);
            if (result != null) {
                ps.println(result);
            }
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Path home() {
        return Paths.get(context().getProperty("ceilometer.home"));
    }

    static void writePolling(String yaml) throws IOException {
        Path dir = home().resolve("config");
        Files.createDirectories(dir);
        Path tmp = dir.resolve("polling.yaml.tmp");
        Files.writeString(tmp, yaml);
        Files.move(tmp, dir.resolve("polling.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static void configure(String pid, Map<String, Object> values) throws IOException {
        ConfigurationAdmin ca = service(ConfigurationAdmin.class);
        Configuration c = ca.getConfiguration(pid, "?");
        Dictionary<String, Object> d = new Hashtable<>(values);
        c.update(d);
    }

    static void await(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + millis + " ms waiting for: " + what);
            }
            synchronized (Itest.class) {
                Itest.class.wait(50);
            }
        }
    }

    interface Check {
        boolean test() throws Exception;
    }

    /** Waits until the check holds; a check that throws counts as not yet. */
    static void awaitShell(String what, long millis, Check check) throws InterruptedException {
        await(what, millis, () -> {
            try {
                return check.test();
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** The value of one line of {@code ceilometer:status}. */
    static String status(String key) throws Exception {
        for (String line : shell("ceilometer:status").split("\n")) {
            if (line.startsWith(key + ":")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        return null;
    }
}
