package app.descent.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Output shape, parameters and multiplications of one Conv2d, compared with a fully-connected layer. */
public final class ConvParamsTopic implements Topic {
    private static final int[] CHANNELS = {1, 3, 4, 8, 16, 32, 64};
    private static final int[] SIDES = {5, 7, 8, 12, 16, 28, 32, 64};

    @Override
    public String id() {
        return "conv-params";
    }

    @Override
    public String title() {
        return "Conv2d: output shape, parameters, multiplications";
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        while (true) {
            int inC = CHANNELS[r.nextInt(CHANNELS.length)];
            int outC = CHANNELS[r.nextInt(1, CHANNELS.length)];
            int k = new int[] {1, 3, 3, 5, 7}[r.nextInt(5)];
            int h = SIDES[r.nextInt(SIDES.length)];
            int w = r.nextInt(3) == 0 ? SIDES[r.nextInt(SIDES.length)] : h;
            int stride = r.nextInt(3) == 0 ? 2 : 1;
            int padding = r.nextInt(3) == 0 ? 0 : k / 2;
            boolean bias = r.nextInt(4) != 0;
            if (h + 2 * padding >= k && w + 2 * padding >= k) {
                return exercise(inC, outC, k, h, w, stride, padding, bias);
            }
        }
    }

    static int out(int size, int k, int stride, int padding) {
        return Math.floorDiv(size + 2 * padding - k, stride) + 1;
    }

    public static Exercise exercise(int inC, int outC, int k, int h, int w, int stride, int padding, boolean bias) {
        int oh = out(h, k, stride, padding);
        int ow = out(w, k, stride, padding);
        long weights = (long) outC * inC * k * k;
        long params = weights + (bias ? outC : 0);
        long products = (long) outC * oh * ow * inC * k * k;
        ObjectNode given = Answers.object();
        given.put("inChannels", inC).put("outChannels", outC).put("kernel", k).put("height", h).put("width", w)
                .put("stride", stride).put("padding", padding).put("bias", bias);
        ObjectNode answer = Answers.object();
        answer.set("outputShape", Answers.ints(List.of(outC, oh, ow)));
        answer.put("params", params);
        answer.put("products", products);
        List<String> solution = new ArrayList<>();
        solution.add("Output height: ⌊(H + 2p − k)/s⌋ + 1 = ⌊(" + h + " + 2·" + padding + " − " + k + ")/" + stride
                + "⌋ + 1 = " + oh);
        solution.add("Output width: ⌊(W + 2p − k)/s⌋ + 1 = ⌊(" + w + " + 2·" + padding + " − " + k + ")/" + stride
                + "⌋ + 1 = " + ow);
        solution.add("Output shape: [" + outC + ", " + oh + ", " + ow + "] (one channel per filter).");
        solution.add("Weights: outC·inC·k·k = " + outC + "·" + inC + "·" + k + "·" + k + " = " + weights
                + (bias ? "; biases: one per filter = " + outC + "; total " + params : "; no bias; total " + params)
                + ". The same filters are shared by every position, so the count does not depend on H and W.");
        solution.add("Multiplications: each of the " + outC + "·" + oh + "·" + ow + " = " + (long) outC * oh * ow
                + " outputs needs inC·k·k = " + (long) inC * k * k + " products: " + products);
        long fcIn = (long) inC * h * w;
        long fcOut = (long) outC * oh * ow;
        long fc = fcIn * fcOut + (bias ? fcOut : 0);
        solution.add("Fully-connected counterpart: a Linear from inC·H·W = " + fcIn + " to outC·outH·outW = " + fcOut
                + " would need " + fcIn + "·" + fcOut + (bias ? " + " + fcOut : "") + " = " + fc + " parameters ("
                + (params == 0 ? "n/a" : Answers.fmt((double) fc / params) + "× as many")
                + "): local connectivity and weight sharing are what make the convolution cheap.");
        String question = "An input of " + inC + " channels of " + h + "×" + w + " goes through nn.Conv2d(" + inC + ", "
                + outC + ", kernel_size=" + k + ", stride=" + stride + ", padding=" + padding
                + (bias ? "" : ", bias=False") + "). Give the output shape [C, H, W], the number of learnable"
                + " parameters, and the number of multiplications.";
        return new Exercise("conv-params", question, given, answer, solution,
                List.of("output C", "output H", "output W", "parameters", "multiplications"));
    }
}
