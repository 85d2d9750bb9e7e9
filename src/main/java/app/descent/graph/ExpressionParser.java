package app.descent.graph;

import app.descent.graph.Lexer.Token;
import app.descent.graph.Lexer.Type;
import app.descent.graph.Syntax.Apply;
import app.descent.graph.Syntax.Definition;
import app.descent.graph.Syntax.Expr;
import app.descent.graph.Syntax.Num;
import app.descent.graph.Syntax.Program;
import app.descent.graph.Syntax.Var;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Python-like expressions plus the notation of lecture slides: implicit multiplication ({@code 2(x+y)},
 * {@code (a)(b)}, {@code 2x}) and {@code xy} read as x·y when xy is not a variable but x and y are. Lines before
 * the last may define names ({@code h1 = relu(w*x + b)}) that later lines use.
 *
 * <pre>
 * program    = { NAME "=" sum NEWLINE } sum
 * sum        = product { ("+" | "-") product }
 * product    = unary { ("*" | "/") unary | implicit unary }
 * unary      = ("-" | "+") unary | power
 * power      = atom [ ("**" | "^") unary ]          right-associative; -x**2 = -(x**2) as in Python
 * atom       = NUMBER | NAME | FUNCTION "(" sum { "," sum } ")" | "(" sum ")"
 * </pre>
 */
public final class ExpressionParser {
    static final int MAX_DEPTH = 200;

    private final Source source;
    private final List<Token> tokens;
    private final Set<String> variables;
    private final Set<String> defined = new HashSet<>();
    private int pos;
    private int depth;

    private ExpressionParser(String text, Set<String> variables) {
        this.source = new Source(text);
        this.tokens = Lexer.tokens(source);
        this.variables = variables;
    }

    /** Parses with the variables that have values, which decides how a run of letters like {@code xy} is read. */
    static Program parse(String text, Set<String> variables) {
        if (text == null || text.isBlank()) {
            throw new ExpressionException("the expression is empty");
        }
        return new ExpressionParser(text, variables).program();
    }

    /**
     * The free variables of an expression in order of first use, reading runs of letters with the given names
     * (so that a table of values keeps x and y when {@code xy} is typed).
     */
    public static List<String> variables(String text, Set<String> known) {
        Program p = parse(text, known);
        Set<String> out = new LinkedHashSet<>();
        Set<String> definedSoFar = new HashSet<>();
        for (Definition d : p.definitions()) {
            collect(d.expr(), definedSoFar, out);
            definedSoFar.add(d.name());
        }
        collect(p.output(), definedSoFar, out);
        return List.copyOf(out);
    }

    private static void collect(Expr e, Set<String> defined, Set<String> out) {
        for (Var v : varsInOrder(e)) {
            if (!defined.contains(v.name())) {
                out.add(v.name());
            }
        }
    }

