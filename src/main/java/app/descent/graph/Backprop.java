package app.descent.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Runs an expression forward and backward and explains every step, as a tutorial would. */
public final class Backprop {
    private Backprop() {
    }

    /** @param inputs values by variable name, in the order the gradients are reported */
    public static GradResult run(String expression, Map<String, Double> inputs) {
        ComputationGraph g = ComputationGraph.parse(expression, inputs.keySet());
        double[] v = g.forward(inputs);
        List<ForwardStep> forward = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (!n.isLeaf()) {
                double[] in = g.inputValues(n, v);
                forward.add(new ForwardStep(n.id(), in, v[n.id()], forwardText(g, n, in, v[n.id()])));
            }
        }
        boolean[] needs = g.requiresGrad();
        double[] grad = new double[v.length];
        int[] received = new int[v.length];
        List<List<Double>> contributions = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            contributions.add(new ArrayList<>());
        }
        int out = g.output().id();
        grad[out] = 1;
        List<BackwardStep> backward = new ArrayList<>();
        for (int id = out; id >= 0; id--) {
            Node n = g.nodes().get(id);
            if (n.isLeaf() || !needs[id] || !reaches(g, id, out)) {
                continue;
            }
            double[] in = g.inputValues(n, v);
            double[] local = n.op().local(in, v[id]);
            List<BackwardStep.Flow> flows = new ArrayList<>();
            for (int slot = 0; slot < in.length; slot++) {
                int input = n.inputs().get(slot);
                if (!needs[input]) {
                    continue;
                }
                double down = grad[id] * local[slot];
                grad[input] += down;
                received[input]++;
                contributions.get(input).add(down);
                flows.add(new BackwardStep.Flow(slot, input, local[slot], down, grad[input]));
            }
            String text = backwardText(g, n, in, local, grad[id], v, needs);
            for (BackwardStep.Flow f : flows) {
                int input = f.input();
                if (g.uses(input) > 1 && received[input] == g.uses(input)) {
                    text += " " + fanOutText(g, input, contributions.get(input), grad[input]);
                }
            }
            backward.add(new BackwardStep(id, grad[id], List.copyOf(flows), text));
        }
        Map<String, Double> gradients = new LinkedHashMap<>();
        for (String name : inputs.keySet()) {
            gradients.put(name, 0.0);
        }
        for (Node n : g.nodes()) {
            if (n.op() == Op.INPUT) {
                gradients.put(n.name(), grad[n.id()]);
            }
        }
        List<String> names = List.copyOf(gradients.keySet());
        // computed when first read: one evaluation of the whole graph per variable and side, which --json never needs
        Map<String, Double> numeric = new Lazy(() -> {
            Map<String, Double> m = new LinkedHashMap<>();
            for (String name : names) {
                m.put(name, centralDifference(g, inputs, name));
            }
            return Collections.unmodifiableMap(m);
        });
        return new GradResult(g, v[out], Collections.unmodifiableMap(gradients), numeric,
                v, grad, List.copyOf(forward), List.copyOf(backward));
    }

    /** A node whose value never reaches the output gets no gradient step (an unused definition). */
    private static boolean reaches(ComputationGraph g, int id, int out) {
        return id == out || g.uses(id) > 0;
    }

    /** Central differences with a step scaled to the value: the check a student would do by hand. */
    static double centralDifference(ComputationGraph g, Map<String, Double> inputs, String name) {
        double x = inputs.get(name);
        double h = 1e-6 * Math.max(1, Math.abs(x));
        double plus = g.outputOrNaN(false, n -> n.name().equals(name) ? x + h : inputs.getOrDefault(n.name(), Double.NaN));
        double minus = g.outputOrNaN(false, n -> n.name().equals(name) ? x - h : inputs.getOrDefault(n.name(), Double.NaN));
        return (plus - minus) / (2 * h);
    }

    /** A map computed on first use. */
    private static final class Lazy extends java.util.AbstractMap<String, Double> {
        private final java.util.function.Supplier<Map<String, Double>> compute;
        private Map<String, Double> map;

        Lazy(java.util.function.Supplier<Map<String, Double>> compute) {
            this.compute = compute;
        }

        private synchronized Map<String, Double> map() {
            if (map == null) {
                map = compute.get();
            }
            return map;
        }

        @Override
        public java.util.Set<Entry<String, Double>> entrySet() {
            return map().entrySet();
        }

        @Override
        public Double get(Object key) {
            return map().get(key);
        }
    }

    /**
     * Parses {@code NAME=VALUE} arguments: a name given twice, a missing '=', or a value that is not a number is a
     * message naming the argument.
     */
    public static Map<String, Double> parseAssignments(List<String> assignments) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new ExpressionException("'" + a + "' is not NAME=VALUE (for example x=3)");
            }
            String name = a.substring(0, eq).strip();
            String raw = a.substring(eq + 1).strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ExpressionException("'" + name + "' is not a variable name");
            }
            double value;
            try {
                value = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw new ExpressionException("the value of " + name + " is not a number: '" + raw + "'");
            }
            if (!Double.isFinite(value)) {
                throw new ExpressionException("the value of " + name + " must be a finite number, not '" + raw + "'");
            }
            if (values.put(name, value) != null) {
                throw new ExpressionException("the variable " + name + " is given twice");
            }
        }
        return values;
    }

    private static String f(double v) {
        return ComputationGraph.format(v);
    }

    private static String forwardText(ComputationGraph g, Node n, double[] in, double value) {
        StringJoiner args = new StringJoiner(", ");
        for (double x : in) {
            args.add(f(x));
        }
        String shown = switch (n.op()) {
            case ADD, SUB, MUL, DIV, POW -> f(in[0]) + " " + symbol(n.op()) + " " + f(in[1]);
            case NEG -> "-(" + f(in[0]) + ")";
            default -> n.op().symbol() + "(" + args + ")";
        };
        String head = n.name() != null ? n.name() : describe(g, n.id());
        return "Forward: " + head + " = " + shown + " = " + f(value);
    }

    private static String symbol(Op op) {
        return switch (op) {
            case MUL -> "×";
            case DIV -> "÷";
            case POW -> "^";
            default -> op.symbol();
        };
    }

    /** A short name for a node in explanations: its variable or defined name, its constant, or its expression. */
    static String describe(ComputationGraph g, int id) {
        Node n = g.nodes().get(id);
        if (n.name() != null || n.op() == Op.CONSTANT) {
            return n.op() == Op.CONSTANT ? n.label() : n.name();
        }
        String text = g.text(id, 25);
        return text.length() > 24 ? n.op().symbol() + "(…)" : text;
    }

    private static String backwardText(ComputationGraph g, Node n, double[] in, double[] local, double up, double[] v,
                                       boolean[] needs) {
        int k = n.inputs().size();
        String[] who = new String[k];
        boolean[] need = new boolean[k];
        for (int i = 0; i < k; i++) {
            who[i] = describe(g, n.inputs().get(i));
            need[i] = needs[n.inputs().get(i)];
        }
        String self = n.id() == g.output().id() ? (n.name() != null ? n.name() : "f") + " = " + g.text(n.id(), 41)
                : describe(g, n.id());
        if (self.length() > 40) {
            self = n.id() == g.output().id() ? (n.name() != null ? n.name() : "f") : n.op().symbol();
        }
        String head = "Backward through " + self + ", upstream gradient " + f(up) + ": ";
        StringJoiner parts = new StringJoiner("; ");
        switch (n.op()) {
            case ADD -> {
                return head + "add distributes: " + joinNeeded(who, need) + (count(need) > 1 ? " both receive " : " receives ")
                        + f(up) + " unchanged.";
            }
            case SUB -> {
                for (int i = 0; i < k; i++) {
                    if (need[i]) {
                        parts.add(who[i] + " receives " + f(up * local[i]));
                    }
                }
                return head + "subtract: " + parts + ".";
            }
            case MUL -> {
                for (int i = 0; i < k; i++) {
                    if (need[i]) {
                        parts.add(who[i] + " gets " + f(up) + " × " + f(in[1 - i]) + " = " + f(up * local[i]));
                    }
                }
                return head + "mul swaps: " + parts + ".";
            }
            case DIV -> {
                if (need[0]) {
                    parts.add(who[0] + " gets " + f(up) + " ÷ " + f(in[1]) + " = " + f(up * local[0]));
                }
                if (need[1]) {
                    parts.add(who[1] + " gets −" + f(up) + " × " + f(in[0]) + " ÷ " + f(in[1]) + "² = " + f(up * local[1]));
                }
                return head + "divide: " + parts + ".";
            }
            case POW -> {
                if (need[0]) {
                    parts.add(who[0] + " gets " + f(up) + " × " + f(in[1]) + " × " + f(in[0]) + "^(" + f(in[1])
                            + " − 1) = " + f(up * local[0]));
                }
                if (need[1]) {
                    parts.add("the exponent " + who[1] + " gets " + f(up) + " × " + f(v[n.id()]) + " × ln " + f(in[0])
                            + " = " + f(up * local[1]));
                }
                return head + "power: " + parts + ".";
            }
            case MAX, MIN -> {
                return head + routeText(n.op(), who[0], who[1], in, up);
            }
            default -> {
                String a = who[0];
                return head + switch (n.op()) {
                    case NEG -> "negation flips the sign: " + a + " gets " + f(-up) + ".";
                    case RELU -> in[0] > 0 ? "relu passes the gradient through because its input " + f(in[0])
                            + " > 0: " + a + " gets " + f(up) + "."
                            : "relu blocks the gradient because its input " + f(in[0]) + " ≤ 0: " + a + " gets 0.";
                    case TANH -> "tanh' = 1 − tanh² = 1 − " + f(v[n.id()]) + "² = " + f(local[0]) + ", so " + a
                            + " gets " + f(up * local[0]) + ".";
                    case SIGMOID -> "sigmoid' = σ(1 − σ) = " + f(v[n.id()]) + " × " + f(1 - v[n.id()]) + " = "
                            + f(local[0]) + ", so " + a + " gets " + f(up * local[0]) + ".";
                    case EXP -> "exp' = exp = " + f(local[0]) + ", so " + a + " gets " + f(up * local[0]) + ".";
                    case LOG -> "log' = 1/x = 1/" + f(in[0]) + " = " + f(local[0]) + ", so " + a + " gets "
                            + f(up * local[0]) + ".";
                    case ABS -> "abs' = sign(x) = " + f(local[0]) + ", so " + a + " gets " + f(up * local[0]) + ".";
                    case SIN -> "sin' = cos(x) = cos(" + f(in[0]) + ") = " + f(local[0]) + ", so " + a + " gets "
                            + f(up * local[0]) + ".";
                    case COS -> "cos' = −sin(x) = −sin(" + f(in[0]) + ") = " + f(local[0]) + ", so " + a + " gets "
                            + f(up * local[0]) + ".";
                    default -> "";
                };
            }
        }
    }

    private static String joinNeeded(String[] who, boolean[] need) {
        StringJoiner j = new StringJoiner(" and ");
        for (int i = 0; i < who.length; i++) {
            if (need[i]) {
                j.add(who[i]);
            }
        }
        return j.toString();
    }

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean b : flags) {
            c += b ? 1 : 0;
        }
        return c;
    }

    private static String routeText(Op op, String a, String b, double[] in, double up) {
        String which = op == Op.MAX ? "larger" : "smaller";
        if (in[0] == in[1]) {
            return op.symbol() + " has a tie (" + f(in[0]) + " = " + f(in[1]) + "): the gradient is split equally, "
                    + a + " and " + b + " get " + f(up / 2) + " each, as in PyTorch.";
        }
        boolean first = op == Op.MAX ? in[0] > in[1] : in[0] < in[1];
        String winner = first ? a : b;
        String loser = first ? b : a;
        return op.symbol() + " routes the gradient to its " + which + " input " + winner + " (" + f(up) + "); "
                + loser + " gets 0.";
    }

    private static String fanOutText(ComputationGraph g, int input, List<Double> parts, double total) {
        StringJoiner sum = new StringJoiner(" + ");
        if (parts.size() <= 8) {
            parts.forEach(p -> sum.add(f(p)));
        } else {
            // a value used thousands of times: the first and last terms, not a line as long as the expression
            parts.subList(0, 3).forEach(p -> sum.add(f(p)));
            sum.add("…");
            sum.add(f(parts.get(parts.size() - 1)));
        }
        return describe(g, input) + " fans out to " + parts.size() + " uses, so its gradient is the sum " + sum
                + " = " + f(total) + ".";
    }
}
