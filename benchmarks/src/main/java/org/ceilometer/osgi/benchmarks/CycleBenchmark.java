package org.ceilometer.osgi.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ceilometer.osgi.agent.BenchAgent;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.openstack.BenchClients;

/**
 * One full central polling cycle against the simulator, through the real agent, OpenStack client,
 * discoveries and pollster bundles, for each meter family and for all of them at once; and in the same run
 * the floor, the same client merely fetching what the cycle fetched. Prints wall time, samples per second,
 * CPU seconds and peak heap of each, and the ratio of cycle to floor.
 *
 * <p>Arguments, each {@code name=value}: {@code scenarios} (a,b,c), {@code families} (all, or a comma list
 * such as image,objectstore), {@code repeat} (measured cycles and floors per run, the median shown; 3),
 * {@code warmup} (unmeasured cycles and floors per run after the recording one; 1),
 * {@code pollster_threads} (4), {@code max_parallel_requests} (16, the agent's fan-out bound),
 * {@code http_pool} (64, the client's connection bound), {@code batch_size} (50), {@code sim_heap} (2g),
 * {@code sim_jvm} (more options of the simulator's JVM), {@code sim_connections} (128),
 * {@code timeline} (false; true prints when each pollster and discovery of one more total cycle ran),
 * {@code out} (a file the Markdown tables are appended to). See README.md.
 */
public final class CycleBenchmark {
    /** The families in the order they are shown; others follow by name. */
    private static final List<String> FAMILY_ORDER = List.of("image", "objectstore", "rgw", "volume", "share",
            "network", "loadbalancer", "dns", "energy");
    private static final String ALL = "all";

    private final Map<String, String> args;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final StringBuilder markdown = new StringBuilder();

    private CycleBenchmark(Map<String, String> args) {
        this.args = args;
    }

    /** A cloud to measure: simulator options and a title. */
    record Scenario(String key, String title, Map<String, Integer> options) {}

    static List<Scenario> scenarios() {
        Map<String, Integer> tenK = new LinkedHashMap<>();
        for (String kind : List.of("projects", "images", "volumes", "volumeSnapshots", "volumeBackups", "volumePools",
                "shares", "floatingIps", "vpnServices", "ipsecConnections", "firewallGroups", "firewallPolicies",
                "loadBalancers", "dnsZones", "kwapiProbes")) {
            tenK.put(kind, 10_000);
        }
        tenK.put("swiftContainers", 1); // 10,000 accounts of one container each: 10,000 containers
        tenK.put("rgwBuckets", 1); // and as many RGW buckets
        Map<String, Integer> large = new LinkedHashMap<>();
        large.put("images", 100_000);
        large.put("projects", 2_000);
        large.put("swiftContainers", 20);
        large.put("rgwBuckets", 20);
        return List.of(
                new Scenario("a", "(a) small cloud: the simulator's defaults", Map.of()),
                new Scenario("b", "(b) 10,000 resources of each kind (projects too, one container and bucket each)",
                        tenK),
                new Scenario("c", "(c) 100,000 images, 2,000 projects with 20 containers (and RGW buckets) each",
                        large));
    }

