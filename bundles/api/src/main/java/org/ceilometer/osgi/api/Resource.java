package org.ceilometer.osgi.api;

import java.util.Objects;

/**
 * One thing a discovery found: a stable id, which partitioning hashes, and the payload that the
 * pollsters read (an endpoint URL, a project, an image's JSON, ...).
 */
public final class Resource {
    private final String id;
    private final Object payload;

    private Resource(String id, Object payload) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a resource needs a non-empty id");
        }
        this.id = id;
        this.payload = payload;
    }

    /** A resource whose payload is its id (a static resource of a source, an endpoint URL). */
    public static Resource of(String id) {
        return new Resource(id, id);
    }

    public static Resource of(String id, Object payload) {
        return new Resource(id, payload);
    }

    public String id() {
        return id;
    }

    public Object payload() {
        return payload;
    }

    /**
     * The payload as the given type.
     *
     * @throws ClassCastException naming both types when it is not one
     */
    public <T> T payload(Class<T> type) {
        if (!type.isInstance(payload)) {
            throw new ClassCastException("resource " + id + " carries "
                    + (payload == null ? "null" : payload.getClass().getName()) + ", not " + type.getName());
        }
        return type.cast(payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resource && ((Resource) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
