package app.descent.practice;

import app.descent.network.ImportResult;
import app.descent.network.PyTorchImporter;
import app.descent.network.ShapeInference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Output shape and parameters of a small nn.Sequential, answered by the importer and shape inference. */
public final class SequentialShapeTopic implements Topic {
    @Override
    public String id() {
        return "sequential-shape";
    }

    @Override
    public String title() {
        return "Shapes and parameters of an nn.Sequential";
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        while (true) {
            Exercise e = attempt(r);
            if (e != null) {
                return e;
            }
        }
    }

    private static Exercise attempt(SplittableRandom r) {
        int c = r.nextBoolean() ? 1 : 3;
        int side = new int[] {16, 24, 28, 32}[r.nextInt(4)];
        List<Integer> input = List.of(1, c, side, side);
        List<String> lines = new ArrayList<>();
        int h = side;
        int blocks = r.nextInt(1, 3);
        for (int b = 0; b < blocks; b++) {
            int out = new int[] {4, 6, 8, 16, 32}[r.nextInt(5)];
            int k = new int[] {3, 3, 5}[r.nextInt(3)];
            int stride = r.nextInt(4) == 0 ? 2 : 1;
            int pad = r.nextBoolean() ? k / 2 : 0;
            StringBuilder conv = new StringBuilder("nn.Conv2d(" + c + ", " + out + ", kernel_size=" + k);
            if (stride != 1) {
                conv.append(", stride=").append(stride);
            }
            if (pad != 0) {
                conv.append(", padding=").append(pad);
            }
            lines.add(conv.append(")").toString());
            h = Math.floorDiv(h + 2 * pad - k, stride) + 1;
            if (r.nextInt(4) == 0) {
                lines.add("nn.BatchNorm2d(" + out + ")");
            }
            lines.add(r.nextInt(3) == 0 ? "nn.Tanh()" : "nn.ReLU()");
            if (r.nextInt(3) != 0) {
                lines.add("nn.MaxPool2d(2)");
                h = h / 2;
            }
            c = out;
            if (h < 2) {
                return null;
            }
        }
        lines.add("nn.Flatten()");
        int features = c * h * h;
        int hidden = new int[] {10, 32, 64, 100, 120}[r.nextInt(5)];
        if (r.nextBoolean()) {
            lines.add("nn.Linear(" + features + ", " + hidden + ")");
            lines.add("nn.ReLU()");
            features = hidden;
        }
        lines.add("nn.Linear(" + features + ", " + new int[] {2, 5, 10}[r.nextInt(3)] + ")");
        StringBuilder code = new StringBuilder("import torch.nn as nn\n\nmodel = nn.Sequential(\n");
        for (String l : lines) {
            code.append("    ").append(l).append(",\n");
        }
        code.append(")\n");
        return exercise(code.toString(), input);
    }

    public static Exercise exercise(String code, List<Integer> input) {
        ImportResult imported = PyTorchImporter.importCode(code);
        if (!imported.ignored().isEmpty()) {
            throw new IllegalStateException("generated code not understood: " + imported.ignored());
        }
        ShapeInference.Result result = ShapeInference.infer(imported.network(), input);
        ObjectNode given = Answers.object();
        given.put("code", code);
        given.set("input", Answers.ints(input));
        ObjectNode answer = Answers.object();
        answer.set("outputShape", Answers.ints(result.outputShape()));
        answer.put("params", result.params());
        List<String> solution = new ArrayList<>();
        for (ShapeInference.LayerResult l : result.layers()) {
            solution.add("Layer " + l.index() + " " + l.type() + ": " + l.inputShape() + " → " + l.outputShape()
                    + ", " + l.params() + " parameters");
        }
        solution.add("Output shape " + result.outputShape() + "; total parameters " + result.params() + ".");
        String question = "Given this model and an input tensor of shape " + input
                + ", what is the output shape and how many learnable parameters does the model have?\n" + code;
        return new Exercise("sequential-shape", question, given, answer, solution);
    }
}
