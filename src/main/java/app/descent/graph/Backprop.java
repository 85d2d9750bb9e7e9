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
        int[] received = new int[v.length];
        List<List<Double>> contributions = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            contributions.add(new ArrayList<>());
        }
        List<BackwardStep> backward = new ArrayList<>();
        // the one backward loop of the graph, with a recorder that explains each step
        double[] grad = g.backward(v, false, (n, in, local, up, flows) -> {
            for (BackwardStep.Flow f : flows) {
                received[f.input()]++;
                contributions.get(f.input()).add(f.downstream());
            }
            String text = backwardText(g, n, in, local, up, v[n.id()], needs);
            for (BackwardStep.Flow f : flows) {
                int input = f.input();
                if (g.uses(input) > 1 && received[input] == g.uses(input)) {
                    // the input's gradient after this step: the last flow into it (x * x has two)
                    double total = f.accumulated();
                    for (BackwardStep.Flow later : flows) {
                        if (later.input() == input) {
                            total = later.accumulated();
                        }
                    }
                    text += " " + fanOutText(g, input, contributions.get(input), total);
                }
            }
            backward.add(new BackwardStep(n.id(), up, List.copyOf(flows), text));
        });
        int out = g.output().id();
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
        String shown = n.op().isInfix() ? f(in[0]) + " " + n.op().glyph() + " " + f(in[1])
                : n.op() == Op.NEG ? "-(" + f(in[0]) + ")" : n.op().symbol() + "(" + args + ")";
        String head = n.name() != null ? n.name() : describe(g, n.id());
        return "Forward: " + head + " = " + shown + " = " + f(value);
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

    private static String backwardText(ComputationGraph g, Node n, double[] in, double[] local, double up, double out,
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
        return "Backward through " + self + ", upstream gradient " + f(up) + ": "
                + n.op().explain(new Op.Step(who, need, in, local, up, out));
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
