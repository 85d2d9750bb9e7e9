package app.descent.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * An expression parsed once as a function of named variables in a fixed order, evaluated many times: value and
 * gradient without the explanations and numerical checks of {@link Backprop#run}, for optimizer paths and contour
 * grids. Domain errors (log of a non-positive number, division by zero, overflow) are the graph's messages.
 */
public final class Formula {
    private final ComputationGraph graph;
    private final List<String> variables;
    /** Index into the inputs for each node that is a variable, else -1. */
    private final int[] slot;
    private final boolean float32;

    private Formula(ComputationGraph graph, List<String> variables, int[] slot, boolean float32) {
        this.graph = graph;
        this.variables = variables;
        this.slot = slot;
        this.float32 = float32;
    }

    /**
     * Parses {@code text} as a function of exactly {@code variables} (it need not use them all); any other name is
     * a mistake at its column.
     */
    public static Formula parse(String text, List<String> variables) {
        List<String> names = List.copyOf(variables);
        ComputationGraph g = ComputationGraph.parse(text, Set.copyOf(names));
        int[] slot = new int[g.nodes().size()];
        for (Node n : g.nodes()) {
            slot[n.id()] = n.op() == Op.INPUT ? names.indexOf(n.name()) : -1;
            if (n.op() == Op.INPUT && slot[n.id()] < 0) {
                throw g.error(g.writtenAsCall(n)
                        ? "unknown function '" + n.name() + "'; the functions are " + String.join(", ", functions())
                        : "unknown variable '" + n.name() + "': the function may use only " + String.join(" and ", names), n);
            }
        }
        return new Formula(g, names, slot, false);
    }

    /**
     * The same function computed as PyTorch does on float32 tensors: inputs, constants, every node's value, local
     * gradient, product and sum rounded to float32 (overflowing float32 is then a domain error). Values agree with
     * torch to an ulp or so per operation, where double precision would differ wherever float32 loses digits.
     */
    public Formula float32() {
        return float32 ? this : new Formula(graph, variables, slot, true);
    }

    public boolean isFloat32() {
        return float32;
    }

    private static List<String> functions() {
        return Op.values().stream().filter(Op::isFunction).map(Op::symbol).toList();
    }

    public ComputationGraph graph() {
        return graph;
    }

    /** The variables in the order {@link #value} and {@link #gradient} take and give them. */
    public List<String> variables() {
        return variables;
    }

    public double value(double... inputs) {
        return graph.forward(float32, leaves(inputs))[graph.output().id()];
    }

    /** The value, or NaN where {@link #value} would raise a domain error (cheaper than catching it). */
    public double valueOrNaN(double... inputs) {
        return graph.outputOrNaN(float32, leaves(inputs));
    }

    /** ∂f/∂v for each variable, in the order of {@link #variables()}; 0 for one the expression does not use. */
    public double[] gradient(double... inputs) {
        double[] out = new double[variables.size()];
        valueAndGradient(inputs, out);
        return out;
    }

    /** The value, with the gradient written into {@code gradient} (one entry per variable). */
    public double valueAndGradient(double[] inputs, double[] gradient) {
        double[] v = graph.forward(float32, leaves(inputs));
        double[] g = graph.backward(v, float32);
        Arrays.fill(gradient, 0);
        for (Node n : graph.nodes()) {
            if (slot[n.id()] >= 0) {
                gradient[slot[n.id()]] = g[n.id()];
            }
        }
        return v[graph.output().id()];
    }

    private ToDoubleFunction<Node> leaves(double[] inputs) {
        if (inputs.length != variables.size()) {
            throw new IllegalArgumentException(inputs.length + " values for " + variables.size() + " variables");
        }
        return n -> inputs[slot[n.id()]];
    }
}
