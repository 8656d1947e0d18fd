package org.ceilometer.osgi.pollster.dynamic.expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The nodes of a parsed expression; each evaluates itself in a {@link Ctx}. */
final class Ast {
    private Ast() {}

    abstract static class Node {
        abstract Object eval(Ctx ctx);

        /** Adds the names this node reads that none of {@code bound} defines. */
        abstract void freeNames(Set<String> bound, Set<String> out);

        final Object run(Ctx ctx) {
            ctx.step();
            return eval(ctx);
        }
    }

    static final class Const extends Node {
        final Object value;

        Const(Object value) {
            this.value = value;
        }

        @Override
        Object eval(Ctx ctx) {
            return value;
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {}
    }

    static final class Name extends Node {
        final String id;

        Name(String id) {
            this.id = id;
        }

        @Override
        Object eval(Ctx ctx) {
            return ctx.lookup(id);
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            if (!bound.contains(id)) {
                out.add(id);
            }
        }
    }

    static final class ListLit extends Node {
        final List<Node> items;

        ListLit(List<Node> items) {
            this.items = items;
        }

        @Override
        Object eval(Ctx ctx) {
            List<Object> out = new ArrayList<>(items.size());
            for (Node n : items) {
                out.add(n.run(ctx));
            }
            return out;
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            items.forEach(n -> n.freeNames(bound, out));
        }
    }

    static final class DictLit extends Node {
        final List<Node> keys;
        final List<Node> values;

        DictLit(List<Node> keys, List<Node> values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        Object eval(Ctx ctx) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                Object k = keys.get(i).run(ctx);
                Object v = values.get(i).run(ctx);
                Dicts.put(out, k, v);
            }
            return out;
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            keys.forEach(n -> n.freeNames(bound, out));
            values.forEach(n -> n.freeNames(bound, out));
        }
    }

    static final class Unary extends Node {
        final String op;
        final Node operand;

        Unary(String op, Node operand) {
            this.op = op;
            this.operand = operand;
        }

        @Override
        Object eval(Ctx ctx) {
            Object v = operand.run(ctx);
            return switch (op) {
                case "-" -> Py.neg(v);
                case "+" -> Py.pos(v);
                default -> !Py.truthy(v);
            };
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            operand.freeNames(bound, out);
        }
    }

    static final class BinOp extends Node {
        final String op;
        final Node left;
        final Node right;

        BinOp(String op, Node left, Node right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Ctx ctx) {
            Object a = left.run(ctx);
            Object b = right.run(ctx);
            return switch (op) {
                case "+" -> Py.add(a, b);
                case "-" -> Py.sub(a, b);
                case "*" -> Py.mul(a, b);
                case "/" -> Py.truediv(a, b);
                case "//" -> Py.floordiv(a, b);
                case "%" -> Py.mod(a, b);
                default -> Py.pow(a, b);
            };
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            left.freeNames(bound, out);
            right.freeNames(bound, out);
        }
    }

    /** {@code a and b and ...} or {@code a or b or ...}: the deciding operand itself, as Python does. */
    static final class BoolOp extends Node {
        final boolean and;
        final List<Node> operands;

        BoolOp(boolean and, List<Node> operands) {
            this.and = and;
            this.operands = operands;
        }

        @Override
        Object eval(Ctx ctx) {
            Object v = null;
            for (Node n : operands) {
                v = n.run(ctx);
                if (Py.truthy(v) != and) {
                    return v;
                }
            }
            return v;
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            operands.forEach(n -> n.freeNames(bound, out));
        }
    }

    /** A chain of comparisons: {@code a < b <= c} is {@code a < b and b <= c}. */
    static final class Compare extends Node {
        final Node first;
        final List<String> ops;
        final List<Node> rights;

        Compare(Node first, List<String> ops, List<Node> rights) {
            this.first = first;
            this.ops = ops;
            this.rights = rights;
        }

        @Override
        Object eval(Ctx ctx) {
            Object a = first.run(ctx);
            for (int i = 0; i < ops.size(); i++) {
                Object b = rights.get(i).run(ctx);
                if (!test(ops.get(i), a, b)) {
                    return false;
                }
                a = b;
            }
            return true;
        }

