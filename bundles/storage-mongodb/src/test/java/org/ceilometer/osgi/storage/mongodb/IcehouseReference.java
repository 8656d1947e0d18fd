package org.ceilometer.osgi.storage.mongodb;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.ceilometer.osgi.api.Sample;

/**
 * Icehouse's {@code record_metering_data}, transcribed step by step for one sample (find-and-modify,
 * then the two conditional updates, then the insert): the reference the batched writes must equal.
 * Like the driver, it skips users and projects whose id is null.
 */
final class IcehouseReference {
    private IcehouseReference() {}

    static void record(MongoDatabase db, Sample s, Instant recordedAt) {
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        if (s.userId() != null) {
            db.getCollection("user").updateOne(Filters.eq("_id", s.userId()),
                    new Document("$addToSet", new Document("source", s.source())), upsert);
        }
        if (s.projectId() != null) {
            db.getCollection("project").updateOne(Filters.eq("_id", s.projectId()),
                    new Document("$addToSet", new Document("source", s.source())), upsert);
        }
        Date ts = Documents.date(s.timestamp());
        Document metadata = Documents.metadata(s.resourceMetadata());
        Document resource = db.getCollection("resource").findOneAndUpdate(Filters.eq("_id", s.resourceId()),
                new Document("$set", new Document("project_id", s.projectId()).append("user_id", s.userId())
                        .append("source", s.source()))
                        .append("$setOnInsert", new Document("metadata", metadata)
                                .append("first_sample_timestamp", ts).append("last_sample_timestamp", ts))
                        .append("$addToSet", new Document("meter", Documents.meterRef(s))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        Date last = resource.getDate("last_sample_timestamp");
        if (last == null || !last.after(ts)) {
            db.getCollection("resource").updateOne(Filters.eq("_id", s.resourceId()),
                    new Document("$set", new Document("metadata", metadata).append("last_sample_timestamp", ts)));
        }
        Date first = resource.getDate("first_sample_timestamp");
        if (first != null && first.after(ts)) {
            db.getCollection("resource").updateOne(Filters.eq("_id", s.resourceId()),
                    new Document("$set", new Document("first_sample_timestamp", ts)));
        }
        db.getCollection("meter").insertOne(Documents.meter(s, recordedAt));
    }
}
