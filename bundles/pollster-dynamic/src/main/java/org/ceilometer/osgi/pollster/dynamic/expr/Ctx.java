package org.ceilometer.osgi.pollster.dynamic.expr;

import java.util.HashMap;
import java.util.Map;

/**
 * One evaluation: the variables in scope and the budget. Every node evaluated costs a step; lambda
 * calls nest to a bounded depth; an interrupted thread stops the evaluation.
 */
final class Ctx {
    static final int MAX_STEPS = 5_000_000;
    static final int MAX_DEPTH = 64;

    private final Ctx parent;
    private final Map<String, Object> vars;
    private final int[] steps;
    private final int depth;

    private Ctx(Ctx parent, Map<String, Object> vars, int[] steps, int depth) {
        this.parent = parent;
        this.vars = vars;
        this.steps = steps;
        this.depth = depth;
    }

    static Ctx root(Map<String, Object> vars) {
        return new Ctx(null, vars, new int[1], 0);
    }

    /** A nested scope (a lambda's call, a comprehension) sharing this evaluation's budget. */
    Ctx child(boolean call) {
        int d = depth + (call ? 1 : 0);
        if (d > MAX_DEPTH) {
            throw Py.limit("calls nested deeper than " + MAX_DEPTH);
        }
        return new Ctx(this, new HashMap<>(), steps, d);
    }

    void define(String name, Object value) {
        vars.put(name, value);
    }

    Object lookup(String name) {
        for (Ctx c = this; c != null; c = c.parent) {
            Object v = c.vars.get(name);
            if (v != null || c.vars.containsKey(name)) {
                return v;
            }
        }
        PyCallable b = Builtins.get(name);
        if (b != null) {
            return b;
        }
        throw Py.typeError("name '" + name + "' is not defined");
    }

    void step() {
        if (++steps[0] > MAX_STEPS) {
            throw Py.limit("more than " + MAX_STEPS + " steps");
        }
        if ((steps[0] & 1023) == 0 && Thread.currentThread().isInterrupted()) {
            throw Py.limit("interrupted");
        }
    }
}