        private static boolean test(String op, Object a, Object b) {
            return switch (op) {
                case "==" -> Py.eq(a, b);
                case "!=" -> !Py.eq(a, b);
                case "<" -> Py.compare(a, b, op) < 0;
                case "<=" -> Py.compare(a, b, op) <= 0;
                case ">" -> Py.compare(a, b, op) > 0;
                case ">=" -> Py.compare(a, b, op) >= 0;
                case "in" -> Py.contains(b, a);
                case "not in" -> !Py.contains(b, a);
                case "is" -> identical(a, b);
                default -> !identical(a, b);
            };
        }

        private static boolean identical(Object a, Object b) {
            if (a == null || b == null || a instanceof Boolean || b instanceof Boolean) {
                return a == null ? b == null : a.equals(b);
            }
            return a == b;
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            first.freeNames(bound, out);
            rights.forEach(n -> n.freeNames(bound, out));
        }
    }

    static final class IfExp extends Node {
        final Node cond;
        final Node then;
        final Node otherwise;

        IfExp(Node cond, Node then, Node otherwise) {
            this.cond = cond;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        Object eval(Ctx ctx) {
            return Py.truthy(cond.run(ctx)) ? then.run(ctx) : otherwise.run(ctx);
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            cond.freeNames(bound, out);
            then.freeNames(bound, out);
            otherwise.freeNames(bound, out);
        }
    }

    static final class Lambda extends Node {
        final List<String> params;
        final Node body;

        Lambda(List<String> params, Node body) {
            this.params = params;
            this.body = body;
        }

        @Override
        Object eval(Ctx ctx) {
            return new PyCallable() {
                @Override
                public String name() {
                    return "<lambda>";
                }

                @Override
                public Object call(Ctx caller, List<Object> args, Map<String, Object> kwargs) {
                    if (args.size() + kwargs.size() != params.size()) {
                        throw Py.typeError("<lambda>() takes " + params.size() + " positional arguments but "
                                + (args.size() + kwargs.size()) + " were given");
                    }
                    Ctx scope = ctx.child(true);
                    for (int i = 0; i < args.size(); i++) {
                        scope.define(params.get(i), args.get(i));
                    }
                    for (Map.Entry<String, Object> e : kwargs.entrySet()) {
                        if (!params.contains(e.getKey())) {
                            throw Py.typeError("<lambda>() got an unexpected keyword argument '" + e.getKey() + "'");
                        }
                        scope.define(e.getKey(), e.getValue());
                    }
                    return body.run(scope);
                }
            };
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            Set<String> inner = new HashSet<>(bound);
            inner.addAll(params);
            body.freeNames(inner, out);
        }
    }

    /** {@code obj.name}: only callable, as {@code obj.name(...)}; the language has no attribute reads. */
    static final class Attr extends Node {
        final Node obj;
        final String name;

        Attr(Node obj, String name) {
            this.obj = obj;
            this.name = name;
        }

        @Override
        Object eval(Ctx ctx) {
            Object o = obj.run(ctx);
            throw Py.typeError("'" + Py.typeName(o) + "' object has no attribute '" + name
                    + "' (only method calls are allowed; read keys with ['" + name + "'])");
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            obj.freeNames(bound, out);
        }
    }

    static final class Call extends Node {
        final Node func;
        final List<Node> args;
        final Map<String, Node> kwargs;

        Call(Node func, List<Node> args, Map<String, Node> kwargs) {
            this.func = func;
            this.args = args;
            this.kwargs = kwargs;
        }

        @Override
        Object eval(Ctx ctx) {
            if (func instanceof Attr) {
                Attr a = (Attr) func;
                Object target = a.obj.run(ctx);
                return Methods.call(ctx, target, a.name, evalArgs(ctx), evalKwargs(ctx));
            }
            Object f = func.run(ctx);
            if (!(f instanceof PyCallable)) {
                throw Py.typeError("'" + Py.typeName(f) + "' object is not callable");
            }
            return ((PyCallable) f).call(ctx, evalArgs(ctx), evalKwargs(ctx));
        }

        private List<Object> evalArgs(Ctx ctx) {
            List<Object> out = new ArrayList<>(args.size());
            for (Node n : args) {
                out.add(n.run(ctx));
            }
            return out;
        }

