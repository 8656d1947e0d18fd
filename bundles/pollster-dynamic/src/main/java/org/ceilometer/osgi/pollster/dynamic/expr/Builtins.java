package org.ceilometer.osgi.pollster.dynamic.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's builtin functions that transform data, and nothing else: no I/O, no imports, no
 * introspection ({@code open}, {@code __import__}, {@code getattr}, {@code eval} and the like do not exist).
 */
final class Builtins {
    /** The most items {@code range()} makes. */
    static final int MAX_RANGE = 1_000_000;

    private interface Body {
        Object apply(Ctx ctx, List<Object> args, Map<String, Object> kwargs);
    }

    private static final Map<String, PyCallable> ALL = new HashMap<>();

    static {
        def("str", 0, 1, (c, a, k) -> a.isEmpty() ? "" : Py.str(a.get(0)));
        def("repr", 1, 1, (c, a, k) -> Py.repr(a.get(0)));
        def("int", 0, 1, (c, a, k) -> a.isEmpty() ? 0L : Py.toInt(a.get(0)));
        def("float", 0, 1, (c, a, k) -> a.isEmpty() ? 0.0 : Py.toFloat(a.get(0)));
        def("bool", 0, 1, (c, a, k) -> !a.isEmpty() && Py.truthy(a.get(0)));
        def("len", 1, 1, (c, a, k) -> (long) Py.len(a.get(0)));
        def("list", 0, 1, (c, a, k) -> a.isEmpty() ? new ArrayList<>() : new ArrayList<>(Py.iterate(a.get(0))));
        def("tuple", 0, 1, (c, a, k) -> a.isEmpty() ? new ArrayList<>() : new ArrayList<>(Py.iterate(a.get(0))));
        ALL.put("dict", callable("dict", 0, 1, Set.of("*"), Builtins::dict));
        def("abs", 1, 1, (c, a, k) -> {
            if (!Py.isNumber(a.get(0))) {
                throw Py.typeError("bad operand type for abs(): '" + Py.typeName(a.get(0)) + "'");
            }
            return Py.compare(a.get(0), 0L, "<") < 0 ? Py.neg(a.get(0)) : Py.pos(a.get(0));
        });
        ALL.put("round", callable("round", 1, 2, Set.of("ndigits"), Builtins::round));
        def("any", 1, 1, (c, a, k) -> Py.iterate(a.get(0)).stream().anyMatch(Py::truthy));
        def("all", 1, 1, (c, a, k) -> Py.iterate(a.get(0)).stream().allMatch(Py::truthy));
        ALL.put("sum", callable("sum", 1, 2, Set.of("start"), (c, a, k) -> {
            Object total = a.size() > 1 ? a.get(1) : k.getOrDefault("start", 0L);
            for (Object o : Py.iterate(a.get(0))) {
                c.step();
                total = Py.add(total, o);
            }
            return total;
        }));
        def("filter", 2, 2, (c, a, k) -> {
            List<Object> out = new ArrayList<>();
            Object f = a.get(0);
            for (Object o : Py.iterate(a.get(1))) {
                if (Py.truthy(f == null ? o : invoke(c, f, o))) {
                    out.add(o);
                }
            }
            return out;
        });
        def("map", 2, 9, (c, a, k) -> {
            List<List<Object>> its = new ArrayList<>();
            for (Object o : a.subList(1, a.size())) {
                its.add(Py.iterate(o));
            }
            int n = its.stream().mapToInt(List::size).min().orElse(0);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object[] args = new Object[its.size()];
                for (int j = 0; j < args.length; j++) {
                    args[j] = its.get(j).get(i);
                }
                out.add(invoke(c, a.get(0), args));
            }
            return out;
        });
        ALL.put("sorted", callable("sorted", 1, 1, Set.of("key", "reverse"), (c, a, k) -> {
            List<Object> items = new ArrayList<>(Py.iterate(a.get(0)));
            sort(c, items, k.get("key"), Py.truthy(k.get("reverse")));
            return items;
        }));
        def("reversed", 1, 1, (c, a, k) -> {
            List<Object> items = new ArrayList<>(Py.iterate(a.get(0)));
            Collections.reverse(items);
            return items;
        });
        ALL.put("min", callable("min", 1, 99, Set.of("key", "default"), (c, a, k) -> extreme(c, a, k, -1)));
        ALL.put("max", callable("max", 1, 99, Set.of("key", "default"), (c, a, k) -> extreme(c, a, k, 1)));
        ALL.put("enumerate", callable("enumerate", 1, 2, Set.of("start"), (c, a, k) -> {
            long i = Py.big(a.size() > 1 ? a.get(1) : k.getOrDefault("start", 0L)).longValue();
            List<Object> out = new ArrayList<>();
            for (Object o : Py.iterate(a.get(0))) {
                List<Object> row = new ArrayList<>(2);
                row.add(i++);
                row.add(o);
                out.add(row);
            }
            return out;
        }));
        def("zip", 0, 9, (c, a, k) -> {
            List<List<Object>> its = new ArrayList<>();
            for (Object o : a) {
                its.add(Py.iterate(o));
            }
            int n = its.isEmpty() ? 0 : its.stream().mapToInt(List::size).min().orElse(0);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                List<Object> row = new ArrayList<>();
                for (List<Object> it : its) {
                    row.add(it.get(i));
                }
                out.add(row);
            }
            return out;
        });
        def("range", 1, 3, (c, a, k) -> range(a));
        def("chr", 1, 1, (c, a, k) -> new String(Character.toChars(Py.big(a.get(0)).intValueExact())));
        def("ord", 1, 1, (c, a, k) -> {
            String s = (String) requireStr(a.get(0), "ord");
            if (s.codePointCount(0, s.length()) != 1) {
                throw Py.typeError("ord() expected a character");
            }
            return (long) s.codePointAt(0);
        });
    }

    private Builtins() {}

    static PyCallable get(String name) {
        return ALL.get(name);
    }

    static Set<String> names() {
        return ALL.keySet();
    }

    private static void def(String name, int min, int max, Body body) {
        ALL.put(name, callable(name, min, max, Set.of(), body));
    }

    private static PyCallable callable(String name, int min, int max, Set<String> keywords, Body body) {
        return new PyCallable() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Object call(Ctx ctx, List<Object> args, Map<String, Object> kwargs) {
                if (args.size() < min || args.size() > max) {
                    throw Py.typeError(name + "() takes " + (min == max ? "" + min : min + " to " + max)
                            + " positional arguments but " + args.size() + " were given");
                }
                for (String key : kwargs.keySet()) {
                    if (!keywords.contains(key) && !keywords.contains("*")) {
                        throw Py.typeError(name + "() got an unexpected keyword argument '" + key + "'");
                    }
                }
                return body.apply(ctx, args, kwargs);
            }
        };
    }

    static Object invoke(Ctx ctx, Object f, Object... args) {
        if (!(f instanceof PyCallable)) {
            throw Py.typeError("'" + Py.typeName(f) + "' object is not callable");
        }
        List<Object> list = new ArrayList<>(args.length);
        Collections.addAll(list, args);
        return ((PyCallable) f).call(ctx, list, Map.of());
    }

    static Object requireStr(Object o, String fn) {
        if (!(o instanceof String)) {
            throw Py.typeError(fn + "() argument must be str, not " + Py.typeName(o));
        }
        return o;
    }

    private static Object dict(Ctx ctx, List<Object> args, Map<String, Object> kwargs) {
        Map<Object, Object> out = new LinkedHashMap<>();
        if (!args.isEmpty()) {
            Object src = args.get(0);
            if (src instanceof Map) {
                ((Map<?, ?>) src).forEach((key, v) -> Ast.Dicts.put(out, key, v));
            } else {
                for (Object pair : Py.iterate(src)) {
                    List<Object> kv = Py.iterate(pair);
                    if (kv.size() != 2) {
                        throw Py.valueError("dictionary update sequence element has length " + kv.size()
                                + "; 2 is required");
                    }
                    Ast.Dicts.put(out, kv.get(0), kv.get(1));
                }
            }
        }
        kwargs.forEach(out::put);
        return out;
    }

    private static Object round(Ctx ctx, List<Object> args, Map<String, Object> kwargs) {
        Object x = args.get(0);
        Object nd = args.size() > 1 ? args.get(1) : kwargs.get("ndigits");
        if (!Py.isNumber(x)) {
            throw Py.typeError("type " + Py.typeName(x) + " doesn't define __round__ method");
        }
        if (Py.isInt(x)) {
            if (nd == null || Py.big(nd).signum() >= 0) {
                return Py.intResult(Py.big(x));
            }
            BigDecimal r = new BigDecimal(Py.big(x)).setScale(Py.big(nd).intValue(), RoundingMode.HALF_EVEN);
            return Py.intResult(r.toBigInteger());
        }
        double d = Py.dbl(x);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            if (nd == null) {
                throw Py.valueError("cannot convert float " + Py.str(x) + " to integer");
            }
            return d;
        }
        if (nd == null) {
            return Py.intResult(new BigDecimal(d).setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
        }
        if (!Py.isInt(nd)) {
            throw Py.typeError("'" + Py.typeName(nd) + "' object cannot be interpreted as an integer");
        }
        int n = Py.big(nd).max(BigInteger.valueOf(-400)).min(BigInteger.valueOf(400)).intValue();
        return new BigDecimal(d).setScale(n, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static void sort(Ctx ctx, List<Object> items, Object key, boolean reverse) {
        List<Object> keys = new ArrayList<>(items.size());
        for (Object o : items) {
            keys.add(key == null ? o : invoke(ctx, key, o));
        }
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> cmp = (x, y) -> Py.compare(keys.get(x), keys.get(y), "<");
        try {
            java.util.Arrays.sort(order, reverse ? (x, y) -> cmp.compare(y, x) : cmp);
        } catch (IllegalArgumentException e) {
            throw Py.valueError("the items cannot be ordered");
        }
        List<Object> sorted = new ArrayList<>(items.size());
        for (Integer i : order) {
            sorted.add(items.get(i));
        }
        items.clear();
        items.addAll(sorted);
    }

    private static Object extreme(Ctx ctx, List<Object> args, Map<String, Object> kwargs, int sign) {
        List<Object> items = args.size() == 1 ? Py.iterate(args.get(0)) : args;
        if (items.isEmpty()) {
            if (kwargs.containsKey("default")) {
                return kwargs.get("default");
            }
            throw Py.valueError((sign > 0 ? "max" : "min") + "() arg is an empty sequence");
        }
        Object key = kwargs.get("key");
        Object best = items.get(0);
        Object bestKey = key == null ? best : invoke(ctx, key, best);
        for (Object o : items.subList(1, items.size())) {
            Object k = key == null ? o : invoke(ctx, key, o);
            if (Py.compare(k, bestKey, sign > 0 ? ">" : "<") * sign > 0) {
                best = o;
                bestKey = k;
            }
        }
        return best;
    }

    private static Object range(List<Object> args) {
        for (Object o : args) {
            if (!Py.isInt(o)) {
                throw Py.typeError("'" + Py.typeName(o) + "' object cannot be interpreted as an integer");
            }
        }
        long start = args.size() > 1 ? Py.big(args.get(0)).longValue() : 0;
        long stop = Py.big(args.get(args.size() > 1 ? 1 : 0)).longValue();
        long step = args.size() > 2 ? Py.big(args.get(2)).longValue() : 1;
        if (step == 0) {
            throw Py.valueError("range() arg 3 must not be zero");
        }
        List<Object> out = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            if (out.size() >= MAX_RANGE) {
                throw Py.limit("a range of more than " + MAX_RANGE + " items");
            }
            out.add(i);
        }
        return out;
    }
}
