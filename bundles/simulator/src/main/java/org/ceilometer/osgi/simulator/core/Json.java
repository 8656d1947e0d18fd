package org.ceilometer.osgi.simulator.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/** The simulator's shared Jackson objects and small writing helpers. */
public final class Json {
    /** Parses request bodies; thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** Writes response bodies, streamed. */
    public static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {}

    /** Writes {@code name: value}, or {@code name: null} when the value is null. */
    public static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    /** Writes {@code name: value}, or {@code name: null} when the value is null. */
    public static void field(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.longValue());
        }
    }

    /** Writes {@code name: [values...]}. */
    public static void stringArray(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** A body writer: writes one JSON document to the generator. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator g) throws IOException;
    }
}
