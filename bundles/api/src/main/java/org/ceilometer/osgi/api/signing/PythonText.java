package org.ceilometer.osgi.api.signing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Python 3's text renderings that Ceilometer's signatures and JSON output depend on: {@code str()} and
 * {@code repr()} of floats, ints, booleans, None, bytes and str.
 *
 * <p>Java values map to Python ones as a JSON or msgpack decoder would produce them: {@code null} is
 * None, {@link Boolean} is bool, whole-number types ({@link Long}, {@link Integer}, {@link BigInteger},
 * ...) are int, {@link Double}, {@link Float} and {@link BigDecimal} are float, {@link CharSequence} is
 * str, {@code byte[]} is bytes, {@link Map} is dict, and {@link Collection} and arrays are list.
 */
public final class PythonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonText() {}

    /**
     * {@code repr(float)} (also its {@code str()} in Python 3): the shortest decimal that reads back as
     * the same double, in fixed notation when the decimal exponent lies in [-4, 16) and as
     * {@code 1e+16}, {@code 1e-05} otherwise; {@code inf}, {@code -inf}, {@code nan}, {@code -0.0}.
     *
     * <p>Java 17's {@code Double.toString} is not always shortest (JDK-4511638), so the digits are
     * searched for here.
     */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0.0) {
            return 1.0 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestDecimal(Math.abs(d)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int decpt = digits.length() - shortest.scale();
        StringBuilder out = new StringBuilder(24);
        if (d < 0) {
            out.append('-');
        }
        if (decpt <= -4 || decpt > 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            out.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        } else if (decpt <= 0) {
            out.append("0.");
            for (int i = 0; i < -decpt; i++) {
                out.append('0');
            }
            out.append(digits);
        } else if (decpt >= digits.length()) {
            out.append(digits);
            for (int i = digits.length(); i < decpt; i++) {
                out.append('0');
            }
            out.append(".0");
        } else {
            out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return out.toString();
    }

    /** The decimal with the fewest significant digits that reads back as {@code v} (> 0), nearest first. */
    private static BigDecimal shortestDecimal(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p < 17; p++) {
            BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (readsBack(nearest, v)) {
                return nearest;
            }
            // Next to a power of two the interval that reads back is lopsided: the nearest p-digit
            // decimal may fall outside on the narrow side while the other neighbour is inside.
            BigDecimal other = exact.round(new MathContext(p,
                    nearest.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR));
            if (readsBack(other, v)) {
                return other;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static boolean readsBack(BigDecimal candidate, double v) {
        return Double.parseDouble(candidate.toString()) == v;
    }

    /** {@code repr(bytes)}: {@code b'...'}, double quotes when the bytes hold ' and no ", ASCII escapes. */
    public static String bytesRepr(byte[] bytes) {
        boolean single = false;
        boolean dbl = false;
        for (byte b : bytes) {
            single |= b == '\'';
            dbl |= b == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder out = new StringBuilder(bytes.length + 3);
        out.append('b').append(quote);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append((char) c);
            }
        }
        return out.append(quote).toString();
    }

    /**
     * {@code repr(str)}: quotes chosen as Python does, backslash escapes for {@code \\ \t \n \r}, and
     * {@code \xNN}, {@code \\uNNNN} or {@code \UNNNNNNNN} for characters Python deems unprintable.
     */
    public static String strRepr(CharSequence s) {
        String text = s.toString();
        boolean single = text.indexOf('\'') >= 0;
        boolean dbl = text.indexOf('"') >= 0;
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2);
        out.append(quote);
        text.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xf]);
            } else if (cp < 0x7f || isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xf]);
            } else if (cp <= 0xffff) {
                out.append("\\u").append(String.format("%04x", cp));
            } else {
                out.append("\\U").append(String.format("%08x", cp));
            }
        });
        return out.append(quote).toString();
    }

    /** Python's {@code str.isprintable()} for one character: not Other nor Separator, except space. */
    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /**
     * {@code str(value)} for a scalar: a str as it is, None, True/False, an int's digits, a float's
     * repr, a bytes' repr. Lists and dicts are rendered with {@link #repr(Object)}.
     */
    public static String str(Object value) {
        if (value instanceof CharSequence) {
            return value.toString();
        }
        if (value instanceof Character) {
            return value.toString();
        }
        return repr(value);
    }

    /** {@code repr(value)}: dicts in their iteration order, lists, and the scalars as {@link #str(Object)}. */
    public static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return strRepr(value.toString());
        }
        if (value instanceof byte[]) {
            return bytesRepr((byte[]) value);
        }
        if (isFloat(value)) {
            return floatRepr(((Number) value).doubleValue());
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof Map) {
            StringBuilder out = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) value).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                out.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            return out.append('}').toString();
        }
        if (value instanceof Collection || value instanceof Object[]) {
            Iterable<?> items = value instanceof Collection ? (Collection<?>) value
                    : java.util.Arrays.asList((Object[]) value);
            StringBuilder out = new StringBuilder("[");
            Iterator<?> it = items.iterator();
            while (it.hasNext()) {
                out.append(repr(it.next()));
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            return out.append(']').toString();
        }
        return value.toString();
    }

    /** Whether a number is a Python float (rather than an int). */
    static boolean isFloat(Object value) {
        return value instanceof Double || value instanceof Float || value instanceof BigDecimal;
    }
}
