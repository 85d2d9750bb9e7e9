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
    /** The longest text of a node; a longer one ends in an ellipsis (a node's text never repeats a huge subtree). */
    static final int TEXT_LIMIT = 200;

    private final List<Node> nodes;
    private final int output;
    private final Source source;
    private final int[] uses;
    private final boolean[] needs;

    private ComputationGraph(List<Node> nodes, int output, Source source) {
        this.nodes = List.copyOf(nodes);
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

    /**
     * The node as an expression, e.g. {@code (x * y)} or its defined name; cut to {@value #TEXT_LIMIT} characters
     * with an ellipsis, so that the texts of a long chain take linear, not quadratic, time and memory.
     */
    public String text(int node) {
        return text(node, TEXT_LIMIT);
    }

    /** As {@link #text(int)} cut to {@code limit} characters (≤ the text limit): explanations need only a few. */
    String text(int node, int limit) {
        StringBuilder b = new StringBuilder();
        render(node, b, Math.min(limit, TEXT_LIMIT));
        if (b.length() > limit) {
            b.setLength(limit - 1);
            b.append('…');
        }
        return b.toString();
    }

    /** Appends the node's text until it passes the limit; each level appends before it descends, so depth ≤ limit. */
    private void render(int id, StringBuilder b, int limit) {
        if (b.length() > limit) {
            return;
        }
        Node n = nodes.get(id);
        if (n.name() != null) {
            b.append(n.name());
            return;
        }
        if (n.op() == Op.CONSTANT) {
            b.append(format(n.constant()));
            return;
        }
        List<Integer> in = n.inputs();
        if (n.op().isInfix()) {
            b.append('(');
            render(in.get(0), b, limit);
            b.append(' ').append(n.op().symbol()).append(' ');
            render(in.get(1), b, limit);
            b.append(')');
        } else if (n.op() == Op.NEG) {
            b.append('-');
            render(in.get(0), b, limit);
        } else {
            b.append(n.op().symbol()).append('(');
            for (int i = 0; i < in.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                render(in.get(i), b, limit);
            }
            b.append(')');
        }
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
            if (n.op() == Op.INPUT) {
                double x = leaf.applyAsDouble(n);
                if (!Double.isFinite(x)) {
                    throw new ExpressionException("the value of " + n.name() + " must be a finite number, not " + x);
                }
                v[n.id()] = x;
            } else {
                v[n.id()] = n.op() == Op.CONSTANT ? n.constant() : apply(n, v);
            }
            if (float32) {
                v[n.id()] = rounded(n, v[n.id()]);
            }
        }
        return v;
    }

    /** Is told of each backward step as the one backward loop takes it: for Backprop's explanations. */
    interface StepRecorder {
        /**
         * The node's upstream gradient has flowed into its inputs that need one: {@code flows} in slot order, each
         * with the input's gradient so far.
         */
        void step(Node n, double[] in, double[] local, double upstream, List<BackwardStep.Flow> flows);
    }

    /**
     * ∂output/∂node for every node, from the values of {@link #forward}. Nodes that do not depend on a variable, or
     * do not reach the output, get none, as in autograd. With {@code float32} every local gradient, product and sum
     * is rounded to float32, as autograd does on float32 tensors (where, for example, 1 − tanh² loses digits near
     * saturation: matching that matters to Adam).
     */
    double[] backward(double[] v, boolean float32) {
        return backward(v, float32, null);
    }

    /** As {@link #backward(double[], boolean)}, telling {@code recorder} (if not null) of every step. */
    double[] backward(double[] v, boolean float32, StepRecorder recorder) {
        double[] grad = new double[v.length];
        grad[output] = 1;
        for (int id = output; id >= 0; id--) {
            Node n = nodes.get(id);
            if (n.isLeaf() || !needs[id] || (id != output && uses[id] == 0)) {
                continue;
            }
            double[] in = inputValues(n, v);
            double[] local = n.op().local(in, v[id]);
            List<BackwardStep.Flow> flows = recorder == null ? null : new ArrayList<>();
            for (int slot = 0; slot < local.length; slot++) {
                int input = n.inputs().get(slot);
                if (needs[input]) {
                    double down = float32 ? (float) (grad[id] * (float) local[slot]) : grad[id] * local[slot];
                    grad[input] = float32 ? (float) (grad[input] + down) : grad[input] + down;
                    if (flows != null) {
                        flows.add(new BackwardStep.Flow(slot, input, local[slot], down, grad[input]));
                    }
                }
            }
            if (recorder != null) {
                recorder.step(n, in, local, grad[id], flows);
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
            double x = n.op() == Op.INPUT ? leaf.applyAsDouble(n)
                    : n.op() == Op.CONSTANT ? n.constant() : n.op().forward(inputValues(n, v));
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

    /**
     * Turns the parsed program into nodes, expanding each definition once, where it is first used. Iterative: a
     * flat chain of 20,000 terms is a syntax tree 20,000 levels deep.
     */
    private static final class Builder {
        private final Program program;
        private final Map<String, Definition> definitions = new LinkedHashMap<>();
        private final Map<String, Integer> built = new HashMap<>();
        private final List<Node> nodes = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final int[] lineStarts;

        Builder(Program program) {
            this.program = program;
            program.definitions().forEach(d -> definitions.put(d.name(), d));
            String src = program.source().text();
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = 0; i < src.length(); i++) {
                if (src.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        ComputationGraph build() {
            int out = node(program.output());
            List<Node> named = new ArrayList<>();
            for (Node n : nodes) {
                String name = names.get(n.id());
                named.add(name == null || n.op() == Op.INPUT ? n
                        : new Node(n.id(), n.op(), n.inputs(), name, n.constant(), n.line(), n.column()));
            }
            return new ComputationGraph(named, out, program.source());
        }

        /** A syntax node on the way down: the next argument to visit, the inputs built so far. */
        private static final class Frame {
            final Expr expr;
            final List<Integer> inputs = new ArrayList<>();
            int next;
            boolean expanding;

            Frame(Expr expr) {
                this.expr = expr;
            }
        }

        private int node(Expr root) {
            java.util.ArrayDeque<Frame> stack = new java.util.ArrayDeque<>();
            stack.push(new Frame(root));
            while (true) {
                Frame f = stack.peek();
                int done;
                if (f.expr instanceof Num num) {
                    done = add(Op.CONSTANT, List.of(), null, num.value(), num.offset());
                } else if (f.expr instanceof Var var) {
                    Integer already = built.get(var.name());
                    if (already != null) {
                        done = already;
                    } else if (f.expanding) {
                        done = f.inputs.get(0);
                        Op op = nodes.get(done).op();
                        if (names.get(done) == null && op != Op.INPUT && op != Op.CONSTANT) {
                            names.set(done, var.name());
                        }
                        built.put(var.name(), done);
                    } else {
                        Definition d = definitions.get(var.name());
                        if (d != null) {
                            f.expanding = true;
                            stack.push(new Frame(d.expr()));
                            continue;
                        }
                        done = add(Op.INPUT, List.of(), var.name(), 0, var.offset());
                        built.put(var.name(), done);
                    }
                } else {
                    Apply a = (Apply) f.expr;
                    if (f.next < a.args().size()) {
                        stack.push(new Frame(a.args().get(f.next++)));
                        continue;
                    }
                    done = add(a.op(), f.inputs, null, 0, a.offset());
                }
                stack.pop();
                if (stack.isEmpty()) {
                    return done;
                }
                stack.peek().inputs.add(done);
            }
        }

        private int add(Op op, List<Integer> inputs, String name, double constant, int offset) {
            int id = nodes.size();
            int index = java.util.Arrays.binarySearch(lineStarts, offset);
            int line = index >= 0 ? index : -index - 2; // the last line starting at or before the offset
            int lineStart = lineStarts[line];
            nodes.add(new Node(id, op, List.copyOf(inputs), name, constant, line + 1, offset - lineStart + 1));
            names.add(null);
            return id;
        }
    }
}
