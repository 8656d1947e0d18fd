package org.ceilometer.osgi.transformers.expr;

/** An expression that could not be evaluated (a type error, a division by zero, a missing field, ...). */
public class ExpressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExpressionException(String message) {
        super(message);
    }
}
