package org.ceilometer.osgi.publishers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.signing.MeterMessages;

/**
 * A sample as Ceilometer master's {@code Sample.as_dict()}: its attributes in the order the
 * constructor sets them, {@code name, type, unit, volume, user_id, user_name, project_id,
 * project_name, resource_id, timestamp, resource_metadata, source, id, monotonic_time}. The three
 * fields master added and a sample here does not have ({@code user_name, project_name,
 * monotonic_time}) are None, as master's pollsters leave them.
 */
final class SampleDicts {
    private SampleDicts() {}

    static Map<String, Object> asDict(Sample s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", s.name());
        d.put("type", s.type().wireName());
        d.put("unit", s.unit());
        d.put("volume", s.volume());
        d.put("user_id", s.userId());
        d.put("user_name", null);
        d.put("project_id", s.projectId());
        d.put("project_name", null);
        d.put("resource_id", s.resourceId());
        d.put("timestamp", MeterMessages.formatTimestamp(s.timestamp()));
        d.put("resource_metadata", s.resourceMetadata());
        d.put("source", s.source());
        d.put("id", s.id());
        d.put("monotonic_time", null);
        return d;
    }
}
