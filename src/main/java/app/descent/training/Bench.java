package app.descent.training;

import app.descent.network.LayerSpec;
import app.descent.network.Layer;
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

    /**
     * Rates in samples per second, and the trainer's ratio to each bare loop: the loop as DJL is usually written,
     * and the same loop given the trainer's staging of batches in reused native memory (the limit of this stack).
     */
    public record Result(double samplesPerSecond, double bareDjlSamplesPerSecond, double ratio,
                         double stagedBareDjlSamplesPerSecond, double ratioToStaged,
                         double toyStepsPerSecond, long mlpSteps, long bareSteps, long toySteps, double seconds,
                         Limit limit) {
    }

    /**
     * The trainer against the machine's limit: {@code flopsPerSample} of matrix products a step does per example
     * ({@link #flopsPerSample}), the rate they give at the trainer's speed ({@code achievedGflops}), the rate
     * libtorch multiplies the step's own matrices at ({@code matmulGflops}, forward and backward shapes, same
     * threads, measured in the same rounds), and the median over rounds of achieved / limit ({@code shareOfLimit}).
     */
    public record Limit(long flopsPerSample, double achievedGflops, double matmulGflops, double shareOfLimit) {
    }

    private Bench() {
    }

    static List<Layer> mlp() {
        return List.of(new Layer("0", LayerSpec.kw("Flatten", Map.of())),
                new Layer("1", LayerSpec.kw("Linear", Map.of("in_features", 784, "out_features", 128))),
                new Layer("2", LayerSpec.kw("ReLU", Map.of())),
                new Layer("3", LayerSpec.kw("Linear", Map.of("in_features", 128, "out_features", 10))));
    }

    /** Length of one turn: short enough that a slow spell of a shared machine falls on all sides of a round. */
    static final double TURN = 0.25;

    /**
     * @param seconds how long each measurement runs in all. The trainer and the two bare loops run in rounds of
     *     one turn of {@link #TURN} s each after a warm-up of all three, the order rotating from round to round so
     *     that none always goes first; each round gives one ratio per bare loop, and the result is the median of
     *     those ratios, which cancels the speed swings of a shared machine that one long turn of each would not.
     */
    public static Result run(double seconds) {
        long start = System.nanoTime();
        DataSplit mnist = DataSplit.load("mnist", new DataSplit.Options(500, -1, 1, 0, 0));
        TrainingRun.Settings s = new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of("adam", 1e-3),
                Initializer.parse("default"), BATCH, 1000, 1, Schedule.CONSTANT, 0, 0, "cpu");
        int rounds = Math.max(1, (int) Math.round(seconds / TURN));
        double turn = Math.min(TURN, seconds);
        double[][] rates = new double[4][rounds];
        long[] steps = new long[4];
        long flops = flopsPerSample(mlp());
        try (TrainingRun run = new TrainingRun(0, mlp(), mnist, s);
             BareLoop bare = new BareLoop(mnist.train(), false);
             BareLoop staged = new BareLoop(mnist.train(), true);
             MatmulLimit limit = new MatmulLimit(products(mlp(), BATCH))) {
            Runnable[] contestants = {run::advance, bare::step, staged::step, limit::pass};
            for (Runnable c : contestants) {
                time(Math.min(2, seconds / 2), c);
            }
            for (int k = 0; k < rounds; k++) {
                for (int j = 0; j < contestants.length; j++) {
                    int c = (j + k) % contestants.length;
                    long[] timed = time(turn, contestants[c]);
                    rates[c][k] = c == 3 ? limit.gflops(timed) : rate(timed) * BATCH;
                    steps[c] += timed[0];
                }
            }
        }
        double[] toBare = new double[rounds];
        double[] toStaged = new double[rounds];
        double[] achieved = new double[rounds];
        double[] share = new double[rounds];
        for (int k = 0; k < rounds; k++) {
            toBare[k] = rates[0][k] / rates[1][k];
            toStaged[k] = rates[0][k] / rates[2][k];
            achieved[k] = rates[0][k] * flops / 1e9;
            share[k] = achieved[k] / rates[3][k];
        }
        long[] toy = toy(seconds);
        return new Result(median(rates[0]), median(rates[1]), median(toBare), median(rates[2]), median(toStaged),
                rate(toy), steps[0], steps[1], toy[0], (System.nanoTime() - start) / 1e9,
                new Limit(flops, median(achieved), median(rates[3]), median(share)));
    }

    /**
     * One matrix product of a training step, {@code (m × k) · (k × n)}; a transposed operand is a transposed view
     * of a matrix stored the other way round, as libtorch's linear layer and its backward pass see them.
     */
    record Product(String what, long m, long k, long n, boolean transposeA, boolean transposeB) {
        long flops() {
            return 2 * m * k * n;
        }
    }

    /**
     * The matrix products of one training step of {@code layers} on a batch of {@code batch}: per Linear layer
     * (in, out) the forward x·Wᵀ, the weight's gradient xᵀ·dy and, below a layer with parameters, the gradient
     * dy·W that flows to the layer beneath (none for the first: the data needs no gradient). Only linear layers
     * multiply matrices here; flattening, activations and the loss are elementwise.
     */
    static List<Product> products(List<Layer> layers, long batch) {
        List<Product> all = new java.util.ArrayList<>();
        boolean below = false;
        for (Layer l : layers) {
            if (!l.type().equals("Linear")) {
                if (l.type().startsWith("Conv") || l.type().contains("Norm")) {
                    throw new TrainingException("the FLOP count covers linear layers only, not " + l.type());
                }
                continue;
            }
            long in = ((Number) l.args().get("in_features")).longValue();
            long out = ((Number) l.args().get("out_features")).longValue();
            all.add(new Product("layer " + l.name() + " forward x·Wᵀ", batch, in, out, false, true));
            all.add(new Product("layer " + l.name() + " dW = xᵀ·dy", in, batch, out, true, false));
            if (below) {
                all.add(new Product("layer " + l.name() + " dx = dy·W", batch, out, in, false, false));
            }
            below = true;
        }
        return all;
    }

    /** FLOPs of matrix products per example in one training step of {@code layers} (see {@link #products}). */
    public static long flopsPerSample(List<Layer> layers) {
        long sum = 0;
        for (Product p : products(layers, 1)) {
            sum += p.flops();
        }
        return sum;
    }

    /** The bench's network (for the README's arithmetic and the CLI). */
    public static List<Layer> network() {
        return mlp();
    }

    /**
     * libtorch multiplying the step's own matrices, through DJL on this thread (so with the trainer's intra-op
     * threads): one pass does each product once, and the rate is all their FLOPs over all their time, which
     * weighs each shape by the time it takes, as a step does.
     */
    static final class MatmulLimit implements AutoCloseable {
        private final NDManager manager = NDManager.newBaseManager();
        private final List<Product> products;
        private final NDArray[][] operands;
        private final long flopsPerPass;

        MatmulLimit(List<Product> products) {
            this.products = List.copyOf(products);
            operands = new NDArray[products.size()][2];
            long f = 0;
            for (int i = 0; i < products.size(); i++) {
                Product p = products.get(i);
                operands[i][0] = operand(p.m(), p.k(), p.transposeA());
                operands[i][1] = operand(p.k(), p.n(), p.transposeB());
                f += p.flops();
            }
            flopsPerPass = f;
        }

        private NDArray operand(long rows, long cols, boolean transposed) {
            NDArray a = manager.randomNormal(transposed ? new Shape(cols, rows) : new Shape(rows, cols));
            return transposed ? a.transpose() : a;
        }

        void pass() {
            for (NDArray[] o : operands) {
                o[0].matMul(o[1]).close();
            }
        }

        /** GFLOP/s of a timed stretch of passes {passes, nanoseconds}. */
        double gflops(long[] timed) {
            return timed[0] * (double) flopsPerPass / timed[1];
        }

        List<Product> products() {
            return products;
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /** libtorch's intra-op threads (the Launcher leaves one core to the JVM). */
    public static int threads() {
        ai.djl.engine.Engine.getEngine(ComputeEngine.ENGINE);
        return LibTorch.numThreads();
    }

    /** Steps per second of a timed stretch {steps, nanoseconds}. */
    private static double rate(long[] timed) {
        return timed[0] / (timed[1] / 1e9);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** A bare DJL loop on the same work: forward, loss, backward, step, nothing else. */
    private static final class BareLoop implements AutoCloseable {
        private final Model model = Model.newInstance("bare");
        private final Trainer trainer;
        private final Examples train;
        private final float[] x;
        private final float[] y = new float[BATCH];
        private final java.nio.ByteBuffer staging;
        private int next;

        /**
         * @param staged gather each batch into one reused native buffer, as the trainer does, instead of DJL's
         *     usual {@code create(float[])}, which copies into a fresh direct buffer every step
         */
        BareLoop(Examples train, boolean staged) {
            this.train = train;
            this.staging = staged ? java.nio.ByteBuffer.allocateDirect(BATCH * train.valuesPerExample() * Float.BYTES)
                    .order(java.nio.ByteOrder.nativeOrder()) : null;
            SequentialBlock net = new SequentialBlock();
            for (Layer l : mlp()) {
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
                NDArray input;
                if (staging == null) {
                    input = step.create(x, new Shape(BATCH, 1, 28, 28));
                } else {
                    staging.clear();
                    staging.asFloatBuffer().put(x);
                    input = step.create(staging, new Shape(BATCH, 1, 28, 28), ai.djl.ndarray.types.DataType.FLOAT32);
                }
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
        List<Layer> net = List.of(new Layer("0", LayerSpec.kw("Linear", Map.of("in_features", 2, "out_features", 8))),
                new Layer("1", LayerSpec.kw("Tanh", Map.of())),
                new Layer("2", LayerSpec.kw("Linear", Map.of("in_features", 8, "out_features", 8))),
                new Layer("3", LayerSpec.kw("Tanh", Map.of())),
                new Layer("4", LayerSpec.kw("Linear", Map.of("in_features", 8, "out_features", 2))));
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
