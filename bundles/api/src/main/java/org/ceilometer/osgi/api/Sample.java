package org.ceilometer.osgi.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One measurement, as Ceilometer's {@code ceilometer.sample.Sample}: meter name, type, unit, volume,
 * the user, project and resource it belongs to, when it was taken, and the resource's metadata.
 *
 * <p>Immutable. The volume keeps its Java type ({@link Long} for whole numbers, {@link Double}
 * otherwise) because a signature renders {@code 42} and {@code 42.0} differently.
 */
public final class Sample {
    /** Ceilometer's {@code [DEFAULT] sample_source}. */
    public static final String DEFAULT_SOURCE = "openstack";

    private final String name;
    private final MeterType type;
    private final String unit;
    private final Number volume;
    private final String userId;
    private final String projectId;
    private final String resourceId;
    private final Instant timestamp;
    private final Map<String, Object> resourceMetadata;
    private final String source;
    private final String id;
    private final String signature;

    private Sample(Builder b) {
        this.name = requireText(b.name, "name");
        this.type = Objects.requireNonNull(b.type, "type");
        this.unit = requireText(b.unit, "unit");
        this.volume = normalize(b.volume);
        this.userId = b.userId;
        this.projectId = b.projectId;
        this.resourceId = requireText(b.resourceId, "resource_id");
        this.timestamp = b.timestamp == null ? Instant.now() : b.timestamp;
        // the builder holds either its own copy (wrapped here, not copied again) or the unmodifiable map of
        // the sample it was made from
        this.resourceMetadata = b.resourceMetadata == null
                ? Map.of()
                : b.metadataShared ? b.resourceMetadata : Collections.unmodifiableMap(b.resourceMetadata);
        this.source = b.source == null ? DEFAULT_SOURCE : b.source;
        this.id = b.id == null ? randomId() : b.id;
        this.signature = b.signature;
    }

    private static String requireText(String v, String field) {
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("sample field '" + field + "' is missing");
        }
        return v;
    }

    private static Number normalize(Number v) {
        if (v == null) {
            throw new IllegalArgumentException("sample field 'volume' is missing");
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return v.longValue();
        }
        if (v instanceof Float) {
            return v.doubleValue();
        }
        if (v instanceof Double && (((Double) v).isNaN() || ((Double) v).isInfinite())) {
            throw new IllegalArgumentException("sample field 'volume' is not a finite number: " + v);
        }
        return v;
    }

    /**
     * A random (version 4) UUID for {@code message_id}. It needs to be unique, not unguessable, so it is
     * drawn from the thread's own generator rather than from the one {@code SecureRandom} that
     * {@link UUID#randomUUID()} locks, which pollster threads would queue on.
     */
    private static String randomId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this sample's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.type = type;
        b.unit = unit;
        b.volume = volume;
        b.userId = userId;
        b.projectId = projectId;
        b.resourceId = resourceId;
        b.timestamp = timestamp;
        b.resourceMetadata = resourceMetadata;
        b.metadataShared = true;
        b.source = source;
        b.id = id;
        b.signature = signature;
        return b;
    }

    /** This sample with another timestamp (the agent stamps one polling time per pollster run). */
    public Sample withTimestamp(Instant ts) {
        return toBuilder().timestamp(ts).signature(null).build();
    }

    /** This sample carrying a {@code message_signature}. */
    public Sample withSignature(String sig) {
        return toBuilder().signature(sig).build();
    }

    public String name() { return name; }
    public MeterType type() { return type; }
    public String unit() { return unit; }
    public Number volume() { return volume; }
    /** May be null, as Ceilometer's {@code user_id}. */
    public String userId() { return userId; }
    /** May be null, as Ceilometer's {@code project_id}. */
    public String projectId() { return projectId; }
    public String resourceId() { return resourceId; }
    public Instant timestamp() { return timestamp; }
    public Map<String, Object> resourceMetadata() { return resourceMetadata; }
    public String source() { return source; }
    /** The {@code message_id}. */
    public String id() { return id; }
    /** The {@code message_signature}, or null when unsigned. */
    public String signature() { return signature; }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Sample)) {
            return false;
        }
        Sample s = (Sample) o;
        return name.equals(s.name) && type == s.type && unit.equals(s.unit) && volume.equals(s.volume)
                && Objects.equals(userId, s.userId) && Objects.equals(projectId, s.projectId)
                && resourceId.equals(s.resourceId) && timestamp.equals(s.timestamp)
                && resourceMetadata.equals(s.resourceMetadata) && source.equals(s.source) && id.equals(s.id)
                && Objects.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, resourceId, timestamp, id);
    }

    @Override
    public String toString() {
        return name + "(" + type + ", " + volume + " " + unit + ", resource=" + resourceId + ", project="
                + projectId + ", user=" + userId + ", at=" + timestamp + ")";
    }

    /** Builds a {@link Sample}; name, type, unit, volume and resource id are required. */
    public static final class Builder {
        private String name;
        private MeterType type;
        private String unit;
        private Number volume;
        private String userId;
        private String projectId;
        private String resourceId;
        private Instant timestamp;
        private Map<String, Object> resourceMetadata;
        private boolean metadataShared;
        private String source;
        private String id;
        private String signature;

        private Builder() {}

        public Builder name(String v) { this.name = v; return this; }
        public Builder type(MeterType v) { this.type = v; return this; }
        public Builder unit(String v) { this.unit = v; return this; }
        public Builder volume(Number v) { this.volume = v; return this; }
        public Builder userId(String v) { this.userId = v; return this; }
        public Builder projectId(String v) { this.projectId = v; return this; }
        public Builder resourceId(String v) { this.resourceId = v; return this; }
        public Builder timestamp(Instant v) { this.timestamp = v; return this; }
        public Builder resourceMetadata(Map<String, ?> v) {
            this.resourceMetadata = v == null ? null : new LinkedHashMap<>(v);
            this.metadataShared = false;
            return this;
        }
        public Builder source(String v) { this.source = v; return this; }
        public Builder id(String v) { this.id = v; return this; }
        public Builder signature(String v) { this.signature = v; return this; }

        /**
         * @throws IllegalArgumentException naming the first missing or invalid field
         */
        public Sample build() {
            return new Sample(this);
        }
    }
}
