package app.descent.practice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Unrolling a scalar recurrent network h_t = act(V·h_{t-1} + W·x_t). */
public final class RnnStepsTopic implements Topic {
    @Override
    public String id() {
        return "rnn-steps";
    }

    @Override
    public String title() {
        return "Unroll a scalar RNN";
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double v = nonZero(r);
        double w = nonZero(r);
        double h0 = r.nextInt(-3, 4);
        int steps = r.nextInt(3, 5);
        double[] x = new double[steps];
        for (int t = 0; t < steps; t++) {
            x[t] = r.nextInt(-2, 3);
        }
        String act = r.nextBoolean() ? "relu" : "tanh";
        return exercise(v, w, h0, x, act);
    }

    private static double nonZero(SplittableRandom r) {
        double v = Answers.half(r, -2, 2);
        return v == 0 ? 1 : v;
    }

    static double act(String activation, double z) {
        return switch (activation) {
            case "relu" -> Math.max(0, z);
            case "tanh" -> Math.tanh(z);
            default -> throw new IllegalArgumentException(activation);
        };
    }

    /** The exercise for given numbers (public so that a course's exam example can be replayed). */
    public static Exercise exercise(double v, double w, double h0, double[] x, String activation) {
        ObjectNode given = Answers.object();
        given.put("V", v);
        given.put("W", w);
        given.put("h0", h0);
        given.set("x", Answers.array(x));
        given.put("activation", activation);
        List<String> solution = new ArrayList<>();
        double[] h = new double[x.length];
        double prev = h0;
        for (int t = 0; t < x.length; t++) {
            double z = v * prev + w * x[t];
            h[t] = act(activation, z);
            solution.add("h" + (t + 1) + " = " + activation + "(V·h" + t + " + W·x" + (t + 1) + ") = " + activation + "("
                    + Answers.fmt(v) + "·" + Answers.fmt(prev) + " + " + Answers.fmt(w) + "·" + Answers.fmt(x[t]) + ") = "
                    + activation + "(" + Answers.fmt(z) + ") = " + Answers.fmt(h[t]));
            prev = h[t];
        }
        ObjectNode answer = Answers.object();
        ArrayNode hs = answer.putArray("h");
        for (double value : h) {
            hs.add(value);
        }
        String question = "A recurrent network with one scalar hidden unit computes $h_t = \\mathrm{" + activation
                + "}(V h_{t-1} + W x_t)$ with V = " + Answers.fmt(v) + ", W = " + Answers.fmt(w) + " and h0 = "
                + Answers.fmt(h0) + ". Given the inputs x = " + Answers.vec(x) + ", compute h1 to h" + x.length + ".";
        return new Exercise("rnn-steps", question, given, answer, solution);
    }
}
