package org.ceilometer.osgi.transformers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.signing.MeterMessages;
import org.ceilometer.osgi.transformers.expr.PyOps;
import org.ceilometer.osgi.transformers.expr.Resolver;

/**
 * A sample's fields as Ceilometer's {@code Sample.as_dict()} names them, for expressions: {@code name,
 * type, unit, volume, user_id, project_id, resource_id, timestamp, resource_metadata, source, id}.
 */
final class SampleNamespace {
    private SampleNamespace() {}

    static Map<String, Object> of(Sample s) {
        Map<String, Object> ns = new LinkedHashMap<>();
        ns.put("name", s.name());
        ns.put("type", s.type().wireName());
        ns.put("unit", s.unit());
        ns.put("volume", s.volume());
        ns.put("user_id", s.userId());
        ns.put("project_id", s.projectId());
        ns.put("resource_id", s.resourceId());
        ns.put("timestamp", MeterMessages.formatTimestamp(s.timestamp()));
        ns.put("resource_metadata", s.resourceMetadata());
        ns.put("source", s.source());
        ns.put("id", s.id());
        return ns;
    }

    /** Bare names resolve to the sample's fields; anything else is missing. */
    static Resolver resolver(Sample s) {
        Map<String, Object> ns = of(s);
        return name -> ns.containsKey(name) ? ns.get(name) : PyOps.MISSING;
    }
}
