package org.ceilometer.osgi.simulator.core;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response a service handler returns: status, headers and a JSON body that is either buffered
 * (small documents, sent with a length) or streamed (large lists, sent chunked).
 */
public final class SimResponse {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Json.Writer body;
    private final boolean streamed;

    private SimResponse(int status, Json.Writer body, boolean streamed) {
        this.status = status;
        this.body = body;
        this.streamed = streamed;
    }

    /** A JSON document written into a buffer first, then sent with its length. */
    public static SimResponse json(int status, Json.Writer body) {
        return new SimResponse(status, body, false);
    }

    /** A JSON document written straight to the connection while the client reads it. */
    public static SimResponse streamedJson(int status, Json.Writer body) {
        return new SimResponse(status, body, true);
    }

    /** A response without a body. */
    public static SimResponse empty(int status) {
        return new SimResponse(status, null, false);
    }

    /**
     * OpenStack's error document: {@code {"error": {"code": 401, "title": "Unauthorized", "message": ...}}}.
     */
    public static SimResponse error(int status, String message) {
        return json(status, g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeNumberField("code", status);
            g.writeStringField("title", reason(status));
            g.writeStringField("message", message);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** Adds a header; returns this response. */
    public SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public boolean hasBody() {
        return body != null;
    }

    public boolean isStreamed() {
        return streamed;
    }

    /** Writes the body to a stream; the stream is flushed, not closed. */
    public void writeBody(OutputStream out) throws IOException {
        if (body == null) {
            return;
        }
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            body.write(g);
        }
        out.flush();
    }

    /** The body as bytes (empty without a body). */
    public byte[] bodyBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeBody(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The standard reason phrase of a status, as OpenStack puts it in {@code title}. */
    public static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 201: return "Created";
            case 204: return "No Content";
            case 300: return "Multiple Choices";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 409: return "Conflict";
            case 413: return "Request Entity Too Large";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "HTTP " + status;
        }
    }
}
