package app.descent.training;

import app.descent.network.LayerSpec;
import app.descent.network.Layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import app.descent.training.data.DataSplit;
import app.descent.training.data.Examples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectionTest {

    private static Layer linear(int in, int out, String name) {
        return new Layer(name, LayerSpec.kw("Linear", Map.of("in_features", in, "out_features", out)));
    }

    private static Layer layer(String type, String name) {
        return new Layer(name, LayerSpec.kw(type, Map.of()));
    }

    private static TrainingRun.Settings settings(String optimizer, int batch, long seed) {
        return new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of(optimizer, 0.01), Initializer.parse("default"),
                batch, 3, seed, Schedule.CONSTANT, 0, 0, "cpu");
    }

    /** A state_dict archive: each entry's shape is {rows, cols} or {n}. */
    private static byte[] npz(Map<String, float[][]> arrays) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList list = new NDList();
            arrays.forEach((key, rows) -> {
                NDArray a = rows.length == 1 && key.endsWith("bias") ? m.create(rows[0]) : m.create(rows);
                a.setName(key);
                list.add(a);
            });
            return list.encode(NDList.Encoding.NPZ);
        }
    }

    @Test
    void unitsThatAreZeroForEveryExampleAreDead() {
        // xor's points lie in [-1, 1]²: unit 0 is always −1 before the ReLU, unit 3 always 0, units 1 and 2 live
        Map<String, float[][]> w = new LinkedHashMap<>();
        w.put("0.weight", new float[][] {{0, 0}, {0, 0}, {1, 0}, {0, 0}});
        w.put("0.bias", new float[][] {{-1, 1, 0, 0}});
        w.put("2.weight", new float[][] {{1, 1, 1, 1}, {-1, -1, -1, -1}});
        w.put("2.bias", new float[][] {{0, 0}});
        List<Layer> net = List.of(linear(2, 4, "0"), layer("ReLU", "1"), linear(4, 2, "2"));
        DataSplit data = TrainingRunTest.xor(1);
        try (TrainingRun run = new TrainingRun(0, net, data, settings("sgd", 10, 0))) {
            run.loadWeights(npz(w));
            Inspection i = run.inspect(50);
            Inspection.Layer relu = i.layers().get(1);
            assertThat(relu.isActivation()).isTrue();
            assertThat(relu.deadFraction()).isEqualTo(0.5);
            assertThat(i.layers().get(0).deadFraction()).isNaN();
            assertThat(relu.outputShape()).containsExactly(50, 4);
            // unit 1 is 1 everywhere, unit 2 is max(x, 0): the mean over all 200 values by hand
            double sum = 0;
            Examples train = data.train();
            for (int e = 0; e < 50; e++) {
                sum += 1 + Math.max(0, train.x()[2 * e]);
            }
            assertThat(relu.output().mean()).isCloseTo(sum / 200, within(1e-6));
            assertThat(relu.output().count()).isEqualTo(200);
        }
    }

    @Test
    void weightGradientIsSoftmaxMinusOneHotTimesInputOverN() {
        Map<String, float[][]> w = new LinkedHashMap<>();
        w.put("0.weight", new float[][] {{0.5f, -1.25f}, {2f, 0.75f}});
        w.put("0.bias", new float[][] {{0.1f, -0.3f}});
        DataSplit data = TrainingRunTest.xor(2);
        int n = 32;
        try (TrainingRun run = new TrainingRun(0, List.of(linear(2, 2, "0")), data, settings("sgd", 10, 0))) {
            run.loadWeights(npz(w));
            Inspection i = run.inspect(n);
            double[] grad = new double[4];
            double loss = 0;
            float[] x = data.train().x();
            int[] y = data.train().labels();
            for (int e = 0; e < n; e++) {
                double z0 = 0.5 * x[2 * e] - 1.25 * x[2 * e + 1] + 0.1;
                double z1 = 2 * x[2 * e] + 0.75 * x[2 * e + 1] - 0.3;
                double max = Math.max(z0, z1);
                double p0 = Math.exp(z0 - max) / (Math.exp(z0 - max) + Math.exp(z1 - max));
                double[] d = {p0 - (y[e] == 0 ? 1 : 0), 1 - p0 - (y[e] == 1 ? 1 : 0)};
                loss -= Math.log(y[e] == 0 ? p0 : 1 - p0) / n;
                for (int o = 0; o < 2; o++) {
                    for (int k = 0; k < 2; k++) {
                        grad[o * 2 + k] += d[o] * x[2 * e + k] / n;
                    }
                }
            }
            float[] g = new float[4];
            for (int k = 0; k < 4; k++) {
                g[k] = (float) grad[k];
            }
            Inspection.Stats expected = Inspection.Stats.of(g);
            Inspection.Stats got = i.layers().get(0).gradient();
            assertThat(i.loss()).isCloseTo(loss, within(1e-5));
            assertThat(got.mean()).isCloseTo(expected.mean(), within(1e-6));
            assertThat(got.std()).isCloseTo(expected.std(), within(1e-6));
            assertThat(got.norm()).isCloseTo(expected.norm(), within(1e-6));
            assertThat(i.layers().get(0).weight().mean()).isCloseTo((0.5 - 1.25 + 2 + 0.75) / 4, within(1e-7));
        }
    }

    @Test
    void stdIsTorchsUnbiasedOneAndHistogramsCountEveryValue() {
        Inspection.Stats s = Inspection.Stats.of(new float[] {1, 2, 3, 4});
        assertThat(s.std()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(s.norm()).isCloseTo(Math.sqrt(30), within(1e-12));
        Inspection.Histogram h = Inspection.Histogram.of(new float[] {0, 1, 1, 2, 4, Float.NaN}, 4);
        assertThat(h.counts()).containsExactly(1, 2, 1, 1);
        assertThat(h.edge(0)).isEqualTo(0);
        assertThat(h.edge(4)).isEqualTo(4);
        Inspection.Histogram same = Inspection.Histogram.of(new float[] {0.005f, 0.005f}, 3);
        assertThat(same.counts()).containsExactly(0, 2, 0);

        List<Layer> net = List.of(layer("Flatten", "0"), linear(784, 32, "1"), layer("ReLU", "2"),
                linear(32, 10, "3"));
        DataSplit mnist = DataSplit.load("mnist", new DataSplit.Options(500, -1, 0, 200, 0.1));
        Inspection i = Inspection.atInitialization(net, mnist, Initializer.parse("kaiming"), 0, 64);
        assertThat(i.batchSize()).isEqualTo(64);
        assertThat(i.step()).isZero();
        for (Inspection.Layer l : i.layers()) {
            long values = Arrays.stream(l.outputShape()).reduce(1, (a, b) -> a * b);
            assertThat(l.outputHistogram().total()).as(l.type()).isEqualTo(values).isEqualTo(l.output().count());
            assertThat(l.outputHistogram().bins()).isEqualTo(Inspection.BINS);
            if (l.hasWeight()) {
                assertThat(l.weightHistogram().total()).isEqualTo(l.weight().count());
            }
        }
        assertThat(i.weighted()).extracting(Inspection.Layer::name).containsExactly("1", "3");
        assertThat(i.activations()).extracting(Inspection.Layer::name).containsExactly("2");
        // kaiming: N(0, 2/784)
        assertThat(i.layers().get(1).weight().std()).isCloseTo(Math.sqrt(2.0 / 784), within(0.002));
        assertThat(i.layers().get(2).deadFraction()).isBetween(0.0, 0.5);
    }

    @Test
    void dropoutAndBatchNormRunInEvaluationMode() {
        List<Layer> net = List.of(linear(2, 16, "0"), new Layer("1", LayerSpec.kw("Dropout", Map.of("p", 0.5))),
                new Layer("2", LayerSpec.kw("BatchNorm1d", Map.of("num_features", 16))), layer("Tanh", "3"), linear(16, 2, "4"));
        Inspection i = Inspection.atInitialization(net, TrainingRunTest.xor(3), Initializer.parse("default"), 4, 100);
        Inspection.Stats linear = i.layers().get(0).output();
        Inspection.Stats dropped = i.layers().get(1).output();
        Inspection.Stats normed = i.layers().get(2).output();
        assertThat(dropped.mean()).isEqualTo(linear.mean());
        assertThat(dropped.std()).isEqualTo(linear.std());
        // running statistics at the start are mean 0, variance 1: the layer divides by √(1 + 1e-5) only
        assertThat(normed.mean()).isCloseTo(linear.mean(), within(1e-5));
        assertThat(normed.std()).isCloseTo(linear.std(), within(1e-4));
        assertThat(i.layers().get(2).hasWeight()).isTrue();
    }

    private static List<Double> losses(boolean inspect) {
        List<Layer> net = List.of(linear(2, 16, "0"), new Layer("1", LayerSpec.kw("BatchNorm1d", Map.of("num_features", 16))),
                layer("ReLU", "2"), new Layer("3", LayerSpec.kw("Dropout", Map.of("p", 0.2))), linear(16, 2, "4"));
        List<Double> losses = new ArrayList<>();
        try (TrainingRun run = new TrainingRun(0, net, TrainingRunTest.xor(5), settings("adam", 16, 7))) {
            if (inspect) {
                run.inspect(64);
            }
            while (!run.finished()) {
                for (TrainingEvent e : run.advance()) {
                    if (e instanceof TrainingEvent.Step s) {
                        losses.add(s.loss());
                    }
                }
                if (inspect && run.steps() % 10 == 5) {
                    assertThat(run.inspect(64).step()).isEqualTo(run.steps());
                }
            }
        }
        return losses;
    }

    @Test
    void inspectingBetweenStepsLeavesTheRunBitForBitAsItWas() {
        List<Double> plain = losses(false);
        List<Double> inspected = losses(true);
        assertThat(plain).hasSize(3 * 23);
        assertThat(inspected).isEqualTo(plain);
    }

    @Test
    void inspectingLeavesNothingBehindInTheRunsManager() throws Exception {
        try (TrainingRun run = new TrainingRun(0, TrainingRunTest.mlp(2, 8, 2, "ReLU"), TrainingRunTest.xor(1),
                settings("adam", 10, 2))) {
            run.advance();
            run.inspect(16);
            int before = TrainingRunTest.liveResources(run.manager());
            for (int k = 0; k < 20; k++) {
                run.inspect(16);
                run.advance();
            }
            assertThat(TrainingRunTest.liveResources(run.manager())).isEqualTo(before);
        }
    }

    @Test
    void inspectingAgainGivesTheSameNumbers() {
        try (TrainingRun run = new TrainingRun(0, TrainingRunTest.mlp(2, 8, 2, "Tanh"), TrainingRunTest.xor(1),
                settings("sgd", 10, 2))) {
            Inspection a = run.inspect(32);
            Inspection b = run.inspect(32);
            assertThat(b.loss()).isEqualTo(a.loss());
            for (int k = 0; k < a.layers().size(); k++) {
                assertThat(b.layers().get(k).output()).isEqualTo(a.layers().get(k).output());
                assertThat(b.layers().get(k).gradient()).isEqualTo(a.layers().get(k).gradient());
            }
            assertThat(run.inspect(10_000).batchSize()).isEqualTo(run.data().train().count());
            assertThatThrownBy(() -> run.inspect(0)).isInstanceOf(TrainingException.class).hasMessageContaining("batch size must be at least 1, not 0");
        }
    }
}