    /**
     * The names in an expression, left to right, without recursion: a flat chain of thousands of terms is a syntax
     * tree as deep as it is long.
     */
    static List<Var> varsInOrder(Expr root) {
        List<Var> out = new ArrayList<>();
        java.util.ArrayDeque<Expr> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            if (e instanceof Var v) {
                out.add(v);
            } else if (e instanceof Apply a) {
                for (int i = a.args().size() - 1; i >= 0; i--) {
                    stack.push(a.args().get(i));
                }
            }
        }
        return out;
    }

    private Program program() {
        List<Definition> definitions = new ArrayList<>();
        skipNewlines();
        while (true) {
            if (peek().type() == Type.NAME && peek(1).type() == Type.ASSIGN) {
                Token name = next();
                next();
                if (Op.function(name.text()) != null) {
                    throw source.error("'" + name.text() + "' is a function and cannot be defined", name.offset());
                }
                if (variables.contains(name.text())) {
                    throw source.error("'" + name.text() + "' has a value already and cannot also be defined",
                            name.offset());
                }
                if (defined.contains(name.text())) {
                    throw source.error("'" + name.text() + "' is defined twice", name.offset());
                }
                Expr e = sum();
                defined.add(name.text());
                definitions.add(new Definition(name.text(), e, name.offset()));
                if (peek().type() == Type.END) {
                    // a last line "L = ..." is the output, named L
                    return checked(new Program(definitions, new Var(name.text(), name.offset()), source));
                }
                expectLineEnd();
            } else {
                Expr output = sum();
                skipNewlines();
                if (peek().type() != Type.END) {
                    throw unexpected("the end of the expression");
                }
                return checked(new Program(definitions, output, source));
            }
        }
    }

    /** A definition may use only names defined above it: no cycles, no use before definition. */
    private Program checked(Program p) {
        Set<String> notYet = new HashSet<>();
        p.definitions().forEach(d -> notYet.add(d.name()));
        for (int i = 0; i < p.definitions().size(); i++) {
            Var late = firstUseOf(p.definitions().get(i).expr(), notYet);
            notYet.remove(p.definitions().get(i).name());
            if (late != null) {
                throw source.error("'" + late.name() + "' is used before it is defined", late.offset());
            }
        }
        return p;
    }

    private static Var firstUseOf(Expr e, Set<String> names) {
        for (Var v : varsInOrder(e)) {
            if (names.contains(v.name())) {
                return v;
            }
        }
        return null;
    }

    private Expr sum() {
        Expr left = product();
        while (peek().type() == Type.PLUS || peek().type() == Type.MINUS) {
            Token op = next();
            Expr right = product();
            left = new Apply(op.type() == Type.PLUS ? Op.ADD : Op.SUB, List.of(left, right), op.offset());
        }
        return left;
    }

    private Expr product() {
        Expr left = unary();
        while (true) {
            Type t = peek().type();
            if (t == Type.STAR || t == Type.SLASH) {
                Token op = next();
                Expr right = unary();
                left = new Apply(t == Type.STAR ? Op.MUL : Op.DIV, List.of(left, right), op.offset());
            } else if (t == Type.NAME || t == Type.LPAREN) {
                // implicit multiplication: 2x, 2(x+y), (a)(b), x(y+1)
                int at = peek().offset();
                Expr right = unary();
                left = new Apply(Op.MUL, List.of(left, right), at);
            } else if (t == Type.NUMBER) {
                throw source.error("a number cannot follow here; write an operator such as * before "
                        + peek().text(), peek().offset());
            } else {
                return left;
            }
        }
    }

    private Expr unary() {
        if (peek().type() == Type.MINUS || peek().type() == Type.PLUS) {
            Token op = next();
            enter(op);
            Expr operand = unary();
            depth--;
            return op.type() == Type.MINUS ? new Apply(Op.NEG, List.of(operand), op.offset()) : operand;
        }
        return power();
    }

    private Expr power() {
        Expr base = atom();
        if (peek().type() == Type.POWER) {
            Token op = next();
            enter(op);
            Expr exponent = unary();
            depth--;
            return new Apply(Op.POW, List.of(base, exponent), op.offset());
        }
        return base;
    }

    private Expr atom() {
        Token t = peek();
        switch (t.type()) {
            case NUMBER -> {
                next();
                return new Num(t.number(), t.text(), t.offset());
            }
            case LPAREN -> {
                next();
                enter(t);
                Expr inner = sum();
                depth--;
                expect(Type.RPAREN, "')' to close the '(' at column " + column(t.offset()));
                return inner;
            }
            case NAME -> {
                next();
                return name(t);
            }
            default -> throw unexpected("a number, a name or '('");
        }
    }

    private Expr name(Token t) {
        Op function = Op.function(t.text());
        if (function != null && !variables.contains(t.text())) {
            if (peek().type() != Type.LPAREN) {
                throw source.error("the function " + t.text() + " needs its arguments in parentheses: " + t.text()
                        + "(…)", t.offset());
            }
            Token open = next();
            enter(open);
            List<Expr> args = new ArrayList<>();
            if (peek().type() != Type.RPAREN) {
                args.add(sum());
                while (peek().type() == Type.COMMA) {
                    next();
                    args.add(sum());
                }
            }
            depth--;
            expect(Type.RPAREN, "')' to close " + t.text() + "(");
            if (args.size() != function.arity()) {
                throw source.error(t.text() + " takes " + function.arity() + " argument" + (function.arity() == 1 ? "" : "s")
                        + ", not " + args.size(), t.offset());
            }
            return new Apply(function, args, t.offset());
        }
        if (known(t.text())) {
            return new Var(t.text(), t.offset());
        }
        List<String> pieces = split(t.text());
        if (pieces == null) {
            return new Var(t.text(), t.offset());
        }
        Expr product = new Var(pieces.get(0), t.offset());
        int offset = t.offset() + pieces.get(0).length();
        for (int i = 1; i < pieces.size(); i++) {
            product = new Apply(Op.MUL, List.of(product, new Var(pieces.get(i), offset)), offset);
            offset += pieces.get(i).length();
        }
        return product;
    }

    private boolean known(String name) {
        return variables.contains(name) || defined.contains(name);
    }

    /** {@code xy} as x, y when both are known; null when the run of letters cannot be read as known names. */
    private List<String> split(String run) {
        // cut[i]: where the piece starting at i ends in a reading of run[i..] (longest names first), or -1
        int n = run.length();
        int[] cut = new int[n + 1];
        java.util.Arrays.fill(cut, -1);
        cut[n] = n;
        for (int i = n - 1; i >= 0; i--) {
            for (int end = n; end > i; end--) {
                if (cut[end] >= 0 && known(run.substring(i, end))) {
                    cut[i] = end;
                    break;
                }
            }
        }
        if (cut[0] < 0) {
            return null;
        }
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < n; i = cut[i]) {
            pieces.add(run.substring(i, cut[i]));
        }
        return pieces;
    }

    private void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw source.error("the expression is nested more than " + MAX_DEPTH + " levels deep", at.offset());
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Type.END) {
            pos++;
        }
        return t;
    }

    private void expect(Type type, String what) {
        if (peek().type() != type) {
            throw unexpected(what);
        }
        next();
    }

    private void expectLineEnd() {
        if (peek().type() != Type.NEWLINE) {
            throw unexpected("a new line after the definition");
        }
        skipNewlines();
    }

    private void skipNewlines() {
        while (peek().type() == Type.NEWLINE) {
            next();
        }
    }

    private ExpressionException unexpected(String expected) {
        Token t = peek();
        String found = switch (t.type()) {
            case END -> "the end of the expression";
            case NEWLINE -> "the end of the line";
            default -> "'" + t.text() + "'";
        };
        return source.error("expected " + expected + " but found " + found, t.offset());
    }

    private int column(int offset) {
        return offset - (source.text().lastIndexOf('\n', Math.max(0, offset - 1)) + 1) + 1;
    }
}
