package org.ceilometer.osgi.agent;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.StorageConnection;
import org.ceilometer.osgi.api.StorageDriver;
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
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the storage driver by the scheme of {@code [database] connection} and writes samples to it
 * from a thread of its own, through a bounded queue: a store that is down or slow never blocks a cycle
 * or SCR. Batches that fail are retried with a growing delay; what the queue cannot hold is dropped
 * (oldest first) and counted.
 *
 * <p>It registers its {@link SampleDispatcher} service itself, without the configuration's properties:
 * DS would otherwise publish {@code connection}, password included, as service properties.
 */
@Component(service = {}, configurationPid = Namespaces.PID_DATABASE,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = StorageManager.Config.class)
public final class StorageManager implements SampleDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(StorageManager.class);

    @ObjectClassDefinition(name = "Ceilometer [database]", description = "Where samples are stored")
    public @interface Config {
        @AttributeDefinition(description = "Storage URL; its scheme chooses the backend (log://, mongodb://host:port/db)")
        String connection() default "log://";

        @AttributeDefinition(description = "Seconds samples are kept; <= 0 keeps them forever")
        long time__to__live() default -1;

        @AttributeDefinition(description = "Samples held in memory while the store is unavailable")
        int max__queue__length() default 100000;

        @AttributeDefinition(description = "Samples written per batch")
        int write__batch__size() default 500;

        @AttributeDefinition(description = "Longest wait between retries of a failed batch, in seconds")
        int max__retry__interval() default 30;

        @AttributeDefinition(description = "Seconds to flush queued samples when the agent stops")
        int flush__timeout() default 10;
    }

    private final Object lock = new Object();
    private final ArrayDeque<Sample> queue = new ArrayDeque<>();
    private final ConcurrentSkipListMap<ServiceReference<StorageDriver>, StorageDriver> drivers =
            new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final Thread writer;
    private final ServiceRegistration<SampleDispatcher> registration;

    // all guarded by lock
    private Config config;
    private List<Sample> inFlight = List.of();
    private boolean writing;
    private boolean reconnect = true;
    private boolean stopping;
    private String lastError;
    private Instant lastErrorAt;
    private Instant lastWriteAt;
    private String backend = "(none yet)";
    private boolean healthy;

    // only touched by the writer thread
    private StorageConnection connection;
    private String connectedUrl;
    private ServiceReference<StorageDriver> connectedDriver;
    private long connectedTtl;

    @Activate
    public StorageManager(BundleContext context, Config config) {
        this.config = config;
        this.writer = new Thread(this::writeLoop, "ceilometer-storage-writer");
        this.writer.setDaemon(true);
        this.writer.start();
        LOG.info("storage: connection {}", Urls.mask(config.connection()));
        this.registration = context == null ? null
                : context.registerService(SampleDispatcher.class, this,
                        FrameworkUtil.asDictionary(Map.of("service.description", "ceilometer storage queue",
                                SampleDispatcher.PROPERTY, SampleDispatcher.STORAGE)));
    }

    @Modified
    void modified(Config newConfig) {
        synchronized (lock) {
            boolean changed = !newConfig.connection().equals(config.connection())
                    || newConfig.time__to__live() != config.time__to__live();
            config = newConfig;
            if (changed) {
                reconnect = true;
                LOG.info("storage: connection changed to {}", Urls.mask(newConfig.connection()));
            }
            lock.notifyAll();
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        int flushSeconds;
        synchronized (lock) {
            stopping = true;
            flushSeconds = config.flush__timeout();
            lock.notifyAll();
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(Math.max(1, flushSeconds)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
            try {
                writer.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            int left = queue.size() + inFlight.size();
            if (left > 0) {
                dropped.addAndGet(left);
                LOG.warn("storage: {} samples could not be written before stop and are dropped", left);
            }
        }
    }

    @Reference(service = StorageDriver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            target = "(" + Namespaces.NAMESPACE + "=" + Namespaces.METERING_STORAGE + ")")
    void bindDriver(ServiceReference<StorageDriver> ref, StorageDriver driver) {
        drivers.put(ref, driver);
        signalReconnect();
    }

    void unbindDriver(ServiceReference<StorageDriver> ref) {
        drivers.remove(ref);
        signalReconnect();
    }

    private void signalReconnect() {
        synchronized (lock) {
            reconnect = true;
            lock.notifyAll();
        }
    }

    @Override
    public void dispatch(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        synchronized (lock) {
            queue.addAll(samples);
            int max = Math.max(1, config.max__queue__length());
            int over = queue.size() + inFlight.size() - max;
            if (over > 0) {
                int n = Math.min(over, queue.size());
                for (int i = 0; i < n; i++) {
                    queue.pollFirst();
                }
                long total = dropped.addAndGet(n);
                LOG.warn("storage: queue full ({} samples), dropped the {} oldest ({} dropped in all)", max, n, total);
            }
            lock.notifyAll();
        }
    }

    /** Queues the samples only when all fit under {@code max_queue_length}; nothing is dropped. */
    @Override
    public boolean offer(List<Sample> samples) {
        if (samples.isEmpty()) {
            return true;
        }
        synchronized (lock) {
            int max = Math.max(1, config.max__queue__length());
            int waiting = queue.size() + inFlight.size();
            if (stopping || waiting > 0 && waiting + samples.size() > max) {
                return false; // an empty queue takes any batch, so that one bigger than the limit gets through
            }
            queue.addAll(samples);
            lock.notifyAll();
            return true;
        }
    }

    /**
     * The queued samples and a failed batch waiting for its retry, oldest first; the queue is left empty.
     * A batch being written is waited for (2 s at most) and, if still being written, left to the writer.
     */
    @Override
    public List<Sample> takeBack() {
        synchronized (lock) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (writing && System.nanoTime() < until) {
                try {
                    lock.wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            List<Sample> out = new ArrayList<>(queue.size() + inFlight.size());
            if (!writing) {
                out.addAll(inFlight);
                inFlight = List.of();
            }
            out.addAll(queue);
            queue.clear();
            lock.notifyAll();
            return out;
        }
    }

    /** Blocks until every queued sample is written or the timeout passes; for tests and the shell. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!queue.isEmpty() || !inFlight.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        synchronized (lock) {
            m.put("backend", backend);
            m.put("healthy", healthy);
            m.put("stored", stored.get());
            m.put("queued", queue.size() + inFlight.size());
            m.put("dropped", dropped.get());
            m.put("write failures", failures.get());
            m.put("batches", batches.get());
            m.put("last write", lastWriteAt == null ? "never" : lastWriteAt.toString());
            m.put("last error", lastError == null ? "none" : lastErrorAt + " " + lastError);
        }
        return m;
    }

    private void writeLoop() {
        long backoffMillis = 0;
        while (true) {
            List<Sample> batch;
            boolean doReconnect;
            Config cfg;
            synchronized (lock) {
                try {
                    while (!stopping && !reconnect && queue.isEmpty() && inFlight.isEmpty()) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    break;
                }
                if (stopping && queue.isEmpty() && inFlight.isEmpty()) {
                    break;
                }
                doReconnect = reconnect;
                reconnect = false;
                cfg = config;
                if (inFlight.isEmpty()) {
                    int n = Math.min(Math.max(1, cfg.write__batch__size()), queue.size());
                    List<Sample> next = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        next.add(queue.pollFirst());
                    }
                    inFlight = next;
                }
                batch = inFlight;
                writing = !batch.isEmpty();
            }
            if (doReconnect) {
                ensureConnection(cfg);
            }
            if (batch.isEmpty()) {
                continue;
            }
            try {
                StorageConnection c = ensureConnection(cfg);
                if (c == null) {
                    throw new IllegalStateException("no storage driver for scheme '" + schemeOf(cfg) + "' is registered");
                }
                c.recordMeteringData(Collections.unmodifiableList(batch));
                if (stored.getAndAdd(batch.size()) == 0) {
                    LOG.info("storage: first {} samples written to {}", batch.size(), backend);
                }
                batches.incrementAndGet();
                backoffMillis = 0;
                synchronized (lock) {
                    inFlight = List.of();
                    writing = false;
                    healthy = true;
                    lastWriteAt = Instant.now();
                    lock.notifyAll();
                }
            } catch (Exception e) {
                failures.incrementAndGet();
                String msg = Urls.mask(String.valueOf(e.getMessage()));
                boolean first;
                synchronized (lock) {
                    writing = false;
                    first = healthy || lastError == null;
                    healthy = false;
                    lastError = e.getClass().getSimpleName() + ": " + msg;
                    lastErrorAt = Instant.now();
                }
                if (first) {
                    LOG.warn("storage: writing {} samples to {} failed, will retry: {}", batch.size(), backend, msg);
                } else {
                    LOG.debug("storage: retry failed: {}", msg);
                }
                backoffMillis = backoffMillis == 0 ? 500 : Math.min(backoffMillis * 2,
                        TimeUnit.SECONDS.toMillis(Math.max(1, cfg.max__retry__interval())));
                synchronized (lock) {
                    if (stopping) {
                        break;
                    }
                    try {
                        long until = System.currentTimeMillis() + backoffMillis;
                        while (!stopping && !reconnect && System.currentTimeMillis() < until) {
                            lock.wait(Math.max(1, until - System.currentTimeMillis()));
                        }
                    } catch (InterruptedException ie) {
                        break;
                    }
                }
            }
        }
        closeConnection();
    }

    private static String schemeOf(Config cfg) {
        return Urls.scheme(cfg.connection());
    }

    private StorageConnection ensureConnection(Config cfg) {
        String url = cfg.connection();
        String scheme;
        try {
            scheme = schemeOf(cfg);
        } catch (IllegalArgumentException e) {
            synchronized (lock) {
                backend = "(invalid connection) " + e.getMessage();
                healthy = false;
            }
            closeConnection();
            return null;
        }
        Map.Entry<ServiceReference<StorageDriver>, StorageDriver> chosen = null;
        for (Map.Entry<ServiceReference<StorageDriver>, StorageDriver> e : drivers.entrySet()) {
            Object s = e.getKey().getProperty(Namespaces.STORAGE_SCHEME);
            if (matches(s, scheme)) {
                chosen = e;
                break;
            }
        }
        if (chosen == null) {
            closeConnection();
            synchronized (lock) {
                backend = Urls.mask(url) + " (no driver for scheme '" + scheme + "')";
                healthy = false;
            }
            return null;
        }
        if (connection != null && url.equals(connectedUrl) && chosen.getKey().equals(connectedDriver)
                && cfg.time__to__live() == connectedTtl) {
            return connection;
        }
        closeConnection();
        try {
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("time_to_live", cfg.time__to__live());
            URI uri = Urls.parse(url);
            connection = chosen.getValue().connect(uri, options);
            connectedUrl = url;
            connectedDriver = chosen.getKey();
            connectedTtl = cfg.time__to__live();
            synchronized (lock) {
                backend = Urls.mask(connection.describe());
            }
            LOG.info("storage: using {}", Urls.mask(connection.describe()));
            return connection;
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + Urls.mask(String.valueOf(e.getMessage()));
            boolean repeated;
            synchronized (lock) {
                backend = Urls.mask(url) + " (connect failed)";
                healthy = false;
                repeated = error.equals(lastError);
                lastError = error;
                lastErrorAt = Instant.now();
            }
            if (!repeated) {
                LOG.warn("storage: cannot open {}: {}", Urls.mask(url), error);
            }
            return null;
        }
    }

    private static boolean matches(Object property, String scheme) {
        if (property instanceof String[]) {
            for (String s : (String[]) property) {
                if (schemeMatches(s, scheme)) {
                    return true;
                }
            }
            return false;
        }
        return property != null && schemeMatches(property.toString(), scheme);
    }

    private static boolean schemeMatches(String served, String scheme) {
        if (served.equalsIgnoreCase(scheme)) {
            return true;
        }
        int plus = scheme.indexOf('+');
        return plus > 0 && served.equalsIgnoreCase(scheme.substring(0, plus));
    }

    private void closeConnection() {
        StorageConnection c = connection;
        connection = null;
        connectedUrl = null;
        connectedDriver = null;
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("storage: closing the connection failed", e);
            }
        }
    }

    /** Whether the current connection answers; asks the store, with its own short timeout. */
    @Override
    public boolean checkHealth() {
        StorageConnection c = connection;
        boolean ok = c != null && c.isHealthy();
        synchronized (lock) {
            healthy = ok;
        }
        return ok;
    }

    /** The connection's own figures, if any. */
    @Override
    public Map<String, Object> backendStats() {
        StorageConnection c = connection;
        return c == null ? Map.of() : c.stats();
    }
}
