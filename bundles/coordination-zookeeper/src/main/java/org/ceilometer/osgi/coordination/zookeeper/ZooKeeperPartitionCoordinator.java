package org.ceilometer.osgi.coordination.zookeeper;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.Stat;
import org.ceilometer.osgi.api.PartitionCoordinator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partition coordinator on ZooKeeper, through Apache Curator.
 *
 * <p>Layout under the chroot of {@code backend_url}: {@code /groups/<group>/<member id>}. A group is a
 * container node, created when missing; each member is an EPHEMERAL node, so an agent that dies leaves
 * its groups when its session expires. A {@link CuratorCache} watches each joined group; on a change the
 * members are read again and the {@link HashRing} is rebuilt when the set of members differs.
 *
 * <p>While the connection is suspended or lost, or the membership of a group is not known in the current
 * connection, {@link #extractMySubset} throws: the agent then polls nothing of the group, so that no
 * resource is polled twice. The outage is logged once, at its start, and once more when it ends. After a
 * reconnection (with the same session or a new one) every joined group is joined again.
 *
 * <p>Curator is started on the coordinator's own thread; nothing here blocks component activation.
 */
@Component(factory = ZooKeeperPartitionCoordinator.FACTORY, service = PartitionCoordinator.class,
        configurationPolicy = ConfigurationPolicy.IGNORE, property = "ceilometer.coordination.backend=zookeeper")
public final class ZooKeeperPartitionCoordinator implements PartitionCoordinator, AutoCloseable {
    /** The {@code component.factory} of this component. */
    static final String FACTORY = "ceilometer.coordination.zookeeper";
    /** A private component property carrying the parsed {@link Settings}. */
    static final String SETTINGS_PROPERTY = ".ceilometer.coordination.settings";
    static final String GROUPS_PATH = "/groups";
    /** How long joinGroup and extractMySubset wait for a join (normally milliseconds) before they give up. */
    static final long JOIN_WAIT_MILLIS = 5000;

    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperPartitionCoordinator.class);

    /** The connection state, as {@link #status()} shows it. */
    enum State {
        CONNECTING, CONNECTED, SUSPENDED, LOST, READ_ONLY, CLOSED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Settings settings;
    private final String memberId;
    private final ScheduledThreadPoolExecutor executor;
    private final ConcurrentMap<String, Group> groups = new ConcurrentHashMap<>();
    /** Counts connections: a group's membership is known only when read in the current one. */
    private final AtomicLong epoch = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final Object outageLock = new Object();
    private volatile CuratorFramework client;
    private volatile State state = State.CONNECTING;
    private volatile boolean closed;
    private volatile byte[] memberData = new byte[0];
    // guarded by outageLock
    private long outageSinceNanos = -1;
    private Instant outageSince;
    private int outages;

    /** The DS constructor: the launcher passes the parsed settings as a private property. */
    @Activate
    public ZooKeeperPartitionCoordinator(Map<String, Object> properties) {
        this((Settings) Objects.requireNonNull(properties.get(SETTINGS_PROPERTY), "settings"),
                UUID.randomUUID().toString());
        start();
    }

    /** A coordinator that does nothing until {@link #start()}. */
    ZooKeeperPartitionCoordinator(Settings settings, String memberId) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ceilometer-coordination");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Starts Curator on the coordinator's thread and the heartbeat; returns at once. */
    void start() {
        executor.execute(this::connect);
        executor.scheduleWithFixedDelay(() -> {
            try {
                heartbeat();
            } catch (RuntimeException e) {
                // a periodic task that throws is never run again: log and go on
                LOG.warn("Coordination heartbeat failed", e);
            }
        }, settings.heartbeatMillis(), settings.heartbeatMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String memberId() {
        return memberId;
    }

    /**
     * Joins a group, creating it when missing. The group is remembered and joined again after every
     * reconnection. When connected, this waits for the join ({@value #JOIN_WAIT_MILLIS} ms at most, then
     * a TimeoutException while the join goes on); when ZooKeeper is not reachable now, it returns at once
     * and the group is joined when the connection is back.
     */
    @Override
    public void joinGroup(String groupId) throws Exception {
        Objects.requireNonNull(groupId, "groupId");
        if (closed) {
            throw new IllegalStateException("the partition coordinator is closed");
        }
        Group group = groups.computeIfAbsent(groupId, id -> new Group(id, memberId));
        if (state == State.CONNECTED) {
            awaitSync(group);
        }
    }

    @Override
    public <T> List<T> extractMySubset(String groupId, List<T> items, Function<T, String> key) throws Exception {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(key, "key");
        if (groupId == null) {
            return new ArrayList<>(items);
        }
        Group group = groups.get(groupId);
        if (group == null) {
            joinGroup(groupId);
            group = groups.get(groupId);
        } else if (state == State.CONNECTED && group.freshEpoch != epoch.get()) {
            awaitSync(group);
        }
        HashRing ring = usableRing(group);
        MessageDigest md5 = HashRing.md5();
        List<T> mine = new ArrayList<>();
        for (T item : items) {
            String k = key.apply(item);
            if (k == null) {
                throw new IllegalArgumentException("an item of group " + groupId + " has no key: " + item);
            }
            if (memberId.equals(ring.owner(md5, k))) {
                mine.add(item);
            }
        }
        group.lastShare = mine.size();
        group.lastTotal = items.size();
        return mine;
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        State s = state;
        status.put("backend", settings.redactedUrl());
        status.put("state", s.label());
        status.put("member_id", memberId);
        status.put("heartbeat_s", settings.heartbeatMillis() / 1000.0);
        status.put("session_timeout_s", settings.sessionTimeoutMillis() / 1000.0);
        CuratorFramework c = client;
        if (c != null && s == State.CONNECTED) {
            int negotiated = c.getZookeeperClient().getLastNegotiatedSessionTimeoutMs();
            if (negotiated > 0) {
                status.put("negotiated_session_timeout_s", negotiated / 1000.0);
            }
        }
        synchronized (outageLock) {
            status.put("outages", outages);
            if (outageSince != null) {
                status.put("outage_since", outageSince.toString());
            }
        }
        long e = epoch.get();
        Map<String, Object> groupStatus = new TreeMap<>();
        for (Group g : groups.values()) {
            Map<String, Object> gs = new LinkedHashMap<>();
            HashRing ring = g.ring;
            boolean known = s == State.CONNECTED && ring != null && g.freshEpoch == e && ring.contains(memberId);
            gs.put("membership", known ? "known" : "unknown");
            gs.put("members", ring == null ? List.of() : ring.members());
            gs.put("member_count", ring == null ? 0 : ring.members().size());
            if (g.lastTotal >= 0) {
                gs.put("my_share", g.lastShare); // of the last extractMySubset call
                gs.put("of_items", g.lastTotal);
            }
            groupStatus.put(g.id, gs);
        }
        status.put("groups", groupStatus);
        return status;
    }

    /** Leaves every group (closing the session deletes the member nodes) and stops the threads. */
    @Deactivate
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        state = State.CLOSED;
        for (Runnable queued : executor.shutdownNow()) {
            if (queued instanceof Future) {
                ((Future<?>) queued).cancel(false); // a caller waiting in joinGroup returns at once
            }
        }
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The coordination thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Group g : groups.values()) {
            CuratorCache cache = g.cache;
            if (cache != null) {
                try {
                    cache.close();
                } catch (RuntimeException e) {
                    LOG.debug("Closing the cache of group {}", g.id, e);
                }
            }
        }
        CuratorFramework c = client;
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the ZooKeeper client", e);
            }
        }
        LOG.info("Partition coordinator {} stopped; member {} left {} group(s)", settings.redactedUrl(), memberId,
                groups.size());
    }

    // ---- the coordinator's thread

    private void connect() {
        if (closed) {
            return;
        }
        memberData = memberData();
        try {
            ZKClientConfig zkConfig = new ZKClientConfig();
            if (System.getProperty("java.security.auth.login.config") == null) {
                // No JAAS file: don't try SASL (and don't log about it on every connection).
                zkConfig.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
            }
            CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
                    .connectString(settings.connectString())
                    .namespace(settings.namespace())
                    .sessionTimeoutMs(settings.sessionTimeoutMillis())
                    .connectionTimeoutMs(settings.connectionTimeoutMillis())
                    .waitForShutdownTimeoutMs(1000)
                    .retryPolicy(new RetryNTimes(1, 250))
                    .zkClientConfig(zkConfig);
            byte[] auth = settings.digestAuth();
            if (auth != null) {
                builder.authorization("digest", auth);
            }
            CuratorFramework c = builder.build();
            c.getConnectionStateListenable().addListener(this::stateChanged);
            client = c;
            c.start();
            LOG.info("Partition coordinator {} starting; member id {}", settings, memberId);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Cannot start the ZooKeeper client for {}", settings.redactedUrl(), e);
            beginOutage("cannot start its client (" + e + ")");
        }
    }

    private void stateChanged(CuratorFramework c, ConnectionState newState) {
        if (closed || c != client) {
            return;
        }
        switch (newState) {
            case CONNECTED:
            case RECONNECTED:
                long e = epoch.incrementAndGet();
                state = State.CONNECTED;
                submit(() -> resyncAll(e));
                break;
            case SUSPENDED:
                state = State.SUSPENDED;
                beginOutage("connection suspended");
                break;
            case LOST:
                state = State.LOST;
                if (!beginOutage("session lost")) {
                    LOG.info("ZooKeeper session of member {} lost; a new session will rejoin its groups", memberId);
                }
                break;
            case READ_ONLY:
                state = State.READ_ONLY;
                beginOutage("read-only");
                break;
            default:
                break;
        }
    }

    private void resyncAll(long e) {
        for (Group g : groups.values()) {
            syncQuietly(g, e);
        }
        maybeEndOutage();
    }

    /** Every heartbeat: check each member node (our session must own it) and rejoin what is not current. */
    private void heartbeat() {
        if (closed) {
            return;
        }
        State s = state;
        if (s == State.CONNECTING
                && System.nanoTime() - startNanos > TimeUnit.MILLISECONDS.toNanos(settings.connectionTimeoutMillis())) {
            beginOutage("not reachable");
        }
        if (s != State.CONNECTED) {
            return;
        }
        long e = epoch.get();
        for (Group g : groups.values()) {
            if (g.freshEpoch != e) {
                syncQuietly(g, e);
            } else {
                try {
                    CuratorFramework c = client;
                    if (ensureMember(c, g)) {
                        sync(g, e);
                    }
                } catch (Exception ex) {
                    failed(g, ex);
                }
            }
        }
        maybeEndOutage();
    }

    private void scheduleRefresh(Group g) {
        if (!closed && g.refreshQueued.compareAndSet(false, true)) {
            submit(() -> {
                g.refreshQueued.set(false);
                syncQuietly(g, epoch.get());
            });
        }
    }

    private void syncQuietly(Group g, long e) {
        try {
            sync(g, e);
        } catch (Exception ex) {
            failed(g, ex);
        }
    }

    /**
     * Joins {@code g} in connection {@code e}: starts its cache, makes sure our member node exists and is
     * owned by the current session, reads the members and rebuilds the ring when they changed.
     */
    private void sync(Group g, long e) throws Exception {
        CuratorFramework c = client;
        if (c == null || closed || state != State.CONNECTED || e != epoch.get()) {
            return;
        }
        if (g.cache == null) {
            CuratorCache cache = CuratorCache.build(c, g.path);
            cache.listenable().addListener(CuratorCacheListener.builder()
                    .forAll((type, oldData, data) -> scheduleRefresh(g))
                    .build());
            g.cache = cache;
            cache.start();
        }
        ensureMember(c, g);
        List<String> children;
        try {
            children = c.getChildren().forPath(g.path);
        } catch (KeeperException.NoNodeException gone) {
            children = List.of();
        }
        List<String> members = List.copyOf(new TreeSet<>(children));
        HashRing ring = g.ring;
        if (ring == null || !ring.members().equals(members)) {
            g.ring = new HashRing(members);
            LOG.info("Group {}: {} member(s){}", g.id, members.size(), members.size() <= 10 ? " " + members : "");
        }
        if (e == epoch.get()) {
            g.freshEpoch = e;
        }
        if (g.warned) {
            g.warned = false;
            LOG.info("Group {} joined again", g.id);
        }
    }

    /**
     * Creates our member node when missing, or replaces one left by an earlier session of ours (after a
     * server restart, it would be deleted when that session expires).
     *
     * @return whether the node was (re)created
     */
    private boolean ensureMember(CuratorFramework c, Group g) throws Exception {
        long session = c.getZookeeperClient().getZooKeeper().getSessionId();
        for (int attempt = 0; attempt < 3; attempt++) {
            Stat stat = c.checkExists().forPath(g.memberPath);
            if (stat != null && stat.getEphemeralOwner() == session) {
                return false;
            }
            if (stat != null) {
                // delete and create in one transaction: the other members never see this member missing
                // (between a separate delete and create they would drop it from their rings while it
                // polls its share, and the share would be polled twice)
                try {
                    c.transaction().forOperations(
                            c.transactionOp().delete().withVersion(stat.getVersion()).forPath(g.memberPath),
                            c.transactionOp().create().withMode(CreateMode.EPHEMERAL)
                                    .forPath(g.memberPath, memberData));
                    LOG.debug("Group {}: took over the node of an earlier session of member {}", g.id, memberId);
                    return true;
                } catch (KeeperException.NoNodeException | KeeperException.BadVersionException gone) {
                    // expired or changed meanwhile: look again
                    continue;
                }
            }
            try {
                c.create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL)
                        .forPath(g.memberPath, memberData);
                return true;
            } catch (KeeperException.NodeExistsException raced) {
                // look again
            }
        }
        throw new IllegalStateException("cannot create the member node of group " + g.id);
    }

    private void failed(Group g, Exception ex) {
        if (ex instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return;
        }
        if (closed || state != State.CONNECTED) {
            return; // part of an outage, logged once already
        }
        if (!g.warned) {
            g.warned = true;
            LOG.warn("Cannot join group {} at {}: {}; it is skipped and retried every heartbeat", g.id,
                    settings.redactedUrl(), ex.toString());
        }
    }

    // ---- callers' threads

    /** Runs a sync of {@code g} on the coordinator's thread and waits for it, {@value #JOIN_WAIT_MILLIS} ms at most. */
    private void awaitSync(Group g) throws Exception {
        long e = epoch.get();
        Future<?> f;
        try {
            f = executor.submit(() -> {
                sync(g, e);
                return null;
            });
        } catch (RejectedExecutionException closing) {
            throw new IllegalStateException("the partition coordinator is closed");
        }
        try {
            f.get(JOIN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (CancellationException ex) {
            throw new IllegalStateException("the partition coordinator is closed");
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            throw cause instanceof Exception ? (Exception) cause : ex;
        } catch (TimeoutException ex) {
            throw new TimeoutException("joining group " + g.id + " at " + settings.redactedUrl()
                    + " takes too long; it goes on in the background");
        }
    }

    private HashRing usableRing(Group g) {
        State s = state;
        if (s != State.CONNECTED) {
            throw new IllegalStateException("membership of group " + g.id + " unknown: ZooKeeper " + s.label()
                    + " (" + settings.redactedUrl() + "); the group is skipped");
        }
        HashRing ring = g.ring;
        if (g.freshEpoch != epoch.get() || ring == null) {
            throw new IllegalStateException("membership of group " + g.id + " not known yet in this connection to "
                    + settings.redactedUrl() + "; the group is skipped");
        }
        if (!ring.contains(memberId)) {
            throw new IllegalStateException("member " + memberId + " is not in group " + g.id
                    + " yet; the group is skipped");
        }
        return ring;
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closing) {
            // closed
        }
    }

    // ---- outages: logged once when they start and once when they end

    private boolean beginOutage(String cause) {
        synchronized (outageLock) {
            if (outageSinceNanos >= 0 || closed) {
                return false;
            }
            outageSinceNanos = System.nanoTime();
            outageSince = Instant.now();
            outages++;
        }
        LOG.warn("Coordination backend {} {}: partitioned groups are skipped until it is back", settings.redactedUrl(),
                cause);
        return true;
    }

    private void maybeEndOutage() {
        if (state != State.CONNECTED) {
            return;
        }
        long e = epoch.get();
        for (Group g : groups.values()) {
            if (g.freshEpoch != e) {
                return;
            }
        }
        long since;
        synchronized (outageLock) {
            since = outageSinceNanos;
            if (since < 0) {
                return;
            }
            outageSinceNanos = -1;
            outageSince = null;
        }
        LOG.info("Coordination backend {} is back after {} s; member {} is in {} group(s)", settings.redactedUrl(),
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9), memberId, groups.size());
    }

    private static byte[] memberData() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown";
        }
        return (ProcessHandle.current().pid() + "@" + host).getBytes(StandardCharsets.UTF_8);
    }

    /** The node name of a group: its id, with '/', '%', controls, non-ASCII and a bare "." or ".." escaped. */
    static String nodeName(String groupId) {
        if (groupId.isEmpty()) {
            throw new IllegalArgumentException("a group id must not be empty");
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : groupId.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = c > 0x20 && c < 0x7f && c != '/' && c != '%';
            if (plain) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        String name = sb.toString();
        if (name.equals(".") || name.equals("..")) {
            name = name.replace(".", "%2E");
        }
        return name;
    }

    /** Test hook: the groups joined, in no order. */
    Collection<String> groupIds() {
        return groups.keySet();
    }

    /** Test hook: the id of the current ZooKeeper session, 0 when there is none. */
    long sessionId() {
        CuratorFramework c = client;
        try {
            return c == null ? 0 : c.getZookeeperClient().getZooKeeper().getSessionId();
        } catch (Exception e) {
            return 0;
        }
    }

    /** A joined group and what is known of it. */
    private static final class Group {
        final String id;
        final String path;
        final String memberPath;
        final AtomicBoolean refreshQueued = new AtomicBoolean();
        volatile CuratorCache cache;
        volatile HashRing ring;
        /** The connection in which the members were last read; -1: never. */
        volatile long freshEpoch = -1;
        volatile int lastShare = -1;
        volatile int lastTotal = -1;
        volatile boolean warned;

        Group(String id, String memberId) {
            this.id = id;
            this.path = GROUPS_PATH + "/" + nodeName(id);
            this.memberPath = path + "/" + memberId;
        }
    }
}
