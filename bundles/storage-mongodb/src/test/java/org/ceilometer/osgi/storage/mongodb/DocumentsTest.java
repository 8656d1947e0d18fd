package org.ceilometer.osgi.storage.mongodb;

import static org.ceilometer.osgi.storage.mongodb.TestData.NOW;
import static org.ceilometer.osgi.storage.mongodb.TestData.T0;
import static org.ceilometer.osgi.storage.mongodb.TestData.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.ceilometer.osgi.api.Sample;
import org.junit.jupiter.api.Test;

class DocumentsTest {
    @Test
    void datesAreTruncatedToTheMillisecond() {
        assertEquals(new Date(Instant.parse("2024-05-01T10:00:00.123Z").toEpochMilli()), Documents.date(T0));
    }

    @Test
    void meterIdIsTheSameForTheSameSampleOnly() {
        Sample s = sample("r1", T0).build();
        ObjectId id = Documents.meterId(s);
        assertEquals(id, Documents.meterId(sample("r1", T0).build()));
        assertEquals(T0.getEpochSecond(), id.getTimestamp());
        assertNotEquals(id, Documents.meterId(sample("r1", T0).id("other").build()));
        assertNotEquals(id, Documents.meterId(sample("r2", T0).id(s.id()).build()));
        assertNotEquals(id, Documents.meterId(sample("r1", T0).name("image").id(s.id()).build()));
        assertNotEquals(id, Documents.meterId(s.withTimestamp(T0.plusSeconds(1)).toBuilder().id(s.id()).build()));
    }

    @Test
    void meterDocumentHasTheMessageFieldsInOrder() {
        Document d = Documents.meter(sample("r1", T0).signature("abc").build(), NOW);
        assertEquals(List.of("_id", "source", "counter_name", "counter_type", "counter_unit", "counter_volume",
                "user_id", "project_id", "resource_id", "timestamp", "resource_metadata", "message_id",
                "message_signature", "recorded_at"), List.copyOf(d.keySet()));
        assertEquals(Documents.date(NOW), d.get("recorded_at"));
    }

    @Test
    void volumesKeepWholeOrFractional() {
        assertEquals(5L, Documents.volume(5L));
        assertEquals(2.5, Documents.volume(2.5));
        assertEquals(7L, Documents.volume(7));
        assertEquals(1.5, Documents.volume(new BigDecimal("1.5")));
        assertEquals(12L, Documents.volume(BigInteger.valueOf(12)));
        assertEquals(1e20, Documents.volume(new BigInteger("100000000000000000000")));
    }

    @Test
    void metadataBecomesBson() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("a.b.c", 1);
        meta.put("a.x", "y");
        meta.put("$set", true);
        meta.put("when", Instant.parse("2024-01-01T00:00:00Z"));
        meta.put("list", List.of(Map.of("k.k", 2), 3.5f));
        meta.put("arr", new int[] {1, 2});
        meta.put("none", null);
        meta.put("other", new StringBuilder("text"));
        Document d = Documents.metadata(meta);
        assertEquals(new Document("b", new Document("c", 1)).append("x", "y"), d.get("a"));
        assertEquals(true, d.get("%24set"));
        assertEquals(new Date(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli()), d.get("when"));
        assertEquals(List.of(new Document("k", new Document("k", 2)), 3.5), d.get("list"));
        assertEquals(List.of(1, 2), d.get("arr"));
        assertEquals(true, d.containsKey("none"));
        assertEquals("text", d.get("other"));
    }
}
