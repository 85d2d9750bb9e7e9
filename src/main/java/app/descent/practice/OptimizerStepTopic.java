package app.descent.practice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import app.descent.catalog.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Two steps of SGD with momentum or Adam on given gradients, with PyTorch's update rules. */
public final class OptimizerStepTopic implements Topic {
    @Override
    public String id() {
        return "optimizer-step";
    }

    @Override
    public String title() {
        return "Momentum and Adam by hand";
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean adam = r.nextBoolean();
        double[] w = {half(r), half(r)};
        double[][] g = {{half(r), half(r)}, {half(r), half(r)}};
        return exercise(adam ? "adam" : "momentum", 0.1, w, g);
    }

    private static double half(SplittableRandom r) {
        return r.nextInt(-6, 7) / 2.0;
    }

    /** {@code grads[t]}: the gradient at step t+1 (given, not recomputed). */
    public static Exercise exercise(String optimizer, double lr, double[] w0, double[][] grads) {
        double[] w = w0.clone();
        // the registry's update rule (torch.optim's), with PyTorch's defaults
        Optimizers.Optimizer rule = Optimizers.get(optimizer);
        Optimizers.State state = new Optimizers.State(w.length);
        double[] m = state.first;
        double[] v = state.second;
        List<String> solution = new ArrayList<>();
        boolean adam = optimizer.equals("adam");
        solution.add(adam ? "Adam (β1 = 0.9, β2 = 0.999, ε = 1e-8): m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², "
                + "w ← w − lr · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε)."
                : "SGD with momentum 0.9 (PyTorch): b ← 0.9·b + g (b = g at the first step), w ← w − lr · b.");
        ArrayNode steps = Answers.object().arrayNode();
        for (int t = 1; t <= grads.length; t++) {
            double[] g = grads[t - 1];
            rule.step(w, g, state, rule.defaults(), lr);
            solution.add("Step " + t + ": g = " + fmt(g) + (adam ? ", m = " + fmt(m) + ", v = " + fmt(v)
                    : ", b = " + fmt(m)) + ", w = " + fmt(w));
            ArrayNode row = steps.addArray();
            for (double x : w) {
                row.add(x);
            }
        }
        ObjectNode given = Answers.object();
        given.put("optimizer", optimizer);
        given.put("lr", lr);
        ArrayNode gw = given.putArray("w");
        for (double x : w0) {
            gw.add(x);
        }
        ArrayNode gg = given.putArray("gradients");
        for (double[] g : grads) {
            ArrayNode row = gg.addArray();
            for (double x : g) {
                row.add(x);
            }
        }
        ObjectNode answer = Answers.object();
        answer.set("w", steps);
        String question = (adam ? "Adam" : "SGD with momentum 0.9") + " with learning rate " + fmt(lr) + " starts at w = "
                + fmt(w0) + ". The gradients at the first two steps are " + fmt(grads[0]) + " and " + fmt(grads[1])
                + ". Give w after step 1 and after step 2 (PyTorch's update rule).";
        List<String> labels = new ArrayList<>();
        for (int s = 0; s < steps.size(); s++) {
            for (int i = 0; i < steps.get(s).size(); i++) {
                labels.add((steps.get(s).size() == 1 ? "w" : "w" + (i + 1)) + " after step " + (s + 1));
            }
        }
        return new Exercise("optimizer-step", question, given, answer, solution, labels);
    }

    private static String fmt(double v) {
        return app.descent.graph.ComputationGraph.format(v);
    }

    private static String fmt(double[] v) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(fmt(v[i]));
        }
        return b.append(")").toString();
    }
}
