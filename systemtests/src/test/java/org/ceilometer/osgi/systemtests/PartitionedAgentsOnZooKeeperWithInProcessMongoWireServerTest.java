package org.ceilometer.osgi.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ceilometer.osgi.simulator.SimProject;
import org.ceilometer.osgi.simulator.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Three central agents, each {@code java -jar ceilometer-central.jar} in its own process, share one simulated
 * cloud through a real ZooKeeper server (its own process). The cloud (simulator) and the store (an
 * in-process MongoDB-wire server, mongo-java-server's memory backend) run in this JVM; each agent stores
 * into its own database, so every sample says which agent polled it.
 *
 * <p>Cycles are driven, not waited for: the polling source's interval is an hour (its only scheduled cycle
 * runs at start-up and is let finish), and each cycle is {@code ceilometer:poll swift} sent to every agent's
 * telnet shell at once. A cycle's samples are those an agent stored with a timestamp after the cycle began,
 * and their number must be what its poll command reported. The Swift pollsters use discovery {@code tenant}:
 * one resource per Keystone project, partitioned in group {@value #GROUP}.
 *
 * <p>The methods run in order and build on each other (kill, rejoin, ZooKeeper outage); each first waits
 * for the state it needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartitionedAgentsOnZooKeeperWithInProcessMongoWireServerTest {
    static final String PREFIX = "systemtest";
    static final String GROUP = "central-" + PREFIX + "-global";
    static final String SOURCE = "swift";
    static final List<String> METERS = List.of("storage.objects", "storage.objects.size");
    static final String METER = METERS.get(0);
    /** Tenant projects of the simulator; Keystone lists admin and service besides. */
    static final int TENANTS = 60;
    static final double SESSION_TIMEOUT_S = 4.0;
    static final double HEARTBEAT_S = 0.25;
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private Path work;
    private Simulator sim;
    private MongoServer mongo;
    private MongoClient client;
    private ZooKeeperServerProcess zk;
    private final Map<String, AgentProcess> agents = new LinkedHashMap<>();
    private Set<String> expected;
    private ExecutorService pool;
    private int cycles;
    private final Map<String, String> figures = new LinkedHashMap<>();

    @RegisterExtension
    final TestWatcher logsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            StringBuilder sb = new StringBuilder("[systemtest] " + context.getDisplayName() + " failed; logs in "
                    + work);
            agents.values().forEach(a -> sb.append("\n---- ").append(a).append(", ").append(a.log()).append('\n')
                    .append(a.logTail()));
            if (zk != null) {
                sb.append("\n---- zookeeper\n").append(zk.logTail());
            }
            System.out.println(sb);
        }
    };

    // ---- set-up and tear-down

    @BeforeAll
    void startEverything() throws Exception {
        Path jar = Paths.get(property("ceilometer.central.jar",
                "the runtime jar (bndrun/target/ceilometer-central.jar)"));
        if (!Files.isRegularFile(jar)) {
            fail("the runtime jar " + jar + " does not exist: build it first (mvn -B -pl bndrun package)");
        }
        work = Paths.get(property("systemtests.work", "the work directory"));
        deleteTree(work);
        Files.createDirectories(work);
        pool = Executors.newCachedThreadPool();

        sim = Simulator.builder().seed(5).projects(TENANTS).swiftContainers(2).maxConnections(96).start();
        expected = sim.data().projects().stream().map(SimProject::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(TENANTS + 2, expected.size(), "tenant projects plus admin and service");

        int mongoPort = Ports.free();
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", mongoPort);
        client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort);

        zk = new ZooKeeperServerProcess(work.resolve("zookeeper"));
        zk.start(Duration.ofSeconds(60));

        String pollingYaml = String.join("\n",
                "# one source; its only scheduled cycle runs at start-up: the test drives the others",
                "sources:",
                "  - name: " + SOURCE,
                "    interval: 3600",
                "    meters: [" + String.join(", ", METERS) + "]",
                "    discovery: [tenant]",
                "");
        for (String name : List.of("A", "B", "C")) {
            Map<String, Map<String, String>> cfg = new TreeMap<>();
            cfg.put("ceilometer.service_credentials", Map.of(
                    "auth_url", sim.authUrl(),
                    "username", sim.username(),
                    "password", sim.password(),
                    "project_name", sim.projectName(),
                    "user_domain_name", sim.userDomainName(),
                    "project_domain_name", sim.projectDomainName(),
                    "region_name", sim.regionName(),
                    "timeout", "30"));
            cfg.put("ceilometer.database", Map.of(
                    "connection", "mongodb://127.0.0.1:" + mongoPort + "/" + database(name),
                    "flush_timeout", "3"));
            cfg.put("ceilometer.coordination", Map.of(
                    "backend_url", zk.url("ceilometer-" + PREFIX),
                    "heartbeat", Double.toString(HEARTBEAT_S),
                    "session_timeout", Double.toString(SESSION_TIMEOUT_S)));
            cfg.put("ceilometer.polling", Map.of(
                    "partitioning_group_prefix", PREFIX,
                    "max_parallel_requests", "8",
                    "pollster_threads", "2"));
            agents.put(name, new AgentProcess(name, jar, work.resolve("agent-" + name), cfg, pollingYaml));
        }
        long t0 = System.nanoTime();
        for (AgentProcess a : agents.values()) {
            a.start();
        }
        awaitMembership(all(), 3, START_TIMEOUT);
        figures.put("three agents started and joined", seconds(t0));
        System.out.printf(Locale.ROOT, "[systemtest] %s, %d resources (projects); ZooKeeper on %d; 3 agents joined"
                + " %s after start%n", sim, expected.size(), zk.port(), figures.get("three agents started and joined"));
    }

    @AfterAll
    void stopEverything() throws Exception {
        List<Exception> failures = new ArrayList<>();
        // SIGTERM to every agent at once, then wait for each (SIGKILL after a grace period)
        List<Future<?>> stopping = new ArrayList<>();
        for (AgentProcess a : agents.values()) {
            stopping.add(pool.submit(() -> {
                a.close();
                return null;
            }));
        }
        for (Future<?> f : stopping) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                failures.add(e);
            }
        }
        for (AutoCloseable c : new AutoCloseable[] {zk, client, () -> {
            if (mongo != null) {
                mongo.shutdownNow();
            }
        }, sim}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (pool != null) {
            pool.shutdownNow();
        }
        if (!figures.isEmpty()) {
            StringBuilder sb = new StringBuilder("[systemtest] figures (session timeout " + SESSION_TIMEOUT_S
                    + " s, heartbeat " + HEARTBEAT_S + " s, " + (expected == null ? "?" : expected.size())
                    + " resources):");
            figures.forEach((k, v) -> sb.append("\n  ").append(k).append(": ").append(v));
            System.out.println(sb);
        }
        for (AgentProcess a : agents.values()) {
            assertTrue(!a.isAlive(), a + " still runs");
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    // ---- the tests

    @Test
    @Order(1)
    void threeAgentsPollEveryResourceExactlyOncePerCycle() throws Exception {
        awaitMembership(all(), 3, START_TIMEOUT);
        awaitQuiet(all());
        Map<String, String> owners = null;
        for (int i = 0; i < 5; i++) {
            Round r = exactCycle(all(), "three agents");
            for (AgentProcess a : all()) {
                assertTrue(r.shares(METER).get(a.name) > 0, a + " polls a share: " + r.shares(METER));
            }
            assertEquals(r.owners(METER), r.owners(METERS.get(1)), "both pollsters of the source get the same share");
            if (owners != null) {
                assertEquals(owners, r.owners(METER), "the same members keep the same shares from cycle to cycle");
            }
            owners = r.owners(METER);
        }
    }

    @Test
    @Order(2)
    void aKilledAgentsShareIsTakenOverOnceItsSessionExpires() throws Exception {
        AgentProcess a = agents.get("A");
        AgentProcess b = agents.get("B");
        AgentProcess c = agents.get("C");
        ensureRunning(c);
        awaitMembership(all(), 3, START_TIMEOUT);
        awaitQuiet(all());
        Map<String, String> before = exactCycle(all(), "three agents, before the kill").owners(METER);

        List<AgentProcess> two = List.of(a, b);
        long killed = System.nanoTime();
        c.kill();
        System.out.printf(Locale.ROOT, "[systemtest] agent C killed (SIGKILL)%n");
        Double seen = null;
        Double covered = null;
        long maxCycleMillis = 0;
        int partialCycles = 0;
        int exactAfterSeen = 0;
        long deadline = killed + TimeUnit.SECONDS.toNanos((long) SESSION_TIMEOUT_S + 60);
        while (exactAfterSeen < 3) {
            if (System.nanoTime() > deadline) {
                fail("A and B did not cover every resource within " + (SESSION_TIMEOUT_S + 60) + " s of C's kill");
            }
            if (seen == null && two.stream().allMatch(x -> partition(x).map(v -> v.settled(2)).orElse(false))) {
                seen = secondsSince(killed);
                System.out.printf(Locale.ROOT, "[systemtest] A and B see C's session expired %.2f s after the kill%n",
                        seen);
            }
            Round r = cycle(two);
            maxCycleMillis = Math.max(maxCycleMillis, r.duration().toMillis());
            assertTrue(r.noDuplicates(METERS), "no resource twice while C's share moves: "
                    + r.describe(METERS, expected));
            boolean exact = r.exactlyOnce(METERS, expected);
            if (exact && covered == null) {
                covered = secondsSince(killed);
            }
            if (seen != null) {
                assertTrue(exact, "from the first cycle after A and B saw C's session expire, they cover every"
                        + " resource exactly once: " + r.describe(METERS, expected));
                exactAfterSeen++;
            } else if (!exact) {
                partialCycles++;
                r.owners(METER).forEach((id, owner) -> {
                    String was = before.get(id);
                    assertTrue(owner.equals(was) || "C".equals(was),
                            id + " moved from " + was + " to " + owner + " although only C's share may move");
                });
            }
        }
        assertTrue(partialCycles > 0, "C's share was missed for a while: its session had to expire first");
        System.out.printf(Locale.ROOT, "[systemtest] kill -> full coverage by A and B: %.2f s (session timeout %.1f s,"
                + " longest cycle %d ms, %d cycles without C's share)%n", covered, SESSION_TIMEOUT_S, maxCycleMillis,
                partialCycles);
        figures.put("kill -> the survivors see the session expire", String.format(Locale.ROOT, "%.2f s", seen));
        figures.put("kill -> full coverage by the survivors", String.format(Locale.ROOT, "%.2f s (longest cycle %d ms)",
                covered, maxCycleMillis));
        assertTrue(seen >= SESSION_TIMEOUT_S * 0.6, "C's share moved before its session could expire: " + seen + " s");
        assertTrue(covered <= SESSION_TIMEOUT_S + maxCycleMillis / 1000.0 + 3.0,
                "the share is taken over within the session timeout plus one cycle (and 3 s of slack): " + covered);
    }

    @Test
    @Order(3)
    void aRestartedAgentRejoinsAndOnlyItsNewShareMoves() throws Exception {
        AgentProcess c = agents.get("C");
        if (c.isAlive()) {
            c.kill();
        }
        List<AgentProcess> two = List.of(agents.get("A"), agents.get("B"));
        awaitMembership(two, 2, Duration.ofSeconds((long) SESSION_TIMEOUT_S + 30));
        awaitQuiet(two);
        Map<String, String> before = exactCycle(two, "A and B").owners(METER);

        long started = System.nanoTime();
        c.start();
        awaitMembership(all(), 3, START_TIMEOUT);
        double joined = secondsSince(started);
        awaitQuiet(all());
        Round first = exactCycle(all(), "C back");
        double covered = secondsSince(started);
        Map<String, String> after = first.owners(METER);
        for (int i = 0; i < 2; i++) {
            assertEquals(after, exactCycle(all(), "C back").owners(METER), "the shares stay put");
        }
        int moved = 0;
        for (String id : expected) {
            if (!after.get(id).equals(before.get(id))) {
                moved++;
                assertEquals("C", after.get(id), id + " moved from " + before.get(id) + " to " + after.get(id)
                        + ": when a member joins, resources move to it only");
            }
        }
        int cShare = first.shares(METER).get("C");
        assertEquals(cShare, moved, "what C polls is exactly what moved");
        assertTrue(moved > 0 && moved < expected.size() * 2 / 3, moved + " of " + expected.size() + " moved");
        System.out.printf(Locale.ROOT, "[systemtest] C restarted: joined %.2f s after start, full coverage after"
                + " %.2f s; %d of %d resources moved, all to C (1/3 = %.1f); shares %s%n", joined, covered, moved,
                expected.size(), expected.size() / 3.0, first.shares(METER));
        figures.put("restart -> joined (JVM start included)", String.format(Locale.ROOT, "%.2f s", joined));
        figures.put("resources moved when C joined A and B", String.format(Locale.ROOT,
                "%d of %d, all to C (ideal 1/3: %.1f)", moved, expected.size(), expected.size() / 3.0));
    }

    @Test
    @Order(4)
    void whileZooKeeperIsDownNothingIsPolledTwiceAndCoverageReturnsWithoutRestartingAgents() throws Exception {
        ensureRunning(agents.get("C"));
        awaitMembership(all(), 3, START_TIMEOUT);
        awaitQuiet(all());
        Map<String, String> before = exactCycle(all(), "before the ZooKeeper outage").owners(METER);
        Map<String, Long> pids = new TreeMap<>();
        all().forEach(a -> pids.put(a.name, a.pid()));

        long down = System.nanoTime();
        zk.kill();
        System.out.printf(Locale.ROOT, "[systemtest] ZooKeeper killed (SIGKILL)%n");
        awaitAll(all(), "every agent sees ZooKeeper gone", Duration.ofSeconds(30),
                v -> v.disconnected());
        double noticed = secondsSince(down);
        for (int i = 0; i < 2; i++) {
            Round r = cycle(all());
            assertEquals(0, r.total(), "while ZooKeeper is down, no agent polls anything of the group: "
                    + r.describe(METERS, expected));
        }
        for (AgentProcess a : all()) {
            String status = a.shell("ceilometer:status");
            String line = line(status, "partitioning:");
            assertTrue(line.contains("unavailable for [" + GROUP + "]") && (line.contains("suspended")
                    || line.contains("lost")), a + ": ceilometer:status shows the outage: " + line);
            String partition = a.shell("ceilometer:partition");
            PartitionView v = PartitionView.parse(partition, GROUP);
            assertTrue(v.disconnected(), a + ": ceilometer:partition shows the state: " + partition);
            assertEquals("unknown", v.membership(), a + ": the membership is unknown:\n" + partition);
            assertTrue(partition.contains("outage_since"), a + ": the outage's start is shown:\n" + partition);
        }
        System.out.println("[systemtest] ceilometer:status of A during the outage: "
                + line(agents.get("A").shell("ceilometer:status"), "partitioning:"));
        // let the sessions be given up, so that recovery needs new sessions and a new join
        awaitAll(all(), "every agent gives its session up", Duration.ofSeconds((long) SESSION_TIMEOUT_S + 30),
                v -> "lost".equals(v.state()));
        Round stillDown = cycle(all());
        assertEquals(0, stillDown.total(), "sessions lost: still nothing polled "
                + stillDown.describe(METERS, expected));

        long restart = System.nanoTime();
        zk.start(Duration.ofSeconds(60));
        double serverUp = secondsSince(restart);
        // Cycles go on while the agents reconnect. A member that reconnects with a new session replaces its
        // node; one whose old session expired before it was back drops out for a while, and the others cover
        // its share. Coverage is back when the three agents hold the shares they held before the outage.
        Double firstExact = null;
        Double allBack = null;
        int partial = 0;
        List<String> transitionalDuplicates = new ArrayList<>();
        Round r = null;
        long deadline = restart + TimeUnit.SECONDS.toNanos(90);
        while (allBack == null) {
            if (System.nanoTime() > deadline) {
                Map<String, String> views = new TreeMap<>();
                all().forEach(a -> views.put(a.name, partition(a).map(PartitionView::text).orElse("(no shell)")));
                fail("the three agents did not hold their shares again within 90 s of ZooKeeper's restart; last "
                        + (r == null ? "none" : r.describe(METERS, expected)) + "; ceilometer:partition: " + views);
            }
            r = cycle(all());
            if (!r.noDuplicates(METERS)) {
                transitionalDuplicates.add(r.describe(METERS, expected));
            }
            if (r.exactlyOnce(METERS, expected)) {
                if (firstExact == null) {
                    firstExact = secondsSince(restart);
                }
                if (before.equals(r.owners(METER))) {
                    allBack = secondsSince(restart);
                }
            } else {
                partial++;
            }
        }
        awaitMembership(all(), 3, Duration.ofSeconds(10));
        for (int i = 0; i < 2; i++) {
            assertEquals(before, exactCycle(all(), "after ZooKeeper's restart").owners(METER),
                    "the same members own the same resources again");
        }
        for (AgentProcess a : all()) {
            assertTrue(a.isAlive(), a + " still runs");
            assertEquals(pids.get(a.name), a.pid(), a + " was not restarted");
        }
        System.out.printf(Locale.ROOT, "[systemtest] ZooKeeper down: every agent skipped the group %.2f s after the"
                + " kill; restarted (server up in %.2f s): every resource once again %.2f s after the restart, by all"
                + " three with their old shares %.2f s after it (%d partial cycles before, %d with duplicates%s)%n",
                noticed, serverUp, firstExact, allBack, partial, transitionalDuplicates.size(),
                transitionalDuplicates.isEmpty() ? "" : ": " + transitionalDuplicates);
        figures.put("ZooKeeper killed -> every agent skips the group", String.format(Locale.ROOT, "%.2f s", noticed));
        figures.put("ZooKeeper restarted -> every resource once per cycle again", String.format(Locale.ROOT,
                "%.2f s after the restart (server up in %.2f s)", firstExact, serverUp));
        figures.put("ZooKeeper restarted -> all three agents hold their old shares", String.format(Locale.ROOT,
                "%.2f s after the restart", allBack));
        figures.put("cycles with a resource polled twice while the agents rejoined",
                Integer.toString(transitionalDuplicates.size()));
    }

    // ---- cycles

    private List<AgentProcess> all() {
        return new ArrayList<>(agents.values());
    }

    private static String database(String agent) {
        return "agent_" + agent.toLowerCase(Locale.ROOT);
    }

    private MongoCollection<Document> meterCollection(AgentProcess a) {
        return client.getDatabase(database(a.name)).getCollection("meter");
    }

    /**
     * One cycle: {@code ceilometer:poll swift} on every agent at once; then, per agent, the samples of the
     * source's meters it stored with a timestamp from the cycle's start, once as many as it reported.
     */
    private Round cycle(List<AgentProcess> which) throws Exception {
        int number = ++cycles;
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Future<String>> replies = new LinkedHashMap<>();
        for (AgentProcess a : which) {
            replies.put(a.name, pool.submit(() -> a.shell("ceilometer:poll " + SOURCE)));
        }
        Map<String, PollReport> reports = new LinkedHashMap<>();
        for (Map.Entry<String, Future<String>> e : replies.entrySet()) {
            try {
                reports.put(e.getKey(), PollReport.parse(e.getValue().get(90, TimeUnit.SECONDS)));
            } catch (ExecutionException | TimeoutException ex) {
                throw new AssertionError("agent " + e.getKey() + " did not answer ceilometer:poll", ex);
            }
        }
        Instant end = Instant.now();
        Map<String, Map<String, List<String>>> samples = new TreeMap<>();
        for (AgentProcess a : which) {
            PollReport rep = reports.get(a.name);
            assertEquals(0, rep.errors(), a + ": no pollster error in the cycle:\n" + rep.text());
            // log lines of a cycle run by the shell command reach the shell session, not the agent's log
            rep.otherLines().forEach(l -> System.out.println("[systemtest] agent " + a.name + " wrote to its shell: "
                    + l));
            int reported = METERS.stream().mapToInt(m -> rep.samplesByMeter().getOrDefault(m, 0)).sum();
            Bson filter = Filters.and(Filters.in("counter_name", METERS), Filters.gte("timestamp", Date.from(start)));
            long deadline = System.nanoTime() + STORE_TIMEOUT.toNanos();
            long stored;
            while ((stored = meterCollection(a).countDocuments(filter)) < reported && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            assertEquals(reported, stored, a + " stored what its poll reported in cycle " + number
                    + " (more means a cycle of its own overlapped; less, a slow store):\n" + rep.text());
            Map<String, List<String>> byMeter = new TreeMap<>();
            for (Document d : meterCollection(a).find(filter)
                    .projection(Projections.include("counter_name", "resource_id"))) {
                byMeter.computeIfAbsent(d.getString("counter_name"), k -> new ArrayList<>())
                        .add(d.getString("resource_id"));
            }
            samples.put(a.name, byMeter);
        }
        Round r = new Round(number, start, end, samples);
        String verdict = r.exactlyOnce(METERS, expected) ? "every resource exactly once"
                : r.noDuplicates(METERS) ? "missing " + r.missing(METER, expected).size() : "DUPLICATES";
        System.out.printf(Locale.ROOT, "[systemtest] cycle %d: %s %s, %d ms%n", number, r.shares(METER), verdict,
                r.duration().toMillis());
        return r;
    }

    /** A cycle that must cover every resource exactly once. */
    private Round exactCycle(List<AgentProcess> which, String what) throws Exception {
        Round r = cycle(which);
        assertTrue(r.exactlyOnce(METERS, expected), what + ": every resource exactly once: "
                + r.describe(METERS, expected));
        return r;
    }

    // ---- waiting for states

    private Optional<PartitionView> partition(AgentProcess a) {
        String out = a.shellOrNull("ceilometer:partition");
        return out == null ? Optional.empty() : Optional.of(PartitionView.parse(out, GROUP));
    }

    /** Until every agent is connected and knows the group with {@code members} members. */
    private void awaitMembership(List<AgentProcess> which, int members, Duration timeout) {
        awaitAll(which, "every agent sees " + members + " members in " + GROUP, timeout, v -> v.settled(members));
    }

    private void awaitAll(List<AgentProcess> which, String what, Duration timeout,
            Predicate<PartitionView> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> last = new TreeMap<>();
        while (true) {
            boolean ok = true;
            for (AgentProcess a : which) {
                if (!a.isAlive()) {
                    fail(a + " died:\n" + a.logTail());
                }
                Optional<PartitionView> v = partition(a);
                last.put(a.name, v.map(PartitionView::text).orElse("(shell not reachable)"));
                ok &= v.map(condition::test).orElse(false);
            }
            if (ok) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("not within " + timeout + ": " + what + "; last ceilometer:partition: " + last);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    private static final Pattern COUNTER = Pattern.compile("(?m)^(cycles|samples polled|samples stored|samples queued):"
            + "\\s*(\\d+)");

    /** The counters that change while a cycle runs or its samples are stored. */
    private static String counters(String status) {
        Matcher m = COUNTER.matcher(status);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            sb.append(m.group(1)).append('=').append(m.group(2)).append(' ');
        }
        return sb.toString();
    }

    /**
     * Until no agent runs a cycle of its own (the scheduled start-up cycle, and the one run when the
     * OpenStack session comes up): its counters stay the same for a second and nothing is queued. This
     * negative has to be observed over time, hence the one fixed wait.
     */
    private void awaitQuiet(List<AgentProcess> which) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, String> before = new TreeMap<>();
        while (true) {
            Map<String, String> now = new TreeMap<>();
            for (AgentProcess a : which) {
                now.put(a.name, counters(a.shell("ceilometer:status")));
            }
            if (now.equals(before) && now.values().stream().allMatch(s -> s.contains("samples queued=0 "))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("the agents did not settle within 60 s: " + now);
            }
            before = now;
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
    }

    private void ensureRunning(AgentProcess a) throws IOException {
        if (!a.isAlive()) {
            a.start();
        }
    }

    // ---- small things

    private static String property(String name, String what) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            fail("system property " + name + " (" + what + ") is not set: run the tests through Maven");
        }
        return v;
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no line '" + prefix + "' in:\n"
                + text + ")");
    }

    private static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    private static String seconds(long nanoTime) {
        return String.format(Locale.ROOT, "%.2f s", secondsSince(nanoTime));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }
}
