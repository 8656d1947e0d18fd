package org.ceilometer.osgi.pollster.dynamic.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.signing.PythonText;

/**
 * Python 3's semantics on the Java values that stand for Python ones: {@code null} is None,
 * {@link Boolean} bool, {@link Long} or {@link BigInteger} int, {@link Double} float, {@link String}
 * str, {@link List} list (and tuple), {@link Map} dict, {@link PyCallable} a function.
 */
public final class Py {
    /** The longest str or list an operation may build. */
    static final int MAX_SIZE = 10_000_000;
    /** The most bits an int may have. */
    static final int MAX_INT_BITS = 65_536;
    /** What {@link #mapLookup} answers for a key that is not there. */
    public static final Object ABSENT = new Object();
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Py() {}

    static ExprException typeError(String message) {
        return new ExprException(ExprException.Kind.TYPE, message);
    }

    static ExprException valueError(String message) {
        return new ExprException(ExprException.Kind.VALUE, message);
    }

    static ExprException missing(String message) {
        return new ExprException(ExprException.Kind.MISSING, message);
    }

    static ExprException limit(String message) {
        return new ExprException(ExprException.Kind.LIMIT, message);
    }

    // ---- conversion of plain Java data (YAML, JSON) into the values above

    /**
     * A deep copy of a YAML or JSON value with Python's types: whole numbers as Long or BigInteger,
     * other numbers as Double, maps keep their order, sets and arrays become lists, dates their ISO text.
     */
    public static Object normalize(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double
                || v instanceof PyCallable) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger) {
            return normalizeInt((BigInteger) v);
        }
        if (v instanceof Float) {
            return ((Float) v).doubleValue();
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).doubleValue();
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof CharSequence || v instanceof Character) {
            return v.toString();
        }
        if (v instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                out.put(normalize(e.getKey()), normalize(e.getValue()));
            }
            return out;
        }
        if (v instanceof Collection) {
            List<Object> out = new ArrayList<>(((Collection<?>) v).size());
            for (Object o : (Collection<?>) v) {
                out.add(normalize(o));
            }
            return out;
        }
        if (v instanceof Object[]) {
            List<Object> out = new ArrayList<>();
            for (Object o : (Object[]) v) {
                out.add(normalize(o));
            }
            return out;
        }
        if (v instanceof Date) {
            return ((Date) v).toInstant().toString();
        }
        return v.toString();
    }

    static Object normalizeInt(BigInteger b) {
        if (b.bitLength() > MAX_INT_BITS) {
            throw limit("an int of more than " + MAX_INT_BITS + " bits");
        }
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    // ---- types

    public static boolean isInt(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof BigInteger || o instanceof Short
                || o instanceof Byte || o instanceof Boolean;
    }

    public static boolean isFloat(Object o) {
        return o instanceof Double || o instanceof Float || o instanceof BigDecimal;
    }

    public static boolean isNumber(Object o) {
        return isInt(o) || isFloat(o);
    }

    static BigInteger big(Object o) {
        if (o instanceof BigInteger) {
            return (BigInteger) o;
        }
        if (o instanceof Boolean) {
            return (Boolean) o ? BigInteger.ONE : BigInteger.ZERO;
        }
        return BigInteger.valueOf(((Number) o).longValue());
    }

    static double dbl(Object o) {
        if (o instanceof Boolean) {
            return (Boolean) o ? 1 : 0;
        }
        return ((Number) o).doubleValue();
    }

    /** Python's name of the type, for messages. */
    public static String typeName(Object o) {
        if (o == null) {
            return "NoneType";
        }
        if (o instanceof Boolean) {
            return "bool";
        }
        if (isInt(o)) {
            return "int";
        }
        if (isFloat(o)) {
            return "float";
        }
        if (o instanceof String) {
            return "str";
        }
        if (o instanceof List) {
            return "list";
        }
        if (o instanceof Map) {
            return "dict";
        }
        if (o instanceof PyCallable) {
            return "function";
        }
        return o.getClass().getSimpleName();
    }

    public static boolean truthy(Object o) {
        if (o == null) {
            return false;
        }
        if (o instanceof Boolean) {
            return (Boolean) o;
        }
        if (isInt(o)) {
            return big(o).signum() != 0;
        }
        if (isFloat(o)) {
            return dbl(o) != 0;
        }
        if (o instanceof String) {
            return !((String) o).isEmpty();
        }
        if (o instanceof Collection) {
            return !((Collection<?>) o).isEmpty();
        }
        if (o instanceof Map) {
            return !((Map<?, ?>) o).isEmpty();
        }
        return true;
    }

    // ---- text

    /** {@code str(o)}. */
    public static String str(Object o) {
        if (o instanceof PyCallable) {
            return "<function " + ((PyCallable) o).name() + ">";
        }
        if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return o.toString();
        }
        return PythonText.str(o);
    }

    /** {@code repr(o)}. */
    public static String repr(Object o) {
        if (o instanceof PyCallable) {
            return str(o);
        }
        return PythonText.repr(o);
    }

    // ---- comparison

    /** Python's {@code ==}. */
    public static boolean eq(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) {
                return big(a).equals(big(b));
            }
            if (isFloat(a) && isFloat(b)) {
                return dbl(a) == dbl(b);
            }
            Object i = isInt(a) ? a : b;
            double d = isInt(a) ? dbl(b) : dbl(a);
            if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.floor(d)) {
                return false;
            }
            return new BigDecimal(d).toBigIntegerExact().equals(big(i));
        }
        if (a instanceof String && b instanceof String) {
            return a.equals(b);
        }
        if (a instanceof List && b instanceof List) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!eq(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> x = (Map<?, ?>) a;
            Map<?, ?> y = (Map<?, ?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object other = mapLookup(y, e.getKey());
                if (other == ABSENT || !eq(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Python's ordering of two values: numbers, strs and lists. */
    static int compare(Object a, Object b, String op) {
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) {
                return big(a).compareTo(big(b));
            }
            return Double.compare(dbl(a), dbl(b));
        }
        if (a instanceof String && b instanceof String) {
            return ((String) a).compareTo((String) b);
        }
        if (a instanceof List && b instanceof List) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!eq(x.get(i), y.get(i))) {
                    return compare(x.get(i), y.get(i), op);
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        throw typeError("'" + op + "' not supported between instances of '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    static void checkHashable(Object key) {
        if (key instanceof List || key instanceof Map) {
            throw typeError("unhashable type: '" + typeName(key) + "'");
        }
    }

    /** The value of a dict under a key by Python's equality (1, 1.0 and True are one key), or ABSENT. */
    public static Object mapLookup(Map<?, ?> map, Object key) {
        checkHashable(key);
        Object v = map.get(key);
        if (v != null || map.containsKey(key)) {
            return v;
        }
        if (isNumber(key) || key instanceof Integer) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (isNumber(e.getKey()) && eq(e.getKey(), key)) {
                    return e.getValue();
                }
            }
        }
        return ABSENT;
    }

    /** Python's {@code item in container}. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof String) {
            if (!(item instanceof String)) {
                throw typeError("'in <string>' requires string as left operand, not " + typeName(item));
            }
            return ((String) container).contains((String) item);
        }
        if (container instanceof Map) {
            return mapLookup((Map<?, ?>) container, item) != ABSENT;
        }
        if (container instanceof List) {
            for (Object o : (List<?>) container) {
                if (eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        throw typeError("argument of type '" + typeName(container) + "' is not iterable");
    }

    // ---- containers

    static int len(Object o) {
        if (o instanceof String) {
            String s = (String) o;
            return s.codePointCount(0, s.length());
        }
        if (o instanceof Collection) {
            return ((Collection<?>) o).size();
        }
        if (o instanceof Map) {
            return ((Map<?, ?>) o).size();
        }
        throw typeError("object of type '" + typeName(o) + "' has no len()");
    }

    /** The items a for loop would see: the characters of a str, a list's items, a dict's keys. */
    static List<Object> iterate(Object o) {
        if (o instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) o;
            return l;
        }
        if (o instanceof String) {
            List<Object> out = new ArrayList<>();
            ((String) o).codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        if (o instanceof Map) {
            return new ArrayList<>(((Map<?, ?>) o).keySet());
        }
        if (o instanceof Collection) {
            return new ArrayList<>((Collection<?>) o);
        }
        throw typeError("'" + typeName(o) + "' object is not iterable");
    }

    private static int index(Object key, int size, String what) {
        if (!isInt(key)) {
            throw typeError(what + " indices must be integers, not " + typeName(key));
        }
        BigInteger k = big(key);
        if (k.signum() < 0) {
            k = k.add(BigInteger.valueOf(size));
        }
        if (k.signum() < 0 || k.compareTo(BigInteger.valueOf(size)) >= 0) {
            throw missing(what + " index out of range");
        }
        return k.intValue();
    }

    /** {@code container[key]}. */
    public static Object getItem(Object container, Object key) {
        if (container instanceof Map) {
            Object v = mapLookup((Map<?, ?>) container, key);
            if (v == ABSENT) {
                throw missing("KeyError: " + repr(key));
            }
            return v;
        }
        if (container instanceof List) {
            List<?> l = (List<?>) container;
            return l.get(index(key, l.size(), "list"));
        }
        if (container instanceof String) {
            List<Object> chars = iterate(container);
            return chars.get(index(key, chars.size(), "string"));
        }
        throw typeError("'" + typeName(container) + "' object is not subscriptable");
    }

    /** {@code container[lo:hi:step]}. */
    static Object slice(Object container, Object lo, Object hi, Object step) {
        boolean isStr = container instanceof String;
        if (!isStr && !(container instanceof List)) {
            throw typeError("'" + typeName(container) + "' object is not subscriptable");
        }
        List<Object> items = iterate(container);
        int n = items.size();
        long st = step == null ? 1 : sliceInt(step);
        if (st == 0) {
            throw valueError("slice step cannot be zero");
        }
        long start;
        long stop;
        if (st > 0) {
            start = lo == null ? 0 : clampSlice(sliceInt(lo), n, 0, n);
            stop = hi == null ? n : clampSlice(sliceInt(hi), n, 0, n);
        } else {
            start = lo == null ? n - 1 : clampSlice(sliceInt(lo), n, -1, n - 1);
            stop = hi == null ? -1 : clampSlice(sliceInt(hi), n, -1, n - 1);
        }
        List<Object> out = new ArrayList<>();
        for (long i = start; st > 0 ? i < stop : i > stop; i += st) {
            out.add(items.get((int) i));
        }
        if (isStr) {
            StringBuilder sb = new StringBuilder();
            out.forEach(c -> sb.append((String) c));
            return sb.toString();
        }
        return out;
    }

    private static long sliceInt(Object o) {
        if (!isInt(o)) {
            throw typeError("slice indices must be integers or None");
        }
        BigInteger b = big(o);
        return b.max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
    }

    private static long clampSlice(long i, int n, long low, long high) {
        if (i < 0) {
            i += n;
        }
        return Math.max(low, Math.min(high, i));
    }

    // ---- arithmetic

    static Object intResult(BigInteger b) {
        if (b.bitLength() > MAX_INT_BITS) {
            throw limit("an int of more than " + MAX_INT_BITS + " bits");
        }
        if (b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0) {
            return b.longValue();
        }
        return b;
    }

    static Object add(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) {
                return intResult(big(a).add(big(b)));
            }
            return dbl(a) + dbl(b);
        }
        if (a instanceof String && b instanceof String) {
            checkSize((long) ((String) a).length() + ((String) b).length());
            return (String) a + b;
        }
        if (a instanceof List && b instanceof List) {
            checkSize((long) ((List<?>) a).size() + ((List<?>) b).size());
            List<Object> out = new ArrayList<>((List<?>) a);
            out.addAll((List<?>) b);
            return out;
        }
        if (a instanceof String || b instanceof String) {
            throw typeError("can only concatenate str (not \"" + typeName(a instanceof String ? b : a)
                    + "\") to str; use str()");
        }
        throw unsupported("+", a, b);
    }

    static Object sub(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) {
                return intResult(big(a).subtract(big(b)));
            }
            return dbl(a) - dbl(b);
        }
        throw unsupported("-", a, b);
    }

    static Object mul(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) {
                return intResult(big(a).multiply(big(b)));
            }
            return dbl(a) * dbl(b);
        }
        if ((a instanceof String || a instanceof List) && isInt(b)) {
            return repeat(a, b);
        }
        if ((b instanceof String || b instanceof List) && isInt(a)) {
            return repeat(b, a);
        }
        throw unsupported("*", a, b);
    }

    private static Object repeat(Object seq, Object times) {
        long n = Math.max(0, big(times).max(BigInteger.ZERO).min(BigInteger.valueOf(MAX_SIZE + 1L)).longValue());
        long size = seq instanceof String ? ((String) seq).length() : ((List<?>) seq).size();
        checkSize(size * n);
        if (seq instanceof String) {
            return ((String) seq).repeat((int) n);
        }
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.addAll((List<?>) seq);
        }
        return out;
    }

    static void checkSize(long size) {
        if (size > MAX_SIZE) {
            throw limit("a str or list of more than " + MAX_SIZE + " items");
        }
    }

    static Object truediv(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            double d = dbl(b);
            if (d == 0) {
                throw valueError("division by zero");
            }
            if (isInt(a) && isInt(b)) {
                BigInteger x = big(a);
                BigInteger y = big(b);
                if (x.bitLength() <= 53 && y.bitLength() <= 53) {
                    return x.doubleValue() / y.doubleValue();
                }
                return new BigDecimal(x).divide(new BigDecimal(y), new java.math.MathContext(40)).doubleValue();
            }
            return dbl(a) / d;
        }
        throw unsupported("/", a, b);
    }

    static Object floordiv(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) {
                BigInteger y = big(b);
                if (y.signum() == 0) {
                    throw valueError("integer division or modulo by zero");
                }
                BigInteger[] qr = big(a).divideAndRemainder(y);
                BigInteger q = qr[0];
                if (qr[1].signum() != 0 && (qr[1].signum() != y.signum())) {
                    q = q.subtract(BigInteger.ONE);
                }
                return intResult(q);
            }
            double y = dbl(b);
            if (y == 0) {
                throw valueError("float floor division by zero");
            }
            return Math.floor(dbl(a) / y);
        }
        throw unsupported("//", a, b);
    }

    static Object mod(Object a, Object b) {
        if (a instanceof String) {
            return Format.percent((String) a, b);
        }
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) {
                BigInteger y = big(b);
                if (y.signum() == 0) {
                    throw valueError("integer division or modulo by zero");
                }
                BigInteger r = big(a).mod(y.abs());
                if (y.signum() < 0 && r.signum() != 0) {
                    r = r.add(y);
                }
                return intResult(r);
            }
            double y = dbl(b);
            if (y == 0) {
                throw valueError("float modulo");
            }
            double r = dbl(a) % y;
            if (r != 0 && (r < 0) != (y < 0)) {
                r += y;
            }
            return r;
        }
        throw unsupported("%", a, b);
    }

    static Object pow(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b) && big(b).signum() >= 0) {
                BigInteger base = big(a);
                BigInteger e = big(b);
                if (base.abs().compareTo(BigInteger.ONE) > 0
                        && (e.bitLength() > 31 || (long) base.bitLength() * e.longValue() > MAX_INT_BITS)) {
                    throw limit("an int of more than " + MAX_INT_BITS + " bits");
                }
                if (base.abs().compareTo(BigInteger.ONE) <= 0) {
                    if (base.signum() == 0) {
                        return e.signum() == 0 ? 1L : 0L;
                    }
                    return base.signum() > 0 || !e.testBit(0) ? 1L : -1L;
                }
                return intResult(base.pow(e.intValue()));
            }
            double x = dbl(a);
            double y = dbl(b);
            if (x == 0 && y < 0) {
                throw valueError("0.0 cannot be raised to a negative power");
            }
            if (x < 0 && y != Math.floor(y)) {
                throw valueError("a negative number raised to a fractional power is not a real number");
            }
            return Math.pow(x, y);
        }
        throw unsupported("**", a, b);
    }

    static Object neg(Object a) {
        if (isInt(a)) {
            return intResult(big(a).negate());
        }
        if (isFloat(a)) {
            return -dbl(a);
        }
        throw typeError("bad operand type for unary -: '" + typeName(a) + "'");
    }

    static Object pos(Object a) {
        if (isInt(a)) {
            return intResult(big(a));
        }
        if (isFloat(a)) {
            return dbl(a);
        }
        throw typeError("bad operand type for unary +: '" + typeName(a) + "'");
    }

    private static ExprException unsupported(String op, Object a, Object b) {
        return typeError("unsupported operand type(s) for " + op + ": '" + typeName(a) + "' and '" + typeName(b)
                + "'");
    }

    // ---- int() and float()

    static Object toInt(Object o) {
        if (isInt(o)) {
            return intResult(big(o));
        }
        if (isFloat(o)) {
            double d = dbl(o);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw valueError("cannot convert float " + str(o) + " to integer");
            }
            return intResult(new BigDecimal(d).toBigInteger());
        }
        if (o instanceof String) {
            String s = ((String) o).strip().replace("_", "");
            try {
                return intResult(new BigInteger(s.startsWith("+") ? s.substring(1) : s));
            } catch (NumberFormatException e) {
                throw valueError("invalid literal for int() with base 10: " + repr(o));
            }
        }
        throw typeError("int() argument must be a string or a number, not '" + typeName(o) + "'");
    }

    static Object toFloat(Object o) {
        if (isNumber(o)) {
            return dbl(o);
        }
        if (o instanceof String) {
            String s = ((String) o).strip().replace("_", "").toLowerCase(java.util.Locale.ROOT);
            switch (s) {
                case "inf", "+inf", "infinity", "+infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-inf", "-infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                case "nan", "+nan", "-nan" -> {
                    return Double.NaN;
                }
                default -> {
                }
            }
            if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                throw valueError("could not convert string to float: " + repr(o));
            }
            return Double.parseDouble(s);
        }
        throw typeError("float() argument must be a string or a number, not '" + typeName(o) + "'");
    }
}
