package org.ceilometer.osgi.pollster.volume;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Cinder service of {@code os-services}. */
final class ServiceRecord {
    /** {@code <binary>@<host>}, as Ceilometer names the resource. */
    final String resourceId;
    /** {@code up} or {@code down} as Cinder reports it; may be anything else, or null. */
    final String state;
    private final Object binary;
    private final Object host;
    private final Object zone;
    private final Object status;

    private ServiceRecord(JsonNode s, JsonValues.Interner strings) {
        this.binary = JsonValues.toJava(s.get("binary"), strings);
        this.host = JsonValues.toJava(s.get("host"), strings);
        this.zone = JsonValues.toJava(s.get("zone"), strings);
        this.status = JsonValues.toJava(s.get("status"), strings);
        this.state = JsonValues.text(s, "state", strings);
        this.resourceId = python(binary) + "@" + python(host);
    }

    /** How a Python f-string shows the value ({@code None} for null). */
    private static String python(Object v) {
        return v == null ? "None" : v.toString();
    }

    static ServiceRecord of(JsonNode service, JsonValues.Interner strings) {
        return new ServiceRecord(service, strings);
    }

    /** Ceilometer's {@code resource_metadata} of a service ({@code VolumeServiceHealthPollster.FIELDS}). */
    Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("binary", binary);
        m.put("host", host);
        m.put("zone", zone);
        m.put("status", status);
        return m;
    }

    @Override
    public String toString() {
        return "service " + resourceId;
    }
}
