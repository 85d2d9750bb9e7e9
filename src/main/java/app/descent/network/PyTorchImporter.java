package app.descent.network;

import app.descent.network.ImportResult.IgnoredLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads PyTorch code as it appears in exams and notebooks and builds the network it describes. The code is parsed,
 * never executed. Understood:
 * <ul>
 * <li>imports ({@code import torch}, {@code import torch.nn as nn}, {@code from torch import nn},
 * {@code import torchvision.models as models}, {@code from torchvision import models}, {@code from torch.nn import Linear});
 * other imports are accepted without effect</li>
 * <li>number assignments ({@code n_hidden = 2*n_input}) and arithmetic in arguments (+ - * / // % **, parentheses)</li>
 * <li>{@code nn.Sequential(...)} (nested, multi-line, trailing commas, comments, {@code OrderedDict} of named layers),
 * any layer of the {@link LayerType} catalog, fully qualified or not</li>
 * <li>torchvision constructors ({@code models.vgg16(pretrained=True)}, {@code weights=...} ignored, {@code num_classes=} used)</li>
 * <li>freezing: {@code for param in model.features[-6:].parameters(): param.requires_grad = False} (body on the same or
 * the next indented line), {@code model.parameters()}, {@code model.features.requires_grad_(False)}</li>
 * <li>replacement: {@code model.classifier[6] = nn.Linear(4096, 10)}, {@code model.fc = nn.Linear(512, 10)} (new layers trainable)</li>
 * <li>the input: {@code x = torch.randn(100, 10)} / rand / zeros / ones / empty / randint / full, sizes as arguments,
 * a tuple or {@code size=}; a tensor passed to the network ({@code net(x)}) wins over other tensors</li>
 * <li>no-ops on the network: {@code model.eval()}, {@code model = model.to(device)}</li>
 * </ul>
 * Anything else is returned as an {@link IgnoredLine}. Malformed code (unbalanced brackets, a syntax error on a line
 * that builds the network, an unknown nn layer, bad arguments) throws a {@link NetworkException} naming the line.
 */
public final class PyTorchImporter {

    public static ImportResult importCode(String code) {
        return new PyTorchImporter(code).run();
    }

    public static ImportResult importFile(Path file) {
        try {
            return importCode(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new NetworkException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new NetworkException("cannot read " + file + ": not UTF-8 text", e);
        }
    }

    // ============================================================================================ tokens

    private enum T { NAME, NUMBER, STRING, OP, ERROR }

    private record Tok(T kind, String text, Object value, int line, int col) {
        boolean is(String s) {
            return (kind == T.OP || kind == T.NAME) && text.equals(s);
        }
    }

    /** A logical line: its tokens, the first physical line, the indentation, the text. */
    private record Stmt(List<Tok> toks, int line, int indent, String text) {
    }

    private static final int MAX_DEPTH = 200;

    private final String code;
    private final String[] physical;

    private PyTorchImporter(String code) {
        this.code = code.replace("\r\n", "\n").replace('\r', '\n');
        this.physical = this.code.split("\n", -1);
    }

    private List<Stmt> tokenize() {
        List<Stmt> out = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        Deque<Tok> brackets = new ArrayDeque<>();
        int i = 0;
        int line = 1;
        int lineStart = 0;
        String s = code;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int col = i - lineStart;
            if (c == '\n') {
                if (brackets.isEmpty() && !cur.isEmpty()) {
                    out.add(stmt(cur));
                    cur = new ArrayList<>();
                }
                i++;
                line++;
                lineStart = i;
            } else if (c == ' ' || c == '\t' || c == '\f') {
                i++;
            } else if (c == '#') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\\' && i + 1 < n && s.charAt(i + 1) == '\n') {
                i += 2;
                line++;
                lineStart = i;
            } else if (Character.isJavaIdentifierStart(c) && c != '$') {
                int j = i;
                while (j < n && Character.isJavaIdentifierPart(s.charAt(j)) && s.charAt(j) != '$') {
                    j++;
                }
                String word = s.substring(i, j);
                if (j < n && (s.charAt(j) == '\'' || s.charAt(j) == '"') && word.length() <= 2
                        && word.toLowerCase().chars().allMatch(ch -> "rbfu".indexOf(ch) >= 0)) {
                    int[] end = new int[2];
                    String str = readString(s, j, line, end, word.toLowerCase().contains("r"));
                    cur.add(new Tok(T.STRING, s.substring(i, end[0]), word.toLowerCase().contains("f") ? null : str, line, col));
                    for (int k = i; k < end[0]; k++) {
                        if (s.charAt(k) == '\n') {
                            line++;
                            lineStart = k + 1;
                        }
                    }
                    i = end[0];
                } else {
                    cur.add(new Tok(T.NAME, word, null, line, col));
                    i = j;
                }
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                int j = i;
                boolean isFloat = false;
                if (c == '0' && j + 1 < n && "xXoObB".indexOf(s.charAt(j + 1)) >= 0) {
                    j += 2;
                    while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                        j++;
                    }
                } else {
                    while (j < n) {
                        char d = s.charAt(j);
                        if (Character.isDigit(d) || d == '_') {
                            j++;
                        } else if (d == '.') {
                            isFloat = true;
                            j++;
                        } else if ((d == 'e' || d == 'E') && j + 1 < n && (Character.isDigit(s.charAt(j + 1))
                                || (s.charAt(j + 1) == '-' || s.charAt(j + 1) == '+') && j + 2 < n && Character.isDigit(s.charAt(j + 2)))) {
                            isFloat = true;
                            j += 2;
                        } else {
                            break;
                        }
                    }
                }
                String text = s.substring(i, j);
                cur.add(new Tok(T.NUMBER, text, number(text, isFloat, line), line, col));
                i = j;
            } else if (c == '\'' || c == '"') {
                int[] end = new int[2];
                String str = readString(s, i, line, end, false);
                cur.add(new Tok(T.STRING, s.substring(i, end[0]), str, line, col));
                for (int k = i; k < end[0]; k++) {
                    if (s.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = end[0];
            } else if ("([{".indexOf(c) >= 0) {
                Tok t = new Tok(T.OP, String.valueOf(c), null, line, col);
                if (brackets.size() > MAX_DEPTH) {
                    throw new NetworkException("line " + line + ": brackets nested too deeply");
                }
                brackets.push(t);
                cur.add(t);
                i++;
            } else if (")]}".indexOf(c) >= 0) {
                if (brackets.isEmpty()) {
                    throw new NetworkException("line " + line + ": unmatched '" + c + "'");
                }
                Tok open = brackets.pop();
                char want = open.text.equals("(") ? ')' : open.text.equals("[") ? ']' : '}';
                if (c != want) {
                    throw new NetworkException("line " + line + ": closing '" + c + "' does not match '" + open.text + "' on line " + open.line);
                }
                cur.add(new Tok(T.OP, String.valueOf(c), null, line, col));
                i++;
            } else {
                String op = null;
                for (String cand : new String[] {"**=", "//=", "...", "**", "//", "==", "!=", "<=", ">=", "->", "+=", "-=", "*=", "/=",
                        "%=", ":=", "<<", ">>"}) {
                    if (s.startsWith(cand, i)) {
                        op = cand;
                        break;
                    }
                }
                if (op == null && "+-*/%@=<>,:;.~&|^".indexOf(c) >= 0) {
                    op = String.valueOf(c);
                }
                if (op == null) {
                    cur.add(new Tok(T.ERROR, String.valueOf(c), null, line, col));
                    i++;
                } else {
                    cur.add(new Tok(T.OP, op, null, line, col));
                    i += op.length();
                }
            }
        }
        if (!brackets.isEmpty()) {
            Tok open = brackets.pop();
            throw new NetworkException("line " + open.line + ": '" + open.text + "' is never closed");
        }
        if (!cur.isEmpty()) {
            out.add(stmt(cur));
        }
        return out;
    }

    private Stmt stmt(List<Tok> toks) {
        int first = toks.get(0).line;
        int last = toks.get(toks.size() - 1).line;
        StringBuilder text = new StringBuilder();
        for (int l = first; l <= last && l - 1 < physical.length; l++) {
            String p = physical[l - 1].strip();
            if (!p.isEmpty()) {
                text.append(text.length() == 0 ? "" : " ").append(p);
            }
        }
        return new Stmt(List.copyOf(toks), first, toks.get(0).col, text.toString());
    }

    private static Object number(String text, boolean isFloat, int line) {
        String t = text.replace("_", "");
        try {
            if (isFloat) {
                return Double.parseDouble(t);
            }
            String lower = t.toLowerCase();
            if (lower.startsWith("0x")) {
                return Long.parseLong(t.substring(2), 16);
            }
            if (lower.startsWith("0o")) {
                return Long.parseLong(t.substring(2), 8);
            }
            if (lower.startsWith("0b")) {
                return Long.parseLong(t.substring(2), 2);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new NetworkException("line " + line + ": bad or too large number '" + text + "'");
        }
    }

    private static String readString(String s, int start, int line, int[] end, boolean raw) {
        char q = s.charAt(start);
        boolean triple = s.startsWith(String.valueOf(q).repeat(3), start);
        int i = start + (triple ? 3 : 1);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw new NetworkException("line " + line + ": unterminated string");
            }
            char c = s.charAt(i);
            if (triple ? s.startsWith(String.valueOf(q).repeat(3), i) : c == q) {
                end[0] = i + (triple ? 3 : 1);
                return sb.toString();
            }
            if (c == '\n' && !triple) {
                throw new NetworkException("line " + line + ": unterminated string");
            }
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                if (raw) {
                    sb.append(c).append(e);
                } else {
                    sb.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                }
                i += 2;
                continue;
            }
            sb.append(c);
            i++;
        }
    }

    // ============================================================================================ syntax tree

    private sealed interface Node permits Lit, Name, Attr, Call, Sub, Seq, Bin, Unary, Slice, Opaque, Star {
    }

    private record Lit(Object value) implements Node {
    }

    private record Name(String id, Tok tok) implements Node {
    }

    private record Attr(Node target, String name) implements Node {
    }

    private record Call(Node fn, List<Node> args, LinkedHashMap<String, Node> kwargs, int line) implements Node {
    }

    private record Sub(Node target, Node index) implements Node {
    }

    private record Seq(List<Node> items, boolean tuple) implements Node {
    }

    private record Bin(String op, Node left, Node right) implements Node {
    }

    private record Unary(String op, Node operand) implements Node {
    }

    private record Slice(Node start, Node end, Node step) implements Node {
    }

    /** Valid Python the importer does not evaluate (comparisons, dicts, lambdas, f-strings). */
    private record Opaque(String what) implements Node {
    }

    private record Star(Node inner, boolean dict) implements Node {
    }

    private static final class SyntaxError extends RuntimeException {
        final Tok at;

        SyntaxError(String message, Tok at) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private static final class Parser {
        final List<Tok> toks;
        int pos;
        int depth;
        final int line;

        Parser(List<Tok> toks, int line) {
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
                throw new SyntaxError("expected '" + s + "' but found '" + t.text + "'", t);
            }
        }

        void end() {
            if (!atEnd()) {
                throw new SyntaxError("unexpected '" + peek().text + "'", peek());
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
            if (++depth > MAX_DEPTH) {
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
                String op = next().text;
                n = new Bin(op, n, term());
            }
            return n;
        }

        Node term() {
            Node n = factor();
            while (peekIs("*") || peekIs("/") || peekIs("//") || peekIs("%") || peekIs("@")) {
                String op = next().text;
                n = new Bin(op, n, factor());
            }
            return n;
        }

        Node factor() {
            if (peekIs("-") || peekIs("+") || peekIs("~")) {
                String op = next().text;
                if (++depth > MAX_DEPTH) {
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
                    if (name.kind != T.NAME) {
                        throw new SyntaxError("expected a name after '.' but found '" + name.text + "'", name);
                    }
                    n = new Attr(n, name.text);
                } else if (peekIs("(")) {
                    Tok open = next();
                    n = callArgs(n, open.line);
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
                    boolean dict = next().text.equals("**");
                    args.add(new Star(test(), dict));
                } else if (peek() != null && peek().kind == T.NAME && pos + 1 < toks.size() && toks.get(pos + 1).is("=")) {
                    Tok name = next();
                    next();
                    if (kwargs.containsKey(name.text)) {
                        throw new SyntaxError("keyword argument repeated: " + name.text, name);
                    }
                    kwargs.put(name.text, test());
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
            switch (t.kind) {
                case NUMBER:
                    return new Lit(t.value);
                case STRING: {
                    boolean opaque = t.value == null;
                    StringBuilder sb = new StringBuilder(opaque ? "" : (String) t.value);
                    while (peek() != null && peek().kind == T.STRING) {
                        Tok more = next();
                        opaque |= more.value == null;
                        if (!opaque) {
                            sb.append((String) more.value);
                        }
                    }
                    return opaque ? new Opaque("f-string") : new Lit(sb.toString());
                }
                case NAME:
                    switch (t.text) {
                        case "True":
                            return new Lit(Boolean.TRUE);
                        case "False":
                            return new Lit(Boolean.FALSE);
                        case "None":
                            return new Lit(null);
                        case "if", "else", "for", "in", "and", "or", "not", "is", "import", "from", "def", "class", "return",
                             "while", "with", "as", "pass", "del", "global", "try", "except", "finally", "raise", "elif", "yield":
                            throw new SyntaxError("unexpected keyword '" + t.text + "'", t);
                        default:
                            return new Name(t.text, t);
                    }
                case OP:
                    switch (t.text) {
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
                            throw new SyntaxError("unexpected '" + t.text + "'", t);
                    }
                default:
                    throw new SyntaxError("unexpected character '" + t.text + "'", t);
            }
        }

        Node unaryStar() {
            next();
            return test();
        }
    }

    // ============================================================================================ values

    /** A dotted name that is not a value of its own: a module like torch.nn or an unknown attribute. */
    private record Qual(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A part of a module variable: var + selector ("features[-6:]", "" for all). */
    private record ModRef(String var, String selector) {
    }

    private record Tensor(List<Integer> shape) {
    }

    private record NamedModules(List<NetworkNode> modules) {
    }

    /** The result of something the importer understands but does not model (a forward pass output). */
    private record Opaq(String what) {
    }

    private static final class NotUnderstood extends RuntimeException {
        NotUnderstood(String message) {
            super(message, null, false, false);
        }
    }

    // ============================================================================================ state

    private final Map<String, Object> vars = new HashMap<>();
    private final List<IgnoredLine> ignored = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** The imports a snippet from a slide usually leaves out, by the name the code uses. */
    private static final Map<String, String[]> USUAL_IMPORTS = Map.of(
            "torch", new String[] {"torch", "import torch"},
            "nn", new String[] {"torch.nn", "import torch.nn as nn"},
            "models", new String[] {"torchvision.models", "import torchvision.models as models"},
            "F", new String[] {"torch.nn.functional", "import torch.nn.functional as F"},
            "torchvision", new String[] {"torchvision", "import torchvision"});
    private String networkVar;
    private List<Integer> lastTensor;
    private List<Integer> forwardInput;
    private int line;

    private ImportResult run() {
        List<Stmt> stmts = new ArrayList<>();
        for (Stmt s : tokenize()) {
            stmts.addAll(splitSemicolons(s));
        }
        int i = 0;
        while (i < stmts.size()) {
            Stmt s = stmts.get(i);
            line = s.line;
            Tok first = s.toks.get(0);
            if (first.is("for") && endsWithColon(s)) {
                int j = i + 1;
                List<Stmt> body = new ArrayList<>();
                while (j < stmts.size() && stmts.get(j).indent > s.indent) {
                    body.add(stmts.get(j));
                    j++;
                }
                forLoop(s, body);
                i = j;
                continue;
            }
            if (s.indent > 0) {
                ignore(s, "inside a block the importer does not run");
            } else {
                statement(s);
            }
            i++;
        }
        if (networkVar == null) {
            Object lone = null;
            for (Object v : vars.values()) {
                if (v instanceof Layer) {
                    lone = v;
                }
            }
            if (lone == null) {
                throw new NetworkException("no network found: expected nn.Sequential(...) or a torchvision model such as models.vgg16()");
            }
            return new ImportResult(new Network(Container.sequential("", List.of((Layer) lone))), input(), ignored, notes);
        }
        Object v = vars.get(networkVar);
        Network net = v instanceof Network nw ? nw : new Network(Container.sequential("", List.of((Layer) v)));
        return new ImportResult(net, input(), ignored, notes);
    }

    private Optional<List<Integer>> input() {
        return Optional.ofNullable(forwardInput != null ? forwardInput : lastTensor);
    }

    private static boolean endsWithColon(Stmt s) {
        return s.toks.get(s.toks.size() - 1).is(":");
    }

    private List<Stmt> splitSemicolons(Stmt s) {
        List<Stmt> out = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        int depth = 0;
        for (Tok t : s.toks) {
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
            }
            if (t.is(";") && depth == 0) {
                if (!cur.isEmpty()) {
                    out.add(new Stmt(List.copyOf(cur), s.line, s.indent, s.text));
                }
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        if (!cur.isEmpty()) {
            out.add(new Stmt(List.copyOf(cur), s.line, s.indent, s.text));
        }
        return out;
    }

    private void ignore(Stmt s, String reason) {
        if (!ignored.isEmpty()) {
            IgnoredLine last = ignored.get(ignored.size() - 1);
            if (last.line() == s.line && last.text().equals(s.text)) {
                return; // one entry per line when a line holds several statements
            }
        }
        ignored.add(new IgnoredLine(s.line, s.text, reason));
    }

    private NetworkException error(String message) {
        return new NetworkException("line " + line + ": " + message);
    }

    private NetworkException located(NetworkException e) {
        return e.getMessage().startsWith("line ") ? e : new NetworkException("line " + line + ": " + e.getMessage(), e);
    }

    private static final java.util.Set<String> BLOCK_KEYWORDS = java.util.Set.of("def", "class", "if", "elif", "else", "while", "with",
            "return", "try", "except", "finally", "raise", "pass", "assert", "del", "global", "nonlocal", "yield", "async", "break",
            "continue", "for", "lambda", "match", "case", "await");

    private void statement(Stmt s) {
        Tok first = s.toks.get(0);
        if (first.is("import") || first.is("from")) {
            imports(s);
            return;
        }
        if (first.kind == T.NAME && BLOCK_KEYWORDS.contains(first.text) && !(first.text.equals("match") || first.text.equals("case"))
                || first.is("@")) {
            if (first.is("for")) {
                forLoop(s, List.of());
                return;
            }
            ignore(s, "'" + first.text + "' statements are not read");
            return;
        }
        int eq = topLevel(s.toks, "=");
        assumeUsualImports(s.toks.subList(eq + 1, s.toks.size()));
        try {
            if (eq >= 0) {
                Parser tp = new Parser(s.toks.subList(0, eq), s.line);
                Node target = tp.exprList();
                tp.end();
                Parser vp = new Parser(s.toks.subList(eq + 1, s.toks.size()), s.line);
                if (topLevel(s.toks.subList(eq + 1, s.toks.size()), "=") >= 0) {
                    ignore(s, "chained assignment");
                    return;
                }
                Node value = vp.exprList();
                vp.end();
                assign(s, target, value);
            } else {
                for (Tok t : s.toks) {
                    if (t.kind == T.OP && t.text.endsWith("=") && t.text.length() == 2 && "+-*/%".indexOf(t.text.charAt(0)) >= 0
                            || t.is("//=") || t.is("**=") || t.is(":=")) {
                        ignore(s, "augmented assignment");
                        return;
                    }
                }
                Parser p = new Parser(s.toks, s.line);
                Node e = p.exprList();
                p.end();
                expressionStatement(s, e);
            }
        } catch (SyntaxError e) {
            if (mentionsNetwork(s)) {
                int l = e.at == null ? s.line : e.at.line;
                throw new NetworkException("line " + l + ": syntax error: " + e.getMessage());
            }
            ignore(s, "not Python the importer understands (" + e.getMessage() + ")");
        } catch (NotUnderstood e) {
            ignore(s, e.getMessage());
        } catch (NetworkException e) {
            throw located(e);
        }
    }

    /**
     * A name such as {@code nn} or {@code torch} used without its import (a snippet pasted from a slide) is read as
     * if the usual import line were written, and a note says so, once per name.
     */
    private void assumeUsualImports(List<Tok> toks) {
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.kind != T.NAME || vars.containsKey(t.text) || !USUAL_IMPORTS.containsKey(t.text)) {
                continue;
            }
            boolean attribute = i > 0 && toks.get(i - 1).is(".");
            boolean keyword = i + 1 < toks.size() && toks.get(i + 1).is("=");
            boolean used = i + 1 < toks.size() && toks.get(i + 1).is(".");
            if (!attribute && !keyword && used) {
                String[] usual = USUAL_IMPORTS.get(t.text);
                vars.put(t.text, new Qual(usual[0]));
                notes.add("line " + t.line + ": no import for '" + t.text + "'; read as if '" + usual[1] + "' were written");
            }
        }
    }

    /** Whether a statement refers to torch modules or a module variable (then a syntax error is an error, not noise). */
    private boolean mentionsNetwork(Stmt s) {
        for (Tok t : s.toks) {
            if (t.kind == T.NAME) {
                Object v = vars.get(t.text);
                if (v instanceof Network || v instanceof Layer || v instanceof Qual q && (q.name.startsWith("torch.nn")
                        || q.name.startsWith("torchvision.models")) || LayerType.find(t.text).isPresent() || t.text.equals("Sequential")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int topLevel(List<Tok> toks, String op) {
        int depth = 0;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
            } else if (depth == 0 && t.is(op)) {
                return i;
            }
        }
        return -1;
    }

    // ============================================================================================ imports

    private void imports(Stmt s) {
        List<Tok> t = s.toks;
        try {
            if (t.get(0).is("import")) {
                int i = 1;
                while (i < t.size()) {
                    StringBuilder mod = new StringBuilder();
                    i = dotted(t, i, mod);
                    String alias = null;
                    if (i < t.size() && t.get(i).is("as")) {
                        alias = t.get(i + 1).text;
                        i += 2;
                    }
                    String m = mod.toString();
                    if (alias != null) {
                        vars.put(alias, new Qual(m));
                    } else {
                        String top = m.contains(".") ? m.substring(0, m.indexOf('.')) : m;
                        vars.put(top, new Qual(top));
                    }
                    if (i < t.size()) {
                        if (!t.get(i).is(",")) {
                            throw new SyntaxError("unexpected '" + t.get(i).text + "'", t.get(i));
                        }
                        i++;
                    }
                }
            } else {
                StringBuilder mod = new StringBuilder();
                int i = dotted(t, 1, mod);
                if (i >= t.size() || !t.get(i).is("import")) {
                    throw new SyntaxError("expected 'import'", i < t.size() ? t.get(i) : t.get(t.size() - 1));
                }
                i++;
                if (i < t.size() && t.get(i).is("(")) {
                    i++;
                }
                String m = mod.toString();
                while (i < t.size() && !t.get(i).is(")")) {
                    Tok name = t.get(i);
                    if (name.is("*")) {
                        if (m.equals("torch.nn")) {
                            for (LayerType lt : LayerType.catalog()) {
                                vars.put(lt.name(), new Qual("torch.nn." + lt.name()));
                            }
                            vars.put("Sequential", new Qual("torch.nn.Sequential"));
                        } else if (m.equals("torchvision.models")) {
                            for (String z : ModelZoo.TORCHVISION) {
                                vars.put(z, new Qual("torchvision.models." + z));
                            }
                        }
                        i++;
                    } else {
                        if (name.kind != T.NAME) {
                            throw new SyntaxError("unexpected '" + name.text + "'", name);
                        }
                        String alias = name.text;
                        i++;
                        if (i < t.size() && t.get(i).is("as")) {
                            alias = t.get(i + 1).text;
                            i += 2;
                        }
                        vars.put(alias, new Qual(m + "." + name.text));
                    }
                    if (i < t.size() && t.get(i).is(",")) {
                        i++;
                    }
                }
            }
        } catch (SyntaxError | IndexOutOfBoundsException e) {
            throw error("syntax error in import");
        }
    }

    private static int dotted(List<Tok> t, int i, StringBuilder out) {
        while (i < t.size() && (t.get(i).kind == T.NAME && !t.get(i).is("import") && !t.get(i).is("as") || t.get(i).is("."))) {
            out.append(t.get(i).text);
            i++;
        }
        if (out.length() == 0) {
            throw new SyntaxError("expected a module name", i < t.size() ? t.get(i) : null);
        }
        return i;
    }

    // ============================================================================================ statements

    private void assign(Stmt s, Node target, Node valueNode) {
        if (target instanceof Name n) {
            Object value = eval(valueNode);
            if (value instanceof NetworkNode || value instanceof Network) {
                Object stored = value instanceof Container c ? new Network(c) : value;
                vars.put(n.id, stored);
                if (stored instanceof Network) {
                    networkVar = n.id;
                }
            } else if (value instanceof ModRef r) {
                NetworkNode node = resolve(r);
                if (r.selector.isEmpty()) {
                    vars.put(n.id, vars.get(r.var));
                    if (vars.get(r.var) instanceof Network) {
                        networkVar = n.id;
                    }
                } else {
                    vars.put(n.id, node instanceof Container c ? new Network(c) : node);
                }
            } else if (value instanceof Tensor t) {
                vars.put(n.id, t);
                lastTensor = t.shape;
            } else if (value instanceof Opaq) {
                vars.put(n.id, value);
            } else if (value instanceof Qual || value == null || value instanceof Long || value instanceof Double
                    || value instanceof Boolean || value instanceof String || value instanceof List || value instanceof NamedModules) {
                vars.put(n.id, value);
            } else {
                throw new NotUnderstood("value not understood");
            }
            return;
        }
        if (target instanceof Attr || target instanceof Sub) {
            Object where = eval(target instanceof Attr a ? a.target : ((Sub) target).index == null ? null : ((Sub) target).target);
            if (!(where instanceof ModRef base)) {
                throw new NotUnderstood("assignment to something that is not part of a network");
            }
            if (target instanceof Attr a && a.name.equals("requires_grad")) {
                throw new NotUnderstood("requires_grad on a module has no effect (use requires_grad_ or a parameters() loop)");
            }
            String selector = target instanceof Attr a ? join(base.selector, a.name) : base.selector + index(((Sub) target).index);
            Object value = eval(valueNode);
            NetworkNode node;
            if (value instanceof ModRef r) {
                node = resolve(r);
            } else if (value instanceof Network nw) {
                node = nw.root();
            } else if (value instanceof NetworkNode nn) {
                node = nn;
            } else {
                throw new NotUnderstood("assignment of something that is not a module");
            }
            Network net = network(base.var);
            try {
                net.node(selector);
            } catch (NetworkException e) {
                throw error("cannot replace " + PyTorchExporter.pyPath(base.var, selector.replaceAll("\\[(-?\\d+)]", ".$1"))
                        + ": " + e.getMessage());
            }
            vars.put(base.var, net.replace(selector, node.withTrainable(true)));
            networkVar = base.var;
            return;
        }
        throw new NotUnderstood("assignment target not understood");
    }

    private String index(Node idx) {
        Object v = idx instanceof Slice sl ? null : eval(idx);
        if (idx instanceof Slice sl) {
            if (sl.step != null) {
                throw new NotUnderstood("slice with a step");
            }
            Long a = sl.start == null ? null : asLong(eval(sl.start));
            Long b = sl.end == null ? null : asLong(eval(sl.end));
            return "[" + (a == null ? "" : a) + ":" + (b == null ? "" : b) + "]";
        }
        Long i = asLong(v);
        return "[" + i + "]";
    }

    private static Long asLong(Object v) {
        if (v instanceof Long l) {
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new NotUnderstood("index too large");
            }
            return l;
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        throw new NotUnderstood("index is not an integer");
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "." + b;
    }

    private Network network(String var) {
        Object v = vars.get(var);
        if (v instanceof Network n) {
            return n;
        }
        throw new NotUnderstood(var + " is not a network");
    }

    private NetworkNode resolve(ModRef r) {
        Object v = vars.get(r.var);
        if (v instanceof Layer l) {
            if (r.selector.isEmpty()) {
                return l;
            }
            throw error(r.var + " is a single layer and has no submodule " + r.selector);
        }
        Network net = network(r.var);
        if (r.selector.contains(":")) {
            List<NetworkNode> nodes = new ArrayList<>();
            for (String p : net.select(r.selector)) {
                nodes.add(net.node(p));
            }
            return Container.sequential("", nodes);
        }
        return net.node(r.selector);
    }

    private void expressionStatement(Stmt s, Node e) {
        if (e instanceof Lit l && l.value instanceof String) {
            return; // a docstring
        }
        Object v = eval(e);
        if (v instanceof Opaq || v instanceof ModRef) {
            return; // model.eval(), model.to(device), net(x), requires_grad_(...)
        }
        throw new NotUnderstood("expression has no effect on the network");
    }

    private void forLoop(Stmt header, List<Stmt> body) {
        List<Tok> t = header.toks;
        int colon = topLevel(t, ":");
        List<Stmt> all = new ArrayList<>();
        all.add(header);
        all.addAll(body);
        try {
            int in = topLevel(t, "in");
            if (in < 0 || colon < in) {
                throw new NotUnderstood("for loop not understood");
            }
            Parser tp = new Parser(t.subList(1, in), header.line);
            Node target = tp.exprList();
            tp.end();
            String loopVar;
            if (target instanceof Name n) {
                loopVar = n.id;
            } else if (target instanceof Seq sq && sq.items.size() == 2 && sq.items.get(1) instanceof Name n) {
                loopVar = n.id;
            } else {
                throw new NotUnderstood("for loop target not understood");
            }
            Parser ip = new Parser(t.subList(in + 1, colon), header.line);
            Node iter = ip.exprList();
            ip.end();
            if (!(iter instanceof Call c && c.fn instanceof Attr a && (a.name.equals("parameters") && target instanceof Name
                    || a.name.equals("named_parameters") && target instanceof Seq) && c.args.isEmpty())) {
                throw new NotUnderstood("only loops over .parameters() are read");
            }
            Object owner = eval(a.target);
            if (!(owner instanceof ModRef ref)) {
                throw new NotUnderstood("loop over parameters of something that is not a network");
            }
            List<List<Tok>> bodies = new ArrayList<>();
            if (colon < t.size() - 1) {
                bodies.add(t.subList(colon + 1, t.size()));
            }
            for (Stmt b : body) {
                bodies.add(b.toks);
            }
            if (bodies.isEmpty()) {
                throw new NotUnderstood("for loop without body");
            }
            Boolean value = null;
            for (List<Tok> b : bodies) {
                Boolean v = requiresGrad(b, loopVar, header.line);
                if (v == null) {
                    throw new NotUnderstood("loop body not understood");
                }
                value = v;
            }
            apply(ref, value);
        } catch (NotUnderstood | SyntaxError e) {
            for (Stmt s : all) {
                line = s.line;
                ignore(s, e.getMessage());
            }
        } catch (NetworkException e) {
            throw located(e);
        }
    }

    private void apply(ModRef ref, boolean trainable) {
        Object v = vars.get(ref.var);
        if (v instanceof Layer l && ref.selector.isEmpty()) {
            vars.put(ref.var, l.withTrainable(trainable));
            return;
        }
        Network net = network(ref.var);
        vars.put(ref.var, net.setTrainable(ref.selector, trainable));
        networkVar = ref.var;
    }

    /** {@code p.requires_grad = False} or {@code p.requires_grad_(False)}; null if the statement is something else. */
    private Boolean requiresGrad(List<Tok> toks, String loopVar, int l) {
        int eq = topLevel(toks, "=");
        Parser p = new Parser(eq >= 0 ? toks.subList(0, eq) : toks, l);
        Node lhs = p.exprList();
        p.end();
        if (eq >= 0) {
            if (lhs instanceof Attr a && a.target instanceof Name n && n.id.equals(loopVar) && a.name.equals("requires_grad")) {
                Parser vp = new Parser(toks.subList(eq + 1, toks.size()), l);
                Node v = vp.exprList();
                vp.end();
                if (v instanceof Lit lit && lit.value instanceof Boolean b) {
                    return b;
                }
            }
            return null;
        }
        if (lhs instanceof Call c && c.fn instanceof Attr a && a.target instanceof Name n && n.id.equals(loopVar)
                && a.name.equals("requires_grad_")) {
            if (c.args.isEmpty() && c.kwargs.isEmpty()) {
                return true;
            }
            Node arg = c.args.isEmpty() ? c.kwargs.get("requires_grad") : c.args.get(0);
            if (arg instanceof Lit lit && lit.value instanceof Boolean b) {
                return b;
            }
        }
        return null;
    }

    // ============================================================================================ evaluation

    private Object eval(Node node) {
        if (node instanceof Lit l) {
            return l.value;
        }
        if (node instanceof Name n) {
            if (!vars.containsKey(n.id)) {
                throw new NotUnderstood("name '" + n.id + "' is not defined");
            }
            Object v = vars.get(n.id);
            if (v instanceof Network || v instanceof Layer) {
                return new ModRef(n.id, "");
            }
            return v;
        }
        if (node instanceof Attr a) {
            Object base = eval(a.target);
            if (base instanceof Qual q) {
                return new Qual(q.name + "." + a.name);
            }
            if (base instanceof ModRef r) {
                return new ModRef(r.var, join(r.selector, a.name));
            }
            throw new NotUnderstood("attribute ." + a.name + " not understood");
        }
        if (node instanceof Sub s) {
            Object base = eval(s.target);
            if (base instanceof ModRef r) {
                return new ModRef(r.var, r.selector + index(s.index));
            }
            if (base instanceof List<?> list && !(s.index instanceof Slice)) {
                long i = asLong(eval(s.index));
                int size = list.size();
                int real = (int) (i < 0 ? i + size : i);
                if (real < 0 || real >= size) {
                    throw error("index " + i + " out of range");
                }
                return list.get(real);
            }
            throw new NotUnderstood("subscript not understood");
        }
        if (node instanceof Seq s) {
            List<Object> out = new ArrayList<>();
            for (Node item : s.items) {
                if (item instanceof Star) {
                    throw new NotUnderstood("unpacking not understood");
                }
                out.add(eval(item));
            }
            return out;
        }
        if (node instanceof Unary u) {
            Object v = eval(u.operand);
            if (u.op.equals("-")) {
                if (v instanceof Long l) {
                    return Math.negateExact(l);
                }
                if (v instanceof Double d) {
                    return -d;
                }
            } else if (u.op.equals("+") && (v instanceof Long || v instanceof Double)) {
                return v;
            }
            throw new NotUnderstood("operator " + u.op + " not understood here");
        }
        if (node instanceof Bin b) {
            return arithmetic(b.op, eval(b.left), eval(b.right));
        }
        if (node instanceof Call c) {
            return call(c);
        }
        if (node instanceof Opaque o) {
            throw new NotUnderstood(o.what + " not understood");
        }
        if (node instanceof Slice) {
            throw new NotUnderstood("slice not understood here");
        }
        throw new NotUnderstood("expression not understood");
    }

    private Object arithmetic(String op, Object a, Object b) {
        if (a instanceof Boolean x) {
            a = x ? 1L : 0L;
        }
        if (b instanceof Boolean x) {
            b = x ? 1L : 0L;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && op.equals("+")) {
            List<Object> out = new ArrayList<>(la);
            out.addAll(lb);
            return out;
        }
        if (!(a instanceof Long || a instanceof Double) || !(b instanceof Long || b instanceof Double)) {
            throw new NotUnderstood("operator " + op + " on values that are not numbers");
        }
        try {
            if (a instanceof Long x && b instanceof Long y) {
                switch (op) {
                    case "+":
                        return Math.addExact(x, y);
                    case "-":
                        return Math.subtractExact(x, y);
                    case "*":
                        return Math.multiplyExact(x, y);
                    case "//":
                        if (y == 0) {
                            throw error("integer division by zero");
                        }
                        return Math.floorDiv(x, y);
                    case "%":
                        if (y == 0) {
                            throw error("integer modulo by zero");
                        }
                        return Math.floorMod(x, y);
                    case "/":
                        if (y == 0) {
                            throw error("division by zero");
                        }
                        return (double) x / y;
                    case "**":
                        if (y < 0) {
                            return Math.pow(x, y);
                        }
                        long r = 1;
                        for (long k = 0; k < y; k++) {
                            r = Math.multiplyExact(r, x);
                            if (r == 0 || r == 1 && x == 1) {
                                break;
                            }
                            if (k > 64 && (x == -1)) {
                                return y % 2 == 0 ? 1L : -1L;
                            }
                        }
                        return r;
                    default:
                        throw new NotUnderstood("operator " + op + " not understood");
                }
            }
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            switch (op) {
                case "+":
                    return x + y;
                case "-":
                    return x - y;
                case "*":
                    return x * y;
                case "/":
                    if (y == 0) {
                        throw error("float division by zero");
                    }
                    return x / y;
                case "//":
                    if (y == 0) {
                        throw error("float floor division by zero");
                    }
                    return Math.floor(x / y);
                case "%":
                    if (y == 0) {
                        throw error("float modulo by zero");
                    }
                    return x - Math.floor(x / y) * y;
                case "**":
                    return Math.pow(x, y);
                default:
                    throw new NotUnderstood("operator " + op + " not understood");
            }
        } catch (ArithmeticException e) {
            throw error("number too large in arithmetic");
        }
    }

    private static final java.util.Set<String> TENSOR_FACTORIES = java.util.Set.of("randn", "rand", "zeros", "ones", "empty",
            "randint", "full");
    private static final java.util.Set<String> MODULE_NO_OPS = java.util.Set.of("to", "cuda", "cpu", "eval", "train", "float",
            "double", "half", "requires_grad_", "zero_grad");

    private Object call(Call c) {
        if (c.fn instanceof Attr a) {
            Object owner;
            try {
                owner = eval(a.target);
            } catch (NotUnderstood e) {
                owner = null;
            }
            if (owner instanceof ModRef r) {
                if (MODULE_NO_OPS.contains(a.name)) {
                    if (a.name.equals("requires_grad_")) {
                        boolean flag = true;
                        if (!c.args.isEmpty() || c.kwargs.containsKey("requires_grad")) {
                            Object v = eval(c.args.isEmpty() ? c.kwargs.get("requires_grad") : c.args.get(0));
                            if (!(v instanceof Boolean b)) {
                                throw new NotUnderstood("requires_grad_ needs True or False");
                            }
                            flag = b;
                        }
                        apply(r, flag);
                    } else {
                        resolve(r);
                    }
                    return r;
                }
                throw new NotUnderstood("method ." + a.name + "() not understood");
            }
        }
        if (c.fn instanceof Name n && !vars.containsKey(n.id)) {
            throw new NotUnderstood(n.id + "(...) is not read");
        }
        Object fn = eval(c.fn);
        if (fn instanceof ModRef r) {
            // a forward pass: net(x)
            if (c.args.size() == 1) {
                Object arg = eval(c.args.get(0));
                if (arg instanceof Tensor t && r.selector.isEmpty() && r.var.equals(networkVar)) {
                    forwardInput = t.shape;
                }
            }
            return new Opaq("forward pass");
        }
        if (!(fn instanceof Qual q)) {
            throw new NotUnderstood("call not understood");
        }
        String name = q.name;
        int dot = name.lastIndexOf('.');
        String module = dot < 0 ? "" : name.substring(0, dot);
        String simple = name.substring(dot + 1);
        if (module.equals("torch.nn") || module.equals("torch.nn.modules")) {
            return nnCall(c, simple);
        }
        if (module.equals("torchvision.models")) {
            return zooCall(c, simple);
        }
        if (module.equals("torch") && TENSOR_FACTORIES.contains(simple)) {
            return tensor(c, simple);
        }
        if (name.equals("collections.OrderedDict") || name.equals("OrderedDict")) {
            return orderedDict(c);
        }
        if (name.equals("int") && c.args.size() == 1 && c.kwargs.isEmpty()) {
            Object v = eval(c.args.get(0));
            if (v instanceof Long) {
                return v;
            }
            if (v instanceof Double d && Double.isFinite(d) && Math.abs(d) < 9e18) {
                return (long) (double) d;
            }
        }
        throw new NotUnderstood(name + "(...) not understood");
    }

    private Object nnCall(Call c, String simple) {
        if (simple.equals("Sequential")) {
            if (!c.kwargs.isEmpty()) {
                throw error("nn.Sequential takes no keyword arguments");
            }
            List<NetworkNode> children = new ArrayList<>();
            if (c.args.size() == 1) {
                Object only = inNn(c.args.get(0), "nn.Sequential");
                if (only instanceof NamedModules nm) {
                    return new Container("", Container.Kind.SEQUENTIAL, nm.modules, null, null, null);
                }
                children.add(module(only, "nn.Sequential", 0));
            } else {
                for (int i = 0; i < c.args.size(); i++) {
                    children.add(module(inNn(c.args.get(i), "nn.Sequential"), "nn.Sequential", i));
                }
            }
            return Container.sequential("", children);
        }
        if (LayerType.find(simple).isEmpty()) {
            throw error("nn." + simple + " is not supported (supported layers: "
                    + String.join(", ", LayerType.catalog().stream().map(LayerType::name).toList()) + ", Sequential)");
        }
        List<Object> args = new ArrayList<>();
        for (Node a : c.args) {
            args.add(argValue(inNn(a, "nn." + simple)));
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : c.kwargs.entrySet()) {
            kwargs.put(e.getKey(), argValue(inNn(e.getValue(), "nn." + simple)));
        }
        try {
            return new Layer("0", LayerSpec.of(simple, args, kwargs));
        } catch (NetworkException e) {
            throw error(e.getMessage());
        }
    }

    private static Object argValue(Object v) {
        if (v instanceof Qual q) {
            return new Qual(q.name); // device=..., dtype=torch.float32
        }
        return v;
    }

    private Object inNn(Node n, String where) {
        if (n instanceof Star) {
            throw error("unpacking (*args) in " + where + " is not supported");
        }
        try {
            return eval(n);
        } catch (NotUnderstood e) {
            throw error(e.getMessage() + " in " + where);
        }
    }

    private NetworkNode module(Object v, String where, int i) {
        if (v instanceof NetworkNode nn) {
            return nn;
        }
        if (v instanceof Network net) {
            return net.root();
        }
        if (v instanceof ModRef r) {
            return resolve(r);
        }
        throw error("argument " + (i + 1) + " of " + where + " is not a module: " + PyTorchExporter.literal(v));
    }

    private Object orderedDict(Call c) {
        if (c.args.size() != 1 || !c.kwargs.isEmpty()) {
            throw new NotUnderstood("OrderedDict form not understood");
        }
        Object v = eval(c.args.get(0));
        if (!(v instanceof List<?> items)) {
            throw new NotUnderstood("OrderedDict form not understood");
        }
        List<NetworkNode> mods = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof String key)) {
                throw new NotUnderstood("OrderedDict items must be (name, module) pairs");
            }
            NetworkNode m = module(pair.get(1), "OrderedDict", 0);
            if (key.isEmpty() || key.contains(".")) {
                throw error("module name '" + key + "' must be non-empty and contain no dot");
            }
            for (NetworkNode other : mods) {
                if (other.name().equals(key)) {
                    throw error("module name '" + key + "' appears twice");
                }
            }
            mods.add(m.withName(key));
        }
        return new NamedModules(mods);
    }

    private Object zooCall(Call c, String simple) {
        if (!ModelZoo.isTorchvision(simple)) {
            throw error("torchvision model '" + simple + "' is not in the model zoo (known: " + String.join(", ", ModelZoo.TORCHVISION) + ")");
        }
        int numClasses = 1000;
        for (Map.Entry<String, Node> e : c.kwargs.entrySet()) {
            switch (e.getKey()) {
                case "num_classes" -> {
                    Object v = inNn(e.getValue(), "models." + simple);
                    if (!(v instanceof Long l) || l < 1 || l > Integer.MAX_VALUE) {
                        throw error("models." + simple + " num_classes must be a positive integer");
                    }
                    numClasses = (int) (long) l;
                }
                case "pretrained", "weights", "progress", "aux_logits", "init_weights", "dropout" -> {
                    // architecture only: weights are not loaded
                }
                default -> throw error("models." + simple + " got an unexpected keyword argument '" + e.getKey() + "'");
            }
        }
        if (c.args.size() > 2) {
            throw error("models." + simple + " takes keyword arguments only");
        }
        return ModelZoo.create(simple, numClasses);
    }

    private Tensor tensor(Call c, String simple) {
        List<Object> sizes = new ArrayList<>();
        List<Node> args = c.args;
        if (simple.equals("randint")) {
            // randint(high, size) or randint(low, high, size)
            Node size = c.kwargs.get("size");
            if (size == null && !args.isEmpty()) {
                size = args.get(args.size() - 1);
            }
            if (size == null) {
                throw new NotUnderstood("torch.randint without size");
            }
            sizes.add(eval(size));
        } else if (simple.equals("full")) {
            Node size = c.kwargs.containsKey("size") ? c.kwargs.get("size") : args.isEmpty() ? null : args.get(0);
            if (size == null) {
                throw new NotUnderstood("torch.full without size");
            }
            sizes.add(eval(size));
        } else if (c.kwargs.containsKey("size")) {
            sizes.add(eval(c.kwargs.get("size")));
        } else {
            for (Node a : args) {
                sizes.add(eval(a));
            }
        }
        if (sizes.size() == 1 && sizes.get(0) instanceof List<?> l) {
            sizes = new ArrayList<>(l);
        }
        List<Integer> shape = new ArrayList<>();
        for (Object s : sizes) {
            if (!(s instanceof Long l)) {
                throw new NotUnderstood("tensor size is not an integer");
            }
            if (l < 0 || l > Integer.MAX_VALUE) {
                throw error("tensor size " + l + " out of range");
            }
            shape.add((int) (long) l);
        }
        return new Tensor(List.copyOf(shape));
    }
}
