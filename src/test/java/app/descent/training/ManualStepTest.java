package app.descent.training;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.catalog.Activation;
import app.descent.network.Layer;
import app.descent.network.LayerSpec;
import app.descent.training.data.DataSplit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The step without autograd ({@link ManualStep}) against autograd's on the same weights and batch: the same loss and
 * gradients for every activation whose slope is written, the same trajectory under Adam and gradient clipping, and
 * every other network still trained through autograd.
 */
class ManualStepTest {
    static Layer l(String name, String type, Object... kv) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            args.put((String) kv[k], kv[k + 1]);
        }
        return new Layer(name, LayerSpec.kw(type, args));
    }

    static DataSplit xor() {
        return DataSplit.load("xor", new DataSplit.Options(200, 0.05, 1, 0, 0.1));
    }

    static TrainingRun.Settings settings(String optimizer, double lr, double clipNorm) {
        return new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of(optimizer, lr), Initializer.parse("default"),
                16, 2, 7, Schedule.CONSTANT, clipNorm, 0, "cpu");
    }

    static int[] first(int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return indices;
    }

    /** Loss and every gradient of one step on the same batch: manual against autograd. */
    static void sameStep(List<Layer> layers, String what) {
        DataSplit data = xor();
        TrainingRun.StepGradients manual;
        TrainingRun.StepGradients autograd;
        try (TrainingRun m = new TrainingRun(0, layers, data, settings("sgd", 0.1, 0));
             TrainingRun a = new TrainingRun(0, layers, data, settings("sgd", 0.1, 0)).autogradOnly()) {
            assertThat(m.manualStep()).as(what + " qualifies for the manual step").isTrue();
            manual = m.stepGradients(first(32));
            autograd = a.stepGradients(first(32));
        }
        assertThat(manual.loss()).as(what + ": loss").isCloseTo(autograd.loss(),
                org.assertj.core.data.Offset.offset(1e-6 * Math.abs(autograd.loss())));
        assertThat(manual.gradients().keySet()).as(what).containsExactlyElementsOf(autograd.gradients().keySet());
        for (var e : autograd.gradients().entrySet()) {
            float[] want = e.getValue();
            float[] got = manual.gradients().get(e.getKey());
            double scale = 0;
            for (float v : want) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertThat(scale).as(what + ": " + e.getKey() + " has a gradient to compare").isPositive();
            for (int i = 0; i < want.length; i++) {
                assertThat((double) got[i]).as("%s: %s's gradient entry %d", what, e.getKey(), i)
                        .isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-6 * scale));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void everyActivationWithASlopeStepsAsAutogradDoes(Activation a) {
        List<Layer> layers = TrainingRunTest.mlp(2, 8, 2, a.torchName());
        if (TorchLayers.definition(a, Map.of()).slope() == null) {
            try (TrainingRun run = new TrainingRun(0, layers, xor(), settings("sgd", 0.1, 0))) {
                assertThat(run.manualStep()).as(a + " has no slope: autograd trains it").isFalse();
            }
            return;
        }
        sameStep(layers, a.torchName());
    }

    @Test
    void theActivationsThatTheBenchAndTheCourseUseHaveTheirSlope() {
        for (Activation a : List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID, Activation.LEAKY_RELU,
                Activation.IDENTITY)) {
            assertThat(TorchLayers.definition(a, Map.of()).slope()).as(a.torchName()).isNotNull();
        }
    }

    @Test
    void aMixedStackWithFlattenABiaslessLayerAndAnotherLeakStepsAsAutogradDoes() {
        sameStep(List.of(l("0", "Flatten"), l("1", "Linear", "in_features", 2, "out_features", 8, "bias", false),
                l("2", "Tanh"), l("3", "Linear", "in_features", 8, "out_features", 8),
                l("4", "LeakyReLU", "negative_slope", 0.3), l("5", "Linear", "in_features", 8, "out_features", 8),
                l("6", "Sigmoid"), l("7", "Linear", "in_features", 8, "out_features", 8), l("8", "ReLU"),
                l("9", "Identity"), l("10", "Linear", "in_features", 8, "out_features", 2)), "mixed stack");
    }

    /** Losses of every step of a short run. */
    static List<Double> losses(TrainingRun run) {
        List<Double> losses = new ArrayList<>();
        run.runToEnd(e -> {
            if (e instanceof TrainingEvent.Step s) {
                losses.add(s.loss());
            }
        });
        return losses;
    }

    @Test
    void underAdamAndClippingTheRunFollowsAutogradsStepByStep() {
        List<Layer> layers = TrainingRunTest.mlp(2, 8, 2, "ReLU");
        for (String optimizer : List.of("adam", "adamw", "momentum")) {
            for (double clip : new double[] {0, 0.05}) {
                List<Double> manual;
                List<Double> autograd;
                try (TrainingRun m = new TrainingRun(0, layers, xor(), settings(optimizer, 0.05, clip));
                     TrainingRun a = new TrainingRun(0, layers, xor(), settings(optimizer, 0.05, clip)).autogradOnly()) {
                    assertThat(m.manualStep()).isTrue();
                    manual = losses(m);
                    autograd = losses(a);
                }
                String what = optimizer + " clipped at " + clip;
                assertThat(manual).as(what).hasSameSizeAs(autograd).hasSizeGreaterThan(10);
                // the losses move: a wrong update would show within a few steps
                assertThat(manual.get(manual.size() - 1)).as(what).isNotEqualTo(manual.get(0));
                for (int i = 0; i < manual.size(); i++) {
                    assertThat(manual.get(i)).as("%s, step %d", what, i + 1).isCloseTo(autograd.get(i),
                            org.assertj.core.data.Offset.offset(1e-5 * Math.abs(autograd.get(i))));
                }
            }
        }
    }

    @Test
    void networksTheManualStepDoesNotCoverStillTrainThroughAutograd() {
        List<List<Layer>> others = List.of(
                List.of(l("0", "Linear", "in_features", 2, "out_features", 16), l("1", "Dropout", "p", 0.1),
                        l("2", "Tanh"), l("3", "Linear", "in_features", 16, "out_features", 2)),
                List.of(l("0", "Linear", "in_features", 2, "out_features", 16), l("1", "GELU"),
                        l("2", "Linear", "in_features", 16, "out_features", 2)),
                List.of(l("0", "Linear", "in_features", 2, "out_features", 16), l("1", "LayerNorm", "normalized_shape", 16),
                        l("2", "Tanh"), l("3", "Linear", "in_features", 16, "out_features", 2)));
        for (List<Layer> layers : others) {
            TrainingRun.Settings s = new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of("adam", 0.02),
                    Initializer.parse("default"), 10, 8, 3, Schedule.CONSTANT, 0, 0, "cpu");
            List<TrainingEvent.Epoch> epochs = new ArrayList<>();
            try (TrainingRun run = new TrainingRun(0, layers, TrainingRunTest.xor(1), s)) {
                assertThat(run.manualStep()).as(layers.get(1).type()).isFalse();
                run.runToEnd(e -> {
                    if (e instanceof TrainingEvent.Epoch ep) {
                        epochs.add(ep);
                    }
                });
            }
            assertThat(epochs.get(7).trainLoss()).as(layers.get(1).type()).isLessThan(epochs.get(0).trainLoss() * 0.7);
        }
        // a loss other than cross-entropy
        TrainingRun.Settings mse = new TrainingRun.Settings(Losses.Kind.MSE, OptimizerSpec.of("adam", 0.02),
                Initializer.parse("default"), 10, 1, 3, Schedule.CONSTANT, 0, 0, "cpu");
        try (TrainingRun run = new TrainingRun(0, TrainingRunTest.mlp(2, 8, 2, "Tanh"), TrainingRunTest.xor(1), mse)) {
            assertThat(run.manualStep()).as("mse").isFalse();
        }
    }
}
