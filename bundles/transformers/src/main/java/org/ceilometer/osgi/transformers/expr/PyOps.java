package org.ceilometer.osgi.transformers.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.signing.PythonText;

/**
 * Python 3 semantics for the values an expression handles: ints ({@link Long}), floats ({@link Double}),
 * bools, str, None ({@code null}), dicts ({@link Map}, the namespaces of field access), lists, and
 * {@link #MISSING}, the empty namespace Ceilometer returns for unknown names (false, and an error in
 * arithmetic).
 *
 * <p>Ints are 64-bit here: where Python would grow a big int, the result becomes a float.
 */
public final class PyOps {
    /** The value of a name or field that does not exist: false, and {@code MISSING.x} is MISSING. */
    public static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    /** What {@link #compare} returns when either side is NaN: every ordering is then false. */
    public static final int UNORDERED = Integer.MIN_VALUE;

    private static final int MAX_INT_POWER_BITS = 63;
    private static final long EXACT_DOUBLE = 1L << 53;

    private PyOps() {}

    /** Python's truth value. */
    public static boolean truthy(Object v) {
        if (v == null || v == MISSING) {
            return false;
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof Long) {
            return (Long) v != 0L;
        }
        if (v instanceof Double) {
            return (Double) v != 0.0;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue() != 0.0;
        }
        if (v instanceof CharSequence) {
            return ((CharSequence) v).length() > 0;
        }
        if (v instanceof Map) {
            return !((Map<?, ?>) v).isEmpty();
        }
        if (v instanceof Collection) {
            return !((Collection<?>) v).isEmpty();
        }
        return true;
    }

