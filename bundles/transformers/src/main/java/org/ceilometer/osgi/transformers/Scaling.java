package org.ceilometer.osgi.transformers;

import java.util.UUID;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.transformers.expr.Expression;
import org.ceilometer.osgi.transformers.expr.PyOps;

/**
 * The conversion Ceilometer Juno's {@code ScalingTransformer} applies ({@code conversions.py}), shared
 * by {@code unit_conversion}, {@code rate_of_change} and {@code aggregator}:
 * <ul>
 * <li>{@code source: {unit, map_from: {name, unit}}} and {@code target: {name, unit, type, scale,
 * map_to: {name, unit}}};</li>
 * <li>name and unit: {@code re.sub(map_from.x, map_to.x, value)} when both are set and the result is
 * not empty, else {@code target.x}, else unchanged;</li>
 * <li>type: {@code target.type} or unchanged;</li>
 * <li>volume: a string {@code scale} is an expression over the sample's fields whose value is the new
 * volume (it must mention {@code volume} to use it); a number multiplies the volume; none (or 0)
 * keeps it. The result is multiplied by a growth factor (1, or the rate of change).</li>
 * </ul>
 * A converted sample keeps user, project, resource, timestamp, metadata and source, and gets a new
 * message id, as Juno builds a new sample.
 */
final class Scaling {
    private final String sourceUnit;
    private final PythonRegex nameMap;
    private final PythonRegex unitMap;
    private final String targetName;
    private final String targetUnit;
    private final MeterType targetType;
    private final Number scaleFactor;
    private final Expression scaleExpression;

    private Scaling(String sourceUnit, PythonRegex nameMap, PythonRegex unitMap, String targetName,
            String targetUnit, MeterType targetType, Number scaleFactor, Expression scaleExpression) {
        this.sourceUnit = sourceUnit;
        this.nameMap = nameMap;
        this.unitMap = unitMap;
        this.targetName = targetName;
        this.targetUnit = targetUnit;
        this.targetType = targetType;
        this.scaleFactor = scaleFactor;
        this.scaleExpression = scaleExpression;
    }

    /**
     * Reads {@code source} and {@code target} of a transformer's parameters.
     *
     * @param defaultScale the expression used when {@code scale} is absent or false ({@code "1"} for
     *     rate_of_change), or null to keep the volume
     */
    static Scaling parse(Params params, String defaultScale) {
        Params source = params.map("source").only("unit", "map_from");
        Params target = params.map("target").only("name", "unit", "type", "scale", "map_to");
        Params from = source.map("map_from").only("name", "unit");
        Params to = target.map("map_to").only("name", "unit");
        PythonRegex nameMap = null;
        PythonRegex unitMap = null;
        if (!from.isEmpty() && !to.isEmpty()) {
            nameMap = regex(from, to, "name");
            unitMap = regex(from, to, "unit");
        }
        MeterType type = null;
        String typeName = target.string("type");
        if (typeName != null) {
            try {
                type = MeterType.fromWireName(typeName);
            } catch (IllegalArgumentException e) {
                throw target.error("type", "must be gauge, delta or cumulative, not '" + typeName + "'");
            }
        }
        Number factor = null;
        Expression expression = null;
        Object scale = target.raw("scale");
        if (scale instanceof CharSequence) {
            if (scale.toString().isEmpty()) {
                scale = null;
            } else {
                try {
                    expression = Expression.parse(scale.toString());
                } catch (IllegalArgumentException e) {
                    throw target.error("scale", "is not a valid expression: " + e.getMessage());
                }
                if (!expression.meters().isEmpty()) {
                    throw target.error("scale", "cannot refer to meters with $(...): only arithmetic can");
                }
            }
        } else if (scale instanceof Number) {
            Object n = PyOps.normalize(scale);
            if (n instanceof Double && (((Double) n).isNaN() || ((Double) n).isInfinite())) {
                throw target.error("scale", "must be a finite number, not " + scale);
            }
            if (PyOps.truthy(n)) {
                factor = (Number) n;
            }
        } else if (scale != null) {
            throw target.error("scale", "must be a number or an expression, not " + Params.describe(scale));
        }
        if (factor == null && expression == null && defaultScale != null) {
            expression = Expression.parse(defaultScale);
        }
        return new Scaling(source.string("unit"), nameMap, unitMap, target.string("name"), target.string("unit"),
                type, factor, expression);
    }

    private static PythonRegex regex(Params from, Params to, String attr) {
        String pattern = from.string(attr);
        String replacement = to.string(attr);
        if (pattern == null || pattern.isEmpty() || replacement == null || replacement.isEmpty()) {
            return null;
        }
        try {
            return PythonRegex.compile(pattern, replacement);
        } catch (IllegalArgumentException e) {
            throw from.error(attr, "/ '" + to.path(attr) + "' " + e.getMessage());
        }
    }

    /** Whether {@code source.unit} lets this sample be converted (absent, or equal to its unit). */
    boolean appliesTo(Sample s) {
        return sourceUnit == null || sourceUnit.equals(s.unit());
    }

    /** Juno's {@code _scale}: the expression's value, or volume × factor, or the volume. */
    Object scale(Sample s) {
        if (scaleExpression != null) {
            return scaleExpression.evaluate(SampleNamespace.resolver(s));
        }
        Object volume = PyOps.normalize(s.volume());
        return scaleFactor == null ? volume : PyOps.mul(volume, scaleFactor);
    }

    String mapName(Sample s) {
        return map(nameMap, targetName, s.name());
    }

    String mapUnit(Sample s) {
        return map(unitMap, targetUnit, s.unit());
    }

    private static String map(PythonRegex regex, String target, String value) {
        if (regex != null) {
            try {
                String mapped = regex.sub(value);
                if (!mapped.isEmpty()) {
                    return mapped;
                }
            } catch (RuntimeException e) {
                // as Juno: a failed mapping falls back to the target value
            }
        }
        return target != null ? target : value;
    }

    /** Juno's {@code _convert(s, growth)}. */
    Sample convert(Sample s, Object growth) {
        Number volume = PyOps.toVolume(PyOps.mul(scale(s), growth));
        return s.toBuilder()
                .name(mapName(s))
                .unit(mapUnit(s))
                .type(targetType != null ? targetType : s.type())
                .volume(volume)
                .id(UUID.randomUUID().toString())
                .signature(null)
                .build();
    }
}
