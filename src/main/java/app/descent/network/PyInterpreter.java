package app.descent.network;

import app.descent.network.ImportResult.IgnoredLine;
import app.descent.network.PyLexer.Stmt;
import app.descent.network.PyLexer.T;
import app.descent.network.PyLexer.Tok;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static app.descent.network.PyLexer.endsWithColon;
import static app.descent.network.PyLexer.topLevel;
import static app.descent.network.PySyntax.*;

/**
 * Runs the statements of a snippet, without executing Python: imports, assignments (names, replaced submodules),
 * {@code requires_grad} loops and calls, forward passes; statements at deeper indentation and anything not
 * understood are ignored with a reason. The network is the last module variable assigned.
 */
final class PyInterpreter extends PyEvaluator {
    private final List<IgnoredLine> ignored = new ArrayList<>();

    private final List<String> notes = new ArrayList<>();

    /** The imports a snippet from a slide usually leaves out, by the name the code uses. */
    private static final Map<String, String[]> USUAL_IMPORTS = Map.of(
            "torch", new String[] {"torch", "import torch"},
            "nn", new String[] {"torch.nn", "import torch.nn as nn"},
            "models", new String[] {"torchvision.models", "import torchvision.models as models"},
            "F", new String[] {"torch.nn.functional", "import torch.nn.functional as F"},
            "torchvision", new String[] {"torchvision", "import torchvision"});

    private final List<Stmt> stmts;

    PyInterpreter(List<Stmt> stmts) {
        this.stmts = stmts;
    }

