package org.ceilometer.osgi.pollster.dynamic.expr;

/** An expression that cannot be parsed, or whose evaluation failed. */
public final class ExprException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in Python's terms. */
    public enum Kind {
        /** The text is not an expression of the language (SyntaxError). */
        SYNTAX,
        /** A key or index that is not there (KeyError, IndexError). */
        MISSING,
        /** An operation on the wrong type (TypeError, AttributeError, NameError). */
        TYPE,
        /** A right type with a wrong value (ValueError, ZeroDivisionError). */
        VALUE,
        /** A bound of the language was passed: steps, depth, sizes. */
        LIMIT
    }

    private final Kind kind;

    public ExprException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Python's KeyError or IndexError: the key or index is not there. */
    public boolean isMissing() {
        return kind == Kind.MISSING;
    }
}
