package app.descent.training;

import app.descent.network.LayerSpec;
import app.descent.network.Layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.descent.training.data.DataSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingRunTest {
    static List<Layer> mlp(int in, int hidden, int out, String activation) {
        return List.of(new Layer("0", LayerSpec.kw("Linear", Map.of("in_features", in, "out_features", hidden))),
                new Layer("1", LayerSpec.kw(activation, Map.of())),
                new Layer("2", LayerSpec.kw("Linear", Map.of("in_features", hidden, "out_features", hidden))),
                new Layer("3", LayerSpec.kw(activation, Map.of())),
                new Layer("4", LayerSpec.kw("Linear", Map.of("in_features", hidden, "out_features", out))));
    }

    static DataSplit xor(long seed) {
        return DataSplit.load("xor", new DataSplit.Options(500, 0.05, seed, 0, 0.1));
    }

    static TrainingRun.Settings settings(String optimizer, double lr, int epochs, long seed) {
        return new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of(optimizer, lr), Initializer.parse("default"),
                10, epochs, seed, Schedule.CONSTANT, 0, 0, "cpu");
    }

    private static List<Double> losses(long seed) {
        List<Double> losses = new ArrayList<>();
        try (TrainingRun run = new TrainingRun(0, mlp(2, 8, 2, "Tanh"), xor(1), settings("sgd", 0.1, 2, seed))) {
            run.runToEnd(e -> {
                if (e instanceof TrainingEvent.Step s) {
                    losses.add(s.loss());
                }
            });
        }
        return losses;
    }

    @Test
    void clippingLeavesNoArraysBehind() throws Exception {
        TrainingRun.Settings s = new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of("sgd", 0.1),
                Initializer.parse("default"), 10, 100, 1, Schedule.CONSTANT, 0.5, 0, "cpu");
        try (TrainingRun run = new TrainingRun(0, mlp(2, 8, 2, "Tanh"), xor(1), s)) {
            for (int i = 0; i < 50; i++) {
                run.advance();
            }
            int live = liveResources(run.manager());
            for (int i = 0; i < 200; i++) {
                run.advance();
            }
            assertThat(liveResources(run.manager())).isEqualTo(live);
        }
    }

    @Test
    void layerNormTrainsOverTheFeatures() {
        List<Layer> net = List.of(new Layer("0", LayerSpec.kw("Linear", Map.of("in_features", 2, "out_features", 16))),
                new Layer("1", LayerSpec.kw("LayerNorm", Map.of("normalized_shape", List.of(16)))),
                new Layer("2", LayerSpec.kw("ReLU", Map.of())),
                new Layer("3", LayerSpec.kw("Linear", Map.of("in_features", 16, "out_features", 2))));
        List<TrainingEvent.Epoch> epochs = new ArrayList<>();
        try (TrainingRun run = new TrainingRun(0, net, xor(1), settings("adam", 0.02, 10, 3))) {
            run.runToEnd(e -> {
                if (e instanceof TrainingEvent.Epoch ep) {
                    epochs.add(ep);
                }
            });
            // LayerNorm's γ and β are trained: 16 + 16 beside the Linear layers' 48 + 34
            assertThat(run.inspect(8).layers().get(1).weight().count()).isEqualTo(16);
        }
        assertThat(epochs.get(9).trainLoss()).isLessThan(epochs.get(0).trainLoss() / 2);
    }

    @Test
    void learnsXor() {
        List<TrainingEvent.Epoch> epochs = new ArrayList<>();
        TrainingEvent last;
        try (TrainingRun run = new TrainingRun(0, mlp(2, 8, 2, "Tanh"), xor(1), settings("adam", 0.02, 25, 3))) {
            last = run.runToEnd(e -> {
                if (e instanceof TrainingEvent.Epoch ep) {
                    epochs.add(ep);
                }
            });
        }
        assertThat(epochs).hasSize(25);
        assertThat(epochs.get(24).trainLoss()).isLessThan(epochs.get(0).trainLoss() / 3);
        assertThat(last).isInstanceOf(TrainingEvent.Done.class);
        assertThat(((TrainingEvent.Done) last).testAccuracy()).isGreaterThan(0.9);
        assertThat(((TrainingEvent.Done) last).steps()).isEqualTo(25 * 36);
    }

    @Test
    void sameSeedSameLossesBitForBitDifferentSeedDifferentRun() {
        List<Double> a = losses(5);
        List<Double> b = losses(5);
        List<Double> c = losses(6);
        assertThat(a).hasSize(72).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    private static long residentKb() throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    /** NDArrays and sub-managers alive under a manager (DJL keeps them in BaseNDManager's maps). */
    static int liveResources(Object manager) throws ReflectiveOperationException {
        var resources = ai.djl.ndarray.BaseNDManager.class.getDeclaredField("resources");
        var temp = ai.djl.ndarray.BaseNDManager.class.getDeclaredField("tempResources");
        resources.setAccessible(true);
        temp.setAccessible(true);
        var map = (java.util.Map<?, ?>) resources.get(manager);
        int n = map.size() + ((java.util.Map<?, ?>) temp.get(manager)).size();
        for (Object child : map.values()) {
            if (child instanceof ai.djl.ndarray.BaseNDManager m) {
                n += liveResources(m);
            }
        }
        return n;
    }

    @Test
    void nativeMemoryStaysFlatOverTenThousandSteps() throws Exception {
        try (TrainingRun run = new TrainingRun(0, mlp(2, 8, 2, "Tanh"), xor(1), settings("adam", 0.01, 1000, 2))) {
            for (int i = 0; i < 2000; i++) {
                run.advance();
            }
            int live = liveResources(run.manager());
            long[] outsideHeap = new long[4];
            for (int w = 0; w < outsideHeap.length; w++) {
                System.gc();
                outsideHeap[w] = residentKb() - Runtime.getRuntime().totalMemory() / 1024;
                for (int i = 0; i < 10_000 / (outsideHeap.length - 1) + 1 && w < outsideHeap.length - 1; i++) {
                    run.advance();
                }
            }
            // every array a step makes is freed with its step: the count of live arrays does not move
            assertThat(liveResources(run.manager())).isEqualTo(live);
            // and the process outside the Java heap does not grow with the steps (the native allocator keeps some
            // freed memory for reuse, so allow it a margin, far below what 10,000 steps of leaked arrays would take)
            long grown = outsideHeap[outsideHeap.length - 1] - outsideHeap[0];
            System.out.println("native memory outside the heap, KiB: " + java.util.Arrays.toString(outsideHeap));
            assertThat(grown).as("growth in KiB over 10,000 steps").isLessThan(96 * 1024);
            assertThat(run.steps()).isGreaterThanOrEqualTo(12_000);
        }
    }

    @Test
    void aHugeLearningRateIsStoppedWithAReason() {
        DataSplit mnist = DataSplit.load("mnist", new DataSplit.Options(500, -1, 1, 2000, 0.1));
        List<Layer> net = List.of(new Layer("0", LayerSpec.kw("Flatten", Map.of())),
                new Layer("1", LayerSpec.kw("Linear", Map.of("in_features", 784, "out_features", 64))),
                new Layer("2", LayerSpec.kw("ReLU", Map.of())),
                new Layer("3", LayerSpec.kw("Linear", Map.of("in_features", 64, "out_features", 10))));
        TrainingEvent last;
        try (TrainingRun run = new TrainingRun(0, net, mnist, settings("sgd", 1e6, 3, 1))) {
            last = run.runToEnd(e -> { });
        }
        assertThat(last).isInstanceOf(TrainingEvent.Diverged.class);
        assertThat(((TrainingEvent.Diverged) last).reason()).contains("lower learning rate");
    }

    @Test
    void declaredSizesAreCheckedAsPyTorchWould() {
        List<Layer> rgb = List.of(new Layer("0", LayerSpec.kw("Conv2d", Map.of("in_channels", 3, "out_channels", 4,
                "kernel_size", 3))), new Layer("1", LayerSpec.kw("Flatten", Map.of())),
                new Layer("2", LayerSpec.kw("Linear", Map.of("in_features", 4 * 26 * 26, "out_features", 10))));
        DataSplit mnist = DataSplit.load("mnist", new DataSplit.Options(500, -1, 1, 500, 0.1));
        assertThatThrownBy(() -> new TrainingRun(0, rgb, mnist, settings("sgd", 0.1, 1, 1)))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("layer 0 Conv2d expects 3 input channels but receives 1");
    }

    @Test
    void aNetworkThatDoesNotFitTheDataIsExplained() {
        assertThatThrownBy(() -> new TrainingRun(0, mlp(2, 8, 3, "ReLU"), xor(1), settings("sgd", 0.1, 1, 1)))
                .isInstanceOf(TrainingException.class).hasMessageContaining("needs 2 outputs");
        assertThatThrownBy(() -> new TrainingRun(0, mlp(2, 8, 2, "ReLU"), xor(1),
                new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of("sgd", 0.1), Initializer.parse("default"),
                        0, 1, 1, Schedule.CONSTANT, 0, 0, "cpu")))
                .isInstanceOf(TrainingException.class).hasMessageContaining("batch size");
        // one GPU past the last this machine has (gpu0 on a machine without one), so that it fails on any machine
        int gpus = ai.djl.engine.Engine.getInstance().getGpuCount();
        assertThatThrownBy(() -> new TrainingRun(0, mlp(2, 8, 2, "ReLU"), xor(1),
                new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of("sgd", 0.1), Initializer.parse("default"),
                        10, 1, 1, Schedule.CONSTANT, 0, 0, "gpu" + gpus)))
                .isInstanceOf(TrainingException.class).hasMessageContaining("no GPU " + gpus + " on this machine ("
                        + gpus + " found)");
    }

    /** The loss a run reports on a set, recomputed in Java from its probabilities and the set's labels. */
    private static double lossFromProbabilities(TrainingRun run, app.descent.training.data.Examples set) {
        float[] p = run.probabilities(set.x(), set.count());
        int per = p.length / set.count();
        double sum = 0;
        for (int i = 0; i < set.count(); i++) {
            int y = set.labels()[i];
            sum -= per == 1 ? (y == 1 ? Math.log(p[i]) : Math.log(1 - p[i])) : Math.log(p[i * per + y]);
        }
        return sum / set.count();
    }

    @Test
    void everyLossLearnsXorAndReportsTheLossOfItsLabels() {
        for (String last : List.of("Linear", "Sigmoid")) {
            for (Losses.Kind kind : Losses.Kind.values()) {
                if (last.equals("Sigmoid") && kind != Losses.Kind.BCE) {
                    continue;
                }
                List<Layer> net = new ArrayList<>(mlp(2, 8, kind == Losses.Kind.BCE ? 1 : 2, "Tanh"));
                if (last.equals("Sigmoid")) {
                    net.add(new Layer("5", LayerSpec.kw("Sigmoid", Map.of())));
                }
                TrainingRun.Settings s = new TrainingRun.Settings(kind, OptimizerSpec.of("adam", 0.02),
                        Initializer.parse("default"), 10, 25, 3, Schedule.CONSTANT, 0, 0, "cpu");
                TrainingEvent end;
                DataSplit data = xor(1);
                try (TrainingRun run = new TrainingRun(0, net, data, s)) {
                    end = run.runToEnd(e -> { });
                    if (kind != Losses.Kind.MSE) {
                        assertThat(run.evaluate(data.test()).loss()).as(kind + " after " + last)
                                .isCloseTo(lossFromProbabilities(run, data.test()), org.assertj.core.data.Offset.offset(1e-4));
                    }
                }
                assertThat(((TrainingEvent.Done) end).testAccuracy()).as(kind + " after " + last).isGreaterThan(0.9);
            }
        }
    }

    @Test
    void aCrossEntropyStepFollowsAutogradsGradient() {
        // one step over the whole training set with SGD at lr 1: each weight moves by minus autograd's gradient of
        // the same loss, which the inspector takes through Losses.crossEntropy and libtorch's own backward
        DataSplit data = xor(1);
        int n = data.train().count();
        TrainingRun.Settings s = new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of("sgd", 1.0),
                Initializer.parse("default"), n, 1, 4, Schedule.CONSTANT, 0, 0, "cpu");
        try (TrainingRun run = new TrainingRun(0, mlp(2, 8, 2, "Tanh"), data, s)) {
            Inspection before = run.inspect(n);
            TrainingEvent.Step step = (TrainingEvent.Step) run.advance().get(0);
            Inspection after = run.inspect(n);
            assertThat(step.loss()).isCloseTo(before.loss(), org.assertj.core.data.Offset.offset(1e-5));
            int weighted = 0;
            for (int k = 0; k < before.layers().size(); k++) {
                Inspection.Layer b = before.layers().get(k);
                if (!b.hasWeight()) {
                    continue;
                }
                weighted++;
                double moved = after.layers().get(k).weight().mean() - b.weight().mean();
                assertThat(b.gradient().norm()).as("layer " + k).isPositive();
                assertThat(moved).as("layer " + k).isCloseTo(-b.gradient().mean(),
                        org.assertj.core.data.Offset.offset(1e-6 + 1e-4 * Math.abs(b.gradient().mean())));
            }
            assertThat(weighted).isEqualTo(3);
        }
    }
}
