package org.ceilometer.osgi.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Helpers for the processes the tests start. */
final class Processes {
    private Processes() {}

    /** Kills the process if the test JVM ends first, so that no process outlives the tests. */
    static void destroyOnExit(Process p) {
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "destroy-" + p.pid()));
    }

    /** The last lines of a log file, for failure messages. */
    static String tail(Path file, int lines) {
        try {
            List<String> all = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ": " + e + ")";
        }
    }
}
