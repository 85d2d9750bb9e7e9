package app.descent.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The forward pass of a small fully-connected network. */
public final class MlpForwardTopic implements Topic {
    @Override
    public String id() {
        return "mlp-forward";
    }

    @Override
    public String title() {
        return "Forward pass of a small MLP";
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int inputs = r.nextInt(2, 4);
        double[] x = Mlp.randomVector(r, inputs, -2, 2);
        return exercise(x, Mlp.random(r, inputs));
    }

    public static Exercise exercise(double[] x, List<Mlp.Layer> layers) {
        ObjectNode given = Answers.object();
        given.set("x", Answers.array(x));
        given.set("layers", Mlp.json(layers, true));
        Mlp.Pass pass = Mlp.forward(x, layers);
        ObjectNode answer = Answers.object();
        answer.set("output", Answers.array(pass.output()));
        List<String> solution = new ArrayList<>();
        solution.add("a0 = x = " + Answers.vec(x));
        Mlp.forwardSteps(pass, layers, solution);
        solution.add("Output: " + Answers.vec(pass.output()));
        String question = "Compute the output of the network for x = " + Answers.vec(x) + " (each layer computes"
                + " a = act(W·a_prev + b)); " + Mlp.describe(layers) + ".";
        return new Exercise("mlp-forward", question, given, answer, solution);
    }
}
