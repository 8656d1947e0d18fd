package org.ceilometer.osgi.transformers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python's {@code re.sub(pattern, repl, string)} for the {@code map_from}/{@code map_to} pairs of
 * Ceilometer's unit conversions: every match replaced, the replacement read as a Python template
 * ({@code \1}, {@code \g<1>}, {@code \g<name>}, {@code \\}, {@code \n}), a group that did not take part
 * giving "".
 *
 * <p>Python's pattern syntax is translated where it differs from Java's: {@code (?P<name>...)},
 * {@code (?P=name)} and {@code \Z}.
 */
final class PythonRegex {
    private final Pattern pattern;
    private final List<Object> template;

    private PythonRegex(Pattern pattern, List<Object> template) {
        this.pattern = pattern;
        this.template = template;
    }

    /**
     * @throws IllegalArgumentException when the pattern or the replacement is not valid
     */
    static PythonRegex compile(String pythonPattern, String replacement) {
        Pattern p;
        try {
            p = Pattern.compile(translate(pythonPattern));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("is not a valid regular expression: " + e.getDescription());
        }
        return new PythonRegex(p, parseTemplate(replacement, p));
    }

    static String translate(String py) {
        StringBuilder out = new StringBuilder(py.length());
        for (int i = 0; i < py.length(); i++) {
            char c = py.charAt(i);
            if (c == '\\' && i + 1 < py.length()) {
                char n = py.charAt(i + 1);
                out.append(n == 'Z' ? "\\z" : "\\" + n);
                i++;
            } else if (py.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 3;
            } else if (py.startsWith("(?P=", i)) {
                int close = py.indexOf(')', i);
                if (close < 0) {
                    throw new IllegalArgumentException("is not a valid regular expression: unterminated (?P=");
                }
                out.append("\\k<").append(py, i + 4, close).append('>');
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A reference to a named group in a replacement. */
    private static final class Named {
        final String name;

        Named(String name) {
            this.name = name;
        }
    }

    /** The template as literal strings and group references (Integer, or {@link Named}). */
    private static List<Object> parseTemplate(String repl, Pattern p) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int groups = p.matcher("").groupCount();
        for (int i = 0; i < repl.length(); i++) {
            char c = repl.charAt(i);
            if (c != '\\') {
                literal.append(c);
                continue;
            }
            if (i + 1 >= repl.length()) {
                throw new IllegalArgumentException("has a bad escape (end of pattern) in its replacement");
            }
            char n = repl.charAt(++i);
            Object group = null;
            if (Character.isDigit(n)) {
                int j = i + 1;
                if (j < repl.length() && Character.isDigit(repl.charAt(j))) {
                    j++;
                }
                group = Integer.parseInt(repl.substring(i, j));
                i = j - 1;
                if (n == '0') {
                    throw new IllegalArgumentException("uses octal escapes in its replacement, which are not supported");
                }
            } else if (n == 'g') {
                int close = repl.indexOf('>', i);
                if (i + 1 >= repl.length() || repl.charAt(i + 1) != '<' || close < 0) {
                    throw new IllegalArgumentException("has a bad \\g<...> in its replacement");
                }
                String name = repl.substring(i + 2, close);
                group = name.matches("\\d+") ? (Object) Integer.parseInt(name) : new Named(name);
                i = close;
            } else {
                switch (n) {
                    case 'n': literal.append('\n'); break;
                    case 't': literal.append('\t'); break;
                    case 'r': literal.append('\r'); break;
                    case 'f': literal.append('\f'); break;
                    case 'v': literal.append('\u000b'); break;
                    case 'a': literal.append('\u0007'); break;
                    case 'b': literal.append('\b'); break;
                    case '\\': literal.append('\\'); break;
                    default:
                        if (n < 128 && Character.isLetter(n)) {
                            throw new IllegalArgumentException("has a bad escape \\" + n + " in its replacement");
                        }
                        literal.append('\\').append(n);
                }
                continue;
            }
            if (group instanceof Integer && (Integer) group > groups) {
                throw new IllegalArgumentException("refers to group " + group + " in its replacement, but the "
                        + "pattern has " + groups);
            }
            if (literal.length() > 0) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
            parts.add(group);
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return parts;
    }

    /** {@code re.sub}: every non-overlapping match replaced. */
    String sub(String input) {
        Matcher m = pattern.matcher(input);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            StringBuilder replacement = new StringBuilder();
            for (Object part : template) {
                if (part instanceof String) {
                    replacement.append((String) part);
                } else {
                    String g = part instanceof Integer ? m.group((Integer) part) : m.group(((Named) part).name);
                    if (g != null) {
                        replacement.append(g);
                    }
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
