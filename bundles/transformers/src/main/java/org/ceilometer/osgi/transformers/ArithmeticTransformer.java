package org.ceilometer.osgi.transformers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.Transformer;
import org.ceilometer.osgi.transformers.expr.Expression;
import org.ceilometer.osgi.transformers.expr.ExpressionException;
import org.ceilometer.osgi.transformers.expr.PyOps;
import org.ceilometer.osgi.transformers.expr.Resolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code arithmetic}: Juno's {@code ArithmeticTransformer} ({@code arithmetic.py}).
 *
 * <p>{@code target.expr} combines meters written {@code $(meter)} (its volume) or
 * {@code $(meter).field} (e.g. {@code $(memory).resource_metadata.memory_mb}). Every sample is taken
 * in and none is passed on (as Juno: the pipeline's other meters do not survive this transformer);
 * the latest sample of each required meter is kept per resource. A flush evaluates the expression for
 * every resource that has all of them and emits one float sample named {@code target.name}, with
 * {@code target.unit} and {@code target.type} (each defaulting to the reference meter's, the first
 * one in the expression), the reference sample's user, project, resource and metadata, and the
 * timestamp of the last sample taken in. Resources missing a meter, and expressions that fail or give
 * NaN, are logged and skipped; the cache is emptied at every flush.
 */
final class ArithmeticTransformer implements Transformer {
    static final String NAME = "arithmetic";
    private static final Logger LOG = LoggerFactory.getLogger(ArithmeticTransformer.class);

    private final Expression expression;
    private final String referenceMeter;
    private final Set<String> required;
    private final String targetName;
    private final String targetUnit;
    private final MeterType targetType;

    private final Map<String, Map<String, Sample>> cache = new LinkedHashMap<>();
    private Instant latestTimestamp;

    ArithmeticTransformer(Map<String, Object> parameters) {
        Params p = Params.of(NAME, parameters).only("target");
        Params target = p.map("target").only("name", "unit", "type", "expr");
        String expr = target.string("expr");
        if (expr == null || expr.isBlank()) {
            throw target.error("expr", "is required: an expression over meters written $(meter)");
        }
        try {
            this.expression = Expression.parse(expr);
        } catch (IllegalArgumentException e) {
            throw target.error("expr", "is not a valid expression: " + e.getMessage());
        }
        if (expression.meters().isEmpty()) {
            throw target.error("expr", "must use at least one meter, written $(meter): '" + expr + "'");
        }
        this.required = expression.meters();
        this.referenceMeter = required.iterator().next();
        this.targetName = target.string("name");
        this.targetUnit = target.string("unit");
        String type = target.string("type");
        try {
            this.targetType = type == null ? null : MeterType.fromWireName(type);
        } catch (IllegalArgumentException e) {
            throw target.error("type", "must be gauge, delta or cumulative, not '" + type + "'");
        }
    }

    @Override
    public synchronized Sample handleSample(Sample s) {
        if (required.contains(s.name())) {
            cache.computeIfAbsent(s.resourceId(), k -> new LinkedHashMap<>()).put(s.name(), s);
        }
        latestTimestamp = s.timestamp();
        return null;
    }

    @Override
    public synchronized List<Sample> flush() {
        List<Sample> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Sample>> e : cache.entrySet()) {
            Map<String, Sample> meters = e.getValue();
            if (meters.size() != required.size()) {
                LOG.warn("Unable to perform calculation, not all of {} are present for resource {}", required,
                        e.getKey());
                continue;
            }
            Sample computed = calculate(meters);
            if (computed != null) {
                out.add(computed);
            }
        }
        cache.clear();
        return out;
    }

    private Sample calculate(Map<String, Sample> meters) {
        Map<String, Map<String, Object>> namespaces = new LinkedHashMap<>();
        meters.forEach((name, sample) -> namespaces.put(name, SampleNamespace.of(sample)));
        Resolver resolver = new Resolver() {
            @Override
            public Object name(String name) {
                return PyOps.MISSING;
            }

            @Override
            public Object meter(String name) {
                Map<String, Object> ns = namespaces.get(name);
                return ns == null ? PyOps.MISSING : ns;
            }
        };
        try {
            Object value = PyOps.toFloat(expression.evaluate(resolver));
            double volume = (Double) value;
            if (Double.isNaN(volume)) {
                throw new ExpressionException("Expression evaluated to a NaN value!");
            }
            Sample ref = meters.get(referenceMeter);
            return ref.toBuilder()
                    .name(targetName != null ? targetName : ref.name())
                    .unit(targetUnit != null ? targetUnit : ref.unit())
                    .type(targetType != null ? targetType : ref.type())
                    .volume(volume)
                    .timestamp(latestTimestamp)
                    .id(UUID.randomUUID().toString())
                    .signature(null)
                    .build();
        } catch (RuntimeException e) {
            LOG.warn("Unable to evaluate expression {}: {}", expression, e.getMessage());
            return null;
        }
    }
}
