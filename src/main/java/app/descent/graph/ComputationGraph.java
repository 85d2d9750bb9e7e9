package app.descent.graph;

import app.descent.graph.Syntax.Apply;
import app.descent.graph.Syntax.Definition;
import app.descent.graph.Syntax.Expr;
import app.descent.graph.Syntax.Num;
import app.descent.graph.Syntax.Program;
import app.descent.graph.Syntax.Var;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A computational graph in topological order (every node after its inputs). A variable is one node however often
 * it is used, so its gradient sums its contributions (fan-out).
 */
public final class ComputationGraph {
    private final List<Node> nodes;
    private final List<String> texts;
    private final int output;
    private final Source source;
    private final int[] uses;
    private final boolean[] needs;

    private ComputationGraph(List<Node> nodes, List<String> texts, int output, Source source) {
        this.nodes = List.copyOf(nodes);
        this.texts = List.copyOf(texts);
        this.output = output;
        this.source = source;
        this.uses = new int[nodes.size()];
        for (Node n : nodes) {
            for (int in : n.inputs()) {
                uses[in]++;
            }
        }
        this.needs = new boolean[nodes.size()];
        for (Node n : nodes) {
            needs[n.id()] = n.op() == Op.INPUT || n.inputs().stream().anyMatch(i -> needs[i]);
        }
    }

