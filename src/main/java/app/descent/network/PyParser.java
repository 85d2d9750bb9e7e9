package app.descent.network;

import app.descent.network.PyLexer.T;
import app.descent.network.PyLexer.Tok;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static app.descent.network.PySyntax.*;

/**
 * A recursive-descent parser for the Python expressions of one statement (calls, attributes, subscripts and slices,
 * tuples and lists, arithmetic, literals) into a {@link PySyntax} tree. Valid Python it does not model (comparisons,
 * dicts, lambdas, f-strings) becomes an {@code Opaque} node; invalid Python is a {@code SyntaxError}.
 */
final class PyParser {
    final List<Tok> toks;
    int pos;
    int depth;
    final int line;

    PyParser(List<Tok> toks, int line) {
        this.toks = toks;
        this.line = line;
    }

    boolean atEnd() {
        return pos >= toks.size();
    }

    Tok peek() {
        return atEnd() ? null : toks.get(pos);
    }

    boolean peekIs(String s) {
        return !atEnd() && toks.get(pos).is(s);
    }

    Tok next() {
        if (atEnd()) {
            throw new SyntaxError("unexpected end of statement", toks.isEmpty() ? null : toks.get(toks.size() - 1));
        }
        return toks.get(pos++);
    }

    void expect(String s) {
        Tok t = next();
        if (!t.is(s)) {
            throw new SyntaxError("expected '" + s + "' but found '" + t.text() + "'", t);
        }
    }

    void end() {
        if (!atEnd()) {
            throw new SyntaxError("unexpected '" + peek().text() + "'", peek());
        }
    }

    /** expression list: a, b → tuple */
    Node exprList() {
        Node first = test();
        if (!peekIs(",")) {
            return first;
        }
        List<Node> items = new ArrayList<>(List.of(first));
        while (peekIs(",")) {
            next();
            if (atEnd() || peekIs("=") || peekIs(")") || peekIs(":")) {
                break;
            }
            items.add(test());
        }
        return new Seq(items, true);
    }

    Node test() {
        if (++depth > PyLexer.MAX_DEPTH) {
            throw new NetworkException("line " + line + ": expression nested too deeply");
        }
        try {
            if (peekIs("lambda")) {
                while (!atEnd() && !peekIs(":")) {
                    next();
                }
                expect(":");
                test();
                return new Opaque("lambda");
            }
            Node n = or();
            if (peekIs("if")) {
                next();
                or();
                expect("else");
                test();
                return new Opaque("conditional expression");
            }
            return n;
        } finally {
            depth--;
        }
    }

    Node or() {
        Node n = and();
        while (peekIs("or")) {
            next();
            and();
            n = new Opaque("boolean expression");
        }
        return n;
    }

    Node and() {
        Node n = not();
        while (peekIs("and")) {
            next();
            not();
            n = new Opaque("boolean expression");
        }
        return n;
    }

    Node not() {
        if (peekIs("not")) {
            next();
            not();
            return new Opaque("boolean expression");
        }
        return comparison();
    }

    Node comparison() {
        Node n = bitOr();
        while (!atEnd()) {
            Tok t = peek();
            if (t.is("<") || t.is(">") || t.is("==") || t.is("!=") || t.is("<=") || t.is(">=") || t.is("in") || t.is("is")) {
                next();
                if (t.is("is") && peekIs("not")) {
                    next();
                }
            } else if (t.is("not") && pos + 1 < toks.size() && toks.get(pos + 1).is("in")) {
                next();
                next();
            } else {
                break;
            }
            bitOr();
            n = new Opaque("comparison");
        }
        return n;
    }

    Node bitOr() {
        Node n = arith();
        while (peekIs("|") || peekIs("&") || peekIs("^") || peekIs("<<") || peekIs(">>")) {
            next();
            arith();
            n = new Opaque("bitwise operation");
        }
        return n;
    }

    Node arith() {
        Node n = term();
        while (peekIs("+") || peekIs("-")) {
            String op = next().text();
            n = new Bin(op, n, term());
        }
        return n;
    }

    Node term() {
        Node n = factor();
        while (peekIs("*") || peekIs("/") || peekIs("//") || peekIs("%") || peekIs("@")) {
            String op = next().text();
            n = new Bin(op, n, factor());
        }
        return n;
    }

    Node factor() {
        if (peekIs("-") || peekIs("+") || peekIs("~")) {
            String op = next().text();
            if (++depth > PyLexer.MAX_DEPTH) {
                throw new NetworkException("line " + line + ": expression nested too deeply");
            }
            try {
                return new Unary(op, factor());
            } finally {
                depth--;
            }
        }
        return power();
    }

    Node power() {
        Node n = postfix();
        if (peekIs("**")) {
            next();
            return new Bin("**", n, factor());
        }
        return n;
    }

    Node postfix() {
        if (peekIs("await")) {
            next();
        }
        Node n = atom();
        while (!atEnd()) {
            if (peekIs(".")) {
                next();
                Tok name = next();
                if (name.kind() != T.NAME) {
                    throw new SyntaxError("expected a name after '.' but found '" + name.text() + "'", name);
                }
                n = new Attr(n, name.text());
            } else if (peekIs("(")) {
                Tok open = next();
                n = callArgs(n, open.line());
            } else if (peekIs("[")) {
                next();
                n = new Sub(n, subscript());
                expect("]");
            } else {
                break;
            }
        }
        return n;
    }

