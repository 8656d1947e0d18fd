package org.ceilometer.osgi.transformers.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small, safe subset of Python expressions, as Ceilometer's transformers {@code eval} them: the
 * {@code scale} of {@code unit_conversion} and {@code rate_of_change}, the {@code expr} of
 * {@code arithmetic}.
 *
 * <p>What it knows: int and float literals ({@code 10**9}, {@code 1e-3}), strings, {@code None},
 * {@code True}, {@code False}; {@code + - * / // % **} and unary {@code + -}; comparisons
 * {@code < <= > >= == !=} (chained, as in Python), {@code is}, {@code is not}; {@code and}, {@code or},
 * {@code not}; {@code a if c else b}; parentheses; names, field access ({@code resource_metadata.cpu_number})
 * and subscripts ({@code resource_metadata['x']}); meter references {@code $(meter)} and
 * {@code $(meter).field}; and the functions {@code min}, {@code max}, {@code abs}, {@code int},
 * {@code float}, {@code round}. Nothing else: no other calls, no attributes of Java objects, no
 * loops, so that a pipeline definition can never run code.
 *
 * <p>Semantics are Python 3's: {@code /} is true division, {@code and}/{@code or} return an operand,
 * unknown names and fields are an empty, false value (so {@code resource_metadata.cpu_number or 1}
 * works when the field is absent). Parsed once; evaluation is thread-safe.
 */
public final class Expression {
    /** Longest expression text accepted. */
    public static final int MAX_LENGTH = 4096;
    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 64;

    private final String text;
    private final Node root;
    private final Set<String> meters;

    private Expression(String text, Node root, Set<String> meters) {
        this.text = text;
        this.root = root;
        this.meters = Collections.unmodifiableSet(meters);
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static Expression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the expression is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the expression is longer than " + MAX_LENGTH + " characters");
        }
        Parser p = new Parser(text, Lexer.tokenize(text));
        Node root = p.parseAll();
        return new Expression(text, root, p.meters);
    }

    /** The meters referenced as {@code $(meter)}, in order of first appearance. */
    public Set<String> meters() {
        return meters;
    }

    public String text() {
        return text;
    }

    /**
     * Evaluates the expression.
     *
     * @throws ExpressionException on a type error, a division by zero and the like
     */
    public Object evaluate(Resolver resolver) {
        return root.eval(resolver);
    }

    @Override
    public String toString() {
        return text;
    }

    // ------------------------------------------------------------------------------------------
    // Tokens

    enum Kind { NUMBER, STRING, NAME, METER, OP, END }

    static final class Token {
        final Kind kind;
        final String text;
        final Object value;
        final int pos;
        /** For a METER token: whether a '.' follows immediately (then no implicit {@code .volume}). */
        final boolean dotFollows;

        Token(Kind kind, String text, Object value, int pos, boolean dotFollows) {
            this.kind = kind;
            this.text = text;
            this.value = value;
            this.pos = pos;
            this.dotFollows = dotFollows;
        }

        boolean is(String op) {
            return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
        }

        @Override
        public String toString() {
            return kind == Kind.END ? "end of expression" : "'" + text + "'";
        }
    }

    static final class Lexer {
        private static final String[] OPS = {"**", "//", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "<",
            ">", "(", ")", "[", "]", ",", "."};

        static List<Token> tokenize(String s) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    i++;
                    continue;
                }
                int start = i;
                if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                    i = number(s, i, out);
                } else if (c == '\'' || c == '"') {
                    i = string(s, i, out);
                } else if (c == '_' || Character.isLetter(c)) {
                    while (i < n && (s.charAt(i) == '_' || Character.isLetterOrDigit(s.charAt(i)))) {
                        i++;
                    }
                    out.add(new Token(Kind.NAME, s.substring(start, i), null, start, false));
                } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
                    int close = s.indexOf(')', i + 2);
                    String name = close < 0 ? "" : s.substring(i + 2, close);
                    if (close < 0 || !name.matches("[\\w.\\-]+")) {
                        throw new IllegalArgumentException("bad meter reference at position " + start
                                + ": expected $(meter.name)");
                    }
                    i = close + 1;
                    boolean dot = i < n && s.charAt(i) == '.';
                    out.add(new Token(Kind.METER, s.substring(start, i), name, start, dot));
                } else {
                    String op = null;
                    for (String candidate : OPS) {
                        if (s.startsWith(candidate, i)) {
                            op = candidate;
                            break;
                        }
                    }
                    if (op == null) {
                        throw new IllegalArgumentException("unexpected character '" + c + "' at position " + i);
                    }
                    i += op.length();
                    out.add(new Token(Kind.OP, op, null, start, false));
                }
            }
            out.add(new Token(Kind.END, "", null, n, false));
            return out;
        }

        private static int number(String s, int i, List<Token> out) {
            int start = i;
            int n = s.length();
            boolean isFloat = false;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i < n && s.charAt(i) == '.') {
                isFloat = true;
                i++;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
            if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                int j = i + 1;
                if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                    j++;
                }
                if (j < n && Character.isDigit(s.charAt(j))) {
                    isFloat = true;
                    i = j;
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                }
            }
            if (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
                throw new IllegalArgumentException("bad number at position " + start);
            }
            String text = s.substring(start, i);
            Object value;
            if (isFloat) {
                value = Double.parseDouble(text);
            } else {
                if (text.length() > 1 && text.startsWith("0") && !text.matches("0+")) {
                    throw new IllegalArgumentException("leading zeros in the number at position " + start);
                }
                try {
                    value = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    value = Double.parseDouble(text);
                }
            }
            out.add(new Token(Kind.NUMBER, text, value, start, false));
            return i;
        }

        private static int string(String s, int i, List<Token> out) {
            char quote = s.charAt(i);
            int start = i++;
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unterminated string at position " + start);
                }
                char c = s.charAt(i++);
                if (c == quote) {
                    break;
                }
                if (c == '\\' && i < s.length()) {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n': b.append('\n'); break;
                        case 't': b.append('\t'); break;
                        case 'r': b.append('\r'); break;
                        case '\\': b.append('\\'); break;
                        case '\'': b.append('\''); break;
                        case '"': b.append('"'); break;
                        default: b.append('\\').append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            out.add(new Token(Kind.STRING, s.substring(start, i), b.toString(), start, false));
            return i;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Parser: Python's precedence, lowest first

    static final class Parser {
        private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "if", "else", "is", "in",
                "None", "True", "False", "lambda", "for", "import", "yield", "await");
        private static final Set<String> FUNCTIONS = Set.of("min", "max", "abs", "int", "float", "round");

        private final String text;
        private final List<Token> tokens;
        private int at;
        private int depth;
        final Set<String> meters = new LinkedHashSet<>();

        Parser(String text, List<Token> tokens) {
            this.text = text;
            this.tokens = tokens;
        }

        Node parseAll() {
            Node n = expr();
            if (peek().kind != Kind.END) {
                throw error("unexpected " + peek());
            }
            return n;
        }

        private Token peek() {
            return tokens.get(at);
        }

        private Token next() {
            return tokens.get(at++);
        }

        private boolean accept(String op) {
            if (peek().is(op)) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(String op) {
            if (!accept(op)) {
                throw error("expected '" + op + "' but found " + peek());
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(message + " at position " + peek().pos + " of '" + text + "'");
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw error("the expression nests deeper than " + MAX_DEPTH);
            }
        }

        Node expr() {
            enter();
            try {
                Node body = orTest();
                if (accept("if")) {
                    Node cond = orTest();
                    expect("else");
                    Node orElse = expr();
                    return r -> PyOps.truthy(cond.eval(r)) ? body.eval(r) : orElse.eval(r);
                }
                return body;
            } finally {
                depth--;
            }
        }

        private Node orTest() {
            Node left = andTest();
            while (accept("or")) {
                Node l = left;
                Node right = andTest();
                left = r -> {
                    Object v = l.eval(r);
                    return PyOps.truthy(v) ? v : right.eval(r);
                };
            }
            return left;
        }

        private Node andTest() {
            Node left = notTest();
            while (accept("and")) {
                Node l = left;
                Node right = notTest();
                left = r -> {
                    Object v = l.eval(r);
                    return PyOps.truthy(v) ? right.eval(r) : v;
                };
            }
            return left;
        }

        private Node notTest() {
            if (accept("not")) {
                enter();
                try {
                    Node operand = notTest();
                    return r -> !PyOps.truthy(operand.eval(r));
                } finally {
                    depth--;
                }
            }
            return comparison();
        }

        private String comparisonOp() {
            Token t = peek();
            if (t.kind == Kind.OP && Set.of("<", ">", "<=", ">=", "==", "!=").contains(t.text)) {
                at++;
                return t.text;
            }
            if (t.is("is")) {
                at++;
                return accept("not") ? "is not" : "is";
            }
            if (t.is("in") || (t.is("not") && tokens.get(at + 1).is("in"))) {
                throw error("'in' is not supported");
            }
            return null;
        }

        private Node comparison() {
            Node first = arith();
            List<String> ops = new ArrayList<>();
            List<Node> operands = new ArrayList<>();
            operands.add(first);
            String op;
            while ((op = comparisonOp()) != null) {
                ops.add(op);
                operands.add(arith());
            }
            if (ops.isEmpty()) {
                return first;
            }
            return r -> {
                Object left = operands.get(0).eval(r);
                for (int i = 0; i < ops.size(); i++) {
                    Object right = operands.get(i + 1).eval(r);
                    if (!compare(ops.get(i), left, right)) {
                        return false;
                    }
                    left = right;
                }
                return true;
            };
        }

        private static boolean compare(String op, Object a, Object b) {
            switch (op) {
                case "==":
                    return PyOps.eq(a, b);
                case "!=":
                    return !PyOps.eq(a, b);
                case "is":
                    return same(a, b);
                case "is not":
                    return !same(a, b);
                default:
                    int c = PyOps.compare(op, a, b);
                    if (c == PyOps.UNORDERED) {
                        return false;
                    }
                    switch (op) {
                        case "<": return c < 0;
                        case "<=": return c <= 0;
                        case ">": return c > 0;
                        default: return c >= 0;
                    }
            }
        }

        /** {@code is}: None and the bools are singletons; other values are the same only as the same object. */
        private static boolean same(Object a, Object b) {
            if (a == null || b == null) {
                return a == b;
            }
            if (a instanceof Boolean && b instanceof Boolean) {
                return a.equals(b);
            }
            return a == b;
        }

        private Node arith() {
            Node left = term();
            while (true) {
                Node l = left;
                if (accept("+")) {
                    Node right = term();
                    left = r -> PyOps.add(l.eval(r), right.eval(r));
                } else if (accept("-")) {
                    Node right = term();
                    left = r -> PyOps.sub(l.eval(r), right.eval(r));
                } else {
                    return left;
                }
            }
        }

        private Node term() {
            Node left = factor();
            while (true) {
                Node l = left;
                if (accept("*")) {
                    Node right = factor();
                    left = r -> PyOps.mul(l.eval(r), right.eval(r));
                } else if (accept("/")) {
                    Node right = factor();
                    left = r -> PyOps.truediv(l.eval(r), right.eval(r));
                } else if (accept("//")) {
                    Node right = factor();
                    left = r -> PyOps.floordiv(l.eval(r), right.eval(r));
                } else if (accept("%")) {
                    Node right = factor();
                    left = r -> PyOps.mod(l.eval(r), right.eval(r));
                } else {
                    return left;
                }
            }
        }

        private Node factor() {
            if (peek().is("-") || peek().is("+")) {
                boolean minus = next().text.equals("-");
                enter();
                try {
                    Node operand = factor();
                    return minus ? r -> PyOps.negate(operand.eval(r)) : r -> PyOps.plus(operand.eval(r));
                } finally {
                    depth--;
                }
            }
            return power();
        }

        private Node power() {
            Node base = primary();
            if (accept("**")) {
                enter();
                try {
                    Node exp = factor();
                    return r -> PyOps.pow(base.eval(r), exp.eval(r));
                } finally {
                    depth--;
                }
            }
            return base;
        }

        private Node primary() {
            Node node = atom();
            while (true) {
                Node target = node;
                if (accept(".")) {
                    Token name = next();
                    if (name.kind != Kind.NAME) {
                        throw error("expected a field name after '.'");
                    }
                    rejectDunder(name);
                    String field = name.text;
                    node = r -> PyOps.attribute(target.eval(r), field);
                } else if (accept("[")) {
                    Node key = expr();
                    expect("]");
                    node = r -> PyOps.item(target.eval(r), key.eval(r));
                } else if (peek().is("(")) {
                    throw error("only min, max, abs, int, float and round can be called");
                } else {
                    return node;
                }
            }
        }

        private Node atom() {
            Token t = next();
            switch (t.kind) {
                case NUMBER:
                case STRING: {
                    Object v = t.value;
                    return r -> v;
                }
                case METER: {
                    String meter = (String) t.value;
                    meters.add(meter);
                    Node ref = r -> r.meter(meter);
                    // as Ceilometer: $(meter) alone means its volume
                    return t.dotFollows ? ref : r -> PyOps.attribute(ref.eval(r), "volume");
                }
                case NAME:
                    return name(t);
                case OP:
                    if (t.text.equals("(")) {
                        Node inner = expr();
                        expect(")");
                        return inner;
                    }
                    break;
                default:
                    break;
            }
            at--;
            throw error("unexpected " + t);
        }

        private void rejectDunder(Token t) {
            if (t.text.startsWith("__")) {
                at--;
                throw error("names starting with '__' are not allowed");
            }
        }

        private Node name(Token t) {
            rejectDunder(t);
            switch (t.text) {
                case "None":
                    return r -> null;
                case "True":
                    return r -> Boolean.TRUE;
                case "False":
                    return r -> Boolean.FALSE;
                default:
                    break;
            }
            if (KEYWORDS.contains(t.text)) {
                at--;
                throw error("unexpected '" + t.text + "'");
            }
            if (peek().is("(")) {
                if (!FUNCTIONS.contains(t.text)) {
                    throw error("'" + t.text + "' cannot be called: only min, max, abs, int, float and round can");
                }
                return call(t.text);
            }
            String name = t.text;
            return r -> PyOps.normalize(r.name(name));
        }

        private Node call(String function) {
            expect("(");
            List<Node> args = new ArrayList<>();
            if (!accept(")")) {
                do {
                    args.add(expr());
                } while (accept(","));
                expect(")");
            }
            int n = args.size();
            switch (function) {
                case "abs":
                case "int":
                case "float":
                    if (n != 1) {
                        throw error(function + "() takes exactly one argument");
                    }
                    break;
                case "round":
                    if (n < 1 || n > 2) {
                        throw error("round() takes one or two arguments");
                    }
                    break;
                default:
                    if (n < 1) {
                        throw error(function + "() takes at least one argument");
                    }
            }
            return r -> {
                List<Object> values = new ArrayList<>(n);
                for (Node a : args) {
                    values.add(a.eval(r));
                }
                switch (function) {
                    case "abs": return PyOps.abs(values.get(0));
                    case "int": return PyOps.toInt(values.get(0));
                    case "float": return PyOps.toFloat(values.get(0));
                    case "round": return PyOps.round(values.get(0), n == 2 ? values.get(1) : null);
                    case "min": return PyOps.extreme(false, values);
                    default: return PyOps.extreme(true, values);
                }
            };
        }
    }

    /** A parsed piece of an expression. */
    @FunctionalInterface
    interface Node {
        Object eval(Resolver r);
    }
}
