package app.descent.practice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Receptive field side of a stack of convolutions/poolings: r = 1 + Σ (k_i − 1)·Π_{j<i} s_j. */
public final class ReceptiveFieldTopic implements Topic {
    private static final int[] KERNELS = {1, 2, 3, 3, 3, 5, 7};

    @Override
    public String id() {
        return "receptive-field";
    }

    @Override
    public String title() {
        return "Receptive field of a conv stack";
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = r.nextInt(2, 6);
        int[][] layers = new int[n][];
        for (int i = 0; i < n; i++) {
            int k = KERNELS[r.nextInt(KERNELS.length)];
            int s = r.nextInt(3) == 0 ? 2 : 1;
            if (k == 2) {
                s = 2; // a 2×2 window is the usual pooling
            }
            layers[i] = new int[] {k, s};
        }
        return exercise(layers);
    }

    /** @param layers {kernel, stride} per layer, first layer first */
    public static Exercise exercise(int[][] layers) {
        ObjectNode given = Answers.object();
        ArrayNode list = given.putArray("layers");
        List<String> solution = new ArrayList<>();
        solution.add("Start from one output pixel: r = 1, jump j = 1 (input pixels between neighbouring positions).");
        long rf = 1;
        long jump = 1;
        StringBuilder desc = new StringBuilder();
        for (int i = 0; i < layers.length; i++) {
            int k = layers[i][0];
            int s = layers[i][1];
            list.addObject().put("kernel", k).put("stride", s);
            long before = rf;
            rf += (long) (k - 1) * jump;
            solution.add("Layer " + (i + 1) + " (kernel " + k + ", stride " + s + "): r = " + before + " + (" + k
                    + " − 1)·" + jump + " = " + rf + "; j = " + jump + "·" + s + " = " + jump * s);
            jump *= s;
            desc.append(i == 0 ? "" : ", ").append(k).append("×").append(k).append(" stride ").append(s);
        }
        solution.add("Receptive field: " + rf + "×" + rf + " input pixels.");
        ObjectNode answer = Answers.object();
        answer.put("receptiveField", rf);
        String question = "A network applies, in order, " + layers.length + " layers (no dilation): " + desc
                + ". What is the side of the receptive field of one output position, in input pixels?";
        return new Exercise("receptive-field", question, given, answer, solution);
    }
}
