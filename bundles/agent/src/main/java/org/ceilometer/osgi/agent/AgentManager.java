package org.ceilometer.osgi.agent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.PartitionCoordinator;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ceilometer's AgentManager for the central namespace: tracks pollsters and discoveries as they come and
 * go, reads the polling definitions, runs one schedule per distinct interval (the first cycle at once)
 * and hands the samples to storage. A pollster that throws, hangs or hands garbage is logged and counted;
 * the others go on and no schedule dies.
 */
@Component(service = AgentManager.class, configurationPid = Namespaces.PID_POLLING,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = AgentManager.Config.class)
public final class AgentManager {
    private static final Logger LOG = LoggerFactory.getLogger(AgentManager.class);
    static final String NAMESPACE = "central";

    @ObjectClassDefinition(name = "Ceilometer [polling]", description = "The central agent's polling")
    public @interface Config {
        @AttributeDefinition(description = "Polling definitions; relative to ${ceilometer.home}/config")
        String cfg__file() default "polling.yaml";

        @AttributeDefinition(description = "Pipeline definitions (sources, sinks, transformers, publishers); "
                + "relative to ${ceilometer.home}/config. Its sources define polling when cfg_file does not exist")
        String pipeline__cfg__file() default "pipeline.yaml";

        @AttributeDefinition(description = "Agents with the same prefix share resources")
        String partitioning__group__prefix() default "";

        @AttributeDefinition(description = "Samples handed to storage at a time")
        int batch__size() default 50;

        @AttributeDefinition(description = "Seconds one pollster may run before it is cancelled")
        int pollster__timeout() default 300;

        @AttributeDefinition(description = "Pollsters run at once")
        int pollster__threads() default 4;

        @AttributeDefinition(description = "Requests that fan out per project or resource run at once")
        int max__parallel__requests() default 16;

        @AttributeDefinition(description = "Seconds between checks of the polling file for edits")
        int cfg__check__interval() default 2;
    }

    /** A tracked pollster: its service, meter and the runs in flight. */
    static final class PollsterEntry {
        final ServiceReference<Pollster> ref;
        final Pollster pollster;
        final String meter;
        final PluginStats stats;
        final Set<FutureTask<?>> running = ConcurrentHashMap.newKeySet();

        PollsterEntry(ServiceReference<Pollster> ref, Pollster pollster, String meter, String origin) {
            this.ref = ref;
            this.pollster = pollster;
            this.meter = meter;
            this.stats = new PluginStats(meter, origin);
        }
    }

    private final SampleDispatcher dispatcher;
    private final Path configDir;
    private final ConcurrentSkipListMap<ServiceReference<Pollster>, PollsterEntry> pollsters =
            new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    private final ConcurrentSkipListMap<ServiceReference<Discovery>, Discovery> discoveries =
            new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    private volatile OpenStackClient openstack;
    private volatile PartitionCoordinator coordinator;
    private final Set<String> joinedGroups = ConcurrentHashMap.newKeySet();
    private final Set<String> partitionFailures = ConcurrentHashMap.newKeySet();

    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService cycleRunner;
    private final ThreadPoolExecutor pollsterPool;
    private final ThreadPoolExecutor fanOutPool;
    private final Map<Integer, ScheduledFuture<?>> schedules = new HashMap<>();
    private final Map<Integer, AtomicBoolean> cycleRunning = new ConcurrentHashMap<>();
    private final Set<Integer> rerun = ConcurrentHashMap.newKeySet();
    private final Map<Integer, CycleReport> lastReports = new ConcurrentHashMap<>();
    private final AtomicLong cycles = new AtomicLong();
    private final AtomicLong samplesPolled = new AtomicLong();
    private final AtomicLong pollsterErrors = new AtomicLong();
    private final AtomicLong discoveryErrors = new AtomicLong();
    private volatile boolean stopped;

    private volatile Config config;
    private volatile List<PollingSource> sources = List.of();
    private volatile Path sourcesFile;
    private volatile String sourcesState = "not loaded";
    private volatile String sourcesError;
    private volatile FileStamp lastStamp;
    private ScheduledFuture<?> watchTask;

