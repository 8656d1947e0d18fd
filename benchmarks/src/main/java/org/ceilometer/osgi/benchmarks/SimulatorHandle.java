package org.ceilometer.osgi.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@link SimulatorProcess} started by the benchmark: its address, credentials, requests and CPU time. */
final class SimulatorHandle implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    final String baseUrl;
    final String authUrl;
    private final Map<String, Object> credentials = new LinkedHashMap<>();

    private SimulatorHandle(Process process, Path log) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String line = out.readLine();
        while (line != null && !line.startsWith("READY\t")) {
            line = out.readLine(); // what the JVM itself prints first (a flight recording starting, say)
        }
        if (line == null) {
            throw new IOException("the simulator did not start; see " + log);
        }
        String[] f = SimulatorProcess.ready(line);
        this.baseUrl = f[1];
        this.authUrl = f[2];
        credentials.put("auth_url", f[2]);
        credentials.put("username", f[3]);
        credentials.put("password", f[4]);
        credentials.put("project_name", f[5]);
        credentials.put("user_domain_name", f[6]);
        credentials.put("project_domain_name", f[7]);
    }

    /**
     * Starts a simulator JVM on the benchmark's own class path.
     *
     * @param jvmOptions more options of its JVM, space-separated, or null
     * @param log where its standard error goes
     */
    static SimulatorHandle start(Map<String, Integer> options, String heap, String jvmOptions, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        if (jvmOptions != null && !jvmOptions.isBlank()) {
            cmd.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SimulatorProcess.class.getName());
        cmd.addAll(List.of(SimulatorProcess.arguments(options)));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new SimulatorHandle(pb.start(), log);
    }

    /** The {@code [service_credentials]} options of its admin account. */
    Map<String, Object> credentials() {
        return new LinkedHashMap<>(credentials);
    }

    /** Requests it served so far. */
    synchronized long requests() throws IOException {
        in.println("requests");
        String line = out.readLine();
        if (line == null) {
            throw new IOException("the simulator exited");
        }
        return Long.parseLong(line.trim());
    }

    /** Its process CPU time so far, in seconds; NaN when the platform does not tell. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    @Override
    public void close() {
        try {
            in.println("quit");
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
