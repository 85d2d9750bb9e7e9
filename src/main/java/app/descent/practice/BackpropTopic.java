package app.descent.practice;

import app.descent.graph.Backprop;
import app.descent.graph.BackwardStep;
import app.descent.graph.ForwardStep;
import app.descent.graph.GradResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Value and gradients of a small expression, answered by {@link Backprop}. */
public final class BackpropTopic implements Topic {
    /** Expression templates; the variables are drawn in the order listed. */
    record Template(String expr, List<String> vars) {
    }

    static final List<Template> TEMPLATES = List.of(
            new Template("a*((x*y)+max(z,w))", List.of("a", "x", "y", "z", "w")),
            new Template("(x+y)*z", List.of("x", "y", "z")),
            new Template("sigmoid(w0*x0+w1*x1+b)", List.of("w0", "x0", "w1", "x1", "b")),
            new Template("tanh(w*x+b)", List.of("w", "x", "b")),
            new Template("relu(x*y)+relu(y-z)", List.of("x", "y", "z")),
            new Template("max(x,y)*z+relu(w*x)", List.of("x", "y", "z", "w")),
            new Template("(x*y+z)**2", List.of("x", "y", "z")),
            new Template("relu(w0*x0+w1*x1+b)*c", List.of("w0", "x0", "w1", "x1", "b", "c")),
            new Template("x*y+tanh(z)", List.of("x", "y", "z")));

    @Override
    public String id() {
        return "backprop";
    }

    @Override
    public String title() {
        return "Backpropagation through an expression";
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Template t = TEMPLATES.get(r.nextInt(TEMPLATES.size()));
        for (int attempt = 0; ; attempt++) {
            Map<String, Double> inputs = new LinkedHashMap<>();
            for (String v : t.vars()) {
                double x = r.nextInt(4) == 0 ? Answers.half(r, -3, 3) : r.nextInt(-4, 5);
                inputs.put(v, x);
            }
            GradResult g = Backprop.run(t.expr(), inputs);
            // a draw on a kink (relu at 0, a tie in max) has no well-defined gradient, and one with only zero
            // gradients teaches little: draw again
            if (attempt < 100 && !smooth(g)) {
                continue;
            }
            return exercise(t.expr(), inputs, g);
        }
    }

    private static boolean smooth(GradResult g) {
        if (!Double.isFinite(g.value())) {
            return false;
        }
        // an exercise where every gradient is 0 (all ReLUs dead) teaches little
        if (g.gradients().values().stream().allMatch(v -> v == 0)) {
            return false;
        }
        for (Map.Entry<String, Double> e : g.gradients().entrySet()) {
            double n = g.numericGradients().get(e.getKey());
            if (!Double.isFinite(e.getValue()) || Math.abs(e.getValue() - n) > 1e-5 * Math.max(1, Math.abs(n))) {
                return false;
            }
        }
        return true;
    }

    static Exercise exercise(String expr, Map<String, Double> inputs, GradResult g) {
        ObjectNode given = Answers.object();
        given.put("expr", expr);
        ObjectNode in = given.putObject("inputs");
        inputs.forEach(in::put);
        ObjectNode answer = Answers.object();
        answer.put("value", g.value());
        ObjectNode grads = answer.putObject("gradients");
        g.gradients().forEach(grads::put);
        List<String> assignments = new ArrayList<>();
        inputs.forEach((k, v) -> assignments.add(k + " = " + Answers.fmt(v)));
        String question = "Let f = " + expr + " with " + String.join(", ", assignments)
                + ". Compute the value of f and its gradient with respect to every input ("
                + String.join(", ", inputs.keySet()) + ").";
        List<String> solution = new ArrayList<>();
        for (ForwardStep s : g.forward()) {
            solution.add(s.text());
        }
        solution.add("f = " + Answers.fmt(g.value()));
        for (BackwardStep s : g.backward()) {
            solution.add(s.text());
        }
        g.gradients().forEach((k, v) -> solution.add("∂f/∂" + k + " = " + Answers.fmt(v)));
        List<String> labels = new ArrayList<>();
        labels.add("f");
        g.gradients().keySet().forEach(k -> labels.add("∂f/∂" + k));
        return new Exercise("backprop", question, given, answer, solution, labels);
    }
}
