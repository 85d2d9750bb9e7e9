package app.descent.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import app.descent.training.data.DataSplit;
import app.descent.training.data.Examples;
import java.util.List;
import java.util.Map;

/**
 * Throughput of the Descent trainer against a bare DJL loop on the same work (an MLP 784-128-10 on MNIST, Adam
 * 1e-3, batch 64), and training steps per second of a tiny 2-8-8-2 tanh net on a toy set (batch 10, SGD).
 */
public final class Bench {
    public static final int BATCH = 64;

    public record Result(double samplesPerSecond, double bareDjlSamplesPerSecond, double ratio,
                         double toyStepsPerSecond, long mlpSteps, long bareSteps, long toySteps, double seconds) {
    }

    private Bench() {
    }

    static List<LayerDef> mlp() {
        return List.of(new LayerDef("Flatten", Map.of(), "0"),
                new LayerDef("Linear", Map.of("in_features", 784, "out_features", 128), "1"),
                new LayerDef("ReLU", Map.of(), "2"),
                new LayerDef("Linear", Map.of("in_features", 128, "out_features", 10), "3"));
    }

    /**
     * @param seconds how long each of the three measurements runs. The trainer and the bare loop are measured in
     *     turns (A, B, A, B) after a warm-up of both, and each keeps its better turn, so that neither pays alone for
     *     the JIT and libtorch's thread pool warming up.
     */
    public static Result run(double seconds) {
        long start = System.nanoTime();
        DataSplit mnist = DataSplit.load("mnist", new DataSplit.Options(500, -1, 1, 0, 0));
        TrainingRun.Settings s = new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of("adam", 1e-3),
                Initializer.parse("default"), BATCH, 1000, 1, Schedule.CONSTANT, 0, 0, "cpu");
        long[] descent = {0, 1};
        long[] bare = {0, 1};
        try (TrainingRun run = new TrainingRun(0, mlp(), mnist, s); BareLoop loop = new BareLoop(mnist.train())) {
            Runnable ours = run::advance;
            time(Math.min(2, seconds / 2), ours);
            time(Math.min(2, seconds / 2), loop::step);
            for (int turn = 0; turn < 2; turn++) {
                descent = better(descent, time(seconds / 2, ours));
                bare = better(bare, time(seconds / 2, loop::step));
            }
        }
        long[] toy = toy(seconds);
        double descentRate = descent[0] * (double) BATCH / (descent[1] / 1e9);
        double bareRate = bare[0] * (double) BATCH / (bare[1] / 1e9);
        return new Result(descentRate, bareRate, descentRate / bareRate, toy[0] / (toy[1] / 1e9), descent[0], bare[0],
                toy[0], (System.nanoTime() - start) / 1e9);
    }

    private static long[] better(long[] a, long[] b) {
        return a[0] / (double) a[1] >= b[0] / (double) b[1] ? a : b;
    }

    /** A bare DJL loop on the same work: forward, loss, backward, step, nothing else. */
    private static final class BareLoop implements AutoCloseable {
        private final Model model = Model.newInstance("bare");
        private final Trainer trainer;
        private final Examples train;
        private final float[] x;
        private final float[] y = new float[BATCH];
        private int next;

        BareLoop(Examples train) {
            this.train = train;
            SequentialBlock net = new SequentialBlock();
            for (LayerDef l : mlp()) {
                net.add(TorchLayers.block(l.type(), l.args()));
            }
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(ai.djl.training.optimizer.Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed(1e-3f)).build());
            trainer = model.newTrainer(config);
            trainer.initialize(new Shape(BATCH, 1, 28, 28));
            x = new float[BATCH * train.valuesPerExample()];
        }

        void step() {
            int per = train.valuesPerExample();
            int b = next++ % (train.count() / BATCH);
            System.arraycopy(train.x(), b * BATCH * per, x, 0, x.length);
            for (int i = 0; i < BATCH; i++) {
                y[i] = train.labels()[b * BATCH + i];
            }
            try (NDManager step = trainer.getManager().newSubManager()) {
                NDArray input = step.create(x, new Shape(BATCH, 1, 28, 28));
                NDArray labels = step.create(y);
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDList out = trainer.forward(new NDList(input));
                    gc.backward(trainer.getLoss().evaluate(new NDList(labels), out));
                }
                trainer.step();
            }
        }

        @Override
        public void close() {
            trainer.close();
            model.close();
        }
    }

    private static long[] toy(double seconds) {
        DataSplit xor = DataSplit.load("xor", new DataSplit.Options(500, 0.05, 1, 0, 0));
        List<LayerDef> net = List.of(new LayerDef("Linear", Map.of("in_features", 2, "out_features", 8), "0"),
                new LayerDef("Tanh", Map.of(), "1"),
                new LayerDef("Linear", Map.of("in_features", 8, "out_features", 8), "2"),
                new LayerDef("Tanh", Map.of(), "3"),
                new LayerDef("Linear", Map.of("in_features", 8, "out_features", 2), "4"));
        TrainingRun.Settings s = new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of("sgd", 0.1),
                Initializer.parse("default"), 10, 1_000_000, 1, Schedule.CONSTANT, 0, 0, "cpu");
        try (TrainingRun run = new TrainingRun(0, net, xor, s)) {
            time(Math.min(2, seconds / 2), run::advance);
            return time(seconds, run::advance);
        }
    }

    private static long[] time(double seconds, Runnable step) {
        long steps = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            step.run();
            steps++;
            now = System.nanoTime();
        } while (now < end);
        return new long[] {steps, now - start};
    }
}
