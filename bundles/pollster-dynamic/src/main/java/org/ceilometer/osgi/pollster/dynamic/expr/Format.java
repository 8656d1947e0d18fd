package org.ceilometer.osgi.pollster.dynamic.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Python's {@code 'text %s' % args} and {@code 'text {}'.format(args)}, without format specs beyond precision. */
final class Format {
    private Format() {}

    /** {@code fmt % args}: %s, %r, %d, %i, %f (with .precision), %x and %%; a dict for %(name)s. */
    static String percent(String fmt, Object args) {
        List<Object> positional = args instanceof List ? Py.iterate(args) : List.of(args == null ? Nil.NONE : args);
        int next = 0;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            i++;
            if (i >= fmt.length()) {
                throw Py.valueError("incomplete format");
            }
            Object arg;
            if (fmt.charAt(i) == '%') {
                out.append('%');
                continue;
            }
            String key = null;
            if (fmt.charAt(i) == '(') {
                int close = fmt.indexOf(')', i);
                if (close < 0) {
                    throw Py.valueError("incomplete format key");
                }
                key = fmt.substring(i + 1, close);
                i = close + 1;
            }
            int precision = -1;
            if (i < fmt.length() && fmt.charAt(i) == '.') {
                int start = ++i;
                while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                    i++;
                }
                precision = start == i ? 0 : Integer.parseInt(fmt.substring(start, i));
            }
            if (i >= fmt.length()) {
                throw Py.valueError("incomplete format");
            }
            char conv = fmt.charAt(i);
            if (key != null) {
                if (!(args instanceof Map)) {
                    throw Py.typeError("format requires a mapping");
                }
                arg = Py.getItem(args, key);
            } else {
                if (next >= positional.size()) {
                    throw Py.typeError("not enough arguments for format string");
                }
                arg = positional.get(next++);
                if (arg == Nil.NONE) {
                    arg = null;
                }
            }
            out.append(convert(conv, arg, precision));
        }
        if (!(args instanceof Map) && next < positional.size()) {
            throw Py.typeError("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static String convert(char conv, Object arg, int precision) {
        switch (conv) {
            case 's':
                return precision >= 0 ? truncate(Py.str(arg), precision) : Py.str(arg);
            case 'r':
                return Py.repr(arg);
            case 'd':
            case 'i':
                if (!Py.isNumber(arg)) {
                    throw Py.typeError("%" + conv + " format: a number is required, not " + Py.typeName(arg));
                }
                return Py.str(Py.toInt(arg));
            case 'f':
            case 'F':
                if (!Py.isNumber(arg)) {
                    throw Py.typeError("must be real number, not " + Py.typeName(arg));
                }
                return fixed(Py.dbl(arg), precision < 0 ? 6 : precision);
            case 'x':
                if (!Py.isInt(arg)) {
                    throw Py.typeError("%x format: an integer is required, not " + Py.typeName(arg));
                }
                return Py.big(arg).toString(16);
            default:
                throw Py.valueError("unsupported format character '" + conv + "'");
        }
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    static String fixed(double d, int precision) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(d).setScale(Math.min(precision, 100), RoundingMode.HALF_EVEN).toPlainString();
        if (d < 0 || (d == 0 && 1 / d < 0)) {
            return s.startsWith("-") ? s : "-" + s;
        }
        return s;
    }

    /** {@code fmt.format(*args, **kwargs)}: {}, {0}, {name}, {name[key]} and {:.Nf}. */
    static String format(String fmt, List<Object> args, Map<String, Object> kwargs) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c == '{') {
                if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '{') {
                    out.append('{');
                    i++;
                    continue;
                }
                int close = fmt.indexOf('}', i);
                if (close < 0) {
                    throw Py.valueError("Single '{' encountered in format string");
                }
                String field = fmt.substring(i + 1, close);
                String spec = null;
                int colon = field.indexOf(':');
                if (colon >= 0) {
                    spec = field.substring(colon + 1);
                    field = field.substring(0, colon);
                }
                String name = field;
                String key = null;
                int bracket = field.indexOf('[');
                if (bracket >= 0 && field.endsWith("]")) {
                    name = field.substring(0, bracket);
                    key = field.substring(bracket + 1, field.length() - 1);
                }
                Object value;
                if (name.isEmpty()) {
                    if (auto >= args.size()) {
                        throw Py.missing("Replacement index " + auto + " out of range for positional args tuple");
                    }
                    value = args.get(auto++);
                } else if (name.chars().allMatch(Character::isDigit)) {
                    int n = Integer.parseInt(name);
                    if (n >= args.size()) {
                        throw Py.missing("Replacement index " + n + " out of range for positional args tuple");
                    }
                    value = args.get(n);
                } else {
                    if (!kwargs.containsKey(name)) {
                        throw Py.missing("KeyError: " + Py.repr(name));
                    }
                    value = kwargs.get(name);
                }
                if (key != null) {
                    value = Py.getItem(value, key.chars().allMatch(Character::isDigit) && !key.isEmpty()
                            ? (Object) Long.parseLong(key) : key);
                }
                out.append(applySpec(value, spec));
                i = close;
            } else if (c == '}') {
                if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '}') {
                    i++;
                }
                out.append('}');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String applySpec(Object value, String spec) {
        if (spec == null || spec.isEmpty()) {
            return Py.str(value);
        }
        if (spec.matches("\\.\\d+f")) {
            if (!Py.isNumber(value)) {
                throw Py.valueError("Unknown format code 'f' for object of type '" + Py.typeName(value) + "'");
            }
            return fixed(Py.dbl(value), Integer.parseInt(spec.substring(1, spec.length() - 1)));
        }
        if (spec.equals("d") && Py.isInt(value)) {
            return Py.str(value);
        }
        throw Py.valueError("format spec '" + spec + "' is not supported");
    }

    /** Stands for None inside the argument list of {@link #percent}. */
    enum Nil { NONE }
}
