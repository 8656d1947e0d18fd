package org.ceilometer.osgi.storage.mongodb;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ceilometer.osgi.api.Sample;

/**
 * The writes of one batch, computed so that applying them gives exactly the documents that Icehouse's
 * {@code record_metering_data} gives when called for each sample in order:
 *
 * <ul>
 *   <li>user and project: one upsert per distinct id, adding every source seen, in order. A null id is
 *       skipped: Icehouse upserts {@code {_id: None}}, which MongoDB keeps as one document with a null
 *       id but mongo-java-server (the demo's store) answers with a new document for every write;
 *       a null user is no user to list anyway;
 *   <li>resource, per distinct id: (a) the upsert with {@code $set} of project, user and source from the
 *       batch's last sample of it, {@code $setOnInsert} of the metadata of its latest sample (the later
 *       one on equal timestamps) and of the first and last timestamps, {@code $addToSet} of its meters;
 *       (b) metadata and {@code last_sample_timestamp} set where the stored one is missing, null or not
 *       later; (c) {@code first_sample_timestamp} set where the stored one is later (a missing one marks
 *       a document older than these fields and is left alone);
 *   <li>meter: one document per sample.
 * </ul>
 */
final class BatchPlan {
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    final List<WriteModel<Document>> users;
    final List<WriteModel<Document>> projects;
    final List<WriteModel<Document>> resources;
    final List<Document> meters;

    private BatchPlan(List<WriteModel<Document>> users, List<WriteModel<Document>> projects,
            List<WriteModel<Document>> resources, List<Document> meters) {
        this.users = users;
        this.projects = projects;
        this.resources = resources;
        this.meters = meters;
    }

    static BatchPlan of(List<Sample> samples, Instant recordedAt) {
        Map<String, Set<String>> userSources = new LinkedHashMap<>();
        Map<String, Set<String>> projectSources = new LinkedHashMap<>();
        Map<String, ResourceState> resources = new LinkedHashMap<>();
        List<Document> meters = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            if (s.userId() != null) {
                userSources.computeIfAbsent(s.userId(), k -> new LinkedHashSet<>()).add(s.source());
            }
            if (s.projectId() != null) {
                projectSources.computeIfAbsent(s.projectId(), k -> new LinkedHashSet<>()).add(s.source());
            }
            resources.computeIfAbsent(s.resourceId(), k -> new ResourceState()).add(s);
            meters.add(Documents.meter(s, recordedAt));
        }
        List<WriteModel<Document>> resourceWrites = new ArrayList<>(resources.size() * 3);
        for (Map.Entry<String, ResourceState> e : resources.entrySet()) {
            e.getValue().writes(e.getKey(), resourceWrites);
        }
        return new BatchPlan(sourceUpserts(userSources), sourceUpserts(projectSources), resourceWrites, meters);
    }

    private static List<WriteModel<Document>> sourceUpserts(Map<String, Set<String>> sources) {
        List<WriteModel<Document>> writes = new ArrayList<>(sources.size());
        for (Map.Entry<String, Set<String>> e : sources.entrySet()) {
            Set<String> s = e.getValue();
            Object value = s.size() == 1 ? s.iterator().next() : new Document("$each", new ArrayList<>(s));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", e.getKey()),
                    new Document("$addToSet", new Document("source", value)), UPSERT));
        }
        return writes;
    }

    /** What the samples of one resource in the batch add up to. */
    private static final class ResourceState {
        private Sample last;
        private Sample latest;
        private Date minTs;
        private Date maxTs;
        private final Set<Document> meters = new LinkedHashSet<>();

        void add(Sample s) {
            Date ts = Documents.date(s.timestamp());
            last = s;
            if (maxTs == null || !ts.before(maxTs)) {
                // on equal timestamps the later sample wins, as Icehouse's "<=" lets it
                maxTs = ts;
                latest = s;
            }
            if (minTs == null || ts.before(minTs)) {
                minTs = ts;
            }
            meters.add(Documents.meterRef(s));
        }

        void writes(String resourceId, List<WriteModel<Document>> out) {
            Document metadata = Documents.metadata(latest.resourceMetadata());
            Document set = new Document("project_id", last.projectId())
                    .append("user_id", last.userId())
                    .append("source", last.source());
            Document setOnInsert = new Document("metadata", metadata)
                    .append("first_sample_timestamp", minTs)
                    .append("last_sample_timestamp", maxTs);
            Object meter = meters.size() == 1 ? meters.iterator().next()
                    : new Document("$each", new ArrayList<>(meters));
            Document upsert = new Document("$set", set)
                    .append("$setOnInsert", setOnInsert)
                    .append("$addToSet", new Document("meter", meter));
            Bson id = Filters.eq("_id", resourceId);
            out.add(new UpdateOneModel<>(id, upsert, UPSERT));

            Bson notLater = Filters.and(id, Filters.or(
                    Filters.exists("last_sample_timestamp", false),
                    Filters.eq("last_sample_timestamp", null),
                    Filters.lte("last_sample_timestamp", maxTs)));
            out.add(new UpdateOneModel<>(notLater, new Document("$set",
                    new Document("metadata", metadata).append("last_sample_timestamp", maxTs))));

            Bson later = Filters.and(id, Filters.gt("first_sample_timestamp", minTs));
            out.add(new UpdateOneModel<>(later, new Document("$set",
                    new Document("first_sample_timestamp", minTs))));
        }
    }
}