    Node callArgs(Node fn, int callLine) {
        List<Node> args = new ArrayList<>();
        LinkedHashMap<String, Node> kwargs = new LinkedHashMap<>();
        while (!peekIs(")")) {
            if (peekIs("*") || peekIs("**")) {
                boolean dict = next().text().equals("**");
                args.add(new Star(test(), dict));
            } else if (peek() != null && peek().kind() == T.NAME && pos + 1 < toks.size() && toks.get(pos + 1).is("=")) {
                Tok name = next();
                next();
                if (kwargs.containsKey(name.text())) {
                    throw new SyntaxError("keyword argument repeated: " + name.text(), name);
                }
                kwargs.put(name.text(), test());
            } else {
                if (!kwargs.isEmpty()) {
                    throw new SyntaxError("positional argument follows keyword argument", peek());
                }
                Node a = test();
                if (peekIs("for")) {
                    skipComprehension();
                    a = new Opaque("generator expression");
                }
                args.add(a);
            }
            if (!peekIs(",")) {
                break;
            }
            next();
        }
        expect(")");
        return new Call(fn, args, kwargs, callLine);
    }

    void skipComprehension() {
        int d = 0;
        while (!atEnd()) {
            Tok t = peek();
            if (t.is("(") || t.is("[") || t.is("{")) {
                d++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                if (d == 0) {
                    return;
                }
                d--;
            } else if (t.is(",") && d == 0) {
                return;
            }
            next();
        }
    }

    Node subscript() {
        List<Node> items = new ArrayList<>();
        boolean tuple = false;
        while (true) {
            items.add(sliceItem());
            if (peekIs(",")) {
                next();
                tuple = true;
                if (peekIs("]")) {
                    break;
                }
            } else {
                break;
            }
        }
        return tuple ? new Seq(items, true) : items.get(0);
    }

    Node sliceItem() {
        Node start = null;
        if (!peekIs(":")) {
            start = test();
            if (!peekIs(":")) {
                return start;
            }
        }
        next(); // ':'
        Node end = peekIs(":") || peekIs("]") || peekIs(",") ? null : test();
        Node step = null;
        if (peekIs(":")) {
            next();
            step = peekIs("]") || peekIs(",") ? null : test();
        }
        return new Slice(start, end, step);
    }

    Node atom() {
        Tok t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Lit(t.value());
            case STRING: {
                boolean opaque = t.value() == null;
                StringBuilder sb = new StringBuilder(opaque ? "" : (String) t.value());
                while (peek() != null && peek().kind() == T.STRING) {
                    Tok more = next();
                    opaque |= more.value() == null;
                    if (!opaque) {
                        sb.append((String) more.value());
                    }
                }
                return opaque ? new Opaque("f-string") : new Lit(sb.toString());
            }
            case NAME:
                switch (t.text()) {
                    case "True":
                        return new Lit(Boolean.TRUE);
                    case "False":
                        return new Lit(Boolean.FALSE);
                    case "None":
                        return new Lit(null);
                    case "if", "else", "for", "in", "and", "or", "not", "is", "import", "from", "def", "class", "return",
                         "while", "with", "as", "pass", "del", "global", "try", "except", "finally", "raise", "elif", "yield":
                        throw new SyntaxError("unexpected keyword '" + t.text() + "'", t);
                    default:
                        return new Name(t.text(), t);
                }
            case OP:
                switch (t.text()) {
                    case "(": {
                        if (peekIs(")")) {
                            next();
                            return new Seq(List.of(), true);
                        }
                        Node first = test();
                        if (peekIs("for")) {
                            skipComprehension();
                            expect(")");
                            return new Opaque("generator expression");
                        }
                        if (peekIs(")")) {
                            next();
                            return first;
                        }
                        List<Node> items = new ArrayList<>(List.of(first));
                        while (peekIs(",")) {
                            next();
                            if (peekIs(")")) {
                                break;
                            }
                            items.add(test());
                        }
                        expect(")");
                        return new Seq(items, true);
                    }
                    case "[": {
                        List<Node> items = new ArrayList<>();
                        while (!peekIs("]")) {
                            items.add(peekIs("*") ? new Star(unaryStar(), false) : test());
                            if (peekIs("for")) {
                                skipComprehension();
                                expect("]");
                                return new Opaque("list comprehension");
                            }
                            if (!peekIs(",")) {
                                break;
                            }
                            next();
                        }
                        expect("]");
                        return new Seq(items, false);
                    }
                    case "{": {
                        int d = 0;
                        while (true) {
                            Tok x = next();
                            if (x.is("{")) {
                                d++;
                            } else if (x.is("}")) {
                                if (d == 0) {
                                    break;
                                }
                                d--;
                            }
                        }
                        return new Opaque("dict or set");
                    }
                    case "...":
                        return new Opaque("Ellipsis");
                    default:
                        throw new SyntaxError("unexpected '" + t.text() + "'", t);
                }
            default:
                throw new SyntaxError("unexpected character '" + t.text() + "'", t);
        }
    }

    Node unaryStar() {
        next();
        return test();
    }
}
