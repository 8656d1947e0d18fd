package org.ceilometer.osgi.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One central agent: {@code java -jar ceilometer-central.jar} as its own process, with its own
 * {@code ceilometer.home} (configuration written by the test) and a loopback telnet shell on a port of
 * its own. Standard output and error go to {@code <home>/log/agent.out}.
 */
final class AgentProcess implements AutoCloseable {
    private static final Duration SHELL_TIMEOUT = Duration.ofSeconds(60);

    final String name;
    private final Path jar;
    private final Path home;
    private final Map<String, Map<String, String>> configs;
    private final String pollingYaml;
    private Process process;
    private int telnetPort;
    private GogoShell shell;
    private int starts;

    /**
     * @param configs per PID (file {@code config/<pid>.cfg}), its properties
     * @param pollingYaml the content of {@code config/polling.yaml}
     */
    AgentProcess(String name, Path jar, Path home, Map<String, Map<String, String>> configs, String pollingYaml) {
        this.name = name;
        this.jar = jar;
        this.home = home;
        this.configs = configs;
        this.pollingYaml = pollingYaml;
    }

    /** Writes the configuration (with a new telnet port) and starts the process; does not wait. */
    void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        Path config = Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("log"));
        telnetPort = Ports.free();
        Map<String, Map<String, String>> all = new TreeMap<>(configs);
        all.put("ceilometer.shell", Map.of("telnet_port", Integer.toString(telnetPort)));
        for (Map.Entry<String, Map<String, String>> e : all.entrySet()) {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(e.getValue()).forEach((k, v) -> sb.append(k).append(" = ").append(escape(v)).append('\n'));
            write(config.resolve(e.getKey() + ".cfg"), sb.toString());
        }
        write(config.resolve("polling.yaml"), pollingYaml);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java,
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Dceilometer.home=" + home.toAbsolutePath(),
                "-Dgosh.args=--nointeractive --noshutdown",
                "-jar", jar.toAbsolutePath().toString()));
        pb.directory(home.toFile()); // felix-cache goes there
        pb.redirectErrorStream(true);
        Path log = log();
        Files.writeString(log, "==== start " + (++starts) + " of agent " + name + " (telnet " + telnetPort + ")\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        Processes.destroyOnExit(process);
    }

    /** FileInstall reads a whole file or none: write it next to its place, then move it in. */
    private static void write(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A value of a {@code .cfg} file (java.util.Properties syntax). */
    private static String escape(String v) {
        return v.replace("\\", "\\\\");
    }

    Path log() {
        return home.resolve("log").resolve("agent.out");
    }

    String logTail() {
        return Processes.tail(log(), 30);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /**
     * Runs a shell command; connects first when needed (the telnet shell opens a little after start-up).
     *
     * @throws IOException when the shell cannot be reached or does not answer in time
     */
    synchronized String shell(String command) throws IOException {
        if (!isAlive()) {
            throw new IOException("agent " + name + " is not running");
        }
        if (shell == null) {
            shell = GogoShell.connect(telnetPort, SHELL_TIMEOUT);
        }
        try {
            return shell.execute(command, SHELL_TIMEOUT);
        } catch (IOException e) {
            closeShell();
            throw e;
        }
    }

    /** Like {@link #shell}, but null while the shell cannot be reached (for polling during start-up). */
    String shellOrNull(String command) {
        try {
            return shell(command);
        } catch (IOException e) {
            return null;
        }
    }

    private synchronized void closeShell() {
        if (shell != null) {
            try {
                shell.close();
            } catch (IOException e) {
                // closing anyway
            }
            shell = null;
        }
    }

    /** SIGKILL: the agent gets no chance to say goodbye to ZooKeeper. Waits until the process is gone. */
    void kill() throws InterruptedException {
        closeShell();
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                throw new IllegalStateException("agent " + name + " (pid " + process.pid() + ") did not end");
            }
        }
    }

    /** SIGTERM (the runtime's shutdown hook stops the framework), then SIGKILL after a grace period. */
    @Override
    public void close() throws InterruptedException {
        closeShell();
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public String toString() {
        return "agent " + name + (process == null ? "" : " (pid " + process.pid() + ")");
    }
}
