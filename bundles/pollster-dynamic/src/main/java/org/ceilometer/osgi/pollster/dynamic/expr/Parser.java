package org.ceilometer.osgi.pollster.dynamic.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.pollster.dynamic.expr.Ast.Node;
import org.ceilometer.osgi.pollster.dynamic.expr.Lexer.Token;
import org.ceilometer.osgi.pollster.dynamic.expr.Lexer.Type;

/** A recursive-descent parser of Python's expression grammar, less what could run code. */
final class Parser {
    private static final int MAX_NESTING = 100;

    private final List<Token> tokens;
    private int pos;
    private int nesting;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node parse(String src) {
        Parser p = new Parser(Lexer.lex(src));
        if (p.peek().type() == Type.END) {
            throw new ExprException(ExprException.Kind.SYNTAX, "empty expression");
        }
        Node n = p.tupleOrExpression();
        if (p.peek().type() != Type.END) {
            throw p.error("unexpected " + p.peek());
        }
        return n;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean accept(String s) {
        if (peek().is(s)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!accept(s)) {
            throw error("expected '" + s + "' but found " + peek());
        }
    }

    private ExprException error(String message) {
        return new ExprException(ExprException.Kind.SYNTAX, message + " at column " + (peek().pos() + 1));
    }

    private void enter() {
        if (++nesting > MAX_NESTING) {
            throw error("expression nested too deeply");
        }
    }

    private Node tupleOrExpression() {
        Node first = expression();
        if (!peek().is(",")) {
            return first;
        }
        List<Node> items = new ArrayList<>();
        items.add(first);
        while (accept(",")) {
            if (endsGroup()) {
                break;
            }
            items.add(expression());
        }
        return new Ast.ListLit(items);
    }

    private boolean endsGroup() {
        Token t = peek();
        return t.type() == Type.END || t.is(")") || t.is("]") || t.is("}");
    }

    Node expression() {
        enter();
        try {
            if (accept("lambda")) {
                List<String> params = new ArrayList<>();
                if (!peek().is(":")) {
                    do {
                        params.add(name());
                    } while (accept(","));
                }
                expect(":");
                return new Ast.Lambda(params, expression());
            }
            Node n = orTest();
            if (accept("if")) {
                Node cond = orTest();
                expect("else");
                return new Ast.IfExp(cond, n, expression());
            }
            return n;
        } finally {
            nesting--;
        }
    }

    private String name() {
        Token t = next();
        if (t.type() != Type.NAME) {
            pos--;
            throw error("expected a name but found " + t);
        }
        if (t.text().startsWith("__")) {
            pos--;
            throw error("names starting with '__' are not allowed");
        }
        return t.text();
    }

    private Node orTest() {
        Node n = andTest();
        if (!peek().is("or")) {
            return n;
        }
        List<Node> ops = new ArrayList<>(List.of(n));
        while (accept("or")) {
            ops.add(andTest());
        }
        return new Ast.BoolOp(false, ops);
    }

    private Node andTest() {
        Node n = notTest();
        if (!peek().is("and")) {
            return n;
        }
        List<Node> ops = new ArrayList<>(List.of(n));
        while (accept("and")) {
            ops.add(notTest());
        }
        return new Ast.BoolOp(true, ops);
    }

    private Node notTest() {
        if (accept("not")) {
            enter();
            try {
                return new Ast.Unary("not", notTest());
            } finally {
                nesting--;
            }
        }
        return comparison();
    }

    private Node comparison() {
        Node first = arith();
        List<String> ops = new ArrayList<>();
        List<Node> rights = new ArrayList<>();
        while (true) {
            Token t = peek();
            String op = null;
            if (t.type() == Type.OP && List.of("==", "!=", "<", "<=", ">", ">=").contains(t.text())) {
                op = t.text();
                pos++;
            } else if (t.is("in")) {
                op = "in";
                pos++;
            } else if (t.is("not") && tokens.get(pos + 1).is("in")) {
                op = "not in";
                pos += 2;
            } else if (t.is("is")) {
                pos++;
                op = accept("not") ? "is not" : "is";
            }
            if (op == null) {
                break;
            }
            ops.add(op);
            rights.add(arith());
        }
        return ops.isEmpty() ? first : new Ast.Compare(first, ops, rights);
    }

    private Node arith() {
        Node n = term();
        while (peek().is("+") || peek().is("-")) {
            String op = next().text();
            n = new Ast.BinOp(op, n, term());
        }
        return n;
    }

    private Node term() {
        Node n = factor();
        while (peek().is("*") || peek().is("/") || peek().is("//") || peek().is("%")) {
            String op = next().text();
            n = new Ast.BinOp(op, n, factor());
        }
        return n;
    }

    private Node factor() {
        if (peek().is("-") || peek().is("+")) {
            String op = next().text();
            enter();
            try {
                return new Ast.Unary(op, factor());
            } finally {
                nesting--;
            }
        }
        return power();
    }

    private Node power() {
        Node base = primary();
        if (accept("**")) {
            return new Ast.BinOp("**", base, factor());
        }
        return base;
    }

    private Node primary() {
        Node n = atom();
        while (true) {
            if (accept("(")) {
                n = call(n);
            } else if (accept("[")) {
                n = subscript(n);
            } else if (accept(".")) {
                Token t = peek();
                String attr = name();
                if (attr.startsWith("_")) {
                    pos--;
                    throw error("attributes starting with '_' are not allowed");
                }
                if (!peek().is("(")) {
                    pos--;
                    throw new ExprException(ExprException.Kind.SYNTAX, "'." + t.text() + "' at column " + (t.pos() + 1)
                            + ": only method calls are allowed after '.'; read keys with ['" + t.text() + "']");
                }
                n = new Ast.Attr(n, attr);
            } else {
                return n;
            }
        }
    }

    private Node call(Node func) {
        List<Node> args = new ArrayList<>();
        Map<String, Node> kwargs = new LinkedHashMap<>();
        while (!peek().is(")")) {
            if (peek().type() == Type.NAME && tokens.get(pos + 1).is("=")) {
                String key = name();
                pos++;
                if (kwargs.put(key, expression()) != null) {
                    throw error("keyword argument repeated: " + key);
                }
            } else {
                if (!kwargs.isEmpty()) {
                    throw error("positional argument follows keyword argument");
                }
                Node arg = expression();
                if (peek().is("for")) {
                    arg = new Ast.Comprehension(null, arg, clauses());
                }
                args.add(arg);
            }
            if (!accept(",")) {
                break;
            }
        }
        expect(")");
        return new Ast.Call(func, args, kwargs);
    }

    private Node subscript(Node obj) {
        Node lo = null;
        if (!peek().is(":")) {
            lo = expression();
            if (accept("]")) {
                return new Ast.Subscript(obj, lo);
            }
        }
        expect(":");
        Node hi = null;
        Node step = null;
        if (!peek().is("]") && !peek().is(":")) {
            hi = expression();
        }
        if (accept(":") && !peek().is("]")) {
            step = expression();
        }
        expect("]");
        return new Ast.Slice(obj, lo, hi, step);
    }

    private List<Ast.Clause> clauses() {
        List<Ast.Clause> out = new ArrayList<>();
        while (true) {
            if (accept("for")) {
                List<String> targets = new ArrayList<>();
                boolean paren = accept("(");
                do {
                    targets.add(name());
                } while (accept(","));
                if (paren) {
                    expect(")");
                }
                expect("in");
                out.add(new Ast.Clause(targets, orTest(), null));
            } else if (accept("if")) {
                out.add(new Ast.Clause(null, null, orTest()));
            } else {
                return out;
            }
        }
    }

    private Node atom() {
        Token t = next();
        switch (t.type()) {
            case NUMBER:
                return new Ast.Const(t.value());
            case STRING: {
                StringBuilder sb = new StringBuilder((String) t.value());
                while (peek().type() == Type.STRING) {
                    sb.append((String) next().value());
                }
                return new Ast.Const(sb.toString());
            }
            case NAME:
                pos--;
                return new Ast.Name(name());
            case KEYWORD:
                switch (t.text()) {
                    case "None":
                        return new Ast.Const(null);
                    case "True":
                        return new Ast.Const(Boolean.TRUE);
                    case "False":
                        return new Ast.Const(Boolean.FALSE);
                    default:
                        pos--;
                        throw error("unexpected " + t);
                }
            case OP:
                enter();
                try {
                    if (t.is("(")) {
                        return parenthesized();
                    }
                    if (t.is("[")) {
                        return bracketed();
                    }
                    if (t.is("{")) {
                        return braced();
                    }
                } finally {
                    nesting--;
                }
                pos--;
                throw error("unexpected " + t);
            default:
                pos--;
                throw error("unexpected " + t);
        }
    }

    private Node parenthesized() {
        if (accept(")")) {
            return new Ast.ListLit(List.of());
        }
        Node first = expression();
        if (peek().is("for")) {
            Node comp = new Ast.Comprehension(null, first, clauses());
            expect(")");
            return comp;
        }
        if (accept(")")) {
            return first;
        }
        List<Node> items = new ArrayList<>(List.of(first));
        while (accept(",")) {
            if (peek().is(")")) {
                break;
            }
            items.add(expression());
        }
        expect(")");
        return new Ast.ListLit(items);
    }

    private Node bracketed() {
        if (accept("]")) {
            return new Ast.ListLit(new ArrayList<>());
        }
        Node first = expression();
        if (peek().is("for")) {
            Node comp = new Ast.Comprehension(null, first, clauses());
            expect("]");
            return comp;
        }
        List<Node> items = new ArrayList<>(List.of(first));
        while (accept(",")) {
            if (peek().is("]")) {
                break;
            }
            items.add(expression());
        }
        expect("]");
        return new Ast.ListLit(items);
    }

    private Node braced() {
        if (accept("}")) {
            return new Ast.DictLit(List.of(), List.of());
        }
        Node key = expression();
        if (!accept(":")) {
            throw error("sets are not supported; expected ':' of a dict");
        }
        Node value = expression();
        if (peek().is("for")) {
            Node comp = new Ast.Comprehension(key, value, clauses());
            expect("}");
            return comp;
        }
        List<Node> keys = new ArrayList<>(List.of(key));
        List<Node> values = new ArrayList<>(List.of(value));
        while (accept(",")) {
            if (peek().is("}")) {
                break;
            }
            keys.add(expression());
            expect(":");
            values.add(expression());
        }
        expect("}");
        return new Ast.DictLit(keys, values);
    }
}
