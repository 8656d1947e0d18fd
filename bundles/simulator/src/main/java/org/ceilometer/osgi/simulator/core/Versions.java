package org.ceilometer.osgi.simulator.core;

/** The version list a service answers at its root, without a token. */
public final class Versions {
    private Versions() {}

    /**
     * {@code {"versions": [{<fields>, "links": [{"href": self, "rel": "self"}]}]}}: one version, its
     * string fields in the order given.
     *
     * @param fields names and values, alternating
     */
    public static SimResponse single(int status, String selfHref, String... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in name and value pairs");
        }
        return SimResponse.json(status, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("versions");
            g.writeStartObject();
            for (int i = 0; i < fields.length; i += 2) {
                g.writeStringField(fields[i], fields[i + 1]);
            }
            g.writeArrayFieldStart("links");
            g.writeStartObject();
            g.writeStringField("href", selfHref);
            g.writeStringField("rel", "self");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
