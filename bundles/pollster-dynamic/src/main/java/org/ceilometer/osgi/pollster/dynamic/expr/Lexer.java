package org.ceilometer.osgi.pollster.dynamic.expr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits an expression into tokens: names, keywords, numbers, strings and operators, as Python does. */
final class Lexer {
    enum Type { NAME, KEYWORD, NUMBER, STRING, OP, END }

    record Token(Type type, String text, Object value, int pos) {
        boolean is(String s) {
            return (type == Type.OP || type == Type.KEYWORD) && text.equals(s);
        }

        @Override
        public String toString() {
            return type == Type.END ? "end of expression" : "'" + text + "'";
        }
    }

    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "lambda", "for",
            "None", "True", "False");
    /** Python keywords that have no place in an expression of this language. */
    private static final Set<String> REFUSED = Set.of("import", "from", "def", "class", "return", "yield", "await",
            "async", "del", "global", "nonlocal", "while", "with", "try", "except", "finally", "raise", "assert",
            "pass", "break", "continue", "elif", "as");
    private static final Set<String> STRING_PREFIXES = Set.of("r", "u", "b", "f", "rb", "br", "fr", "rf");
    private static final String[] OPS = {"**", "//", "==", "!=", "<=", ">=", "(", ")", "[", "]", "{", "}", ",",
        ":", ".", "+", "-", "*", "/", "%", "<", ">", "="};

    private final String src;
    private int i;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> lex(String src) {
        return new Lexer(src).run();
    }

    private ExprException error(String what, int pos) {
        return new ExprException(ExprException.Kind.SYNTAX, what + " at column " + (pos + 1));
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
                i++;
            }
            if (i >= src.length()) {
                out.add(new Token(Type.END, "", null, i));
                return out;
            }
            char c = src.charAt(i);
            int start = i;
            if (Character.isLetter(c) || c == '_') {
                while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                    i++;
                }
                String word = src.substring(start, i);
                if (i < src.length() && (src.charAt(i) == '\'' || src.charAt(i) == '"') 
                        && STRING_PREFIXES.contains(word.toLowerCase())) {
                    out.add(string(word.toLowerCase(), start));
                    continue;
                }
                if (REFUSED.contains(word)) {
                    throw error("'" + word + "' is not part of the expression language", start);
                }
                out.add(new Token(KEYWORDS.contains(word) ? Type.KEYWORD : Type.NAME, word, null, start));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < src.length() && Character.isDigit(src.charAt(i + 1)))) {
                out.add(number(start));
            } else if (c == '\'' || c == '"') {
                out.add(string("", start));
            } else {
                String op = null;
                for (String o : OPS) {
                    if (src.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                if (op == null) {
                    throw error("unexpected character '" + c + "'", start);
                }
                i += op.length();
                out.add(new Token(Type.OP, op, null, start));
            }
        }
    }

    private Token number(int start) {
        if (src.startsWith("0x", i) || src.startsWith("0X", i) || src.startsWith("0o", i) || src.startsWith("0O", i)
                || src.startsWith("0b", i) || src.startsWith("0B", i)) {
            int radix = switch (Character.toLowerCase(src.charAt(i + 1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            i += 2;
            int digits = i;
            while (i < src.length() && (Character.digit(src.charAt(i), radix) >= 0 || src.charAt(i) == '_')) {
                i++;
            }
            String d = src.substring(digits, i).replace("_", "");
            if (d.isEmpty()) {
                throw error("invalid number", start);
            }
            return new Token(Type.NUMBER, src.substring(start, i), Py.normalizeInt(new BigInteger(d, radix)), start);
        }
        boolean isFloat = false;
        while (i < src.length() && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '_')) {
            i++;
        }
        if (i < src.length() && src.charAt(i) == '.') {
            isFloat = true;
            i++;
            while (i < src.length() && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                i++;
            }
        }
        if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int mark = i;
            i++;
            if (i < src.length() && (src.charAt(i) == '+' || src.charAt(i) == '-')) {
                i++;
            }
            if (i < src.length() && Character.isDigit(src.charAt(i))) {
                isFloat = true;
                while (i < src.length() && Character.isDigit(src.charAt(i))) {
                    i++;
                }
            } else {
                i = mark;
            }
        }
        if (i < src.length() && (Character.isLetter(src.charAt(i)) || src.charAt(i) == '_')) {
            throw error("invalid number", start);
        }
        String text = src.substring(start, i);
        String clean = text.replace("_", "");
        Object value;
        if (isFloat) {
            value = Double.parseDouble(clean);
        } else {
            if (clean.length() > 1 && clean.startsWith("0") && !clean.chars().allMatch(ch -> ch == '0')) {
                throw error("leading zeros in a decimal integer are not permitted", start);
            }
            value = Py.normalizeInt(new BigInteger(clean));
        }
        return new Token(Type.NUMBER, text, value, start);
    }

    private Token string(String prefix, int start) {
        if (prefix.contains("b")) {
            throw error("bytes literals are not supported", start);
        }
        if (prefix.contains("f")) {
            throw error("f-strings are not supported; use + and str()", start);
        }
        if (!prefix.isEmpty() && !prefix.equals("r") && !prefix.equals("u")) {
            throw error("unknown string prefix '" + prefix + "'", start);
        }
        boolean raw = prefix.equals("r");
        char q = src.charAt(i);
        boolean triple = src.startsWith("" + q + q + q, i);
        i += triple ? 3 : 1;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= src.length()) {
                throw error("unterminated string", start);
            }
            char c = src.charAt(i);
            if (triple ? src.startsWith("" + q + q + q, i) : c == q) {
                i += triple ? 3 : 1;
                break;
            }
            if (!triple && c == '\n') {
                throw error("unterminated string", start);
            }
            if (c == '\\' && i + 1 < src.length()) {
                char n = src.charAt(i + 1);
                if (raw) {
                    sb.append(c).append(n);
                    i += 2;
                    continue;
                }
                i += 2;
                switch (n) {
                    case '\\' -> sb.append('\\');
                    case '\'' -> sb.append('\'');
                    case '"' -> sb.append('"');
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'v' -> sb.append('\u000b');
                    case '0' -> sb.append('\0');
                    case '\n' -> { }
                    case 'x' -> sb.appendCodePoint(hex(2, start));
                    case 'u' -> sb.appendCodePoint(hex(4, start));
                    case 'U' -> sb.appendCodePoint(hex(8, start));
                    default -> sb.append('\\').append(n);
                }
                continue;
            }
            sb.append(c);
            i++;
        }
        return new Token(Type.STRING, src.substring(start, i), sb.toString(), start);
    }

    private int hex(int n, int start) {
        if (i + n > src.length()) {
            throw error("truncated escape", start);
        }
        try {
            int cp = Integer.parseInt(src.substring(i, i + n), 16);
            if (!Character.isValidCodePoint(cp)) {
                throw error("invalid escape", start);
            }
            i += n;
            return cp;
        } catch (NumberFormatException e) {
            throw error("invalid escape", start);
        }
    }
}
