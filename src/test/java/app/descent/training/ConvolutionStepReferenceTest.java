package app.descent.training;

import app.descent.network.Layer;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import app.descent.training.data.DataSplit;
import app.descent.training.data.Examples;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CNN's training step (training mode: batch norm on the batch's statistics) computes PyTorch's loss and gradients
 * for every parameter, whatever libtorch's thread count: 1, 2 and 3 threads, switched at run time in this JVM as
 * DJL's {@code ai.djl.pytorch.num_threads} does at start. The expected gradients come from PyTorch on the same
 * weights and batch (tools/reference/conv_step.py), which gives the same figures at 1, 2 and 3 threads.
 *
 * <p>libtorch's own convolution (oneDNN's AVX-512 kernels) got the gradient below the second convolution wrong on
 * AVX-512 machines: layer 0's gradient norm was 0.52 at one thread, 1.22–1.30 at two and three, PyTorch's 1.280.
 */
class ConvolutionStepReferenceTest {
    static final Path DIR = Path.of("src", "test", "resources", "reference");
    static final ObjectMapper JSON = new ObjectMapper();

    static Layer l(String name, String type, Object... kv) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            args.put((String) kv[k], kv[k + 1]);
        }
        return new Layer(name, app.descent.network.LayerSpec.kw(type, args));
    }

    record Case(String name, List<Layer> layers, String weights, int batch) {
    }

    static final List<Case> CASES = List.of(
            // the network of issue 13, with the weights InspectionReferenceTest uses
            new Case("cnn", List.of(l("0", "Conv2d", "in_channels", 1, "out_channels", 4, "kernel_size", 3),
                    l("1", "ReLU"), l("2", "MaxPool2d", "kernel_size", 2),
                    l("3", "Conv2d", "in_channels", 4, "out_channels", 8, "kernel_size", 3, "padding", 1),
                    l("4", "BatchNorm2d", "num_features", 8), l("5", "LeakyReLU"), l("6", "Flatten"),
                    l("7", "Linear", "in_features", 8 * 13 * 13, "out_features", 10)), "inspect-cnn.npz", 16),
            // stride, dilation, groups and no bias
            new Case("cnn2", List.of(
                    l("0", "Conv2d", "in_channels", 1, "out_channels", 4, "kernel_size", 3, "stride", 2, "padding", 1),
                    l("1", "ReLU"),
                    l("2", "Conv2d", "in_channels", 4, "out_channels", 8, "kernel_size", 3, "padding", 2,
                            "dilation", 2, "groups", 2, "bias", false),
                    l("3", "MaxPool2d", "kernel_size", 2), l("4", "Tanh"), l("5", "Flatten"),
                    l("6", "Linear", "in_features", 8 * 7 * 7, "out_features", 10)), "step-cnn2.npz", 24));

    static DataSplit data() {
        return DataSplit.load("mnist", new DataSplit.Options(500, -1, 3, 600, 0.1));
    }

    static TrainingRun run(Case c, DataSplit data) {
        return new TrainingRun(0, c.layers(), data, new TrainingRun.Settings(Losses.Kind.CE,
                OptimizerSpec.of("sgd", 0.1), Initializer.parse("kaiming"), 32, 1, 5, Schedule.CONSTANT, 0, 0, "cpu"));
    }

    static int[] firstExamples(int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return indices;
    }

    @ParameterizedTest(name = "libtorch with {0} thread(s)")
    @ValueSource(ints = {1, 2, 3})
    void gradientsAgreeWithPyTorch(int threads) throws IOException {
        DataSplit data = data();
        ai.djl.engine.Engine.getEngine(ComputeEngine.ENGINE);
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        try {
            assertThat(JniUtils.getNumThreads()).isEqualTo(threads);
            for (Case c : CASES) {
                Map<String, float[]> expected = new HashMap<>();
                try (NDManager m = NDManager.newBaseManager()) {
                    for (NDArray a : NDList.decode(m, Files.readAllBytes(DIR.resolve("step-" + c.name() + "-grads.npz")))) {
                        expected.put(a.getName(), a.toFloatArray());
                    }
                }
                TrainingRun.StepGradients got;
                try (TrainingRun run = run(c, data)) {
                    run.loadWeights(Files.readAllBytes(DIR.resolve(c.weights())));
                    got = run.stepGradients(firstExamples(c.batch()));
                }
                String at = c.name() + " at " + threads + " thread(s): ";
                assertThat(got.loss()).as(at + "loss").isCloseTo(expected.get("loss")[0],
                        org.assertj.core.data.Offset.offset(1e-5 * Math.abs(expected.get("loss")[0])));
                assertThat(got.gradients().keySet()).as(at + "parameters")
                        .containsExactlyInAnyOrderElementsOf(expected.keySet().stream().filter(k -> !k.equals("loss")).toList());
                for (var e : got.gradients().entrySet()) {
                    float[] torch = expected.get(e.getKey());
                    float[] ours = e.getValue();
                    double scale = 0;
                    for (float v : torch) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    double worst = 0;
                    for (int i = 0; i < torch.length; i++) {
                        worst = Math.max(worst, Math.abs(ours[i] - torch[i]));
                    }
                    // elementwise, against the largest entry: float sums in another order differ by ~1e-6 of it (a
                    // bias before batch norm has a gradient of 0 up to rounding, ~1e-7)
                    assertThat(worst).as(at + e.getKey() + "'s gradient: largest difference from PyTorch's, whose "
                            + "largest entry is " + scale).isLessThanOrEqualTo(1e-4 * Math.max(scale, 1e-2));
                }
            }
        } finally {
            JniUtils.setNumThreads(before);
        }
    }
}
