package app.descent.compare;

import app.descent.network.LayerSpec;
import app.descent.UserInputException;
import app.descent.catalog.Activation;
import app.descent.training.Initializer;
import app.descent.training.Inspection;
import app.descent.network.Layer;
import app.descent.training.data.DataSplit;
import app.descent.training.data.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Initializers side by side on one deep MLP at initialization, as UvA's tutorial 4 compares them: per initializer the
 * standard deviation of every hidden layer's activations and of every Linear weight's gradient, by depth. The inputs
 * are standardized with the training split's mean and deviation (as the tutorial's Normalize), so that the first
 * layer sees unit variance and only the initializer decides what happens further in. Each initializer is one
 * {@link Inspection#atInitialization}, so in the window a study runs on the training thread.
 */
public final class InitStudy {
    private InitStudy() {
    }

    /** The tutorial's five, constant at its 0.005. */
    public static final List<String> INITIALIZERS = List.of("constant:0.005", "normal:0.01", "normal:1", "xavier",
            "kaiming");

    /**
     * Fashion-MNIST in, ten classes out, eight hidden layers: twice the tutorial's depth, so that a factor per layer
     * shows plainly (0.16⁸ ≈ 4·10⁻⁷ for normal(0.01) at width 256).
     */
    public static final List<Integer> WIDTHS = List.of(784, 512, 256, 256, 256, 256, 256, 128, 128, 10);

    /**
     * One initializer's figures by depth: {@code activationStd} and {@code deadFraction} per hidden layer (after its
     * activation), {@code gradientStd} and {@code gradientNorm} per Linear layer (one more: the output layer).
     */
    public record Curve(String initializer, double loss, List<Double> activationStd, List<Double> deadFraction,
                        List<Double> gradientStd, List<Double> gradientNorm) {
        public Curve {
            activationStd = List.copyOf(activationStd);
            deadFraction = List.copyOf(deadFraction);
            gradientStd = List.copyOf(gradientStd);
            gradientNorm = List.copyOf(gradientNorm);
        }
    }

    public record Result(String activation, List<Integer> widths, int batchSize, long seed, double inputStd,
                         List<Curve> curves) {
        public Result {
            widths = List.copyOf(widths);
            curves = List.copyOf(curves);
        }

        public Curve curve(String initializer) {
            return curves.stream().filter(c -> c.initializer().equals(initializer)).findFirst()
                    .orElseThrow(() -> new UserInputException("no curve for initializer " + initializer));
        }
    }

    /** {@link #WIDTHS} with {@code activation}, the tutorial's batch of 1024 and initializers. */
    public static Result run(DataSplit data, String activation, long seed) {
        return run(data, activation, INITIALIZERS, WIDTHS, 1024, seed);
    }

    /**
     * @param data the batch is its first {@code batchSize} training examples, standardized
     * @param widths input features, then each hidden layer's width, then the classes
     */
    public static Result run(DataSplit data, String activation, List<String> initializers, List<Integer> widths,
                             int batchSize, long seed) {
        if (batchSize < 2) {
            throw new UserInputException("the batch needs at least 2 examples for a spread, not " + batchSize);
        }
        DataSplit batch = standardizedBatch(data, batchSize);
        List<Layer> net = network(widths, activation);
        List<Curve> curves = new ArrayList<>();
        for (String spec : initializers) {
            Inspection i = Inspection.atInitialization(net, batch, Initializer.parse(spec), seed, batchSize);
            List<Double> std = new ArrayList<>();
            List<Double> dead = new ArrayList<>();
            for (Inspection.Layer l : i.activations()) {
                std.add(l.output().std());
                dead.add(l.deadFraction());
            }
            List<Double> gradStd = new ArrayList<>();
            List<Double> gradNorm = new ArrayList<>();
            for (Inspection.Layer l : i.weighted()) {
                gradStd.add(l.gradient().std());
                gradNorm.add(l.gradient().norm());
            }
            curves.add(new Curve(spec, i.loss(), std, dead, gradStd, gradNorm));
        }
        return new Result(activation, widths, batch.train().count(), seed, Inspection.Stats.of(batch.train().x()).std(),
                curves);
    }

    /**
     * Flatten, then Linear and {@code activation} (any of the registry's, by id or torch name) for each hidden width,
     * then a last Linear without one.
     */
    public static List<Layer> network(List<Integer> widths, String activation) {
        String type = Activation.parse(activation).torchName();
        if (widths.size() < 2) {
            throw new UserInputException("the network needs an input and an output width, not " + widths);
        }
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer("0", LayerSpec.kw("Flatten", Map.of("start_dim", 1, "end_dim", -1))));
        for (int k = 0; k + 1 < widths.size(); k++) {
            layers.add(new Layer(String.valueOf(layers.size()), LayerSpec.kw("Linear", Map.of("in_features", widths.get(k),
                    "out_features", widths.get(k + 1), "bias", true))));
            if (k + 2 < widths.size()) {
                layers.add(new Layer(String.valueOf(layers.size()), LayerSpec.kw(type, Map.of())));
            }
        }
        return layers;
    }

    /**
     * The first {@code n} training examples, shifted and scaled by the whole training split's mean and deviation (the
     * figures of the tutorial's Normalize), as the training split of a split that holds nothing else.
     */
    static DataSplit standardizedBatch(DataSplit data, int n) {
        Examples train = data.train();
        Inspection.Stats s = Inspection.Stats.of(train.x());
        int count = Math.min(n, train.count());
        float[] x = new float[count * train.valuesPerExample()];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) ((train.x()[k] - s.mean()) / s.std());
        }
        Examples batch = new Examples(x, java.util.Arrays.copyOf(train.labels(), count), train.shape(),
                train.classNames());
        Examples none = new Examples(new float[0], new int[0], train.shape(), train.classNames());
        return new DataSplit(data.name(), batch, none, none);
    }
}
