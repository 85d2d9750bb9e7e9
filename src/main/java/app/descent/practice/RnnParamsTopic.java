package app.descent.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Parameter count of a one-layer RNN, LSTM or GRU as PyTorch counts it. */
public final class RnnParamsTopic implements Topic {
    private static final int[] SIZES = {1, 2, 3, 4, 5, 8, 10, 16, 20, 32, 50, 64, 100, 128};

    @Override
    public String id() {
        return "rnn-params";
    }

    @Override
    public String title() {
        return "Parameters of an RNN, LSTM or GRU";
    }

    static int gates(String cell) {
        return switch (cell) {
            case "rnn" -> 1;
            case "lstm" -> 4;
            case "gru" -> 3;
            default -> throw new IllegalArgumentException(cell);
        };
    }

    static String pytorchName(String cell) {
        return switch (cell) {
            case "rnn" -> "RNN";
            case "lstm" -> "LSTM";
            default -> "GRU";
        };
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String cell = List.of("rnn", "lstm", "gru").get(r.nextInt(3));
        int in = SIZES[r.nextInt(SIZES.length)];
        int hidden = SIZES[r.nextInt(2, SIZES.length)];
        boolean bias = r.nextInt(4) != 0;
        return exercise(cell, in, hidden, bias);
    }

    public static Exercise exercise(String cell, int in, int hidden, boolean bias) {
        int g = gates(cell);
        long weights = (long) g * hidden * (in + hidden);
        long biases = bias ? 2L * g * hidden : 0;
        ObjectNode given = Answers.object();
        given.put("cell", cell);
        given.put("inputSize", in);
        given.put("hiddenSize", hidden);
        given.put("bias", bias);
        ObjectNode answer = Answers.object();
        answer.put("params", weights + biases);
        List<String> solution = new ArrayList<>();
        solution.add("nn." + pytorchName(cell) + " has " + g + (g == 1 ? " gate (the cell itself)"
                : cell.equals("lstm") ? " gates (input, forget, cell, output)" : " gates (reset, update, new)")
                + ", each with its own weights.");
        solution.add("Input-to-hidden weights weight_ih: " + g + "·H × I = " + g + "·" + hidden + " × " + in + " = "
                + (long) g * hidden * in);
        solution.add("Hidden-to-hidden weights weight_hh: " + g + "·H × H = " + g + "·" + hidden + " × " + hidden + " = "
                + (long) g * hidden * hidden);
        solution.add(bias ? "Biases: PyTorch keeps two bias vectors, bias_ih and bias_hh, each of " + g + "·H = "
                + (long) g * hidden + ", so 2·" + g + "·" + hidden + " = " + biases
                : "bias=False: no bias vectors.");
        solution.add("Total: " + g + "·" + hidden + "·(" + in + " + " + hidden + ")" + (bias ? " + " + biases : "")
                + " = " + (weights + biases));
        String question = "How many learnable parameters does nn." + pytorchName(cell) + "(input_size=" + in
                + ", hidden_size=" + hidden + (bias ? "" : ", bias=False") + ") have (one layer, one direction)?";
        return new Exercise("rnn-params", question, given, answer, solution);
    }
}
