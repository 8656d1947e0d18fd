package org.ceilometer.osgi.pollster.dynamic.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The methods of str, dict and list that read or transform; none that changes a value in place
 * ({@code dict.pop}, {@code list.append}, ...), so that evaluating one field never changes what another sees.
 */
final class Methods {
    private Methods() {}

    static Object call(Ctx ctx, Object target, String name, List<Object> args, Map<String, Object> kwargs) {
        if (target instanceof String) {
            return str(ctx, (String) target, name, args, kwargs);
        }
        if (target instanceof Map) {
            return dict((Map<?, ?>) target, name, args, kwargs);
        }
        if (target instanceof List) {
            return list((List<?>) target, name, args, kwargs);
        }
        if (target instanceof Double && name.equals("is_integer")) {
            arity(name, args, kwargs, 0, 0);
            double d = (Double) target;
            return !Double.isInfinite(d) && d == Math.floor(d);
        }
        throw noMethod(target, name);
    }

    private static ExprException noMethod(Object target, String name) {
        return Py.typeError("'" + Py.typeName(target) + "' object has no method '" + name + "'");
    }

    private static void arity(String name, List<Object> args, Map<String, Object> kwargs, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw Py.typeError(name + "() takes " + (min == max ? "" + min : min + " to " + max)
                    + " arguments (" + args.size() + " given)");
        }
        if (!kwargs.isEmpty()) {
            throw Py.typeError(name + "() takes no keyword arguments");
        }
    }

    private static String strArg(Object o, String name) {
        if (!(o instanceof String)) {
            throw Py.typeError(name + "() argument must be str, not " + Py.typeName(o));
        }
        return (String) o;
    }

    private static Object arg(List<Object> args, Map<String, Object> kwargs, int i, String key, Object dflt) {
        if (args.size() > i) {
            return args.get(i);
        }
        return kwargs.containsKey(key) ? kwargs.get(key) : dflt;
    }

    private static Object str(Ctx ctx, String s, String name, List<Object> args, Map<String, Object> kwargs) {
        switch (name) {
            case "split":
            case "rsplit": {
                for (String k : kwargs.keySet()) {
                    if (!k.equals("sep") && !k.equals("maxsplit")) {
                        throw Py.typeError(name + "() got an unexpected keyword argument '" + k + "'");
                    }
                }
                if (args.size() > 2) {
                    throw Py.typeError(name + "() takes at most 2 arguments");
                }
                Object sep = arg(args, kwargs, 0, "sep", null);
                Object max = arg(args, kwargs, 1, "maxsplit", -1L);
                if (!Py.isInt(max)) {
                    throw Py.typeError("maxsplit must be an integer");
                }
                return split(s, sep == null ? null : strArg(sep, name), Py.big(max).intValue(),
                        name.equals("rsplit"));
            }
            case "strip":
            case "lstrip":
            case "rstrip": {
                arity(name, args, kwargs, 0, 1);
                Object chars = args.isEmpty() ? null : args.get(0);
                return strip(s, chars == null ? null : strArg(chars, name), !name.equals("rstrip"),
                        !name.equals("lstrip"));
            }
            case "replace": {
                arity(name, args, kwargs, 2, 3);
                String old = strArg(args.get(0), name);
                String rep = strArg(args.get(1), name);
                long count = args.size() > 2 ? Py.big(args.get(2)).longValue() : -1;
                return replace(s, old, rep, count);
            }
            case "lower":
                arity(name, args, kwargs, 0, 0);
                return s.toLowerCase(Locale.ROOT);
            case "upper":
                arity(name, args, kwargs, 0, 0);
                return s.toUpperCase(Locale.ROOT);
            case "capitalize":
                arity(name, args, kwargs, 0, 0);
                return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
            case "title":
                arity(name, args, kwargs, 0, 0);
                return title(s);
            case "startswith":
            case "endswith": {
                arity(name, args, kwargs, 1, 1);
                List<Object> options = args.get(0) instanceof List ? Py.iterate(args.get(0)) : List.of(args.get(0));
                for (Object o : options) {
                    String p = strArg(o, name);
                    if (name.equals("startswith") ? s.startsWith(p) : s.endsWith(p)) {
                        return true;
                    }
                }
                return false;
            }
            case "join": {
                arity(name, args, kwargs, 1, 1);
                StringBuilder sb = new StringBuilder();
                int i = 0;
                for (Object o : Py.iterate(args.get(0))) {
                    if (!(o instanceof String)) {
                        throw Py.typeError("sequence item " + i + ": expected str instance, " + Py.typeName(o)
                                + " found");
                    }
                    if (i++ > 0) {
                        sb.append(s);
                    }
                    sb.append((String) o);
                    Py.checkSize(sb.length());
                }
                return sb.toString();
            }
            case "find":
            case "rfind":
            case "index":
            case "rindex": {
                arity(name, args, kwargs, 1, 1);
                String sub = strArg(args.get(0), name);
                int at = name.startsWith("r") ? s.lastIndexOf(sub) : s.indexOf(sub);
                if (at < 0 && name.contains("index")) {
                    throw Py.valueError("substring not found");
                }
                return (long) (at < 0 ? -1 : s.codePointCount(0, at));
            }
            case "count": {
                arity(name, args, kwargs, 1, 1);
                String sub = strArg(args.get(0), name);
                if (sub.isEmpty()) {
                    return (long) Py.len(s) + 1;
                }
                long n = 0;
                for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
                    n++;
                }
                return n;
            }
            case "partition":
            case "rpartition": {
                arity(name, args, kwargs, 1, 1);
                String sep = strArg(args.get(0), name);
                if (sep.isEmpty()) {
                    throw Py.valueError("empty separator");
                }
                int at = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
                List<Object> out = new ArrayList<>();
                if (at < 0) {
                    out.addAll(name.equals("partition") ? List.of(s, "", "") : List.of("", "", s));
                } else {
                    out.addAll(List.of(s.substring(0, at), sep, s.substring(at + sep.length())));
                }
                return out;
            }
            case "splitlines": {
                arity(name, args, kwargs, 0, 0);
                List<Object> out = new ArrayList<>(List.of(s.split("\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]", -1)));
                if (!out.isEmpty() && "".equals(out.get(out.size() - 1))) {
                    out.remove(out.size() - 1);
                }
                return out;
            }
            case "zfill": {
                arity(name, args, kwargs, 1, 1);
                int width = Py.big(args.get(0)).min(java.math.BigInteger.valueOf(Py.MAX_SIZE)).intValue();
                if (s.length() >= width) {
                    return s;
                }
                boolean sign = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+');
                String zeros = "0".repeat(width - s.length());
                return sign ? s.charAt(0) + zeros + s.substring(1) : zeros + s;
            }
            case "ljust":
            case "rjust":
            case "center": {
                arity(name, args, kwargs, 1, 2);
                int width = Py.big(args.get(0)).min(java.math.BigInteger.valueOf(Py.MAX_SIZE)).intValue();
                String fill = args.size() > 1 ? strArg(args.get(1), name) : " ";
                if (fill.length() != 1) {
                    throw Py.typeError("The fill character must be exactly one character long");
                }
                int pad = width - s.length();
                if (pad <= 0) {
                    return s;
                }
                if (name.equals("ljust")) {
                    return s + fill.repeat(pad);
                }
                if (name.equals("rjust")) {
                    return fill.repeat(pad) + s;
                }
                int left = pad / 2 + (pad & width & 1);
                return fill.repeat(left) + s + fill.repeat(pad - left);
            }
            case "format":
                return Format.format(s, args, kwargs);
            case "isdigit":
            case "isnumeric":
            case "isdecimal":
                arity(name, args, kwargs, 0, 0);
                return !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
            case "isalpha":
                arity(name, args, kwargs, 0, 0);
                return !s.isEmpty() && s.codePoints().allMatch(Character::isLetter);
            case "isalnum":
                arity(name, args, kwargs, 0, 0);
                return !s.isEmpty() && s.codePoints().allMatch(Character::isLetterOrDigit);
            case "isspace":
                arity(name, args, kwargs, 0, 0);
                return !s.isEmpty() && s.codePoints().allMatch(Character::isWhitespace);
            case "islower":
                arity(name, args, kwargs, 0, 0);
                return s.codePoints().anyMatch(Character::isLowerCase) && s.equals(s.toLowerCase(Locale.ROOT));
            case "isupper":
                arity(name, args, kwargs, 0, 0);
                return s.codePoints().anyMatch(Character::isUpperCase) && s.equals(s.toUpperCase(Locale.ROOT));
            default:
                throw noMethod(s, name);
        }
    }

    private static List<Object> split(String s, String sep, int max, boolean fromRight) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            List<String> words = new ArrayList<>(List.of(s.strip().isEmpty() ? new String[0] : s.strip().split("\\s+")));
            if (max < 0 || words.size() <= max + 1) {
                out.addAll(words);
                return out;
            }
            // keep the remainder whole, as Python does
            String rest = s.strip();
            if (!fromRight) {
                for (int i = 0; i < max; i++) {
                    String[] parts = rest.split("\\s+", 2);
                    out.add(parts[0]);
                    rest = parts[1];
                }
                out.add(rest);
            } else {
                List<Object> tail = new ArrayList<>();
                for (int i = 0; i < max; i++) {
                    int[] at = lastWhitespaceRun(rest);
                    tail.add(0, rest.substring(at[1]));
                    rest = rest.substring(0, at[0]);
                }
                out.add(rest);
                out.addAll(tail);
            }
            return out;
        }
        if (sep.isEmpty()) {
            throw Py.valueError("empty separator");
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = s.indexOf(sep, from);
            if (at < 0) {
                break;
            }
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        if (max < 0 || parts.size() <= max + 1) {
            out.addAll(parts);
            return out;
        }
        if (!fromRight) {
            out.addAll(parts.subList(0, max));
            out.add(String.join(sep, parts.subList(max, parts.size())));
        } else {
            out.add(String.join(sep, parts.subList(0, parts.size() - max)));
            out.addAll(parts.subList(parts.size() - max, parts.size()));
        }
        return out;
    }

    private static int[] lastWhitespaceRun(String s) {
        int end = s.length();
        int i = end - 1;
        while (i >= 0 && !Character.isWhitespace(s.charAt(i))) {
            i--;
        }
        int wsEnd = i + 1;
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) {
            i--;
        }
        return new int[] {i + 1, wsEnd};
    }

    private static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && (chars == null ? Character.isWhitespace(s.charAt(start))
                : chars.indexOf(s.charAt(start)) >= 0)) {
            start++;
        }
        while (right && end > start && (chars == null ? Character.isWhitespace(s.charAt(end - 1))
                : chars.indexOf(s.charAt(end - 1)) >= 0)) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String replace(String s, String old, String rep, long count) {
        if (count < 0) {
            count = Long.MAX_VALUE;
        }
        StringBuilder sb = new StringBuilder();
        if (old.isEmpty()) {
            long n = 0;
            List<Object> chars = Py.iterate(s);
            for (Object c : chars) {
                if (n++ < count) {
                    sb.append(rep);
                }
                sb.append((String) c);
                Py.checkSize(sb.length());
            }
            if (n < count) {
                sb.append(rep);
            }
            return sb.toString();
        }
        int from = 0;
        long n = 0;
        while (n < count) {
            int at = s.indexOf(old, from);
            if (at < 0) {
                break;
            }
            sb.append(s, from, at).append(rep);
            Py.checkSize(sb.length());
            from = at + old.length();
            n++;
        }
        return sb.append(s.substring(from)).toString();
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean prevCased = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(prevCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
            prevCased = Character.isLetter(c);
        }
        return sb.toString();
    }

    private static Object dict(Map<?, ?> m, String name, List<Object> args, Map<String, Object> kwargs) {
        switch (name) {
            case "get": {
                arity(name, args, kwargs, 1, 2);
                Object v = Py.mapLookup(m, args.get(0));
                return v == Py.ABSENT ? (args.size() > 1 ? args.get(1) : null) : v;
            }
            case "keys":
                arity(name, args, kwargs, 0, 0);
                return new ArrayList<>(m.keySet());
            case "values":
                arity(name, args, kwargs, 0, 0);
                return new ArrayList<>(m.values());
            case "items": {
                arity(name, args, kwargs, 0, 0);
                List<Object> out = new ArrayList<>(m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    List<Object> pair = new ArrayList<>(2);
                    pair.add(e.getKey());
                    pair.add(e.getValue());
                    out.add(pair);
                }
                return out;
            }
            case "copy":
                arity(name, args, kwargs, 0, 0);
                return new LinkedHashMap<>(m);
            default:
                throw noMethod(m, name);
        }
    }

    private static Object list(List<?> l, String name, List<Object> args, Map<String, Object> kwargs) {
        switch (name) {
            case "index": {
                arity(name, args, kwargs, 1, 1);
                for (int i = 0; i < l.size(); i++) {
                    if (Py.eq(l.get(i), args.get(0))) {
                        return (long) i;
                    }
                }
                throw Py.valueError(Py.repr(args.get(0)) + " is not in list");
            }
            case "count": {
                arity(name, args, kwargs, 1, 1);
                return l.stream().filter(o -> Py.eq(o, args.get(0))).count();
            }
            case "copy":
                arity(name, args, kwargs, 0, 0);
                return new ArrayList<>(l);
            default:
                throw noMethod(l, name);
        }
    }
}
