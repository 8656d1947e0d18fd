package org.ceilometer.osgi.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.ceilometer.osgi.simulator.Simulator;

/**
 * The simulator in a JVM of its own, so that the benchmark's CPU time and heap are the agent's only.
 * Arguments are {@code option=value} pairs naming {@link Simulator.Builder} methods of one number
 * ({@code images=100000 projects=2000}). It prints its address and credentials on standard output, then
 * answers commands read from standard input, one a line: {@code requests} (requests served so far),
 * {@code quit}. End of input stops it too.
 */
public final class SimulatorProcess {
    private SimulatorProcess() {}

    public static void main(String[] args) throws Exception {
        Simulator.Builder b = Simulator.builder();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("not option=value: " + a);
            }
            option(b, a.substring(0, eq), a.substring(eq + 1));
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Simulator sim = b.start();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            // one line of tab-separated fields; read by SimulatorHandle, never logged
            out.println("READY\t" + sim.baseUrl() + "\t" + sim.authUrl() + "\t" + sim.username() + "\t"
                    + sim.password() + "\t" + sim.projectName() + "\t" + sim.userDomainName() + "\t"
                    + sim.projectDomainName());
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.trim()) {
                    case "requests" -> out.println(sim.requestCount("/"));
                    case "quit" -> {
                        return;
                    }
                    default -> out.println("?");
                }
            }
        }
    }

    /** Calls the builder method of that name with the value, as int or long. */
    static void option(Simulator.Builder b, String name, String value) throws Exception {
        for (Method m : Simulator.Builder.class.getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != 1) {
                continue;
            }
            Class<?> t = m.getParameterTypes()[0];
            if (t == int.class) {
                m.invoke(b, Integer.parseInt(value.replace("_", "")));
                return;
            } else if (t == long.class) {
                m.invoke(b, Long.parseLong(value.replace("_", "")));
                return;
            }
        }
        throw new IllegalArgumentException("the simulator has no numeric option '" + name + "'");
    }

    /** The options a scenario gives, as command-line arguments. */
    static String[] arguments(Map<String, Integer> options) {
        return options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** Whether the simulator has that numeric option. */
    static boolean hasOption(String name) {
        for (Method m : Simulator.Builder.class.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1
                    && (m.getParameterTypes()[0] == int.class || m.getParameterTypes()[0] == long.class)) {
                return true;
            }
        }
        return false;
    }

    /** Throws unless the line is the READY line. */
    static String[] ready(String line) throws IOException {
        if (line == null || !line.startsWith("READY\t")) {
            throw new IOException("the simulator did not start (see its log)");
        }
        return line.split("\t", -1);
    }
}