    @Activate
    public AgentManager(
            @Reference(target = "(" + SampleDispatcher.PROPERTY + "=" + SampleDispatcher.PIPELINE + ")")
            SampleDispatcher dispatcher, BundleContext context, Config config) {
        this.dispatcher = dispatcher;
        this.config = config;
        Path home = Home.of(context);
        Home.prepare(home);
        this.configDir = home.resolve("config");
        this.scheduler = new ScheduledThreadPoolExecutor(1, threads("ceilometer-scheduler"));
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.cycleRunner = Executors.newCachedThreadPool(threads("ceilometer-cycle"));
        int workers = Math.max(1, config.pollster__threads());
        this.pollsterPool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("ceilometer-pollster"));
        int fan = Math.max(1, config.max__parallel__requests());
        this.fanOutPool = new ThreadPoolExecutor(fan, fan, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads("ceilometer-fanout"));
        this.fanOutPool.allowCoreThreadTimeOut(true);
        reloadSources(true);
        this.watchTask = scheduleWatch(config);
        LOG.info("agent: started with {} sources from {}", sources.size(), sourcesFile);
    }

    @Modified
    void modified(Config newConfig) {
        Config old = this.config;
        this.config = newConfig;
        int workers = Math.max(1, newConfig.pollster__threads());
        if (workers > pollsterPool.getMaximumPoolSize()) {
            pollsterPool.setMaximumPoolSize(workers);
            pollsterPool.setCorePoolSize(workers);
        } else {
            pollsterPool.setCorePoolSize(workers);
            pollsterPool.setMaximumPoolSize(workers);
        }
        int fan = Math.max(1, newConfig.max__parallel__requests());
        if (fan > fanOutPool.getMaximumPoolSize()) {
            fanOutPool.setMaximumPoolSize(fan);
            fanOutPool.setCorePoolSize(fan);
        } else {
            fanOutPool.setCorePoolSize(fan);
            fanOutPool.setMaximumPoolSize(fan);
        }
        if (!old.partitioning__group__prefix().equals(newConfig.partitioning__group__prefix())) {
            joinedGroups.clear();
        }
        synchronized (this) {
            if (watchTask != null) {
                watchTask.cancel(false);
            }
            watchTask = scheduleWatch(newConfig);
        }
        reloadSources(!old.cfg__file().equals(newConfig.cfg__file()));
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        synchronized (this) {
            schedules.values().forEach(f -> f.cancel(false));
            schedules.clear();
        }
        scheduler.shutdownNow();
        cycleRunner.shutdownNow();
        pollsterPool.shutdownNow();
        fanOutPool.shutdownNow();
        try {
            cycleRunner.awaitTermination(10, TimeUnit.SECONDS);
            pollsterPool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pollsters.clear();
        discoveries.clear();
        LOG.info("agent: stopped after {} cycles", cycles.get());
    }

    // ---- plugins

    @Reference(service = Pollster.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            target = "(" + Namespaces.NAMESPACE + "=" + Namespaces.POLL_CENTRAL + ")")
    void bindPollster(ServiceReference<Pollster> ref, Pollster pollster) {
        Object meter = ref.getProperty(Namespaces.METER);
        if (!(meter instanceof String) || ((String) meter).isEmpty()) {
            LOG.warn("agent: pollster service {} from {} has no '{}' property and is ignored",
                    ref.getProperty("service.id"), ref.getBundle(), Namespaces.METER);
            return;
        }
        PollsterEntry e = new PollsterEntry(ref, pollster, (String) meter, origin(ref));
        pollsters.put(ref, e);
        LOG.info("agent: pollster {} added from {}", meter, e.stats.origin);
    }

    void unbindPollster(ServiceReference<Pollster> ref) {
        PollsterEntry e = pollsters.remove(ref);
        if (e != null) {
            for (FutureTask<?> f : e.running) {
                f.cancel(true);
            }
            e.running.clear();
            LOG.info("agent: pollster {} removed", e.meter);
        }
    }

    @Reference(service = Discovery.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            target = "(" + Namespaces.NAMESPACE + "=" + Namespaces.DISCOVER + ")")
    void bindDiscovery(ServiceReference<Discovery> ref, Discovery discovery) {
        discoveries.put(ref, discovery);
        LOG.info("agent: discovery {} added", ref.getProperty(Namespaces.DISCOVERY));
    }

    void unbindDiscovery(ServiceReference<Discovery> ref) {
        if (discoveries.remove(ref) != null) {
            LOG.info("agent: discovery {} removed", ref.getProperty(Namespaces.DISCOVERY));
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedOpenStack")
    void bindOpenStack(OpenStackClient client) {
        boolean first = this.openstack == null;
        this.openstack = client;
        if (first) {
            pollSoon("the OpenStack session is available");
        }
    }

    /** The session's credentials were edited: poll now rather than at the next tick. */
    void updatedOpenStack(OpenStackClient client) {
        pollSoon("the OpenStack credentials changed");
    }

    void unbindOpenStack(OpenStackClient client) {
        if (this.openstack == client) {
            this.openstack = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCoordinator(PartitionCoordinator c) {
        this.coordinator = c;
        joinedGroups.clear();
        LOG.info("agent: partitioning on, member {}", c.memberId());
    }

    void unbindCoordinator(PartitionCoordinator c) {
        if (this.coordinator == c) {
            this.coordinator = null;
            joinedGroups.clear();
            LOG.info("agent: partitioning off, polling every resource");
        }
    }

    private static String origin(ServiceReference<?> ref) {
        Object o = ref.getProperty(Namespaces.ORIGIN);
        if (o != null) {
            return o.toString();
        }
        return ref.getBundle() == null ? "(gone)"
                : ref.getBundle().getSymbolicName() + " " + ref.getBundle().getVersion();
    }

    // ---- polling definitions and schedules

    private ScheduledFuture<?> scheduleWatch(Config cfg) {
        long every = Math.max(1, cfg.cfg__check__interval());
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                reloadSources(false);
            } catch (RuntimeException e) {
                LOG.warn("agent: checking the polling file failed", e);
            }
        }, every, every, TimeUnit.SECONDS);
    }

    /** The polling file; when it does not exist and the pipeline file does, the pipeline file (as Ocata). */
    Path resolveSourcesFile() {
        Path p = Paths.get(config.cfg__file());
        Path polling = p.isAbsolute() ? p : configDir.resolve(p);
        if (!Files.isRegularFile(polling)) {
            Path pipeline = configDir.resolve(config.pipeline__cfg__file());
            if (Files.isRegularFile(pipeline)) {
                return pipeline;
            }
        }
        return polling;
    }

    /** Loads the polling file if it changed (or always when forced); a broken file keeps the last good one. */
    synchronized void reloadSources(boolean force) {
        if (stopped) {
            return;
        }
        Path file = resolveSourcesFile();
        FileStamp stamp = FileStamp.of(file);
        if (!force && file.equals(sourcesFile) && stamp.equals(lastStamp)) {
            return;
        }
        sourcesFile = file;
        lastStamp = stamp;
        if (!stamp.exists) {
            if (force && sources.isEmpty()) {
                sources = List.of(defaultSource());
                sourcesState = "default source (no file at " + file + ")";
                sourcesError = null;
                LOG.info("agent: no polling file at {}; polling every meter every 600 s", file);
                applySchedules();
            } else {
                sourcesError = file + ": the file is missing; the running definitions are kept";
                LOG.warn("agent: {}", sourcesError);
            }
            return;
        }
        try {
            PollingDefinitions defs = PollingDefinitions.load(file);
            defs.warnings().forEach(w -> LOG.warn("agent: {}", w));
            sources = defs.sources();
            sourcesState = "loaded " + Instant.now() + " from " + file;
            sourcesError = null;
            LOG.info("agent: {} polling sources loaded from {}", sources.size(), file);
            applySchedules();
        } catch (PollingDefinitionException e) {
            sourcesError = e.getMessage() + " (the running definitions are kept)";
            LOG.error("agent: {}", sourcesError);
            if (sourcesState.equals("not loaded")) {
                sourcesState = "none: the file has errors";
            }
        }
    }

    private static PollingSource defaultSource() {
        return new PollingSource("meter_source", 600, MeterMatcher.of(List.of("*")), List.of(), List.of());
    }

    private synchronized void applySchedules() {
        Set<Integer> intervals = new TreeSet<>();
        for (PollingSource s : sources) {
            intervals.add(s.interval());
        }
        schedules.entrySet().removeIf(e -> {
            if (!intervals.contains(e.getKey())) {
                e.getValue().cancel(false);
                LOG.info("agent: schedule every {} s removed", e.getKey());
                return true;
            }
            return false;
        });
        for (int interval : intervals) {
            if (!schedules.containsKey(interval)) {
                schedules.put(interval, scheduler.scheduleAtFixedRate(() -> startCycle(interval), 0, interval,
                        TimeUnit.SECONDS));
                LOG.info("agent: schedule every {} s added", interval);
            }
        }
    }

    /** Runs every schedule now (or right after its running cycle), outside the ticks. */
    private void pollSoon(String why) {
        Set<Integer> intervals;
        synchronized (this) {
            intervals = new TreeSet<>(schedules.keySet());
        }
        if (intervals.isEmpty() || stopped) {
            return;
        }
        LOG.info("agent: {}; polling now", why);
        for (int interval : intervals) {
            try {
                scheduler.execute(() -> startCycle(interval, true));
            } catch (RuntimeException e) {
                return; // stopping
            }
        }
    }

    private void startCycle(int interval) {
        startCycle(interval, false);
    }

    private void startCycle(int interval, boolean extra) {
        if (stopped) {
            return;
        }
        AtomicBoolean running = cycleRunning.computeIfAbsent(interval, k -> new AtomicBoolean());
        if (!running.compareAndSet(false, true)) {
            if (extra) {
                rerun.add(interval);
            } else {
                LOG.warn("agent: the {} s cycle is still running; this tick is skipped", interval);
            }
            return;
        }
        try {
            cycleRunner.execute(() -> {
                try {
                    List<PollingSource> due = new ArrayList<>();
                    for (PollingSource s : sources) {
                        if (s.interval() == interval) {
                            due.add(s);
                        }
                    }
                    if (!due.isEmpty()) {
                        CycleReport r = runCycle(interval, due);
                        lastReports.put(interval, r);
                    }
                } catch (Throwable t) {
                    LOG.error("agent: the {} s cycle failed", interval, t);
                } finally {
                    running.set(false);
                    if (rerun.remove(interval)) {
                        startCycle(interval, true);
                    }
                }
            });
        } catch (RuntimeException e) {
            running.set(false);
            if (!stopped) {
                LOG.warn("agent: cannot start the {} s cycle: {}", interval, e.toString());
            }
        }
    }

    // ---- one cycle

    /** Polls the given sources once and waits for every pollster run to end. */
    CycleReport runCycle(int interval, List<PollingSource> due) {
        List<String> names = new ArrayList<>();
        due.forEach(s -> names.add(s.name()));
        CycleReport report = new CycleReport(interval, names, Instant.now());
        long t0 = System.nanoTime();
        CycleCacheImpl cache = new CycleCacheImpl();
        Map<String, CompletableFuture<List<Resource>>> discovered = new ConcurrentHashMap<>();
        Set<String> warnedThisCycle = ConcurrentHashMap.newKeySet();
        List<FutureTask<?>> runs = new ArrayList<>();
        Map<FutureTask<?>, PollsterEntry> owners = new HashMap<>();
        Map<FutureTask<?>, AtomicBoolean> timeouts = new HashMap<>();
        Config cfg = config;
        AtomicBoolean cycleCancelled = new AtomicBoolean();
        for (PollingSource source : due) {
            for (PollsterEntry entry : pollsters.values()) {
                if (!source.polls(entry.meter)) {
                    continue;
                }
                PollContextImpl ctx = new PollContextImpl(() -> openstack, cache, Instant.now(), source.name(),
                        fanOutPool, fanOutPool.getMaximumPoolSize(), Duration.ofSeconds(cfg.pollster__timeout()),
                        cycleCancelled::get);
                AtomicBoolean timedOut = new AtomicBoolean();
                FutureTask<Void> task = new FutureTask<>(() -> {
                    // discoveries run here, on the pollster threads, each once per cycle: the pollsters that
                    // need none or another one do not wait for them
                    List<Resource> resources = resourcesFor(source, entry, cache, discovered, warnedThisCycle, cfg);
                    if (resources.isEmpty()) {
                        report.skipped.incrementAndGet();
                        LOG.debug("agent: skip pollster {}, no resources found this cycle", entry.meter);
                        return null;
                    }
                    runPollster(entry, ctx, resources, report, cfg, timedOut);
                    return null;
                });
                entry.running.add(task);
                runs.add(task);
                owners.put(task, entry);
                timeouts.put(task, timedOut);
                try {
                    pollsterPool.execute(() -> {
                        ScheduledFuture<?> watchdog = scheduler.schedule(() -> {
                            if (!task.isDone()) {
                                timedOut.set(true);
                                task.cancel(true);
                            }
                        }, Math.max(1, cfg.pollster__timeout()), TimeUnit.SECONDS);
                        try {
                            task.run();
                        } finally {
                            watchdog.cancel(false);
                        }
                    });
                } catch (RuntimeException e) {
                    task.cancel(false);
                }
            }
        }
        for (FutureTask<?> task : runs) {
            PollsterEntry entry = owners.get(task);
            try {
                task.get();
            } catch (CancellationException e) {
                if (timeouts.get(task).get() && !stopped && pollsters.containsKey(entry.ref)) {
                    String msg = "cancelled after " + cfg.pollster__timeout() + " s (timeout)";
                    entry.stats.recordRun(Instant.now(), 0, TimeUnit.SECONDS.toMillis(cfg.pollster__timeout()), msg);
                    pollsterErrors.incrementAndGet();
                    report.errors.incrementAndGet();
                    LOG.warn("agent: pollster {} {}", entry.meter, msg);
                }
            } catch (ExecutionException e) {
                LOG.warn("agent: pollster {} run failed", entry.meter, e.getCause());
            } catch (InterruptedException e) {
                cycleCancelled.set(true);
                runs.forEach(r -> r.cancel(true));
                Thread.currentThread().interrupt();
                break;
            } finally {
                entry.running.remove(task);
            }
        }
        cache.clear();
        try {
            dispatcher.flush();
        } catch (RuntimeException e) {
            LOG.warn("agent: flushing the pipelines failed", e);
        }
        report.durationMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        cycles.incrementAndGet();
        LOG.debug("agent: cycle every {} s done: {}", interval, report);
        return report;
    }

    private void runPollster(PollsterEntry entry, PollContextImpl ctx, List<Resource> resources, CycleReport report,
            Config cfg, AtomicBoolean timedOut) {
        long t0 = System.nanoTime();
        RunSink sink = new RunSink(entry.meter, Math.max(1, cfg.batch__size()));
        String error = null;
        try {
            entry.pollster.getSamples(ctx, resources, sink);
        } catch (EndpointNotFoundException e) {
            error = e.getMessage();
            LOG.warn("agent: pollster {} skipped: {}", entry.meter, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception | LinkageError e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (LOG.isDebugEnabled()) {
                LOG.debug("agent: pollster {} failed", entry.meter, e);
            }
            LOG.warn("agent: pollster {} failed: {}", entry.meter, error);
        } finally {
            sink.close();
        }
        if (sink.refused > 0) {
            String refusal = sink.refused + " invalid samples refused (" + sink.firstRefusal + ")";
            LOG.warn("agent: pollster {}: {}", entry.meter, refusal);
            error = error == null ? refusal : error + "; " + refusal;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        samplesPolled.addAndGet(sink.accepted);
        report.addSamples(entry.meter, sink.accepted);
        if (timedOut.get()) {
            return; // the cycle records the timeout; what came before it is kept
        }
        entry.stats.recordRun(ctx.timestamp(), sink.accepted, ms, error);
        if (error != null) {
            pollsterErrors.incrementAndGet();
            report.errors.incrementAndGet();
        }
    }

    /**
     * Whether a pollster registered for {@code meter} may hand a sample named {@code name}: its own meter,
     * or for a multi-metric dynamic pollster ({@code prefix.{attribute}}), any {@code prefix.<value>}.
     */
    static boolean producedBy(String meter, String name) {
        if (meter.equals(name)) {
            return true;
        }
        int brace = meter.lastIndexOf(".{");
        return brace > 0 && meter.endsWith("}") && name.length() > brace + 1
                && name.regionMatches(0, meter, 0, brace + 1) && name.indexOf('{') < 0;
    }

    /** Checks, counts and batches one run's samples; what was handed over before a failure is kept. */
    private final class RunSink implements SampleSink {
        private final String meter;
        private final int batchSize;
        private final List<Sample> buffer;
        private volatile boolean closed;
        long accepted;
        long refused;
        String firstRefusal;

        RunSink(String meter, int batchSize) {
            this.meter = meter;
            this.batchSize = batchSize;
            this.buffer = new ArrayList<>(Math.min(batchSize, 1024));
        }

        @Override
        public synchronized void accept(Sample sample) {
            if (closed) {
                refuse("handed after the run ended");
                return;
            }
            if (sample == null) {
                refuse("null sample");
                return;
            }
            if (!producedBy(meter, sample.name())) {
                refuse("meter '" + sample.name() + "' from the pollster of '" + meter + "'");
                return;
            }
            accepted++;
            buffer.add(sample);
            if (buffer.size() >= batchSize) {
                dispatcher.dispatch(List.copyOf(buffer));
                buffer.clear();
            }
        }

        private void refuse(String why) {
            refused++;
            if (firstRefusal == null) {
                firstRefusal = why;
            }
        }

        synchronized void close() {
            closed = true;
            if (!buffer.isEmpty()) {
                dispatcher.dispatch(List.copyOf(buffer));
                buffer.clear();
            }
        }
    }

    /**
     * Ceilometer's precedence: the source's static resources and discoveries; when they give nothing,
     * the pollster's default discovery. Duplicates removed, order kept.
     */
    private List<Resource> resourcesFor(PollingSource source, PollsterEntry entry, CycleCacheImpl cache,
            Map<String, CompletableFuture<List<Resource>>> discovered, Set<String> warned, Config cfg)
            throws InterruptedException {
        LinkedHashSet<Resource> out = new LinkedHashSet<>();
        if (!source.resources().isEmpty()) {
            // once per source and cycle, however many pollsters the source has ('\0' keeps it apart from
            // discovery names)
            out.addAll(once(discovered, "\0static:" + source.name(), () -> {
                List<Resource> statics = new ArrayList<>();
                source.resources().forEach(r -> statics.add(Resource.of(r)));
                return partition(staticGroup(source.resources(), cfg), statics, warned);
            }));
        }
        for (String d : source.discovery()) {
            out.addAll(discover(d, cache, discovered, warned, cfg, source.name()));
        }
        if (out.isEmpty() && source.resources().isEmpty() && source.discovery().isEmpty()) {
            String d = entry.pollster.defaultDiscovery();
            if (d != null && !d.isEmpty()) {
                out.addAll(discover(d, cache, discovered, warned, cfg, source.name()));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The value under {@code key} for this cycle, loaded by the first caller; the others wait for it (not
     * {@code computeIfAbsent}, which would hold the map's bin for the whole of a long listing).
     */
    private static List<Resource> once(Map<String, CompletableFuture<List<Resource>>> loaded, String key,
            java.util.function.Supplier<List<Resource>> load) throws InterruptedException {
        CompletableFuture<List<Resource>> mine = new CompletableFuture<>();
        CompletableFuture<List<Resource>> first = loaded.putIfAbsent(key, mine);
        if (first != null) {
            try {
                return first.get();
            } catch (ExecutionException e) {
                return List.of();
            }
        }
        try {
            List<Resource> value = load.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.complete(List.of());
            throw e;
        }
    }

    private List<Resource> discover(String url, CycleCacheImpl cache,
            Map<String, CompletableFuture<List<Resource>>> discovered, Set<String> warned, Config cfg,
            String sourceName) throws InterruptedException {
        String u = url;
        return once(discovered, url, () -> {
            int colon = u.indexOf(':');
            String name = colon < 0 ? u : u.substring(0, colon);
            String param = colon < 0 ? null : u.substring(colon + 1);
            Discovery d = findDiscovery(name);
            if (d == null) {
                if (warned.add("missing:" + name)) {
                    LOG.warn("agent: no discovery '{}' is registered; '{}' finds nothing this cycle", name, u);
                }
                return List.of();
            }
            try {
                PollContextImpl ctx = new PollContextImpl(() -> openstack, cache, Instant.now(), sourceName,
                        fanOutPool, fanOutPool.getMaximumPoolSize(), Duration.ofSeconds(cfg.pollster__timeout()),
                        () -> stopped);
                List<Resource> found = d.discover(ctx, param);
                if (found == null) {
                    return List.of();
                }
                String group = d.groupId();
                return group == null ? List.copyOf(found) : partition(groupPrefix(cfg) + "-" + group, found, warned);
            } catch (EndpointNotFoundException e) {
                if (warned.add("endpoint:" + u)) {
                    LOG.warn("agent: discovery {}: {}; its pollsters are skipped this cycle", u, e.getMessage());
                }
                return List.of();
            } catch (Exception e) {
                discoveryErrors.incrementAndGet();
                if (warned.add("failed:" + u)) {
                    LOG.warn("agent: discovery {} failed: {}", u, e.toString());
                }
                return List.of();
            }
        });
    }

    private Discovery findDiscovery(String name) {
        for (Map.Entry<ServiceReference<Discovery>, Discovery> e : discoveries.entrySet()) {
            if (name.equals(e.getKey().getProperty(Namespaces.DISCOVERY))) {
                return e.getValue();
            }
        }
        return null;
    }

    static String groupPrefix(Config cfg) {
        String p = cfg.partitioning__group__prefix();
        return p == null || p.isEmpty() ? NAMESPACE : NAMESPACE + "-" + p;
    }

    /** The group of a source's static resources: the same name in every process. */
    static String staticGroup(Collection<String> resources, Config cfg) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String r : new TreeSet<>(resources)) {
                md.update(r.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            StringBuilder hex = new StringBuilder();
            byte[] d = md.digest();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", d[i]));
            }
            return groupPrefix(cfg) + "-static-" + hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Resource> partition(String group, List<Resource> items, Set<String> warned) {
        PartitionCoordinator c = coordinator;
        if (c == null || items.isEmpty()) {
            return items;
        }
        try {
            if (joinedGroups.add(group)) {
                try {
                    c.joinGroup(group);
                } catch (Exception e) {
                    joinedGroups.remove(group);
                    throw e;
                }
            }
            List<Resource> mine = c.extractMySubset(group, items, Resource::id);
            if (partitionFailures.remove(group)) {
                LOG.info("agent: partitioning of group {} works again", group);
            }
            return mine;
        } catch (Exception e) {
            if (partitionFailures.add(group)) {
                LOG.warn("agent: partitioning of group {} is unavailable ({}); polling none of its resources, "
                        + "so that none is polled twice", group, e.toString());
            }
            return List.of();
        }
    }

    // ---- views for the shell and tests

    /** Polls the named source (all when null) now, outside the schedule. */
    List<CycleReport> pollNow(String sourceName) {
        List<CycleReport> out = new ArrayList<>();
        Map<Integer, List<PollingSource>> byInterval = new LinkedHashMap<>();
        for (PollingSource s : sources) {
            if (sourceName == null || s.name().equals(sourceName)) {
                byInterval.computeIfAbsent(s.interval(), k -> new ArrayList<>()).add(s);
            }
        }
        if (sourceName != null && byInterval.isEmpty()) {
            throw new IllegalArgumentException("no source named '" + sourceName + "'");
        }
        long waitNanos = TimeUnit.SECONDS.toNanos(config.pollster__timeout() + 10L);
        for (Map.Entry<Integer, List<PollingSource>> e : byInterval.entrySet()) {
            int interval = e.getKey();
            // never beside a scheduled cycle of the same interval: it would poll the same resources twice
            AtomicBoolean running = cycleRunning.computeIfAbsent(interval, k -> new AtomicBoolean());
            long deadline = System.nanoTime() + waitNanos;
            while (!running.compareAndSet(false, true)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the " + interval + " s cycle is still running");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            try {
                // on the agent's own thread, so that the cycle's log lines go to the agent's log and not to
                // the shell session that asked
                out.add(cycleRunner.submit(() -> runCycle(interval, e.getValue())).get());
            } catch (ExecutionException x) {
                throw new IllegalStateException("the poll failed: " + x.getCause(), x.getCause());
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", x);
            } finally {
                running.set(false);
                if (rerun.remove(interval)) {
                    startCycle(interval, true);
                }
            }
        }
        return out;
    }

    List<PollsterEntry> pollsterEntries() {
        return new ArrayList<>(pollsters.values());
    }

    Map<String, String> discoveryNames() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ServiceReference<Discovery> r : discoveries.keySet()) {
            m.putIfAbsent(String.valueOf(r.getProperty(Namespaces.DISCOVERY)), origin(r));
        }
        return m;
    }

    List<PollingSource> sources() {
        return sources;
    }

    Set<Integer> scheduledIntervals() {
        synchronized (this) {
            return new TreeSet<>(schedules.keySet());
        }
    }

    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cycles", cycles.get());
        m.put("samples polled", samplesPolled.get());
        m.put("pollster errors", pollsterErrors.get());
        m.put("discovery errors", discoveryErrors.get());
        m.put("pollsters", pollsters.size());
        m.put("discoveries", discoveryNames().size());
        m.put("sources", sources.size() + " (" + sourcesState + ")");
        m.put("schedules", scheduledIntervals().isEmpty() ? "none" : scheduledIntervals() + " s");
        m.put("polling file error", sourcesError == null ? "none" : sourcesError);
        OpenStackClient os = openstack;
        m.put("openstack", os == null ? "no session service" : os.describe());
        PartitionCoordinator c = coordinator;
        m.put("partitioning", c == null ? "off (this agent polls every resource)"
                : "member " + c.memberId() + ", " + c.status().getOrDefault("state", "?")
                        + (partitionFailures.isEmpty() ? "" : ", unavailable for " + partitionFailures));
        for (Map.Entry<Integer, CycleReport> e : new java.util.TreeMap<>(lastReports).entrySet()) {
            m.put("last " + e.getKey() + " s cycle", e.getValue().started + ": " + e.getValue());
        }
        return m;
    }

    PartitionCoordinator coordinator() {
        return coordinator;
    }

    String groupPrefix() {
        return groupPrefix(config);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Last-modified time and size of a file, to notice edits. */
    record FileStamp(boolean exists, long modified, long size) {
        static FileStamp of(Path p) {
            try {
                if (!Files.isRegularFile(p)) {
                    return new FileStamp(false, 0, 0);
                }
                return new FileStamp(true, Files.getLastModifiedTime(p).toMillis(), Files.size(p));
            } catch (java.io.IOException e) {
                return new FileStamp(false, 0, 0);
            }
        }
    }
}
