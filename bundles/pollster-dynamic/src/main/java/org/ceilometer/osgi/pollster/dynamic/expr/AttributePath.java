package org.ceilometer.osgi.pollster.dynamic.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ceilometer's attribute reference with operations: {@code key.sub.key | operation | operation}. The
 * first part is a dotted path into the data ({@code .} is the data itself); each operation is an
 * {@link Expression} over the variable {@code value}, which holds the result so far.
 */
public final class AttributePath {
    private static final Set<String> VALUE = Set.of("value");

    private final String source;
    /** The path's keys, or null for {@code .}. */
    private final List<String> keys;
    private final List<Expression> operations;

    private AttributePath(String source, List<String> keys, List<Expression> operations) {
        this.source = source;
        this.keys = keys;
        this.operations = operations;
    }

    /**
     * @throws ExprException when an operation is not an expression, does not use {@code value}, or
     *     reads a name that does not exist
     */
    public static AttributePath parse(String source) {
        List<String> parts = splitPipes(source);
        String path = parts.get(0).strip();
        if (path.isEmpty()) {
            throw new ExprException(ExprException.Kind.SYNTAX, "the attribute before the first '|' is empty");
        }
        List<String> keys = path.equals(".") ? null : List.of(path.split("\\.", -1));
        List<Expression> ops = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            String op = parts.get(i);
            if (!op.contains("value")) {
                throw new ExprException(ExprException.Kind.SYNTAX, "the operation [" + op.strip()
                        + "] must use the [value] variable");
            }
            Expression e;
            try {
                e = Expression.parse(op.strip());
            } catch (ExprException ex) {
                throw new ExprException(ex.kind(), "operation [" + op.strip() + "]: " + ex.getMessage());
            }
            Set<String> unknown = e.unknownNames(VALUE);
            if (!unknown.isEmpty()) {
                throw new ExprException(ExprException.Kind.SYNTAX, "operation [" + op.strip() + "]: unknown name(s) "
                        + unknown + "; operations see 'value' and the builtins only (no modules)");
            }
            ops.add(e);
        }
        return new AttributePath(source, keys, Collections.unmodifiableList(ops));
    }

    /** Splits at each {@code |} outside quotes, brackets and parentheses. */
    static List<String> splitPipes(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == '|' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    public String source() {
        return source;
    }

    /** Whether the reference is a plain key with no path and no operations. */
    public boolean isPlainKey(String key) {
        return operations.isEmpty() && keys != null && keys.size() == 1 && keys.get(0).equals(key);
    }

    /**
     * Reads the attribute from {@code data} and applies the operations.
     *
     * @throws ExprException of kind MISSING when a key of the path is not there, or the operations fail
     */
    public Object read(Object data) {
        Object value = data;
        if (keys != null) {
            for (String k : keys) {
                value = step(value, k);
            }
        }
        for (Expression op : operations) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("value", value);
            value = op.evaluate(vars);
        }
        return value;
    }

    private Object step(Object value, String key) {
        if (value instanceof Map) {
            Object v = Py.mapLookup((Map<?, ?>) value, key);
            if (v == Py.ABSENT) {
                throw Py.missing("KeyError: " + Py.repr(key));
            }
            return v;
        }
        if (value instanceof List && key.matches("-?\\d+")) {
            return Py.getItem(value, Long.parseLong(key));
        }
        throw Py.typeError("cannot read '" + key + "' of a " + Py.typeName(value)
                + (value instanceof List ? " (use a list index or an operation)" : ""));
    }

    @Override
    public String toString() {
        return source;
    }
}
