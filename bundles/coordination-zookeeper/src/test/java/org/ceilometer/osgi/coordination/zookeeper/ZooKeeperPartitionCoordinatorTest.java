package org.ceilometer.osgi.coordination.zookeeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.data.Stat;
import org.ceilometer.osgi.api.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several coordinators (each its own Curator client and member id, as separate agents would be) on a real
 * ZooKeeper server run as its own process: they share 1,000 resources exactly once, fail over when one
 * of them dies, rebalance when one joins, skip everything while ZooKeeper is down and recover when it
 * is back.
 */
class ZooKeeperPartitionCoordinatorTest {
    private static final String GROUP = "central-global";
    private static final String CHROOT = "ceilometer-test";
    private static final double SESSION_TIMEOUT_S = 3.0;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<Resource> resources = IntStream.range(0, 1000)
            .mapToObj(i -> Resource.of(String.format(Locale.ROOT, "resource-%04d", i), Map.of("index", i)))
            .collect(Collectors.toList());
    private final Map<String, String> names = new HashMap<>();
    private String lastObservation = "";
    private ZooKeeperServerProcess zk;

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void membersShareExactlyOnceFailOverRebalanceAndSurviveAZooKeeperRestart() throws Exception {
        zk = new ZooKeeperServerProcess(dir);
        toClose.add(zk);
        zk.start(Duration.ofSeconds(30));
        String url = zk.url(CHROOT);
        TcpProxy proxy = new TcpProxy(zk.port());
        toClose.add(proxy);

        // 1. Three agents; C reaches ZooKeeper through a proxy, so that it can "crash".
        ZooKeeperPartitionCoordinator a = member("A", url);
        ZooKeeperPartitionCoordinator b = member("B", url);
        ZooKeeperPartitionCoordinator c = member("C", "zookeeper://127.0.0.1:" + proxy.port() + "/" + CHROOT);
        Map<String, String> three = awaitExactlyOnce("A, B and C cover each resource exactly once", List.of(a, b, c));
        print("three members", three);
        assertEquals(3, groupStatus(a).get("member_count"));
        assertEquals("known", groupStatus(a).get("membership"));
        assertEquals(List.of(a.memberId(), b.memberId(), c.memberId()).stream().sorted().collect(Collectors.toList()),
                groupStatus(b).get("members"));

        // 2. C dies: the server expires its session, A and B take over its share, and only its share.
        long killed = System.nanoTime();
        proxy.close();
        await("C skips the group once cut off", () -> throwsOn(c));
        Map<String, String> two = awaitExactlyOnce("A and B cover everything after C's session expired", List.of(a, b));
        double failover = seconds(killed);
        print("after C died", two);
        for (Map.Entry<String, String> e : three.entrySet()) {
            if (!e.getValue().equals(c.memberId())) {
                assertEquals(e.getValue(), two.get(e.getKey()), "A's and B's resources stay where they were");
            }
        }
        System.out.printf(Locale.ROOT, "[coordination] member killed -> full coverage by the others: %.2f s"
                + " (session timeout %.1f s)%n", failover, SESSION_TIMEOUT_S);
        assertTrue(failover >= SESSION_TIMEOUT_S * 0.6, "C's share moved before its session could expire: " + failover);
        c.close();

        // 3. D joins: it takes about a third, and every resource that moves goes to D.
        ZooKeeperPartitionCoordinator d = member("D", url);
        Map<String, String> withD = awaitExactlyOnce("A, B and D cover each resource exactly once", List.of(a, b, d));
        print("after D joined", withD);
        int moved = 0;
        for (Map.Entry<String, String> e : withD.entrySet()) {
            if (!e.getValue().equals(two.get(e.getKey()))) {
                moved++;
                assertEquals(d.memberId(), e.getValue(), "a resource moves to the newcomer only");
            }
        }
        System.out.printf(Locale.ROOT, "[coordination] member joined: %d of %d resources moved (1/3 = %d)%n",
                moved, resources.size(), resources.size() / 3);
        assertTrue(moved > 250 && moved < 420, moved + " moved");

        // 4. ZooKeeper dies: every member skips the group (no duplicates), logs it once, shows it.
        List<ZooKeeperPartitionCoordinator> live = List.of(a, b, d);
        Map<ZooKeeperPartitionCoordinator, Integer> outagesBefore = new HashMap<>();
        for (ZooKeeperPartitionCoordinator m : live) {
            outagesBefore.put(m, (Integer) m.status().get("outages"));
        }
        long down = System.nanoTime();
        zk.kill();
        await("every member skips the group while ZooKeeper is down", () -> live.stream().allMatch(this::throwsOn));
        System.out.printf(Locale.ROOT, "[coordination] ZooKeeper killed -> all members skip: %.2f s%n", seconds(down));
        for (int i = 0; i < 20; i++) {
            for (ZooKeeperPartitionCoordinator m : live) {
                Exception e = assertThrows(Exception.class, () -> m.extractMySubset(GROUP, resources, Resource::id));
                assertTrue(e.getMessage().contains(GROUP), e.getMessage());
            }
        }
        for (ZooKeeperPartitionCoordinator m : live) {
            Map<String, Object> status = m.status();
            assertTrue(Set.of("suspended", "lost").contains(status.get("state")), status.toString());
            assertEquals("unknown", groupStatus(m).get("membership"));
            assertEquals(outagesBefore.get(m) + 1, status.get("outages"), "one outage: " + status);
            assertNotNull(status.get("outage_since"));
        }
        // Let Curator give the sessions up, so that the restart below needs new sessions and a rejoin.
        await("every member's session is lost", () -> live.stream().allMatch(m -> "lost".equals(m.status().get("state"))));
        for (ZooKeeperPartitionCoordinator m : live) {
            assertEquals(outagesBefore.get(m) + 1, m.status().get("outages"), "still one outage");
        }

        // 5. ZooKeeper restarts on the same port and data: members rejoin with new sessions.
        long restart = System.nanoTime();
        zk.start(Duration.ofSeconds(30));
        double serverStart = seconds(restart);
        Map<String, String> recovered = awaitExactlyOnce("A, B and D cover everything after the restart", live);
        System.out.printf(Locale.ROOT, "[coordination] ZooKeeper restarted (process up in %.2f s) -> full coverage:"
                + " %.2f s after the restart, %.2f s after the kill%n", serverStart, seconds(restart), seconds(down));
        assertEquals(withD, recovered, "the same members own the same resources again");
        try (CuratorFramework observer = CuratorFrameworkFactory.builder().connectString("127.0.0.1:" + zk.port())
                .namespace(CHROOT).retryPolicy(new RetryOneTime(100)).build()) {
            observer.start();
            assertTrue(observer.blockUntilConnected(10, TimeUnit.SECONDS), "observer connected");
            for (ZooKeeperPartitionCoordinator m : live) {
                Stat stat = observer.checkExists().forPath("/groups/" + GROUP + "/" + m.memberId());
                assertNotNull(stat, names.get(m.memberId()) + "'s member node");
                assertNotEquals(0, m.sessionId());
                assertEquals(m.sessionId(), stat.getEphemeralOwner(),
                        names.get(m.memberId()) + "'s node belongs to its current session, not to one that will expire");
            }
        }
        for (ZooKeeperPartitionCoordinator m : live) {
            Map<String, Object> status = m.status();
            assertEquals("connected", status.get("state"));
            assertEquals(outagesBefore.get(m) + 1, status.get("outages"));
            assertEquals(null, status.get("outage_since"));
            assertEquals(3, groupStatus(m).get("member_count"));
        }
        System.out.println("[coordination] status of A: " + a.status());
    }

