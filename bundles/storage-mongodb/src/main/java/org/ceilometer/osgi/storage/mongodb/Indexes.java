package org.ceilometer.osgi.storage.mongodb;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexes of Icehouse's {@code upgrade()}: on {@code resource}, {@code resource_idx} (user_id,
 * source), {@code resource_project_idx} (project_id, source) and {@code last_sample_timestamp_idx}
 * (last_sample_timestamp descending, sparse); on {@code meter}, {@code meter_idx} (resource_id,
 * user_id, counter_name, timestamp, source), {@code meter_project_idx} (the same with project_id) and
 * {@code timestamp_idx} (timestamp descending); and, when {@code time_to_live} is positive, the TTL
 * index {@code meter_ttl} (timestamp ascending), recreated when its expiry changed and dropped when
 * the time to live is not positive.
 */
final class Indexes {
    static final String TTL_INDEX = "meter_ttl";

    private static final Logger LOG = LoggerFactory.getLogger(Indexes.class);

    private Indexes() {}

    /**
     * Creates what is missing. An index the server refuses (a conflicting definition, say) is logged and
     * skipped; a network failure is thrown, so that the caller tries again later.
     *
     * @return the names of the indexes that could not be created
     */
    static List<String> ensure(MongoDatabase db, long ttlSeconds) {
        List<String> failed = new ArrayList<>();
        MongoCollection<Document> resource = db.getCollection("resource");
        MongoCollection<Document> meter = db.getCollection("meter");
        for (String primary : new String[] {"user_id", "project_id"}) {
            String qualifier = primary.equals("user_id") ? "" : "project_";
            boolean background = !primary.equals("user_id");
            create(resource, new Document(primary, 1).append("source", 1),
                    new IndexOptions().name("resource_" + qualifier + "idx").background(background), failed);
            create(meter, new Document("resource_id", 1).append(primary, 1).append("counter_name", 1)
                            .append("timestamp", 1).append("source", 1),
                    new IndexOptions().name("meter_" + qualifier + "idx").background(background), failed);
        }
        create(resource, new Document("last_sample_timestamp", -1),
                new IndexOptions().name("last_sample_timestamp_idx").sparse(true), failed);
        create(meter, new Document("timestamp", -1), new IndexOptions().name("timestamp_idx"), failed);
        ttl(meter, ttlSeconds, failed);
        return failed;
    }

    private static void ttl(MongoCollection<Document> meter, long ttlSeconds, List<String> failed) {
        Document existing = null;
        for (Document index : meter.listIndexes()) {
            if (TTL_INDEX.equals(index.getString("name"))) {
                existing = index;
            }
        }
        try {
            if (ttlSeconds <= 0) {
                if (existing != null) {
                    meter.dropIndex(TTL_INDEX);
                    LOG.info("mongodb: dropped index {} (time_to_live is {})", TTL_INDEX, ttlSeconds);
                }
                return;
            }
            if (existing != null) {
                Object current = existing.get("expireAfterSeconds");
                if (current instanceof Number && ((Number) current).longValue() == ttlSeconds) {
                    return;
                }
                meter.dropIndex(TTL_INDEX);
            }
            meter.createIndex(new Document("timestamp", 1),
                    new IndexOptions().name(TTL_INDEX).expireAfter(ttlSeconds, TimeUnit.SECONDS));
            LOG.info("mongodb: index {} expires samples after {} s", TTL_INDEX, ttlSeconds);
        } catch (MongoCommandException e) {
            LOG.warn("mongodb: could not set index {}: {}", TTL_INDEX, e.getErrorMessage());
            failed.add(TTL_INDEX);
        }
    }

    private static void create(MongoCollection<Document> c, Document keys, IndexOptions options, List<String> failed) {
        try {
            c.createIndex(keys, options);
        } catch (MongoCommandException e) {
            // the server answered, and refused: a conflicting definition of the same name or keys
            LOG.warn("mongodb: could not create index {} on {}: {}", options.getName(),
                    c.getNamespace().getCollectionName(), e.getErrorMessage());
            failed.add(options.getName());
        }
    }
}
