package app.descent.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.SplittableRandom;

/** Depth against width: what one more layer or one more unit per layer costs in weights. */
public final class DepthWidthTopic implements Topic {
    @Override
    public String id() {
        return "depth-width";
    }

    @Override
    public String title() {
        return "Depth vs width: weight counts";
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return exercise(r.nextInt(2, 13), r.nextInt(4, 65), r.nextBoolean());
    }

    /** K fully-connected layers of D units each, D inputs, D outputs ({@code bias}: each layer has D biases). */
    public static Exercise exercise(int layers, int units, boolean bias) {
        long perLayer = (long) units * units + (bias ? units : 0);
        long base = layers * perLayer;
        long deeper = (layers + 1) * perLayer;
        long wider = layers * ((long) (units + 1) * (units + 1) + (bias ? units + 1 : 0));
        ObjectNode given = Answers.object();
        given.put("layers", layers);
        given.put("units", units);
        given.put("bias", bias);
        ObjectNode answer = Answers.object();
        answer.put("params", base);
        answer.put("oneMoreLayer", deeper);
        answer.put("oneMoreUnit", wider);
        String b = bias ? " + " + units : "";
        List<String> solution = List.of(
                "Each layer maps " + units + " values to " + units + ": " + units + "·" + units + b + " = " + perLayer
                        + " parameters.",
                "K = " + layers + " layers: " + layers + " · " + perLayer + " = " + base + ".",
                "One more layer adds one more " + perLayer + ": " + deeper + " (+" + (deeper - base) + ").",
                "One more unit in every layer makes each " + (units + 1) + "·" + (units + 1)
                        + (bias ? " + " + (units + 1) : "") + ": " + wider + " (+" + (wider - base) + ").",
                (wider - base) > (deeper - base)
                        ? "Widening costs more here: the weights grow with the square of the width, linearly with depth."
                        : "Deepening costs more here: with few layers, one extra layer outweighs one extra unit each.");
        String question = "A network has K = " + layers + " fully-connected layers of D = " + units + " units each ("
                + units + " inputs, " + (bias ? "with" : "without") + " biases). How many parameters does it have, how "
                + "many with one more layer, and how many with one more unit in every layer?";
        return new Exercise("depth-width", question, given, answer, solution);
    }
}
