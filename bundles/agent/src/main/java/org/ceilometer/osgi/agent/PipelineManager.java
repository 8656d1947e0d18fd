package org.ceilometer.osgi.agent;

import java.io.IOException;
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
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.PublisherFactory;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.Transformer;
import org.ceilometer.osgi.api.TransformerFactory;
import org.ceilometer.osgi.api.signing.MessageSigning;
import org.ceilometer.osgi.api.signing.MeterMessages;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ceilometer's pipeline manager: reads {@code pipeline.yaml} (watched for edits; a broken edit keeps
 * the running pipelines), runs the agent's samples through every pipeline whose source matches the
 * meter (the sink's transformers, one instance per pipeline), signs them with the telemetry secret,
 * and hands them to the sink's publishers, each wrapped in its policy (see {@link PublisherChannel}).
 * Transformer and publisher factories are tracked as they come and go. {@code database://} is the
 * agent's storage queue; {@code notifier://} and {@code rpc://}, which reached the collector and its
 * database in Ceilometer, go there too unless a factory serves them.
 *
 * <p>Configuration: PID {@code ceilometer.polling} ({@code pipeline_cfg_file}, {@code cfg_check_interval})
 * and PID {@code ceilometer.publisher} ({@code telemetry_secret}, alias {@code metering_secret}, and
 * the publishing options below). It registers its services itself, without the configuration's
 * properties, so that the secret never becomes a service property. No metatype designate: bnd allows
 * one only for a component of a single PID.
 */
@Component(service = {}, configurationPid = {Namespaces.PID_POLLING, Namespaces.PID_PUBLISHER},
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public final class PipelineManager implements SampleDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineManager.class);
    /** Ceilometer master's default {@code telemetry_secret}. */
    static final String DEFAULT_SECRET = "change this for valid signing";
    /** Schemes that reach the agent's storage when no factory serves them. */
    static final Set<String> STORAGE_SCHEMES = Set.of("database", "notifier", "rpc", "meter", "meter_publisher",
            "direct");
    static final String STORAGE_ORIGIN = "the agent's storage queue";
    private static final int MATCH_CACHE_LIMIT = 10_000;

    /**
     * {@code [publisher]} and the pipeline options of {@code [polling]} ({@code __} in a name is
     * {@code _} in the property). The secret is no element here: its default would hide the alias
     * {@code metering_secret}; see {@link #secretOf(Map)}.
     */
    @ObjectClassDefinition(name = "Ceilometer [publisher]", description = "Pipelines and publishers; "
            + "telemetry_secret (alias metering_secret) signs meter messages, empty disables signing")
    public @interface Config {
        @AttributeDefinition(description = "Pipeline definitions; relative to ${ceilometer.home}/config")
        String pipeline__cfg__file() default "pipeline.yaml";

        @AttributeDefinition(description = "Seconds between checks of the pipeline file for edits")
        int cfg__check__interval() default 2;

        @AttributeDefinition(description = "Samples handed to a publisher at a time")
        int publish__batch__size() default 500;

        @AttributeDefinition(description = "Longest wait between retries of a failed publish, in seconds")
        int max__retry__interval() default 30;

        @AttributeDefinition(description = "Seconds to deliver queued samples when the agent stops")
        int flush__timeout() default 10;
    }

    /** The pipelines in use, and the meter to pipelines matches found so far. */
    private record State(List<Pipeline> pipelines, ConcurrentHashMap<String, Pipeline[]> matches) {
        State(List<Pipeline> pipelines) {
            this(List.copyOf(pipelines), new ConcurrentHashMap<>());
        }

        Pipeline[] match(String meter) {
            Pipeline[] found = matches.get(meter);
            if (found != null) {
                return found;
            }
            List<Pipeline> out = new ArrayList<>();
            for (Pipeline p : pipelines) {
                if (p.matches(meter)) {
                    out.add(p);
                }
            }
            found = out.toArray(new Pipeline[0]);
            if (matches.size() < MATCH_CACHE_LIMIT) {
                matches.put(meter, found);
            }
            return found;
        }
    }

    private final BundleContext context;
    private final SampleDispatcher storage;
    private final Path configDir;
    private final Path dataDir;
    private final ScheduledThreadPoolExecutor watcher;
    private final ConcurrentSkipListMap<ServiceReference<TransformerFactory>, TransformerFactory> transformerFactories =
            new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    private final ConcurrentSkipListMap<ServiceReference<PublisherFactory>, PublisherFactory> publisherFactories =
            new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    private final AtomicLong invalidSignatures = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private final Set<String> storageAliasNoted = ConcurrentHashMap.newKeySet();

    private volatile Config config;
    private volatile String secret;
    private volatile String previousSecret = "";
    private volatile Object maxParallelRequests;
    private volatile PublisherChannel.Settings settings;
    private volatile State state = new State(List.of());
    private volatile boolean stopped;

    /** By sink and URL; replaced as a whole, under this. */
    private volatile Map<String, PublisherChannel> channels = Map.of();
    // guarded by this
    private String definitionsFile = PipelineDefinitions.DEFAULT_NAME;
    private Path pipelineFile;
    private AgentManager.FileStamp lastStamp;
    private volatile String fileState = "not loaded";
    private volatile String fileError;
    private ScheduledFuture<?> watchTask;
    private ServiceRegistration<?> registration;

    @Activate
    public PipelineManager(BundleContext context,
            @Reference(target = "(" + SampleDispatcher.PROPERTY + "=" + SampleDispatcher.STORAGE + ")")
            SampleDispatcher storage, Config config, Map<String, Object> properties) {
        this.context = context;
        this.storage = storage;
        this.config = config;
        this.secret = secretOf(properties);
        this.maxParallelRequests = properties.get("max_parallel_requests");
        this.settings = settingsOf(config);
        Path home = Home.of(context);
        this.configDir = home.resolve("config");
        this.dataDir = home.resolve("data");
        this.watcher = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ceilometer-pipeline-watch");
            t.setDaemon(true);
            return t;
        });
        this.watcher.setRemoveOnCancelPolicy(true);
        this.watcher.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        reload(true);
        synchronized (this) {
            watchTask = scheduleWatch(config);
        }
        LOG.info("pipeline: started with {} pipelines ({}), signing {}", state.pipelines().size(), fileState,
                secret.isEmpty() ? "off" : "on");
    }

    /** Registers the services once the plugins present at start are bound, so the first cycle finds them. */
    @Activate
    void start() {
        if (context == null) {
            return;
        }
        registration = context.registerService(
                new String[] {SampleDispatcher.class.getName(), PipelineManager.class.getName()}, this,
                FrameworkUtil.asDictionary(Map.of("service.description", "ceilometer pipelines",
                        SampleDispatcher.PROPERTY, SampleDispatcher.PIPELINE)));
    }

    @Modified
    void modified(Config newConfig, Map<String, Object> properties) {
        Config old = this.config;
        this.config = newConfig;
        this.settings = settingsOf(newConfig);
        this.maxParallelRequests = properties.get("max_parallel_requests");
        String newSecret = secretOf(properties);
        if (!newSecret.equals(secret)) {
            previousSecret = secret;
            secret = newSecret;
            LOG.info("pipeline: the telemetry secret changed; publishers are made again (signing {})",
                    newSecret.isEmpty() ? "off" : "on");
            channels.values().forEach(PublisherChannel::resetPublisher);
        }
        synchronized (this) {
            if (old.cfg__check__interval() != newConfig.cfg__check__interval()) {
                if (watchTask != null) {
                    watchTask.cancel(false);
                }
                watchTask = scheduleWatch(newConfig);
            }
        }
        reload(!old.pipeline__cfg__file().equals(newConfig.pipeline__cfg__file()));
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // gone with the bundle
            }
        }
        watcher.shutdownNow();
        List<PublisherChannel> all;
        synchronized (this) {
            all = new ArrayList<>(channels.values());
            channels = Map.of();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, config.flush__timeout()));
        all.forEach(PublisherChannel::beginStop);
        all.forEach(c -> c.awaitStopped(deadline));
        for (Pipeline p : state.pipelines()) {
            p.setChain(null, "the agent stopped");
        }
        state = new State(List.of());
        transformerFactories.clear();
        publisherFactories.clear();
        LOG.info("pipeline: stopped");
    }

    static String secretOf(Map<String, Object> properties) {
        Object s = properties.get("telemetry_secret");
        if (s == null) {
            s = properties.get("metering_secret");
        }
        return s == null ? DEFAULT_SECRET : s.toString();
    }

    private static PublisherChannel.Settings settingsOf(Config c) {
        return new PublisherChannel.Settings(Math.max(1, c.publish__batch__size()),
                TimeUnit.SECONDS.toMillis(Math.max(1, c.max__retry__interval())));
    }

    // ---- plugins

    @Reference(service = TransformerFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            target = "(" + Namespaces.NAMESPACE + "=" + Namespaces.TRANSFORMERS + ")")
    void bindTransformerFactory(ServiceReference<TransformerFactory> ref, TransformerFactory factory) {
        transformerFactories.put(ref, factory);
        Object name = ref.getProperty(Namespaces.TRANSFORMER);
        LOG.debug("pipeline: transformer {} added", name);
        rebuildChains(p -> p.chain() == null && p.def.sink().transformers().stream()
                .anyMatch(t -> t.name().equals(name)));
    }

    void unbindTransformerFactory(ServiceReference<TransformerFactory> ref) {
        if (transformerFactories.remove(ref) != null) {
            LOG.debug("pipeline: transformer {} removed", ref.getProperty(Namespaces.TRANSFORMER));
            rebuildChains(p -> p.usesFactory(ref));
        }
    }

    @Reference(service = PublisherFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            target = "(" + Namespaces.NAMESPACE + "=" + Namespaces.PUBLISHER + ")")
    void bindPublisherFactory(ServiceReference<PublisherFactory> ref, PublisherFactory factory) {
        publisherFactories.put(ref, factory);
        LOG.debug("pipeline: publisher factory for {} added", schemes(ref));
        resetChannels();
    }

    void unbindPublisherFactory(ServiceReference<PublisherFactory> ref) {
        if (publisherFactories.remove(ref) != null) {
            LOG.debug("pipeline: publisher factory for {} removed", schemes(ref));
            for (PublisherChannel c : channels.values()) {
                if (c.madeBy(ref)) {
                    c.resetPublisher();
                }
            }
        }
    }

    /** Channels whose publisher would now come from another factory make it again. */
    private void resetChannels() {
        for (PublisherChannel c : channels.values()) {
            Object chosen = originFor(c.url().scheme());
            if (chosen != null && !c.madeBy(chosen)) {
                c.resetPublisher();
            }
        }
    }

    private static List<String> schemes(ServiceReference<?> ref) {
        Object s = ref.getProperty(Namespaces.PUBLISHER_SCHEME);
        if (s instanceof String[]) {
            return List.of((String[]) s);
        }
        return s == null ? List.of() : List.of(s.toString());
    }

    private Map.Entry<ServiceReference<PublisherFactory>, PublisherFactory> publisherFactory(String scheme) {
        for (Map.Entry<ServiceReference<PublisherFactory>, PublisherFactory> e : publisherFactories.entrySet()) {
            for (String s : schemes(e.getKey())) {
                if (s.equalsIgnoreCase(scheme)) {
                    return e;
                }
            }
        }
        return null;
    }

    /** What would make the publisher of this scheme now: a factory's reference, the storage, or null. */
    private Object originFor(String scheme) {
        if (scheme.equals("database")) {
            return STORAGE_ORIGIN;
        }
        Map.Entry<ServiceReference<PublisherFactory>, PublisherFactory> f = publisherFactory(scheme);
        if (f != null) {
            return f.getKey();
        }
        return STORAGE_SCHEMES.contains(scheme) ? STORAGE_ORIGIN : null;
    }

    private Map.Entry<ServiceReference<TransformerFactory>, TransformerFactory> transformerFactory(String name) {
        for (Map.Entry<ServiceReference<TransformerFactory>, TransformerFactory> e : transformerFactories.entrySet()) {
            if (name.equals(e.getKey().getProperty(Namespaces.TRANSFORMER))) {
                return e;
            }
        }
        return null;
    }

    /** The secret, then the one before it: what the database path accepts. */
    private List<String> secrets() {
        String s = secret;
        String p = previousSecret;
        return s.isEmpty() || p.isEmpty() || p.equals(s) ? List.of(s) : List.of(s, p);
    }

    Map<String, Object> agentOptions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("telemetry_secret", secret);
        m.put("data_dir", dataDir.toString());
        if (maxParallelRequests != null) {
            m.put("max_parallel_requests", maxParallelRequests);
        }
        return m;
    }

    private PublisherChannel.Created createPublisher(PublisherUrl url) throws Exception {
        String scheme = url.scheme();
        if (!scheme.equals("database")) {
            Map.Entry<ServiceReference<PublisherFactory>, PublisherFactory> f = publisherFactory(scheme);
            if (f != null) {
                return new PublisherChannel.Created(f.getValue().create(url.targetUri(), agentOptions()), f.getKey());
            }
        }
        if (STORAGE_SCHEMES.contains(scheme)) {
            if (!scheme.equals("database") && storageAliasNoted.add(scheme)) {
                LOG.info("pipeline: {}:// has no message bus here; its samples go to the agent's storage, "
                        + "as Ceilometer's collector stored them", scheme);
            }
            return new PublisherChannel.Created(new DatabasePublisher(storage, this::secrets, invalidSignatures),
                    STORAGE_ORIGIN);
        }
        throw new IllegalStateException("no publisher for scheme '" + scheme + "' is registered");
    }

    // ---- the pipeline file

    private ScheduledFuture<?> scheduleWatch(Config cfg) {
        long every = Math.max(1, cfg.cfg__check__interval());
        return watcher.scheduleWithFixedDelay(() -> {
            try {
                reload(false);
            } catch (RuntimeException e) {
                LOG.warn("pipeline: checking the pipeline file failed", e);
            }
        }, every, every, TimeUnit.SECONDS);
    }

    Path resolveFile() {
        Path p = Paths.get(config.pipeline__cfg__file());
        return p.isAbsolute() ? p : configDir.resolve(p);
    }

    /** Loads the pipeline file if it changed (or always when forced); a broken file keeps the running pipelines. */
    void reload(boolean force) {
        List<PublisherChannel> removed = new ArrayList<>();
        reload(force, removed);
        if (!removed.isEmpty()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, config.flush__timeout()));
            removed.forEach(PublisherChannel::beginStop);
            removed.forEach(c -> c.awaitStopped(deadline));
        }
    }

    private synchronized void reload(boolean force, List<PublisherChannel> removed) {
        if (stopped) {
            return;
        }
        Path file = resolveFile();
        AgentManager.FileStamp stamp = AgentManager.FileStamp.of(file);
        if (!force && file.equals(pipelineFile) && stamp.equals(lastStamp)) {
            return;
        }
        pipelineFile = file;
        lastStamp = stamp;
        if (!stamp.exists()) {
            if (force && state.pipelines().isEmpty()) {
                try {
                    apply(PipelineDefinitions.defaults(), new LinkedHashMap<>(), removed);
                    fileState = "default pipeline (no file at " + file + "): every meter to database://";
                    fileError = null;
                    LOG.info("pipeline: no pipeline file at {}; every meter goes to database://", file);
                } catch (PollingDefinitionException e) {
                    fileError = e.getMessage();
                    LOG.error("pipeline: {}", fileError);
                }
            } else {
                fileError = file + ": the file is missing; the running pipelines are kept";
                LOG.warn("pipeline: {}", fileError);
            }
            return;
        }
        Map<String, PublisherChannel.Created> made = new LinkedHashMap<>();
        try {
            PipelineDefinitions defs = PipelineDefinitions.load(file);
            check(defs, made);
            defs.warnings().forEach(w -> LOG.warn("pipeline: {}", w));
            apply(defs, made, removed);
            fileState = "loaded " + Instant.now() + " from " + file;
            fileError = null;
            LOG.info("pipeline: {} pipelines loaded from {}", state.pipelines().size(), file);
        } catch (PollingDefinitionException e) {
            made.values().forEach(c -> closeQuietly(c));
            fileError = e.getMessage() + " (the running pipelines are kept)";
            LOG.error("pipeline: {}", fileError);
            if (fileState.equals("not loaded")) {
                fileState = "none: the file has errors";
            }
        }
    }

    /**
     * Checks what only the plugins can check: transformer parameters and publisher options, where
     * their factories are registered. Publishers made here for new URLs are kept in {@code made}.
     */
    private void check(PipelineDefinitions defs, Map<String, PublisherChannel.Created> made)
            throws PollingDefinitionException {
        for (PipelineDefinitions.SinkDef sink : defs.sinks()) {
            for (PipelineDefinitions.TransformerDef t : sink.transformers()) {
                Map.Entry<ServiceReference<TransformerFactory>, TransformerFactory> f = transformerFactory(t.name());
                if (f != null) {
                    try {
                        f.getValue().create(deepCopy(t.parameters()));
                    } catch (RuntimeException e) {
                        throw new PollingDefinitionException(defs.file() + ":" + t.line() + ": sink '" + sink.name()
                                + "': transformer '" + t.name() + "': " + e.getMessage(), e);
                    }
                }
            }
            for (int i = 0; i < sink.publishers().size(); i++) {
                String written = sink.publishers().get(i);
                PublisherUrl url = PublisherUrl.parse(written);
                String where = defs.file() + ":" + sink.publisherLines().get(i) + ": sink '" + sink.name() + "'";
                if (url.warning() != null) {
                    LOG.warn("pipeline: {}: publisher {}: {}", where, url.display(), url.warning());
                }
                String key = channelKey(sink.name(), written);
                if (channels.containsKey(key) || made.containsKey(key) || originFor(url.scheme()) == null
                        || STORAGE_ORIGIN.equals(originFor(url.scheme()))) {
                    continue;
                }
                try {
                    made.put(key, createPublisher(url));
                } catch (IllegalArgumentException e) {
                    throw new PollingDefinitionException(where + ": publisher " + url.display() + ": "
                            + Urls.mask(e.getMessage()), e);
                } catch (Exception e) {
                    LOG.warn("pipeline: {}: publisher {} cannot be made yet: {}", where, url.display(),
                            Urls.mask(String.valueOf(e.getMessage())));
                }
            }
        }
    }

    /** Puts new definitions in place, keeping unchanged pipelines (and their transformer state) and channels. */
    private void apply(PipelineDefinitions defs, Map<String, PublisherChannel.Created> made,
            List<PublisherChannel> removed) throws PollingDefinitionException {
        Map<String, PublisherChannel> next = new LinkedHashMap<>();
        List<PublisherChannel> created = new ArrayList<>();
        try {
            for (PipelineDefinitions.SinkDef sink : defs.sinks()) {
                for (String written : sink.publishers()) {
                    String key = channelKey(sink.name(), written);
                    if (next.containsKey(key)) {
                        continue;
                    }
                    PublisherChannel c = channels.get(key);
                    if (c == null) {
                        PublisherUrl url = PublisherUrl.parse(written);
                        c = new PublisherChannel(sink.name(), url, () -> createPublisher(url), made.remove(key),
                                () -> settings, journalDir(sink.name(), url));
                        created.add(c);
                        if (url.policy() == PublisherUrl.Policy.JOURNAL) {
                            describeJournal(sink.name(), url);
                        }
                    }
                    next.put(key, c);
                }
            }
        } catch (IOException e) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            created.forEach(c -> c.awaitStopped(deadline));
            throw new PollingDefinitionException(defs.file() + ": a publisher journal cannot be opened: " + e, e);
        }
        Map<String, Pipeline> old = new LinkedHashMap<>();
        for (Pipeline p : state.pipelines()) {
            old.put(p.def.fingerprint(), p);
        }
        List<Pipeline> pipelines = new ArrayList<>();
        for (PipelineDefinitions.PipelineDef def : defs.pipelines()) {
            Pipeline p = old.remove(def.fingerprint());
            if (p == null) {
                List<PublisherChannel> sinkChannels = new ArrayList<>();
                for (String written : def.sink().publishers()) {
                    PublisherChannel c = next.get(channelKey(def.sink().name(), written));
                    if (!sinkChannels.contains(c)) {
                        sinkChannels.add(c);
                    }
                }
                p = new Pipeline(def, sinkChannels);
                buildChain(p, defs.file());
            }
            pipelines.add(p);
        }
        definitionsFile = defs.file();
        state = new State(pipelines);
        for (Pipeline gone : old.values()) {
            gone.setChain(null, "removed from " + defs.file());
        }
        for (Map.Entry<String, PublisherChannel> e : channels.entrySet()) {
            if (!next.containsKey(e.getKey())) {
                removed.add(e.getValue());
            }
        }
        channels = java.util.Collections.unmodifiableMap(next);
        made.values().forEach(PipelineManager::closeQuietly);
        made.clear();
    }

    private void buildChain(Pipeline p, String file) {
        List<Transformer> ts = new ArrayList<>();
        Set<ServiceReference<?>> origins = new HashSet<>();
        for (PipelineDefinitions.TransformerDef t : p.def.sink().transformers()) {
            String where = file + ":" + t.line() + ": sink '" + p.def.sink().name() + "'";
            Map.Entry<ServiceReference<TransformerFactory>, TransformerFactory> f = transformerFactory(t.name());
            if (f == null) {
                String why = where + ": No transformer named " + t.name() + " loaded (no TransformerFactory with "
                        + Namespaces.TRANSFORMER + "=" + t.name() + " is registered)";
                p.setChain(null, why);
                LOG.warn("pipeline {}: {}; its samples are dropped until it is", p.name(), why);
                return;
            }
            try {
                ts.add(f.getValue().create(deepCopy(t.parameters())));
                origins.add(f.getKey());
            } catch (RuntimeException e) {
                String why = where + ": transformer '" + t.name() + "': " + e.getMessage();
                p.setChain(null, why);
                LOG.error("pipeline {}: {}", p.name(), why);
                return;
            }
        }
        p.setChain(new Pipeline.Chain(List.copyOf(ts), Set.copyOf(origins)), null);
    }

    private synchronized void rebuildChains(Predicate<Pipeline> which) {
        for (Pipeline p : state.pipelines()) {
            if (which.test(p)) {
                buildChain(p, definitionsFile);
                if (p.problem() == null) {
                    LOG.info("pipeline {}: transformers ready", p.name());
                }
            }
        }
    }

    static String channelKey(String sink, String url) {
        return sink + "\n" + url;
    }

    /** {@code data/journal/<hash of sink and URL>}: the same place after a restart or an edit of the policy options. */
    Path journalDir(String sink, PublisherUrl url) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((sink + "\n" + url.target()).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", d[i]));
            }
            return dataDir.resolve("journal").resolve(hex.toString());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void describeJournal(String sink, PublisherUrl url) {
        try {
            Files.writeString(journalDir(sink, url).resolve("publisher.txt"),
                    "sink: " + sink + "\npublisher: " + url.display() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.debug("pipeline: cannot describe the journal of {}", url.display(), e);
        }
    }

    private static void closeQuietly(PublisherChannel.Created c) {
        try {
            c.publisher().close();
        } catch (RuntimeException e) {
            LOG.debug("pipeline: closing a publisher failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), deepCopy(v)));
            return (T) out;
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            ((List<?>) value).forEach(v -> out.add(deepCopy(v)));
            return (T) out;
        }
        return value;
    }

    // ---- dispatch

    @Override
    public void dispatch(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        State st = state;
        Map<Pipeline, List<Sample>> groups = new LinkedHashMap<>();
        for (Sample s : samples) {
            Pipeline[] ps = st.match(s.name());
            if (ps.length == 0) {
                unmatched.incrementAndGet();
                continue;
            }
            for (Pipeline p : ps) {
                groups.computeIfAbsent(p, k -> new ArrayList<>()).add(s);
            }
        }
        Map<Sample, Sample> signed = new IdentityHashMap<>();
        for (Map.Entry<Pipeline, List<Sample>> e : groups.entrySet()) {
            publish(e.getKey(), e.getKey().process(e.getValue()), signed);
        }
    }

    /** Signs (once per sample object) and hands the samples to every publisher of the pipeline's sink. */
    private void publish(Pipeline p, List<Sample> out, Map<Sample, Sample> signed) {
        if (out.isEmpty()) {
            return;
        }
        String key = secret;
        List<Sample> ready = out;
        if (!key.isEmpty()) {
            ready = new ArrayList<>(out.size());
            for (Sample s : out) {
                ready.add(signed.computeIfAbsent(s, x -> x.withSignature(
                        MessageSigning.computeSignature(MeterMessages.toMessage(x), key))));
            }
        }
        for (PublisherChannel c : p.channels) {
            c.offer(ready);
        }
    }

    /** The end of a cycle: transformers hand over what they hold; publishers waiting to retry try now. */
    @Override
    public void flush() {
        Map<Sample, Sample> signed = new IdentityHashMap<>();
        for (Pipeline p : state.pipelines()) {
            publish(p, p.flush(), signed);
        }
        channels.values().forEach(PublisherChannel::kick);
    }

    /**
     * Sends one sample through the pipelines, as {@code ceilometer-send-sample}.
     *
     * @return the names of the pipelines whose source matches it
     */
    List<String> send(Sample sample) {
        List<String> names = new ArrayList<>();
        for (Pipeline p : state.match(sample.name())) {
            names.add(p.name());
        }
        dispatch(List.of(sample));
        flush();
        return names;
    }

    // ---- views

    List<Pipeline> pipelines() {
        return state.pipelines();
    }

    List<PublisherChannel> channels() {
        return new ArrayList<>(channels.values());
    }

    String fileState() {
        return fileState;
    }

    /** The last error of the pipeline file, or null. */
    String fileError() {
        return fileError;
    }

    /** Waits until every publisher has delivered or dropped what it was given. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (PublisherChannel c : channels()) {
            if (!c.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    long invalidSignatures() {
        return invalidSignatures.get();
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Pipeline> ps = state.pipelines();
        m.put("pipelines", ps.size() + " (" + fileState + ")");
        m.put("pipeline file error", fileError == null ? "none" : fileError);
        List<String> inactive = new ArrayList<>();
        long transformerErrors = 0;
        long droppedInactive = 0;
        for (Pipeline p : ps) {
            if (p.problem() != null) {
                inactive.add(p.name());
            }
            transformerErrors += p.transformerErrors.get();
            droppedInactive += p.droppedInactive.get();
        }
        m.put("inactive pipelines", inactive.isEmpty() ? "none" : inactive + " (see ceilometer:pipelines)");
        m.put("transformer errors", transformerErrors);
        long sent = 0;
        long queued = 0;
        long dropped = droppedInactive;
        List<String> failing = new ArrayList<>();
        for (PublisherChannel c : channels()) {
            sent += c.sent();
            queued += c.queued();
            dropped += c.dropped();
            if (c.state().equals("failing") || c.state().startsWith("retrying")) {
                failing.add(c.sink() + " " + c.url().display());
            }
        }
        m.put("samples published", sent);
        m.put("samples waiting in publishers", queued);
        m.put("samples dropped by pipelines", dropped);
        m.put("publishers failing", failing.isEmpty() ? "none" : failing);
        m.put("samples matched by no pipeline", unmatched.get());
        m.put("invalid signatures discarded", invalidSignatures.get());
        m.put("signing", secret.isEmpty() ? "off (empty telemetry_secret)" : "on");
        return m;
    }

    @Override
    public boolean checkHealth() {
        return storage.checkHealth();
    }

    @Override
    public Map<String, Object> backendStats() {
        return storage.backendStats();
    }

    /** All publisher figures, for the shell. */
    Collection<PublisherChannel> publisherChannels() {
        return channels();
    }
}
