package app.descent.ui.backprop;

import app.descent.graph.Backprop;
import app.descent.graph.BackwardStep;
import app.descent.graph.ComputationGraph;
import app.descent.graph.ExpressionException;
import app.descent.graph.ExpressionParser;
import app.descent.graph.ForwardStep;
import app.descent.graph.GradResult;
import app.descent.graph.Node;
import app.descent.graph.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the graph engine and turns its result into what the view draws. */
final class Pictures {
    record Computed(Picture picture, List<BackpropViewModel.Gradient> gradients, String summary) {
    }

    private Pictures() {
    }

    static List<String> variables(String expression, Set<String> known) {
        return ExpressionParser.variables(expression, known);
    }

    static Computed compute(String expression, Map<String, String> rawValues) {
        Map<String, Double> values = new LinkedHashMap<>();
        rawValues.forEach((name, raw) -> {
            try {
                values.put(name, Double.parseDouble(raw.strip()));
            } catch (NumberFormatException e) {
                throw new ExpressionException("the value of " + name + " is not a number: '" + raw + "'");
            }
        });
        GradResult r = Backprop.run(expression, values);
        ComputationGraph g = r.graph();
        List<Picture.Node> nodes = new ArrayList<>();
        List<Picture.Edge> edges = new ArrayList<>();
        Map<Long, Integer> edgeIndex = new HashMap<>();
        for (Node n : g.nodes()) {
            nodes.add(new Picture.Node(n.id(), label(n), n.name(), kind(n), r.values()[n.id()],
                    r.nodeGradients()[n.id()], pattern(g.pattern(n.id()))));
            for (int slot = 0; slot < n.inputs().size(); slot++) {
                edgeIndex.put(key(n.id(), slot), edges.size());
                edges.add(new Picture.Edge(n.inputs().get(slot), n.id(), slot));
            }
        }
        List<Picture.Step> steps = new ArrayList<>();
        for (ForwardStep s : r.forward()) {
            steps.add(new Picture.Step(Picture.Phase.FORWARD, s.node(), s.text(), List.of()));
        }
        for (BackwardStep s : r.backward()) {
            List<Picture.Flow> flows = new ArrayList<>();
            for (BackwardStep.Flow f : s.flows()) {
                flows.add(new Picture.Flow(edgeIndex.get(key(s.node(), f.slot())), s.upstream(), f.local(),
                        f.downstream()));
            }
            steps.add(new Picture.Step(Picture.Phase.BACKWARD, s.node(), s.text(), flows));
        }
        List<BackpropViewModel.Gradient> gradients = new ArrayList<>();
        r.gradients().forEach((name, grad) -> gradients.add(
                new BackpropViewModel.Gradient(name, grad, r.numericGradients().get(name))));
        Node out = g.output();
        String summary = (out.name() != null ? out.name() : "f") + " = " + Numbers.format(r.value());
        return new Computed(new Picture(nodes, edges, steps, out.id()), gradients, summary);
    }

    private static long key(int node, int slot) {
        return ((long) node << 8) | slot;
    }

    private static String label(Node n) {
        Op o = n.op();
        String op = o == Op.MUL ? "×" : o == Op.DIV ? "÷" : o == Op.SUB ? "−" : o == Op.NEG ? "−x" : o == Op.POW ? "x^y"
                : o.symbol();
        if (n.op() == Op.INPUT || n.op() == Op.CONSTANT) {
            return n.label();
        }
        return n.name() == null ? op : n.name() + ": " + op;
    }

    private static Picture.Kind kind(Node n) {
        return n.op() == Op.INPUT ? Picture.Kind.INPUT : n.op() == Op.CONSTANT ? Picture.Kind.CONSTANT
                : Picture.Kind.OPERATION;
    }

    private static String pattern(Op.Pattern p) {
        if (p == null) {
            return null;
        }
        return switch (p) {
            case ADD_DISTRIBUTES -> "add";
            case MUL_SWAPS -> "mul";
            case MAX_ROUTES -> "max";
            case FAN_OUT_ADDS -> "fanout";
        };
    }
}
