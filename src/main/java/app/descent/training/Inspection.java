package app.descent.training;

import app.descent.training.data.DataSplit;
import java.util.List;
import java.util.Set;

/**
 * What one batch does to a network at one moment: per layer its output, its weight and the weight's gradient, as
 * plain numbers. Made by {@link TrainingRun#inspect(int)} or {@link #atInitialization}; see there for which batch,
 * which mode and which loss. Both open a gradient collector, of which DJL allows one at a time: in the window they
 * belong on {@link TrainingThread}.
 *
 * @param step the run's optimizer steps before the inspection (0 at initialization)
 * @param lossKind the loss whose gradient is reported
 * @param loss its value on the batch
 * @param batchSize examples in the batch (the training split's size if that is smaller than asked)
 */
public record Inspection(long step, Losses.Kind lossKind, double loss, int batchSize, List<Layer> layers) {

    /** Bins of every histogram. */
    public static final int BINS = 40;

    /**
     * The layer types whose outputs count as activations (dead units, activation statistics): every activation of the
     * registry, and torch.nn's element-wise ones that an imported network may hold but the registry does not train.
     */
    public static final Set<String> ACTIVATIONS = activations("PReLU", "SELU", "CELU", "Hardswish", "Hardsigmoid");

    private static Set<String> activations(String... untrained) {
        java.util.Set<String> all = new java.util.HashSet<>(List.of(untrained));
        for (app.descent.catalog.Activation a : app.descent.catalog.Activation.values()) {
            all.add(a.torchName());
        }
        return Set.copyOf(all);
    }

    public Inspection {
        layers = List.copyOf(layers);
    }

    /**
     * Mean, standard deviation and L2 norm of {@code count} values. The deviation is the unbiased one (n − 1), as
     * PyTorch's {@code tensor.std()}; NaN for a single value, as there.
     */
    public record Stats(long count, double mean, double std, double norm, double min, double max) {

        public static Stats of(float[] v) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float f : v) {
                sum += f;
                min = Math.min(min, f);
                max = Math.max(max, f);
            }
            double mean = sum / v.length;
            // two passes: the one-pass formula loses every digit when the mean dwarfs the spread (constant init)
            double squares = 0;
            double deviations = 0;
            for (float f : v) {
                squares += (double) f * f;
                deviations += (f - mean) * (f - mean);
            }
            return new Stats(v.length, mean, Math.sqrt(deviations / (v.length - 1)), Math.sqrt(squares), min, max);
        }
    }

    /**
     * Counts of values in {@code counts.length} equal bins from {@code min} to {@code max}; the last bin includes
     * {@code max}. Non-finite values are left out. When every value is the same the range is widened by 0.5 on both
     * sides, so they fall in the middle.
     */
    public record Histogram(double min, double max, long[] counts) {

        public int bins() {
            return counts.length;
        }

        public double width() {
            return (max - min) / counts.length;
        }

        /** The lower edge of bin {@code i}; {@code edge(bins())} is {@code max}. */
        public double edge(int i) {
            return i == counts.length ? max : min + i * width();
        }

        public long total() {
            long t = 0;
            for (long c : counts) {
                t += c;
            }
            return t;
        }

        public static Histogram of(float[] v, int bins) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float f : v) {
                if (Float.isFinite(f)) {
                    lo = Math.min(lo, f);
                    hi = Math.max(hi, f);
                }
            }
            long[] counts = new long[bins];
            if (lo > hi) {
                return new Histogram(0, 0, counts);
            }
            if (lo == hi) {
                lo -= 0.5;
                hi += 0.5;
            }
            double scale = bins / (hi - lo);
            for (float f : v) {
                if (Float.isFinite(f)) {
                    counts[Math.min(bins - 1, (int) ((f - lo) * scale))]++;
                }
            }
            return new Histogram(lo, hi, counts);
        }
    }

    /**
     * One layer of the network.
     *
     * @param index position in the nn.Sequential, from 0
     * @param name its module name ("3", "classifier.6")
     * @param type PyTorch's class name
     * @param outputShape the output's shape for the whole batch, e.g. [64, 512]
     * @param output statistics of every output value of the batch
     * @param weight the weight's statistics (Linear, convolutions, and the scale of normalization layers); null when
     *               the layer has none
     * @param gradient the weight's gradient of the loss; null when there is no weight
     * @param deadFraction for an activation layer, the share of its units (output positions of one example:
     *                     features, or channels × H × W) that are exactly 0 for every example of the batch; NaN for
     *                     other layers
     */
    public record Layer(int index, String name, String type, long[] outputShape, Stats output,
                        Histogram outputHistogram, Stats weight, Histogram weightHistogram, Stats gradient,
                        double deadFraction) {

        public boolean hasWeight() {
            return weight != null;
        }

        public boolean isActivation() {
            return ACTIVATIONS.contains(type);
        }
    }

    /** The layers that have a weight, in order: the depth axis of a gradient-norm chart. */
    public List<Layer> weighted() {
        return layers.stream().filter(Layer::hasWeight).toList();
    }

    /** The activation layers, in order. */
    public List<Layer> activations() {
        return layers.stream().filter(Layer::isActivation).toList();
    }

    /**
     * A fresh network, initialized by {@code init} from {@code seed} exactly as a {@link TrainingRun} with these
     * settings starts, inspected on its first batch with cross-entropy.
     */
    public static Inspection atInitialization(List<app.descent.network.Layer> layers, DataSplit data, Initializer init, long seed,
                                              int batchSize) {
        return atInitialization(layers, data, init, seed, batchSize, Losses.Kind.CE);
    }

    /** As {@link #atInitialization(List, DataSplit, Initializer, long, int)} with another loss. */
    public static Inspection atInitialization(List<app.descent.network.Layer> layers, DataSplit data, Initializer init, long seed,
                                              int batchSize, Losses.Kind loss) {
        TrainingRun.Settings settings = new TrainingRun.Settings(loss, OptimizerSpec.of("sgd", 0.01), init,
                Math.max(1, batchSize), 1, seed, Schedule.CONSTANT, 0, 0, "cpu");
        try (TrainingRun run = new TrainingRun(0, layers, data, settings)) {
            return run.inspect(batchSize);
        }
    }
}