        private Map<String, Object> evalKwargs(Ctx ctx) {
            if (kwargs.isEmpty()) {
                return Map.of();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : kwargs.entrySet()) {
                out.put(e.getKey(), e.getValue().run(ctx));
            }
            return out;
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            func.freeNames(bound, out);
            args.forEach(n -> n.freeNames(bound, out));
            kwargs.values().forEach(n -> n.freeNames(bound, out));
        }
    }

    static final class Subscript extends Node {
        final Node obj;
        final Node index;

        Subscript(Node obj, Node index) {
            this.obj = obj;
            this.index = index;
        }

        @Override
        Object eval(Ctx ctx) {
            Object o = obj.run(ctx);
            return Py.getItem(o, index.run(ctx));
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            obj.freeNames(bound, out);
            index.freeNames(bound, out);
        }
    }

    static final class Slice extends Node {
        final Node obj;
        final Node lo;
        final Node hi;
        final Node step;

        Slice(Node obj, Node lo, Node hi, Node step) {
            this.obj = obj;
            this.lo = lo;
            this.hi = hi;
            this.step = step;
        }

        @Override
        Object eval(Ctx ctx) {
            Object o = obj.run(ctx);
            return Py.slice(o, lo == null ? null : lo.run(ctx), hi == null ? null : hi.run(ctx),
                    step == null ? null : step.run(ctx));
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            obj.freeNames(bound, out);
            for (Node n : new Node[] {lo, hi, step}) {
                if (n != null) {
                    n.freeNames(bound, out);
                }
            }
        }
    }

    /** One {@code for targets in iter} or {@code if cond} of a comprehension. */
    record Clause(List<String> targets, Node iter, Node cond) {}

    /** A list comprehension (or generator expression, evaluated at once) or a dict comprehension. */
    static final class Comprehension extends Node {
        final Node key;
        final Node element;
        final List<Clause> clauses;

        Comprehension(Node key, Node element, List<Clause> clauses) {
            this.key = key;
            this.element = element;
            this.clauses = clauses;
        }

        @Override
        Object eval(Ctx ctx) {
            List<Object> list = new ArrayList<>();
            Map<Object, Object> dict = new LinkedHashMap<>();
            loop(ctx.child(false), 0, list, dict);
            return key == null ? list : dict;
        }

        private void loop(Ctx scope, int clause, List<Object> list, Map<Object, Object> dict) {
            if (clause == clauses.size()) {
                if (key == null) {
                    list.add(element.run(scope));
                    Py.checkSize(list.size());
                } else {
                    Dicts.put(dict, key.run(scope), element.run(scope));
                }
                return;
            }
            Clause c = clauses.get(clause);
            if (c.cond() != null) {
                if (Py.truthy(c.cond().run(scope))) {
                    loop(scope, clause + 1, list, dict);
                }
                return;
            }
            for (Object item : Py.iterate(c.iter().run(scope))) {
                scope.step();
                bind(scope, c.targets(), item);
                loop(scope, clause + 1, list, dict);
            }
        }

        @Override
        void freeNames(Set<String> bound, Set<String> out) {
            Set<String> inner = new HashSet<>(bound);
            for (Clause c : clauses) {
                if (c.iter() != null) {
                    c.iter().freeNames(inner, out);
                    inner.addAll(c.targets());
                } else {
                    c.cond().freeNames(inner, out);
                }
            }
            if (key != null) {
                key.freeNames(inner, out);
            }
            element.freeNames(inner, out);
        }
    }

    /** Binds a loop's item to one name, or unpacks it into several. */
    static void bind(Ctx scope, List<String> targets, Object item) {
        if (targets.size() == 1) {
            scope.define(targets.get(0), item);
            return;
        }
        List<Object> parts = Py.iterate(item);
        if (parts.size() != targets.size()) {
            throw Py.valueError("cannot unpack " + parts.size() + " values into " + targets.size() + " names");
        }
        for (int i = 0; i < targets.size(); i++) {
            scope.define(targets.get(i), parts.get(i));
        }
    }

    /** Dict building with Python's key equality. */
    static final class Dicts {
        private Dicts() {}

        static void put(Map<Object, Object> map, Object key, Object value) {
            Py.checkHashable(key);
            if (!map.containsKey(key) && (Py.isNumber(key))) {
                for (Object k : map.keySet()) {
                    if (Py.isNumber(k) && Py.eq(k, key)) {
                        map.put(k, value);
                        return;
                    }
                }
            }
            map.put(key, value);
        }
    }
}