    /** Parses {@code text}, reading runs of letters such as {@code xy} with the given variable names. */
    public static ComputationGraph parse(String text, Set<String> variables) {
        return new Builder(ExpressionParser.parse(text, variables)).build();
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Node output() {
        return nodes.get(output);
    }

    /** How many operations use the node: more than one is fan-out. */
    public int uses(int node) {
        return uses[node];
    }

    /** The node as an expression, e.g. {@code (x * y)} or its defined name. */
    public String text(int node) {
        return texts.get(node);
    }

    /** Gate pattern shown for a node: its operation's, or fan-out for a value used more than once. */
    public Op.Pattern pattern(int node) {
        return uses[node] > 1 ? Op.Pattern.FAN_OUT_ADDS : nodes.get(node).op().pattern();
    }

    /** The variables in order of first use. */
    public List<String> variables() {
        List<String> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n.op() == Op.INPUT) {
                out.add(n.name());
            }
        }
        return out;
    }

    /** Values of every node; a missing value, a log of a non-positive number, a division by zero or an overflow is a message. */
    double[] forward(Map<String, Double> inputs) {
        return forward(false, n -> {
            Double x = inputs.get(n.name());
            if (x == null) {
                throw error("no value for the variable '" + n.name() + "'", n);
            }
            return x;
        });
    }

    /**
     * As {@link #forward(Map)}, each variable's value given by {@code leaf}. With {@code float32} every value is
     * rounded to float32 as it is made, as PyTorch computes on float32 tensors.
     */
    double[] forward(boolean float32, ToDoubleFunction<Node> leaf) {
        double[] v = new double[nodes.size()];
        for (Node n : nodes) {
            v[n.id()] = switch (n.op()) {
                case INPUT -> {
                    double x = leaf.applyAsDouble(n);
                    if (!Double.isFinite(x)) {
                        throw new ExpressionException("the value of " + n.name() + " must be a finite number, not " + x);
                    }
                    yield x;
                }
                case CONSTANT -> n.constant();
                default -> apply(n, v);
            };
            if (float32) {
                v[n.id()] = rounded(n, v[n.id()]);
            }
        }
        return v;
    }

    /**
     * ∂output/∂node for every node, from the values of {@link #forward}: the sums of Backprop.run without its
     * explanations. Nodes that do not depend on a variable, or do not reach the output, get none, as in autograd.
     * With {@code float32} every local gradient, product and sum is rounded to float32, as autograd does on float32
     * tensors (where, for example, 1 − tanh² loses digits near saturation: matching that matters to Adam).
     */
    double[] backward(double[] v, boolean float32) {
        double[] grad = new double[v.length];
        grad[output] = 1;
        for (int id = output; id >= 0; id--) {
            Node n = nodes.get(id);
            if (n.isLeaf() || !needs[id] || (id != output && uses[id] == 0)) {
                continue;
            }
            double[] local = n.op().local(inputValues(n, v), v[id]);
            for (int slot = 0; slot < local.length; slot++) {
                int input = n.inputs().get(slot);
                if (needs[input]) {
                    grad[input] = float32 ? (float) (grad[input] + (float) (grad[id] * (float) local[slot]))
                            : grad[input] + grad[id] * local[slot];
                }
            }
        }
        return grad;
    }

    private double rounded(Node n, double value) {
        float f = (float) value;
        if (Float.isInfinite(f)) {
            throw error(text(n.id()) + " overflows float32 (" + format(value) + ")", n);
        }
        return f;
    }

    private double apply(Node n, double[] v) {
        double[] in = inputValues(n, v);
        double out = n.op().forward(in);
        if (Double.isFinite(out)) {
            return out;
        }
        // IEEE gives log(0) = -∞ and 1/0 = ∞, so every domain error shows as a value that is not finite
        if (n.op() == Op.LOG && in[0] <= 0) {
            throw error("log of a non-positive number (" + format(in[0]) + ")", n);
        }
        if (n.op() == Op.DIV && in[1] == 0) {
            throw error("division by zero: " + text(n.inputs().get(1)) + " is 0", n);
        }
        if (Double.isInfinite(out)) {
            throw error(text(n.id()) + " overflows to infinity", n);
        }
        throw error(n.op() == Op.POW
                ? format(in[0]) + " ** " + format(in[1]) + " is not a real number (a negative base to a fractional power)"
                : text(n.id()) + " is not a number", n);
    }

    /**
     * The output, or NaN exactly where {@link #forward} raises a domain error, without building its message: for
     * contour grids, where much of the window may be undefined.
     */
    double outputOrNaN(boolean float32, ToDoubleFunction<Node> leaf) {
        double[] v = new double[nodes.size()];
        for (Node n : nodes) {
            double x = switch (n.op()) {
                case INPUT -> leaf.applyAsDouble(n);
                case CONSTANT -> n.constant();
                default -> n.op().forward(inputValues(n, v));
            };
            v[n.id()] = float32 ? (float) x : x;
            if (!Double.isFinite(v[n.id()])) {
                return Double.NaN;
            }
        }
        return v[output];
    }

    double[] inputValues(Node n, double[] v) {
        double[] in = new double[n.inputs().size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = v[n.inputs().get(i)];
        }
        return in;
    }

    /** The value only, for numerical differentiation: NaN where the expression is not defined. */
    double valueOrNaN(Map<String, Double> inputs) {
        return outputOrNaN(false, n -> inputs.getOrDefault(n.name(), Double.NaN));
    }

    /** Whether each node depends on a variable: only those receive gradients, as in autograd. */
    boolean[] requiresGrad() {
        return needs.clone();
    }

    /** Whether a variable is written as a call, {@code name(…)}: then it was meant as a function. */
    boolean writtenAsCall(Node n) {
        if (n.column() <= 0) {
            return false;
        }
        String t = source.text();
        int at = offsetOf(n.line(), n.column()) + n.name().length();
        while (at < t.length() && t.charAt(at) == ' ') {
            at++;
        }
        return at < t.length() && t.charAt(at) == '(';
    }

    ExpressionException error(String message, Node n) {
        if (n.column() <= 0) {
            return new ExpressionException(message);
        }
        return source.error(message, offsetOf(n.line(), n.column()));
    }

    private int offsetOf(int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            offset = source.text().indexOf('\n', offset) + 1;
        }
        return offset + column - 1;
    }

    /** A number as a student writes it: -20, 0.5, 0.0024726, 1.2e-07. */
    public static String format(double v) {
        return format(v, 6);
    }

    /** As {@link #format(double)} with at most {@code digits} significant digits. */
    public static String format(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e9) {
            String s = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        return String.format("%." + Math.max(1, digits - 2) + "g", v);
    }

    /** Turns the parsed program into nodes, expanding each definition once, where it is first used. */
    private static final class Builder {
        private final Program program;
        private final Map<String, Definition> definitions = new LinkedHashMap<>();
        private final Map<String, Integer> built = new HashMap<>();
        private final List<Node> nodes = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private final List<String> names = new ArrayList<>();

        Builder(Program program) {
            this.program = program;
            program.definitions().forEach(d -> definitions.put(d.name(), d));
        }

        ComputationGraph build() {
            int out = node(program.output(), 0);
            List<Node> named = new ArrayList<>();
            for (Node n : nodes) {
                String name = names.get(n.id());
                named.add(name == null || n.op() == Op.INPUT ? n
                        : new Node(n.id(), n.op(), n.inputs(), name, n.constant(), n.line(), n.column()));
            }
            return new ComputationGraph(named, texts, out, program.source());
        }

        private int node(Expr e, int depth) {
            if (e instanceof Num num) {
                return add(Op.CONSTANT, List.of(), null, num.value(), e.offset(), format(num.value()));
            }
            if (e instanceof Var var) {
                Integer done = built.get(var.name());
                if (done != null) {
                    return done;
                }
                Definition d = definitions.get(var.name());
                int id;
                if (d != null) {
                    id = node(d.expr(), depth + 1);
                    if (names.get(id) == null && nodes.get(id).op() != Op.INPUT && nodes.get(id).op() != Op.CONSTANT) {
                        names.set(id, d.name());
                        texts.set(id, d.name());
                    }
                } else {
                    id = add(Op.INPUT, List.of(), var.name(), 0, e.offset(), var.name());
                }
                built.put(var.name(), id);
                return id;
            }
            Apply a = (Apply) e;
            List<Integer> inputs = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            for (Expr arg : a.args()) {
                int id = node(arg, depth + 1);
                inputs.add(id);
                parts.add(texts.get(id));
            }
            return add(a.op(), inputs, null, 0, e.offset(), render(a.op(), parts));
        }

        private int add(Op op, List<Integer> inputs, String name, double constant, int offset, String text) {
            int id = nodes.size();
            String src = program.source().text();
            int lineStart = src.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
            if (offset == 0) {
                lineStart = 0;
            }
            int line = (int) src.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
            nodes.add(new Node(id, op, List.copyOf(inputs), name, constant, line, offset - lineStart + 1));
            texts.add(text);
            names.add(null);
            return id;
        }

        private static String render(Op op, List<String> parts) {
            return switch (op) {
                case ADD, SUB, MUL, DIV, POW -> "(" + parts.get(0) + " " + op.symbol() + " " + parts.get(1) + ")";
                case NEG -> "-" + parts.get(0);
                default -> op.symbol() + "(" + String.join(", ", parts) + ")";
            };
        }
    }
}