    public static void main(String[] argv) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // the pollsters warn of odd data every cycle; their failures show in the tables anyway
        String pollsters = "org.slf4j.simpleLogger.log.org.ceilometer.osgi.pollster";
        if (System.getProperty(pollsters) == null) {
            System.setProperty(pollsters, "error");
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                System.err.println("usage: CycleBenchmark [scenarios=a,b,c] [families=all|image,...] [repeat=3] "
                        + "[warmup=1] [pollster_threads=4] [max_parallel_requests=16] [http_pool=64] [batch_size=50] "
                        + "[sim_heap=2g] [sim_jvm=OPTIONS] [sim_connections=128] [timeline=false] [out=FILE]");
                System.exit(2);
            }
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        new CycleBenchmark(args).run();
    }

    private int intArg(String name, int def) {
        return Integer.parseInt(args.getOrDefault(name, Integer.toString(def)));
    }

    private void run() throws Exception {
        List<String> wanted = List.of(args.getOrDefault("scenarios", "a,b,c").split(","));
        Path work = Files.createTempDirectory("ceilometer-bench");
        Path simLog = work.resolve("simulator.log");
        header();
        for (Scenario s : scenarios()) {
            if (wanted.contains(s.key())) {
                runScenario(s, work, simLog);
            }
        }
        String file = args.get("out");
        if (file != null) {
            Files.writeString(Path.of(file), markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            out.println("tables appended to " + file);
        }
    }

    private static long memory() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize() : 0;
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "?". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private void header() {
        Runtime rt = Runtime.getRuntime();
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        String line = String.format(Locale.ROOT, "machine: %d CPUs (%s), %d MiB RAM, %s %s, max heap %d MiB, "
                + "JVM args %s, load average %s; %s", rt.availableProcessors(), cpu, memory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Probe.maxHeap() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments(), loadAverage(), Instant.now());
        out.println(line);
        markdown.append("\n").append(line).append("\n");
    }

    private void runScenario(Scenario s, Path work, Path simLog) throws Exception {
        Map<String, Integer> options = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        s.options().forEach((k, v) -> {
            if (SimulatorProcess.hasOption(k)) {
                options.put(k, v);
            } else {
                unknown.add(k);
            }
        });
        // enough connection slots for both clients' pools: at the simulator's 32, idle keep-alive connections
        // fill them, and it then closes every connection after its response
        options.put("maxConnections", intArg("sim_connections", 128));
        out.println();
        out.println("== " + s.title() + (options.isEmpty() ? "" : " " + options)
                + (unknown.isEmpty() ? "" : " (the simulator lacks " + unknown + ")"));

        // the plugins, as their bundles declare them
        List<Components.Found> found = Components.load(CycleBenchmark.class.getClassLoader(),
                List.of(Pollster.class.getName(), Discovery.class.getName()), configurations(),
                Trace::wrapReference);
        Map<String, List<String>> meters = new TreeMap<>(familyOrder());
        List<String> families = List.of(args.getOrDefault("families", ALL).split(","));
        for (Components.Found f : found) {
            if (f.service().equals(Pollster.class.getName())) {
                String family = family(f.bundle());
                if (family != null && (families.contains(ALL) || families.contains(family))) {
                    meters.computeIfAbsent(family, k -> new ArrayList<>())
                            .add((String) f.properties().get(Namespaces.METER));
                }
            }
        }
        Path home = work.resolve("home-" + s.key());
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/polling.yaml"), pollingYaml(meters), StandardCharsets.UTF_8);
        System.setProperty("ceilometer.home", home.toString());

        int pollsterThreads = intArg("pollster_threads", 4);
        int fanOut = intArg("max_parallel_requests", 16);
        int repeat = Math.max(1, intArg("repeat", 3));
        int warmup = Math.max(0, intArg("warmup", 1));
        List<Row> rows = new ArrayList<>();
        Map<String, Long> allMeters = Map.of();
        Map<String, String> errors = new TreeMap<>();
        try (SimulatorHandle sim = SimulatorHandle.start(options, args.getOrDefault("sim_heap", "2g"),
                args.get("sim_jvm"), simLog)) {
            Map<String, Object> creds = sim.credentials();
            creds.put("region_name", "RegionOne");
            creds.put("max_parallel_requests", intArg("http_pool", 64));
            OpenStackClient client = BenchClients.create(creds);
            Map<String, Object> polling = new LinkedHashMap<>();
            polling.put("pollster_threads", pollsterThreads);
            polling.put("max_parallel_requests", fanOut);
            polling.put("batch_size", intArg("batch_size", 50));
            polling.put("pollster_timeout", 3600);
            boolean timed = Boolean.parseBoolean(args.getOrDefault("timeline", "false"));
            Timeline timeline = new Timeline();
            try (BenchAgent agent = new BenchAgent(polling)) {
                agent.start(client, Duration.ofSeconds(10));
                for (Components.Found f : found) {
                    Map<String, Object> props = new LinkedHashMap<>(f.properties());
                    props.put(Namespaces.ORIGIN, f.bundle());
                    if (f.instance() instanceof Pollster) {
                        String family = family(f.bundle());
                        if (family != null && meters.containsKey(family)) {
                            Pollster p = (Pollster) f.instance();
                            agent.bindPollster(timed ? timeline.wrap((String) props.get(Namespaces.METER), p) : p,
                                    props);
                        }
                    } else if (f.instance() instanceof Discovery) {
                        Discovery d = (Discovery) f.instance();
                        agent.bindDiscovery(timed ? timeline.wrap((String) props.get(Namespaces.DISCOVERY), d) : d,
                                props);
                    }
                }
                List<String> runs = new ArrayList<>(meters.keySet());
                runs.add(ALL);
                for (String run : runs) {
                    Row row = measure(run, agent, client, sim, pollsterThreads, fanOut, repeat, warmup);
                    rows.add(row);
                    out.println("  " + row.brief());
                    if (run.equals(ALL)) {
                        allMeters = row.byMeter;
                        if (timed) {
                            timeline.reset();
                            agent.useOpenStack(timeline.wrap(client));
                            BenchAgent.Result r = agent.poll(ALL);
                            agent.useOpenStack(client);
                            out.printf(Locale.ROOT, "  timeline of one more total cycle (%d ms):%n", r.millis());
                            timeline.lines().forEach(l -> out.println("    " + l));
                        }
                    }
                }
                errors.putAll(agent.pollsterErrors());
            } finally {
                BenchClients.close(client);
            }
        }
        table(s, rows, allMeters, errors, meters);
    }

    /**
     * The configurations the plugins get: the simulator's RGW admin keys (read from the simulator's class
     * by name, so that the benchmark builds without it) and its catalog type, under the RGW pollsters' PIDs.
     */
    static Map<String, Map<String, Object>> configurations() {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        try {
            Class<?> rgw = Class.forName("org.ceilometer.osgi.simulator.rgw.RgwData");
            Map<String, Object> creds = new LinkedHashMap<>();
            creds.put("access_key", rgw.getField("ACCESS_KEY").get(null));
            creds.put("secret_key", rgw.getField("SECRET_KEY").get(null));
            m.put("ceilometer.rgw_admin_credentials", creds);
            m.put("ceilometer.service_types", Map.of("radosgw", "radosgw")); // the simulator's catalog type
        } catch (ReflectiveOperationException e) {
            // a simulator without RGW
        }
        return m;
    }

    /** {@code ceilometer.pollster-image} is family {@code image}; bundles not named so are not families. */
    static String family(String bundle) {
        String prefix = "ceilometer.pollster-";
        if (!bundle.startsWith(prefix) || bundle.equals(prefix + "dynamic")) {
            return null;
        }
        return bundle.substring(prefix.length());
    }

    private static Comparator<String> familyOrder() {
        return Comparator.comparingInt((String f) -> FAMILY_ORDER.indexOf(f) < 0 ? 100 : FAMILY_ORDER.indexOf(f))
                .thenComparing(Comparator.naturalOrder());
    }

    /** One source per family and one of every meter, all at one long interval (polled on demand only). */
    static String pollingYaml(Map<String, List<String>> meters) {
        StringBuilder sb = new StringBuilder("---\nsources:\n");
        List<String> every = new ArrayList<>();
        meters.forEach((family, list) -> {
            sb.append("  - name: ").append(family).append("\n    interval: 86400\n    meters:\n");
            list.stream().sorted().forEach(m -> sb.append("      - \"").append(m).append("\"\n"));
            every.addAll(list);
        });
        sb.append("  - name: ").append(ALL).append("\n    interval: 86400\n    meters:\n");
        every.stream().sorted().forEach(m -> sb.append("      - \"").append(m).append("\"\n"));
        return sb.toString();
    }

    /** One run's figures: the cycle's and the floor's, medians over the repetitions. */
    static final class Row {
        String run;
        long samples;
        Map<String, Long> byMeter = Map.of();
        long errors;
        long cycleRequests;
        long floorRequests;
        int traceCalls;
        int distinctCalls;
        Map<String, Integer> traceSummary = Map.of();
        Probe.Figures cycle;
        Probe.Figures floor;
        double simCpuCycle;
        double simCpuFloor;
        int floorFailures;
        String floorFailure;
        List<Double> cycleWalls = List.of();
        List<Double> floorWalls = List.of();

        double ratio() {
            return cycle.wallSeconds() / floor.wallSeconds();
        }

        String brief() {
            return String.format(Locale.ROOT, "%-12s %9d samples in %7.3f s (%9.0f/s), CPU %7.3f s, heap %5d MiB; "
                    + "floor %7.3f s, CPU %6.3f s; cycle/floor %.2f; requests %d/%d; walls %s / %s%s", run, samples,
                    cycle.wallSeconds(), samples / cycle.wallSeconds(), cycle.cpuSeconds(), cycle.peakHeapBytes() >> 20,
                    floor.wallSeconds(), floor.cpuSeconds(), ratio(), cycleRequests, floorRequests, walls(cycleWalls),
                    walls(floorWalls),
                    errors > 0 || floorFailures > 0 ? " ERRORS: cycle " + errors + ", floor " + floorFailures : "");
        }
    }

    private static String walls(List<Double> w) {
        StringBuilder sb = new StringBuilder("[");
        for (double d : w) {
            sb.append(sb.length() > 1 ? " " : "").append(String.format(Locale.ROOT, "%.2f", d));
        }
        return sb.append(']').toString();
    }

    private Row measure(String run, BenchAgent agent, OpenStackClient client, SimulatorHandle sim, int listThreads,
            int fanOut, int repeat, int warmup) throws Exception {
        Row row = new Row();
        row.run = run;
        // an unmeasured cycle through a recording client: warms up, and tells what the cycle fetches
        Trace.Recorder recorder = new Trace.Recorder(client);
        agent.useOpenStack(recorder);
        Trace.active = recorder;
        try {
            agent.poll(run);
        } finally {
            Trace.active = null;
            agent.useOpenStack(client);
        }
        Trace trace = recorder.trace();
        row.traceCalls = trace.calls().size();
        row.distinctCalls = trace.distinct().size();
        row.traceSummary = trace.summary();
        List<Trace.Call> calls = trace.distinct();

        for (int i = 0; i < warmup; i++) {
            agent.poll(run);
            Floor.replay(client, calls, listThreads, fanOut);
        }
        List<Measured<BenchAgent.Result>> cycles = new ArrayList<>();
        List<Measured<Floor.Outcome>> floors = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            boolean floorFirst = i % 2 == 1;
            if (floorFirst) {
                floors.add(floor(client, sim, calls, listThreads, fanOut));
            }
            cycles.add(cycle(agent, sim, run));
            if (!floorFirst) {
                floors.add(floor(client, sim, calls, listThreads, fanOut));
            }
        }
        row.cycleWalls = cycles.stream().map(m -> m.figures().wallSeconds()).toList();
        row.floorWalls = floors.stream().map(m -> m.figures().wallSeconds()).toList();
        Measured<BenchAgent.Result> c = median(cycles);
        Measured<Floor.Outcome> f = median(floors);
        row.cycle = c.figures();
        row.samples = c.result().samples();
        row.byMeter = c.result().samplesByMeter();
        row.errors = c.result().errors();
        row.cycleRequests = c.requests();
        row.simCpuCycle = c.simCpuSeconds();
        row.floor = f.figures();
        row.floorFailures = f.result().failures();
        row.floorFailure = f.result().firstFailure();
        row.floorRequests = f.requests();
        row.simCpuFloor = f.simCpuSeconds();
        return row;
    }

    /** One measured cycle or floor: the probe's figures, what it gave, and the simulator's side. */
    record Measured<T>(Probe.Figures figures, T result, long requests, double simCpuSeconds) {}

    private static Measured<BenchAgent.Result> cycle(BenchAgent agent, SimulatorHandle sim, String run)
            throws IOException {
        long req0 = sim.requests();
        double simCpu0 = sim.cpuSeconds();
        Probe p = Probe.start();
        BenchAgent.Result r = agent.poll(run);
        Probe.Figures fig = p.stop();
        double simCpu = sim.cpuSeconds() - simCpu0;
        return new Measured<>(fig, r, sim.requests() - req0, simCpu);
    }

    private static Measured<Floor.Outcome> floor(OpenStackClient client, SimulatorHandle sim, List<Trace.Call> calls,
            int listThreads, int fanOut) throws Exception {
        long req0 = sim.requests();
        double simCpu0 = sim.cpuSeconds();
        Probe p = Probe.start();
        Floor.Outcome o = Floor.replay(client, calls, listThreads, fanOut);
        Probe.Figures fig = p.stop();
        double simCpu = sim.cpuSeconds() - simCpu0;
        return new Measured<>(fig, o, sim.requests() - req0, simCpu);
    }

    /** The measurement of median wall time. */
    private static <T> Measured<T> median(List<Measured<T>> ms) {
        List<Measured<T>> sorted = new ArrayList<>(ms);
        sorted.sort(Comparator.comparingDouble(m -> m.figures().wallSeconds()));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private void table(Scenario s, List<Row> rows, Map<String, Long> allMeters, Map<String, String> errors,
            Map<String, List<String>> meters) {
        StringBuilder t = new StringBuilder();
        t.append("\n### ").append(s.title()).append("\n\n");
        t.append("| family | meters | samples | requests | cycle s | samples/s | CPU s | peak heap MiB | sim CPU s "
                + "| floor s | floor CPU s | floor heap MiB | cycle/floor |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            t.append(String.format(Locale.ROOT,
                    "| %s | %d | %,d | %,d | %.3f | %,.0f | %.2f | %d | %.2f | %.3f | %.2f | %d | **%.2f** |\n",
                    r.run.equals(ALL) ? "**total**" : r.run, r.run.equals(ALL) ? allMeters.size()
                            : meters.getOrDefault(r.run, List.of()).size(), r.samples, r.cycleRequests,
                    r.cycle.wallSeconds(), r.samples / r.cycle.wallSeconds(), r.cycle.cpuSeconds(),
                    r.cycle.peakHeapBytes() >> 20, r.simCpuCycle, r.floor.wallSeconds(), r.floor.cpuSeconds(),
                    r.floor.peakHeapBytes() >> 20, r.ratio()));
        }
        t.append("\nsamples per meter (total run): ").append(allMeters).append("\n");
        for (Row r : rows) {
            if (r.samples == 0) {
                t.append("- ").append(r.run).append(": NO SAMPLES (see the pollsters' log lines)\n");
            }
            if (r.errors > 0 || r.floorFailures > 0 || r.cycleRequests != r.floorRequests
                    || r.traceCalls != r.distinctCalls) {
                t.append(String.format(Locale.ROOT, "- %s: %d cycle errors, %d floor failures%s; requests cycle %d, "
                        + "floor %d; client calls %d, %d distinct %s\n", r.run, r.errors, r.floorFailures,
                        r.floorFailure == null ? "" : " (" + r.floorFailure + ")", r.cycleRequests, r.floorRequests,
                        r.traceCalls, r.distinctCalls, r.traceSummary));
            }
        }
        if (!errors.isEmpty()) {
            t.append("- pollster errors: ").append(errors).append("\n");
        }
        t.append("\nload average at the end (other processes of the machine count too): ").append(loadAverage())
                .append("\n");
        Row total = rows.get(rows.size() - 1);
        t.append(String.format(Locale.ROOT, "\ncycle/floor %.2f (target 1.5: %s); peak heap %d MiB of %d MiB max "
                + "(target below 512: %s); %d GCs, %d ms in GC during the total cycle\n", total.ratio(),
                total.ratio() <= 1.5 ? "met" : "MISSED", total.cycle.peakHeapBytes() >> 20, Probe.maxHeap() >> 20,
                total.cycle.peakHeapBytes() < (512L << 20) ? "met" : "MISSED", total.cycle.gcs(),
                total.cycle.gcMillis()));
        out.print(t);
        markdown.append(t);
    }
}
