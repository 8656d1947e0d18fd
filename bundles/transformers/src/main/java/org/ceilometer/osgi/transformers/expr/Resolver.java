package org.ceilometer.osgi.transformers.expr;

/** Gives the values names stand for when an expression is evaluated. */
public interface Resolver {
    /**
     * The value of a bare name ({@code volume}, {@code resource_metadata}); {@link PyOps#MISSING} when
     * it has none, as Ceilometer's namespace gives an empty, false value for unknown names.
     */
    Object name(String name);

    /** The sample namespace of meter {@code $(name)}; {@link PyOps#MISSING} when there is none. */
    default Object meter(String name) {
        return PyOps.MISSING;
    }
}