    ImportResult run() {
        int i = 0;
        while (i < stmts.size()) {
            Stmt s = stmts.get(i);
            line = s.line();
            Tok first = s.toks().get(0);
            if (first.is("for") && endsWithColon(s)) {
                int j = i + 1;
                List<Stmt> body = new ArrayList<>();
                while (j < stmts.size() && stmts.get(j).indent() > s.indent()) {
                    body.add(stmts.get(j));
                    j++;
                }
                forLoop(s, body);
                i = j;
                continue;
            }
            if (s.indent() > 0) {
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

    private void ignore(Stmt s, String reason) {
        if (!ignored.isEmpty()) {
            IgnoredLine last = ignored.get(ignored.size() - 1);
            if (last.line() == s.line() && last.text().equals(s.text())) {
                return; // one entry per line when a line holds several statements
            }
        }
        ignored.add(new IgnoredLine(s.line(), s.text(), reason));
    }

    private static final java.util.Set<String> BLOCK_KEYWORDS = java.util.Set.of("def", "class", "if", "elif", "else", "while", "with",
            "return", "try", "except", "finally", "raise", "pass", "assert", "del", "global", "nonlocal", "yield", "async", "break",
            "continue", "for", "lambda", "match", "case", "await");

    private void statement(Stmt s) {
        Tok first = s.toks().get(0);
        if (first.is("import") || first.is("from")) {
            imports(s);
            return;
        }
        if (first.kind() == T.NAME && BLOCK_KEYWORDS.contains(first.text()) && !(first.text().equals("match") || first.text().equals("case"))
                || first.is("@")) {
            if (first.is("for")) {
                forLoop(s, List.of());
                return;
            }
            ignore(s, "'" + first.text() + "' statements are not read");
            return;
        }
        int eq = topLevel(s.toks(), "=");
        assumeUsualImports(s.toks().subList(eq + 1, s.toks().size()));
        try {
            if (eq >= 0) {
                PyParser tp = new PyParser(s.toks().subList(0, eq), s.line());
                Node target = tp.exprList();
                tp.end();
                PyParser vp = new PyParser(s.toks().subList(eq + 1, s.toks().size()), s.line());
                if (topLevel(s.toks().subList(eq + 1, s.toks().size()), "=") >= 0) {
                    ignore(s, "chained assignment");
                    return;
                }
                Node value = vp.exprList();
                vp.end();
                assign(s, target, value);
            } else {
                for (Tok t : s.toks()) {
                    if (t.kind() == T.OP && t.text().endsWith("=") && t.text().length() == 2 && "+-*/%".indexOf(t.text().charAt(0)) >= 0
                            || t.is("//=") || t.is("**=") || t.is(":=")) {
                        ignore(s, "augmented assignment");
                        return;
                    }
                }
                PyParser p = new PyParser(s.toks(), s.line());
                Node e = p.exprList();
                p.end();
                expressionStatement(s, e);
            }
        } catch (SyntaxError e) {
            if (mentionsNetwork(s)) {
                int l = e.at == null ? s.line() : e.at.line();
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
            if (t.kind() != T.NAME || vars.containsKey(t.text()) || !USUAL_IMPORTS.containsKey(t.text())) {
                continue;
            }
            boolean attribute = i > 0 && toks.get(i - 1).is(".");
            boolean keyword = i + 1 < toks.size() && toks.get(i + 1).is("=");
            boolean used = i + 1 < toks.size() && toks.get(i + 1).is(".");
            if (!attribute && !keyword && used) {
                String[] usual = USUAL_IMPORTS.get(t.text());
                vars.put(t.text(), new Qual(usual[0]));
                notes.add("line " + t.line() + ": no import for '" + t.text() + "'; read as if '" + usual[1] + "' were written");
            }
        }
    }

    /** Whether a statement refers to torch modules or a module variable (then a syntax error is an error, not noise). */
    private boolean mentionsNetwork(Stmt s) {
        for (Tok t : s.toks()) {
            if (t.kind() == T.NAME) {
                Object v = vars.get(t.text());
                if (v instanceof Network || v instanceof Layer || v instanceof Qual q && (q.name().startsWith("torch.nn")
                        || q.name().startsWith("torchvision.models")) || LayerType.find(t.text()).isPresent() || t.text().equals("Sequential")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void imports(Stmt s) {
        List<Tok> t = s.toks();
        try {
            if (t.get(0).is("import")) {
                int i = 1;
                while (i < t.size()) {
                    StringBuilder mod = new StringBuilder();
                    i = dotted(t, i, mod);
                    String alias = null;
                    if (i < t.size() && t.get(i).is("as")) {
                        alias = t.get(i + 1).text();
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
                            throw new SyntaxError("unexpected '" + t.get(i).text() + "'", t.get(i));
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
                        if (name.kind() != T.NAME) {
                            throw new SyntaxError("unexpected '" + name.text() + "'", name);
                        }
                        String alias = name.text();
                        i++;
                        if (i < t.size() && t.get(i).is("as")) {
                            alias = t.get(i + 1).text();
                            i += 2;
                        }
                        vars.put(alias, new Qual(m + "." + name.text()));
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
        while (i < t.size() && (t.get(i).kind() == T.NAME && !t.get(i).is("import") && !t.get(i).is("as") || t.get(i).is("."))) {
            out.append(t.get(i).text());
            i++;
        }
        if (out.length() == 0) {
            throw new SyntaxError("expected a module name", i < t.size() ? t.get(i) : null);
        }
        return i;
    }

    private void assign(Stmt s, Node target, Node valueNode) {
        if (target instanceof Name n) {
            Object value = eval(valueNode);
            if (value instanceof NetworkNode || value instanceof Network) {
                Object stored = value instanceof Container c ? new Network(c) : value;
                vars.put(n.id(), stored);
                if (stored instanceof Network) {
                    networkVar = n.id();
                }
            } else if (value instanceof ModRef r) {
                NetworkNode node = resolve(r);
                if (r.selector().isEmpty()) {
                    vars.put(n.id(), vars.get(r.var()));
                    if (vars.get(r.var()) instanceof Network) {
                        networkVar = n.id();
                    }
                } else {
                    vars.put(n.id(), node instanceof Container c ? new Network(c) : node);
                }
            } else if (value instanceof Tensor t) {
                vars.put(n.id(), t);
                lastTensor = t.shape();
            } else if (value instanceof Opaq) {
                vars.put(n.id(), value);
            } else if (value instanceof Qual || value == null || value instanceof Long || value instanceof Double
                    || value instanceof Boolean || value instanceof String || value instanceof List || value instanceof NamedModules) {
                vars.put(n.id(), value);
            } else {
                throw new NotUnderstood("value not understood");
            }
            return;
        }
        if (target instanceof Attr || target instanceof Sub) {
            Object where = eval(target instanceof Attr a ? a.target() : ((Sub) target).index() == null ? null : ((Sub) target).target());
            if (!(where instanceof ModRef base)) {
                throw new NotUnderstood("assignment to something that is not part of a network");
            }
            if (target instanceof Attr a && a.name().equals("requires_grad")) {
                throw new NotUnderstood("requires_grad on a module has no effect (use requires_grad_ or a parameters() loop)");
            }
            String selector = target instanceof Attr a ? join(base.selector(), a.name()) : base.selector() + index(((Sub) target).index());
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
            Network net = network(base.var());
            try {
                net.node(selector);
            } catch (NetworkException e) {
                throw error("cannot replace " + PyTorchExporter.pyPath(base.var(), selector.replaceAll("\\[(-?\\d+)]", ".$1"))
                        + ": " + e.getMessage());
            }
            vars.put(base.var(), net.replace(selector, node.withTrainable(true)));
            networkVar = base.var();
            return;
        }
        throw new NotUnderstood("assignment target not understood");
    }

    private void expressionStatement(Stmt s, Node e) {
        if (e instanceof Lit l && l.value() instanceof String) {
            return; // a docstring
        }
        Object v = eval(e);
        if (v instanceof Opaq || v instanceof ModRef) {
            return; // model.eval(), model.to(device), net(x), requires_grad_(...)
        }
        throw new NotUnderstood("expression has no effect on the network");
    }

    private void forLoop(Stmt header, List<Stmt> body) {
        List<Tok> t = header.toks();
        int colon = topLevel(t, ":");
        List<Stmt> all = new ArrayList<>();
        all.add(header);
        all.addAll(body);
        try {
            int in = topLevel(t, "in");
            if (in < 0 || colon < in) {
                throw new NotUnderstood("for loop not understood");
            }
            PyParser tp = new PyParser(t.subList(1, in), header.line());
            Node target = tp.exprList();
            tp.end();
            String loopVar;
            if (target instanceof Name n) {
                loopVar = n.id();
            } else if (target instanceof Seq sq && sq.items().size() == 2 && sq.items().get(1) instanceof Name n) {
                loopVar = n.id();
            } else {
                throw new NotUnderstood("for loop target not understood");
            }
            PyParser ip = new PyParser(t.subList(in + 1, colon), header.line());
            Node iter = ip.exprList();
            ip.end();
            if (!(iter instanceof Call c && c.fn() instanceof Attr a && (a.name().equals("parameters") && target instanceof Name
                    || a.name().equals("named_parameters") && target instanceof Seq) && c.args().isEmpty())) {
                throw new NotUnderstood("only loops over .parameters() are read");
            }
            Object owner = eval(a.target());
            if (!(owner instanceof ModRef ref)) {
                throw new NotUnderstood("loop over parameters of something that is not a network");
            }
            List<List<Tok>> bodies = new ArrayList<>();
            if (colon < t.size() - 1) {
                bodies.add(t.subList(colon + 1, t.size()));
            }
            for (Stmt b : body) {
                bodies.add(b.toks());
            }
            if (bodies.isEmpty()) {
                throw new NotUnderstood("for loop without body");
            }
            Boolean value = null;
            for (List<Tok> b : bodies) {
                Boolean v = requiresGrad(b, loopVar, header.line());
                if (v == null) {
                    throw new NotUnderstood("loop body not understood");
                }
                value = v;
            }
            apply(ref, value);
        } catch (NotUnderstood | SyntaxError e) {
            for (Stmt s : all) {
                line = s.line();
                ignore(s, e.getMessage());
            }
        } catch (NetworkException e) {
            throw located(e);
        }
    }

    /** {@code p.requires_grad = False} or {@code p.requires_grad_(False)}; null if the statement is something else. */
    private Boolean requiresGrad(List<Tok> toks, String loopVar, int l) {
        int eq = topLevel(toks, "=");
        PyParser p = new PyParser(eq >= 0 ? toks.subList(0, eq) : toks, l);
        Node lhs = p.exprList();
        p.end();
        if (eq >= 0) {
            if (lhs instanceof Attr a && a.target() instanceof Name n && n.id().equals(loopVar) && a.name().equals("requires_grad")) {
                PyParser vp = new PyParser(toks.subList(eq + 1, toks.size()), l);
                Node v = vp.exprList();
                vp.end();
                if (v instanceof Lit lit && lit.value() instanceof Boolean b) {
                    return b;
                }
            }
            return null;
        }
        if (lhs instanceof Call c && c.fn() instanceof Attr a && a.target() instanceof Name n && n.id().equals(loopVar)
                && a.name().equals("requires_grad_")) {
            if (c.args().isEmpty() && c.kwargs().isEmpty()) {
                return true;
            }
            Node arg = c.args().isEmpty() ? c.kwargs().get("requires_grad") : c.args().get(0);
            if (arg instanceof Lit lit && lit.value() instanceof Boolean b) {
                return b;
            }
        }
        return null;
    }
}
