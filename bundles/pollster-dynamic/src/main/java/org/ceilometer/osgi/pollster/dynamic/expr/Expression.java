package org.ceilometer.osgi.pollster.dynamic.expr;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One expression of the safe language: Python's expression syntax over data (literals, names,
 * arithmetic, comparisons, {@code and}/{@code or}/{@code not}, conditional expressions, subscripts
 * and slices, lambdas, comprehensions, method calls of str, dict and list, and a set of pure builtins).
 * There are no statements, no attribute reads, no imports and no I/O; evaluation is bounded in steps,
 * depth and sizes. Immutable and thread-safe.
 */
public final class Expression {
    private final String source;
    private final Ast.Node root;

    private Expression(String source, Ast.Node root) {
        this.source = source;
        this.root = root;
    }

    /**
     * @throws ExprException of kind SYNTAX naming the problem and its column
     */
    public static Expression parse(String source) {
        return new Expression(source, Parser.parse(source));
    }

    public String source() {
        return source;
    }

    /**
     * The value of the expression with the given variables in scope.
     *
     * @throws ExprException when the evaluation fails
     */
    public Object evaluate(Map<String, ?> variables) {
        Ctx ctx = Ctx.root(new HashMap<>(variables));
        try {
            return root.run(ctx);
        } catch (StackOverflowError e) {
            throw Py.limit("expression too deep");
        } catch (ArithmeticException | ClassCastException | IndexOutOfBoundsException e) {
            throw Py.valueError(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The names the expression reads that are neither builtins nor among {@code variables}, sorted. */
    public Set<String> unknownNames(Set<String> variables) {
        Set<String> free = new HashSet<>();
        root.freeNames(Set.of(), free);
        Set<String> out = new TreeSet<>();
        for (String n : free) {
            if (!variables.contains(n) && Builtins.get(n) == null) {
                out.add(n);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return source;
    }
}