    /** Python's type name, for error messages. */
    public static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v == MISSING) {
            return "missing value";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            return "float";
        }
        if (v instanceof Number) {
            return "int";
        }
        if (v instanceof CharSequence) {
            return "str";
        }
        if (v instanceof Map) {
            return "dict";
        }
        if (v instanceof Collection) {
            return "list";
        }
        return v.getClass().getSimpleName();
    }

    /**
     * A value as this evaluator handles it: whole numbers as Long (BigInteger beyond as Double), other
     * numbers as Double.
     */
    public static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger) {
            BigInteger b = (BigInteger) v;
            return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        if (v instanceof Float || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof java.util.concurrent.atomic.AtomicLong
                || v instanceof java.util.concurrent.atomic.AtomicInteger) {
            return ((Number) v).longValue();
        }
        return v;
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof Boolean;
    }

    private static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Boolean;
    }

    private static long asLong(Object v) {
        return v instanceof Boolean ? ((Boolean) v ? 1L : 0L) : (Long) v;
    }

    private static double asDouble(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? 1.0 : 0.0;
        }
        return ((Number) v).doubleValue();
    }

    private static ExpressionException unsupported(String op, Object a, Object b) {
        return new ExpressionException("unsupported operand type(s) for " + op + ": '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    private static void requireNumbers(String op, Object a, Object b) {
        if (!isNumber(a) || !isNumber(b)) {
            throw unsupported(op, a, b);
        }
    }

    public static Object add(Object a, Object b) {
        if (a instanceof CharSequence && b instanceof CharSequence) {
            return a.toString() + b;
        }
        requireNumbers("+", a, b);
        if (isInt(a) && isInt(b)) {
            long x = asLong(a);
            long y = asLong(b);
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) {
                return (double) x + (double) y;
            }
            return r;
        }
        return asDouble(a) + asDouble(b);
    }

    public static Object sub(Object a, Object b) {
        requireNumbers("-", a, b);
        if (isInt(a) && isInt(b)) {
            long x = asLong(a);
            long y = asLong(b);
            long r = x - y;
            if (((x ^ y) & (x ^ r)) < 0) {
                return (double) x - (double) y;
            }
            return r;
        }
        return asDouble(a) - asDouble(b);
    }

    public static Object mul(Object a, Object b) {
        requireNumbers("*", a, b);
        if (isInt(a) && isInt(b)) {
            long x = asLong(a);
            long y = asLong(b);
            long hi = Math.multiplyHigh(x, y);
            long lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                return lo;
            }
            return (double) x * (double) y;
        }
        return asDouble(a) * asDouble(b);
    }

    /** {@code /}: always a float; division by zero is an error, as in Python. */
    public static Object truediv(Object a, Object b) {
        requireNumbers("/", a, b);
        double y = asDouble(b);
        if (y == 0.0) {
            throw new ExpressionException("division by zero");
        }
        if (isInt(a) && isInt(b)) {
            long x = asLong(a);
            long z = asLong(b);
            if (Math.abs(x) < EXACT_DOUBLE && Math.abs(z) < EXACT_DOUBLE) {
                return (double) x / (double) z;
            }
            return new BigDecimal(x).divide(new BigDecimal(z), new java.math.MathContext(40)).doubleValue();
        }
        return asDouble(a) / y;
    }

    /** {@code //}: floor division. */
    public static Object floordiv(Object a, Object b) {
        requireNumbers("//", a, b);
        if (asDouble(b) == 0.0) {
            throw new ExpressionException("integer division or modulo by zero");
        }
        if (isInt(a) && isInt(b)) {
            long x = asLong(a);
            long y = asLong(b);
            if (x == Long.MIN_VALUE && y == -1) {
                return -(double) Long.MIN_VALUE;
            }
            return Math.floorDiv(x, y);
        }
        return Math.floor(asDouble(a) / asDouble(b));
    }

    /** {@code %}: the result takes the divisor's sign. */
    public static Object mod(Object a, Object b) {
        requireNumbers("%", a, b);
        if (asDouble(b) == 0.0) {
            throw new ExpressionException("integer division or modulo by zero");
        }
        if (isInt(a) && isInt(b)) {
            return Math.floorMod(asLong(a), asLong(b));
        }
        double x = asDouble(a);
        double y = asDouble(b);
        double r = x % y;
        if (r != 0.0 && (r < 0) != (y < 0)) {
            r += y;
        }
        return r;
    }

    /** {@code **}: an int for int operands and a non-negative exponent, while it fits. */
    public static Object pow(Object a, Object b) {
        requireNumbers("**", a, b);
        if (isInt(a) && isInt(b) && asLong(b) >= 0) {
            long base = asLong(a);
            long exp = asLong(b);
            int baseBits = 64 - Long.numberOfLeadingZeros(Math.abs(base));
            if (base == 0 || base == 1 || exp == 0) {
                return exp == 0 ? 1L : base;
            }
            if (base == -1) {
                return exp % 2 == 0 ? 1L : -1L;
            }
            if ((baseBits - 1) * exp < MAX_INT_POWER_BITS) {
                BigInteger r = BigInteger.valueOf(base).pow((int) exp);
                if (r.bitLength() < 64) {
                    return r.longValue();
                }
            }
            return Math.pow(base, exp);
        }
        double x = asDouble(a);
        double y = asDouble(b);
        if (x == 0.0 && y < 0) {
            throw new ExpressionException("0.0 cannot be raised to a negative power");
        }
        if (x < 0 && y != Math.rint(y)) {
            throw new ExpressionException("a negative number cannot be raised to a fractional power");
        }
        return Math.pow(x, y);
    }

    public static Object negate(Object a) {
        if (!isNumber(a)) {
            throw new ExpressionException("bad operand type for unary -: '" + typeName(a) + "'");
        }
        if (isInt(a)) {
            long x = asLong(a);
            return x == Long.MIN_VALUE ? -(double) x : (Object) (-x);
        }
        return -asDouble(a);
    }

    public static Object plus(Object a) {
        if (!isNumber(a)) {
            throw new ExpressionException("bad operand type for unary +: '" + typeName(a) + "'");
        }
        return isInt(a) ? (Object) asLong(a) : (Object) asDouble(a);
    }

    /** {@code ==}: numbers by value across int, float and bool; everything else by equality of type and value. */
    public static boolean eq(Object a, Object b) {
        if (a == MISSING || b == MISSING) {
            return false; // two empty namespaces are distinct objects in Ceilometer
        }
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) {
                return asLong(a) == asLong(b);
            }
            return compareNumbers(a, b) == 0 && !Double.isNaN(asDouble(a)) && !Double.isNaN(asDouble(b));
        }
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof CharSequence && b instanceof CharSequence) {
            return a.toString().equals(b.toString());
        }
        return a.equals(b);
    }

    /**
     * {@code <}, {@code <=}, {@code >}, {@code >=} as a sign, or {@link #UNORDERED} with a NaN; only
     * numbers with numbers and str with str, as in Python 3.
     */
    public static int compare(String op, Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (Double.isNaN(asDouble(a)) || Double.isNaN(asDouble(b))) {
                return UNORDERED;
            }
            return compareNumbers(a, b);
        }
        if (a instanceof CharSequence && b instanceof CharSequence) {
            return Integer.signum(compareCodePoints(a.toString(), b.toString()));
        }
        throw new ExpressionException("'" + op + "' not supported between instances of '" + typeName(a)
                + "' and '" + typeName(b) + "'");
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int compareNumbers(Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            return Long.compare(asLong(a), asLong(b));
        }
        if (isInt(a) || isInt(b)) {
            // exact comparison of an int with a float
            BigDecimal x = isInt(a) ? BigDecimal.valueOf(asLong(a)) : finite(asDouble(a));
            BigDecimal y = isInt(b) ? BigDecimal.valueOf(asLong(b)) : finite(asDouble(b));
            if (x == null || y == null) {
                return Double.compare(asDouble(a), asDouble(b));
            }
            return x.compareTo(y);
        }
        double x = asDouble(a);
        double y = asDouble(b);
        return x < y ? -1 : (x > y ? 1 : 0);
    }

    private static BigDecimal finite(double d) {
        return Double.isInfinite(d) ? null : new BigDecimal(d);
    }

    /** {@code x.name}: a dict's entry, MISSING when absent; an error on anything but a dict. */
    public static Object attribute(Object target, String name) {
        if (target == MISSING) {
            return MISSING;
        }
        if (target instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) target;
            return m.containsKey(name) ? normalize(m.get(name)) : MISSING;
        }
        throw new ExpressionException("'" + typeName(target) + "' object has no attribute '" + name + "'");
    }

    /** {@code x[key]}: a dict's entry (MISSING when absent), a list's or str's item by int index. */
    public static Object item(Object target, Object key) {
        if (target == MISSING) {
            return MISSING;
        }
        if (target instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) target;
            Object k = key instanceof CharSequence ? key.toString() : key;
            if (m.containsKey(k)) {
                return normalize(m.get(k));
            }
            return MISSING;
        }
        if ((target instanceof List || target instanceof CharSequence) && isInt(key)) {
            int size = target instanceof List ? ((List<?>) target).size() : ((CharSequence) target).length();
            long i = asLong(key);
            if (i < 0) {
                i += size;
            }
            if (i < 0 || i >= size) {
                throw new ExpressionException(typeName(target) + " index out of range");
            }
            return target instanceof List ? normalize(((List<?>) target).get((int) i))
                    : String.valueOf(((CharSequence) target).charAt((int) i));
        }
        throw new ExpressionException("'" + typeName(target) + "' object is not subscriptable by '"
                + typeName(key) + "'");
    }

    /** {@code abs(x)}. */
    public static Object abs(Object a) {
        if (!isNumber(a)) {
            throw new ExpressionException("bad operand type for abs(): '" + typeName(a) + "'");
        }
        if (isInt(a)) {
            long x = asLong(a);
            return x == Long.MIN_VALUE ? -(double) x : (Object) Math.abs(x);
        }
        return Math.abs(asDouble(a));
    }

    /** {@code int(x)}: floats truncated toward zero, str parsed, bools as 0 and 1. */
    public static Object toInt(Object a) {
        if (isInt(a)) {
            return asLong(a);
        }
        if (a instanceof Double) {
            double d = (Double) a;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ExpressionException("cannot convert float " + PythonText.floatRepr(d) + " to integer");
            }
            if (Math.abs(d) >= 9.2e18) {
                return Math.floor(Math.abs(d)) * Math.signum(d);
            }
            return (long) d;
        }
        if (a instanceof CharSequence) {
            try {
                return Long.parseLong(a.toString().trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new ExpressionException("invalid literal for int(): '" + a + "'");
            }
        }
        throw new ExpressionException("int() argument must be a string or a number, not '" + typeName(a) + "'");
    }

    /** {@code float(x)}. */
    public static Object toFloat(Object a) {
        if (isNumber(a)) {
            return asDouble(a);
        }
        if (a instanceof CharSequence) {
            String s = a.toString().trim().toLowerCase(java.util.Locale.ROOT);
            switch (s) {
                case "inf": case "+inf": case "infinity": case "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf": case "-infinity":
                    return Double.NEGATIVE_INFINITY;
                case "nan": case "+nan": case "-nan":
                    return Double.NaN;
                default:
                    break;
            }
            try {
                if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                    throw new NumberFormatException(s);
                }
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new ExpressionException("could not convert string to float: '" + a + "'");
            }
        }
        throw new ExpressionException("float() argument must be a string or a number, not '" + typeName(a) + "'");
    }

    /** {@code round(x)} (an int, halves to even) and {@code round(x, n)} (exact decimal rounding). */
    public static Object round(Object a, Object digits) {
        if (!isNumber(a)) {
            throw new ExpressionException("type " + typeName(a) + " doesn't define __round__ method");
        }
        if (digits == null) {
            if (isInt(a)) {
                return asLong(a);
            }
            double d = asDouble(a);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ExpressionException("cannot convert float " + PythonText.floatRepr(d) + " to integer");
            }
            return toInt(Math.rint(d));
        }
        if (!isInt(digits)) {
            throw new ExpressionException("'" + typeName(digits) + "' object cannot be interpreted as an integer");
        }
        long n = asLong(digits);
        if (isInt(a)) {
            if (n >= 0) {
                return asLong(a);
            }
            return new BigDecimal(asLong(a)).setScale((int) Math.max(n, -20), RoundingMode.HALF_EVEN).longValue();
        }
        double d = asDouble(a);
        if (Double.isNaN(d) || Double.isInfinite(d) || n > 330) {
            return d;
        }
        return new BigDecimal(d).setScale((int) Math.max(n, -330), RoundingMode.HALF_EVEN).doubleValue();
    }

    /** {@code min(...)}/{@code max(...)} of the arguments, or of one list argument. */
    public static Object extreme(boolean max, List<Object> args) {
        List<?> items = args;
        if (args.size() == 1 && args.get(0) instanceof List) {
            items = (List<?>) args.get(0);
        }
        if (items.isEmpty()) {
            throw new ExpressionException((max ? "max" : "min") + "() arg is an empty sequence");
        }
        Object best = normalize(items.get(0));
        for (int i = 1; i < items.size(); i++) {
            Object v = normalize(items.get(i));
            int c = compare(max ? ">" : "<", v, best);
            if (c != UNORDERED && (max ? c > 0 : c < 0)) {
                best = v;
            }
        }
        return best;
    }

    /** The value as a sample volume: an int or a float (bools become ints). */
    public static Number toVolume(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? 1L : 0L;
        }
        if (v instanceof Long || v instanceof Double) {
            return (Number) v;
        }
        throw new ExpressionException("the expression gave a " + typeName(v) + ", not a number");
    }
}