    private ZooKeeperPartitionCoordinator member(String name, String url) throws Exception {
        ZooKeeperPartitionCoordinator m = new ZooKeeperPartitionCoordinator(Settings.of(url, 0.25, SESSION_TIMEOUT_S),
                UUID.randomUUID().toString());
        toClose.add(m);
        names.put(m.memberId(), name);
        m.start();
        m.joinGroup(GROUP);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> groupStatus(ZooKeeperPartitionCoordinator m) {
        return (Map<String, Object>) ((Map<String, Object>) m.status().get("groups")).get(GROUP);
    }

    private boolean throwsOn(ZooKeeperPartitionCoordinator m) {
        try {
            m.extractMySubset(GROUP, resources, Resource::id);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    /**
     * Waits until every member gets a subset, each non-empty, and together they hold every resource exactly
     * once; returns resource id -> member id.
     */
    private Map<String, String> awaitExactlyOnce(String what, List<ZooKeeperPartitionCoordinator> members) {
        java.util.concurrent.atomic.AtomicReference<Map<String, String>> result = new java.util.concurrent.atomic.AtomicReference<>();
        await(what, () -> {
            Map<String, String> owners = new HashMap<>();
            StringBuilder shares = new StringBuilder();
            for (ZooKeeperPartitionCoordinator m : members) {
                List<Resource> mine;
                try {
                    mine = m.extractMySubset(GROUP, resources, Resource::id);
                } catch (Exception e) {
                    lastObservation = names.get(m.memberId()) + ": " + e.getMessage();
                    return false;
                }
                shares.append(names.get(m.memberId())).append('=').append(mine.size()).append(' ');
                if (mine.isEmpty()) {
                    lastObservation = "empty share: " + shares;
                    return false;
                }
                for (Resource r : mine) {
                    if (owners.put(r.id(), m.memberId()) != null) {
                        lastObservation = "duplicate " + r.id() + "; shares " + shares;
                        return false;
                    }
                }
            }
            if (owners.size() != resources.size()) {
                lastObservation = owners.size() + " of " + resources.size() + " covered; shares " + shares;
                return false;
            }
            result.set(owners);
            return true;
        });
        return result.get();
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        lastObservation = "";
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + WAIT + ": " + what + "; last seen: " + lastObservation
                        + (zk == null ? "" : "\nZooKeeper's log ends with:\n" + zk.logTail()));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private void print(String when, Map<String, String> owners) {
        Map<String, Long> shares = owners.values().stream()
                .collect(Collectors.groupingBy(id -> names.get(id), java.util.TreeMap::new, Collectors.counting()));
        System.out.println("[coordination] shares " + when + ": " + shares);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
