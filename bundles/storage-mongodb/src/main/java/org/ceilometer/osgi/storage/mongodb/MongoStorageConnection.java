package org.ceilometer.osgi.storage.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.event.CommandListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.StorageConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to MongoDB with Ceilometer Icehouse's write path. Opening it only builds the client;
 * the indexes are set up before the first write, on the writer's thread. A batch costs at most four
 * round trips (users, projects, resources, meters), whatever its size; see {@link BatchPlan} for why it gives the same documents
 * as writing the samples one by one.
 */
final class MongoStorageConnection implements StorageConnection {
    static final String DEFAULT_DATABASE = "ceilometer";
    static final Duration SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(3);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);
    /** Wait before trying again to create indexes the server refused. */
    static final Duration INDEX_RETRY = Duration.ofMinutes(10);
    private static final int DELETE_CHUNK = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(MongoStorageConnection.class);

    private final String description;
    private final MongoClient client;
    private final MongoDatabase db;
    private final long ttlSeconds;
    private final Clock clock;

    private final AtomicLong samplesWritten = new AtomicLong();
    private final AtomicLong metersInserted = new AtomicLong();
    private final AtomicLong duplicatesSkipped = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile String indexState = "not yet created";
    // only touched by the writer thread
    private Instant indexesDueAt = Instant.MIN;

    MongoStorageConnection(String url, MongoClient client, String database, long ttlSeconds, Clock clock) {
        this.description = Urls.mask(url);
        this.client = client;
        this.db = client.getDatabase(database);
        this.ttlSeconds = ttlSeconds;
        this.clock = clock;
    }

    /** Builds the client for {@code url} without touching the network. */
    static MongoStorageConnection open(String url, Map<String, Object> options) {
        return open(url, options, null, Clock.systemUTC());
    }

    static MongoStorageConnection open(String url, Map<String, Object> options, CommandListener listener,
            Clock clock) {
        ConnectionString cs;
        try {
            cs = new ConnectionString(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid MongoDB URL " + Urls.mask(url) + ": "
                    + Urls.maskText(e.getMessage()), e);
        }
        MongoClient client = MongoClients.create(settings(cs, listener));
        String database = cs.getDatabase() == null || cs.getDatabase().isEmpty() ? DEFAULT_DATABASE : cs.getDatabase();
        return new MongoStorageConnection(url, client, database, timeToLive(options), clock);
    }

    /** The URL's settings, with short timeouts wherever the URL sets none. */
    static MongoClientSettings settings(ConnectionString cs, CommandListener listener) {
        MongoClientSettings.Builder b = MongoClientSettings.builder().applyConnectionString(cs)
                .applicationName(cs.getApplicationName() == null ? "ceilometer-osgi" : cs.getApplicationName());
        if (cs.getServerSelectionTimeout() == null) {
            b.applyToClusterSettings(c -> c.serverSelectionTimeout(
                    SERVER_SELECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        }
        if (cs.getConnectTimeout() == null) {
            b.applyToSocketSettings(s -> s.connectTimeout((int) CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        }
        if (cs.getSocketTimeout() == null) {
            b.applyToSocketSettings(s -> s.readTimeout((int) SOCKET_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        }
        if (listener != null) {
            b.addCommandListener(listener);
        }
        return b.build();
    }

    /** {@code time_to_live} in seconds from the options, -1 (forever) when absent. */
    static long timeToLive(Map<String, Object> options) {
        Object v = options.get("time_to_live");
        if (v == null) {
            return -1;
        }
        if (v instanceof Number) {
            return ((Number) v).longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time_to_live must be a whole number of seconds, not '" + v + "'");
        }
    }

    String databaseName() {
        return db.getName();
    }

    @Override
    public void recordMeteringData(List<Sample> samples) throws Exception {
        if (samples.isEmpty()) {
            return;
        }
        try {
            ensureIndexes();
            BatchPlan plan = BatchPlan.of(samples, clock.instant());
            if (!plan.users.isEmpty()) {
                db.getCollection("user").bulkWrite(plan.users, new BulkWriteOptions().ordered(false));
            }
            if (!plan.projects.isEmpty()) {
                db.getCollection("project").bulkWrite(plan.projects, new BulkWriteOptions().ordered(false));
            }
            db.getCollection("resource").bulkWrite(plan.resources, new BulkWriteOptions().ordered(true));
            insertMeters(plan.meters);
            samplesWritten.addAndGet(samples.size());
            batches.incrementAndGet();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            lastError = e.getClass().getSimpleName() + ": " + Urls.maskText(e.getMessage());
            lastErrorAt = clock.instant();
            throw e;
        }
    }

    /** Inserts the meter documents; those already there (a retried batch) count as written. */
    private void insertMeters(List<Document> meters) {
        MongoCollection<Document> meter = db.getCollection("meter");
        try {
            meter.insertMany(meters, new InsertManyOptions().ordered(false));
            metersInserted.addAndGet(meters.size());
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            // unordered: every document was either inserted or met its duplicate
            metersInserted.addAndGet(meters.size() - e.getWriteErrors().size());
            duplicatesSkipped.addAndGet(e.getWriteErrors().size());
            LOG.debug("mongodb: {} samples of the batch were already stored", e.getWriteErrors().size());
        }
    }

    private void ensureIndexes() {
        Instant now = clock.instant();
        if (now.isBefore(indexesDueAt)) {
            return;
        }
        // a network failure is thrown from here and fails the batch: the next one tries again
        List<String> failed = Indexes.ensure(db, ttlSeconds);
        if (failed.isEmpty()) {
            indexesDueAt = Instant.MAX;
            indexState = "created" + (ttlSeconds > 0 ? ", meter_ttl " + ttlSeconds + " s" : "");
        } else {
            indexesDueAt = now.plus(INDEX_RETRY);
            indexState = "refused by the server: " + String.join(", ", failed);
        }
    }

    /**
     * Deletes samples older than {@code ttlSeconds} (when positive; a TTL index does it too, but not
     * every server runs one), then, as Icehouse's expirer, the resources, users and projects no sample
     * refers to.
     */
    @Override
    public long clearExpiredMeteringData(long ttlSeconds) {
        MongoCollection<Document> meter = db.getCollection("meter");
        long removed = 0;
        if (ttlSeconds > 0) {
            Instant cutoff = clock.instant().minusSeconds(ttlSeconds);
            removed += meter.deleteMany(Filters.lt("timestamp", Documents.date(cutoff))).getDeletedCount();
        }
        removed += removeOrphans("resource", "resource_id");
        removed += removeOrphans("user", "user_id");
        removed += removeOrphans("project", "project_id");
        expired.addAndGet(removed);
        LOG.info("mongodb: expirer removed {} documents (time_to_live {} s)", removed, ttlSeconds);
        return removed;
    }

    /** Deletes the documents of {@code collection} whose id no meter document has in {@code field}. */
    private long removeOrphans(String collection, String field) {
        MongoCollection<Document> meter = db.getCollection("meter");
        Set<Object> referenced = new HashSet<>();
        try (MongoCursor<Document> it = meter.aggregate(List.of(Aggregates.group("$" + field)))
                .allowDiskUse(true).iterator()) {
            while (it.hasNext()) {
                referenced.add(it.next().get("_id"));
            }
        }
        MongoCollection<Document> target = db.getCollection(collection);
        long removed = 0;
        List<Object> chunk = new ArrayList<>();
        try (MongoCursor<Document> it = target.find().projection(Projections.include("_id")).iterator()) {
            while (it.hasNext()) {
                Object id = it.next().get("_id");
                if (!referenced.contains(id)) {
                    chunk.add(id);
                    if (chunk.size() == DELETE_CHUNK) {
                        removed += deleteUnreferenced(target, field, chunk);
                        chunk.clear();
                    }
                }
            }
        }
        if (!chunk.isEmpty()) {
            removed += deleteUnreferenced(target, field, chunk);
        }
        return removed;
    }

    /** Deletes the candidates that are still unreferenced: a sample may have arrived since the scan. */
    private long deleteUnreferenced(MongoCollection<Document> target, String field, List<Object> candidates) {
        Set<Object> left = new HashSet<>(candidates);
        for (Document now : db.getCollection("meter").aggregate(List.of(
                Aggregates.match(Filters.in(field, candidates)), Aggregates.group("$" + field)))) {
            left.remove(now.get("_id"));
        }
        if (left.isEmpty()) {
            return 0;
        }
        return target.deleteMany(Filters.in("_id", new ArrayList<>(left))).getDeletedCount();
    }

    /** A ping, answered within {@link #HEALTH_TIMEOUT} or taken as a failure. */
    @Override
    public boolean isHealthy() {
        try {
            db.withTimeout(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            LOG.debug("mongodb: ping failed: {}", Urls.maskText(e.getMessage()));
            return false;
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", db.getName());
        m.put("samples written", samplesWritten.get());
        m.put("meter documents inserted", metersInserted.get());
        m.put("duplicates skipped", duplicatesSkipped.get());
        m.put("batches", batches.get());
        m.put("write failures", failures.get());
        m.put("time_to_live", ttlSeconds);
        m.put("indexes", indexState);
        m.put("expired documents", expired.get());
        String err = lastError;
        m.put("last error", err == null ? "none" : lastErrorAt + " " + err);
        return m;
    }

    @Override
    public void close() {
        client.close();
    }
}
