package app.descent.compare;

import app.descent.catalog.Activation;
import app.descent.network.PyTorchImporter;
import app.descent.training.Initializer;
import app.descent.network.Layer;
import app.descent.training.Losses;
import app.descent.training.OptimizerSpec;
import app.descent.training.Schedule;
import app.descent.training.TrainingEvent;
import app.descent.training.TrainingRun;
import app.descent.training.data.DataSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A study from the course: one network, one dataset, one setting varied, and the effect the textbook predicts.
 * Each is small enough to run live on a laptop CPU in seconds (a few thousand examples, narrow layers).
 * <p>Use: {@code Grid g = study.grid();} then call {@link #advance(Grid)} (not {@code g.advance()}) until
 * {@code g.finished()}, since some studies stop runs early; then {@link #report(List)} on {@code g.results()}.
 *
 * @param code      the network as PyTorch code, for the reader and for the Builder
 * @param target    the training loss to reach, for {@link Kind#STEPS_TO_TARGET}; NaN otherwise
 */
public record Study(String id, String title, String source, String effect, Kind kind, String dataset,
                    DataSplit.Options data, String code, TrainingRun.Settings settings, Variation variation,
                    boolean lrGiven, double target) {

    /** What to read off the runs. */
    public enum Kind {
        /** overlaid curves and a table of final figures */
        CURVES,
        /** iterations until the (smoothed) training loss reaches {@code target} */
        STEPS_TO_TARGET,
        /** final training and validation loss against model size, under- and over-fitting regions */
        COMPLEXITY,
        /** each learning rate judged too low, good or too high */
        LEARNING_RATE,
        /** train and validation loss after each number of epochs */
        EPOCHS
    }

    /** Steps averaged to smooth the training loss of single batches before comparing it with a target. */
    public static final int WINDOW = 20;

    /**
     * A study's figures. {@code columns} name the numbers of each row; {@code note} says what the row shows
     * ("underfitting", "too high: diverged at step 40"); {@code best} is the row to highlight, or -1.
     */
    public record Report(String headline, List<String> columns, List<Row> rows, int best) {
        public Report {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    public record Row(String label, double[] values, String note) {
    }

    /** The layers to train, from {@link #code()}. */
    public List<Layer> layers() {
        return PyTorchImporter.importCode(code).network().sequentialLayers();
    }

    /** Test examples a study evaluates at most, spread evenly over the test set: enough for a percentage. */
    public static final int TEST_LIMIT = 2000;

    public DataSplit load() {
        DataSplit d = DataSplit.load(dataset, data);
        int n = d.test().count();
        if (n <= TEST_LIMIT) {
            return d;
        }
        int[] pick = new int[TEST_LIMIT];
        for (int i = 0; i < pick.length; i++) {
            pick[i] = (int) ((long) i * n / TEST_LIMIT);
        }
        return new DataSplit(d.name(), d.train(), d.validation(), d.test().select(pick));
    }

    /** The runs of this study, built and measured at initialization (the data is loaded once, here). */
    public Grid grid() {
        return Grid.of(layers(), load(), settings, variation, lrGiven);
    }

    /** One round of the grid, then this study's own rule for stopping runs (a target reached). */
    public List<TrainingEvent> advance(Grid grid) {
        List<TrainingEvent> events = grid.advance();
        if (kind == Kind.STEPS_TO_TARGET) {
            for (int i = 0; i < grid.size(); i++) {
                if (!grid.finished(i) && stepsToTarget(grid.result(i).stepLosses(), target) >= 0) {
                    grid.stop(i);
                }
            }
        }
        return events;
    }

    /** Runs the whole study on the calling thread and reports it. */
    public Report run() {
        try (Grid g = grid()) {
            while (!g.finished()) {
                advance(g);
            }
            return report(g.results());
        }
    }

    /** The first step (1-based) after which the mean of the last {@link #WINDOW} step losses is at most target, else -1. */
    public static long stepsToTarget(double[] stepLosses, double target) {
        double sum = 0;
        for (int i = 0; i < stepLosses.length; i++) {
            sum += stepLosses[i];
            if (i >= WINDOW) {
                sum -= stepLosses[i - WINDOW];
            }
            if (i >= WINDOW - 1 && sum / WINDOW <= target) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The last epoch's training loss, or NaN if the run ended before an epoch did. */
    static double trainLoss(Grid.Result r) {
        return r.last() == null ? Double.NaN : r.last().trainLoss();
    }

    static double valLoss(Grid.Result r) {
        return r.last() == null ? Double.NaN : r.last().valLoss();
    }

    /** The study's figures for the results of its grid, in the order of its values. */
    public Report report(List<Grid.Result> results) {
        return switch (kind) {
            case CURVES -> curves(results);
            case STEPS_TO_TARGET -> steps(results);
            case COMPLEXITY -> complexity(results);
            case LEARNING_RATE -> learningRates(results);
            case EPOCHS -> epochs(results);
        };
    }

    private static String label(Grid.Result r) {
        return r.variant().label();
    }

    private static String status(Grid.Result r) {
        return r.diverged() != null ? "diverged at step " + r.diverged().step() : null;
    }

    private Report curves(List<Grid.Result> results) {
        List<Row> rows = new ArrayList<>();
        int best = -1;
        for (int i = 0; i < results.size(); i++) {
            Grid.Result r = results.get(i);
            TrainingEvent.Epoch e = r.last();
            rows.add(new Row(label(r), new double[] {r.initialLoss(), trainLoss(r), valLoss(r),
                e == null ? Double.NaN : e.valAccuracy(), r.done() == null ? Double.NaN : r.done().testAccuracy()},
                    status(r)));
            if (r.diverged() == null && (best < 0 || valLoss(r) < valLoss(results.get(best)))) {
                best = i;
            }
        }
        String headline = best < 0 ? "every run diverged"
                : String.format(Locale.ROOT, "lowest validation loss: %s (%.3f)", label(results.get(best)),
                        valLoss(results.get(best)));
        return new Report(headline, List.of("initial loss", "train loss", "val loss", "val accuracy", "test accuracy"),
                rows, best);
    }

    private Report steps(List<Grid.Result> results) {
        List<Row> rows = new ArrayList<>();
        int best = -1;
        long bestSteps = Long.MAX_VALUE;
        for (int i = 0; i < results.size(); i++) {
            Grid.Result r = results.get(i);
            long steps = stepsToTarget(r.stepLosses(), target);
            long samples = steps < 0 ? -1 : steps * r.variant().settings().batchSize();
            rows.add(new Row(label(r), new double[] {steps < 0 ? Double.NaN : steps, samples < 0 ? Double.NaN : samples,
                r.stepLosses().length}, steps < 0 ? "did not reach " + target + " in " + r.stepLosses().length
                        + " steps" : null));
            if (steps >= 0 && steps < bestSteps) {
                bestSteps = steps;
                best = i;
            }
        }
        String headline = String.format(Locale.ROOT,
                "iterations until the training loss (mean of %d steps) reaches %.2f: larger batches need fewer "
                        + "iterations but see more examples", WINDOW, target);
        return new Report(headline, List.of("iterations to target", "examples seen", "steps run"), rows, best);
    }

    /** The row of the lowest validation loss; rows before it underfit (validation falling), after it overfit. */
    private Report complexity(List<Grid.Result> results) {
        int best = -1;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).diverged() == null
                    && (best < 0 || valLoss(results.get(i)) < valLoss(results.get(best)))) {
                best = i;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Grid.Result r = results.get(i);
            String note = status(r) != null ? status(r) : i < best ? "underfitting" : i == best ? "best" : "overfitting";
            rows.add(new Row(label(r), new double[] {trainLoss(r), valLoss(r), valLoss(r) - trainLoss(r)}, note));
        }
        String headline = best < 0 ? "every run diverged" : "best complexity " + label(results.get(best))
                + ": the validation loss falls up to it (underfitting) and rises after it (overfitting) while the "
                + "training loss keeps falling";
        return new Report(headline, List.of("train loss", "val loss", "gap"), rows, best);
    }

    /**
     * Good is the lowest final training loss among the runs that did not diverge; a lower rate is too low, a
     * higher one too high (diverged, or ended worse: it overshoots).
     */
    private Report learningRates(List<Grid.Result> results) {
        int good = -1;
        for (int i = 0; i < results.size(); i++) {
            Grid.Result r = results.get(i);
            if (r.diverged() == null && (good < 0 || trainLoss(r) < trainLoss(results.get(good)))) {
                good = i;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Grid.Result r = results.get(i);
            double lr = r.variant().settings().optimizer().lr();
            double moved = (r.initialLoss() - trainLoss(r)) / r.initialLoss();
            String note;
            if (r.diverged() != null) {
                note = "too high: diverged at step " + r.diverged().step();
            } else if (i == good) {
                note = "good";
            } else if (good >= 0 && lr < results.get(good).variant().settings().optimizer().lr()) {
                note = moved < 0.2 ? "too low: the loss barely moved" : "too low: slower";
            } else {
                note = "too high: overshoots and ends worse";
            }
            rows.add(new Row(label(r), new double[] {r.initialLoss(), trainLoss(r), moved}, note));
        }
        return new Report("too low crawls, too high overshoots or diverges, in between converges",
                List.of("initial loss", "train loss", "share of the loss removed"), rows, good);
    }

    private Report epochs(List<Grid.Result> results) {
        List<Row> rows = new ArrayList<>();
        int best = -1;
        for (int i = 0; i < results.size(); i++) {
            Grid.Result r = results.get(i);
            rows.add(new Row(label(r), new double[] {trainLoss(r), valLoss(r),
                r.last() == null ? Double.NaN : r.last().valAccuracy()}, status(r)));
            if (r.diverged() == null && (best < 0 || valLoss(r) < valLoss(results.get(best)))) {
                best = i;
            }
        }
        Grid.Result longest = results.get(results.size() - 1);
        int bestEpoch = -1;
        for (TrainingEvent.Epoch e : longest.epochs()) {
            if (bestEpoch < 0 || e.valLoss() < longest.epochs().get(bestEpoch - 1).valLoss()) {
                bestEpoch = e.epoch();
            }
        }
        return new Report("the training loss keeps falling with more epochs; the validation loss is lowest at epoch "
                + bestEpoch + " and rises after it (overfitting; early stopping would stop there)",
                List.of("train loss", "val loss", "val accuracy"), rows, best);
    }

    // ------------------------------------------------------------------------------------------------ presets

    /** An nn.Sequential MLP as PyTorch code: {@code depth} hidden blocks of {@code width} with {@code act}. */
    static String mlp(int in, int width, int depth, String act, int out, boolean flatten) {
        StringBuilder b = new StringBuilder("import torch.nn as nn\n\nnet = nn.Sequential(\n");
        if (flatten) {
            b.append("    nn.Flatten(),\n");
        }
        int from = in;
        for (int k = 0; k < depth; k++) {
            b.append("    nn.Linear(").append(from).append(", ").append(width).append("), nn.").append(act)
                    .append("(),\n");
            from = width;
        }
        b.append("    nn.Linear(").append(from).append(", ").append(out).append("),\n)\n");
        return b.toString();
    }

    private static TrainingRun.Settings settings(String optimizer, double lr, int batch, int epochs, String init) {
        return new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of(optimizer, lr), Initializer.parse(init), batch,
                epochs, 0, Schedule.CONSTANT, 0, 0, "cpu");
    }

    private static DataSplit.Options images(int trainSize, double validation) {
        return new DataSplit.Options(DataSplit.Options.DEFAULT.samples(), -1, 0, trainSize, validation);
    }

    /** Every activation of the registry but Identity (no activation), sigmoid last: the one that does not learn. */
    private static Object[] everyActivation() {
        List<Object> ids = new ArrayList<>();
        for (Activation a : Activation.values()) {
            if (a != Activation.IDENTITY && a != Activation.SIGMOID) {
                ids.add(a.id());
            }
        }
        ids.add(Activation.SIGMOID.id());
        return ids.toArray();
    }

    public static final List<Study> PRESETS = List.of(
            new Study("relu-vs-sigmoid", "ReLU vs sigmoid in a deep network", "P02c1",
                    "Sigmoid's derivative is at most 1/4, so the gradient shrinks by that factor or more at every one "
                            + "of the six hidden layers and the first layers hardly learn: the sigmoid net's loss "
                            + "stays near ln 10 ≈ 2.30 for a long time while the ReLU net's falls from the start.",
                    Kind.CURVES, "fashion-mnist", images(2000, 0.2), mlp(784, 64, 6, "ReLU", 10, true),
                    settings("sgd", 0.05, 32, 3, "kaiming"), Variation.of(Variation.Key.ACTIVATION, "relu", "sigmoid"),
                    true, Double.NaN),
            new Study("activations", "Every activation on the same deep network", "P02c",
                    "Same network, same initial weights (He initialization), only the activation differs. The "
                            + "zero-centred activations with a derivative near 1 (ReLU, LeakyReLU, ELU, GELU, SiLU, "
                            + "tanh) all learn; sigmoid, whose derivative is at most 1/4 and whose outputs are all "
                            + "positive, passes almost no gradient back through five layers and stays near ln 10. "
                            + "The gradient norm by depth shows each run's gradient flow, the histograms its dead units.",
                    Kind.CURVES, "fashion-mnist", images(2000, 0.2), mlp(784, 64, 5, "ReLU", 10, true),
                    settings("sgd", 0.05, 32, 3, "kaiming"), Variation.of(Variation.Key.ACTIVATION, everyActivation()), true,
                    Double.NaN),
            new Study("initializers", "Initializers on a deep ReLU network", "P02d",
                    "All-zero weights give every unit of a layer the same output and the same gradient, so the "
                            + "network never breaks the symmetry and does not learn; tiny weights (normal, std 0.03) "
                            + "shrink the signal layer by layer and stall at the start; Kaiming (He) keeps the "
                            + "variance through ReLUs and Xavier (Glorot) nearly so: both learn from the first step.",
                    Kind.CURVES, "fashion-mnist", images(2000, 0.2), mlp(784, 64, 6, "ReLU", 10, true),
                    settings("sgd", 0.05, 32, 3, "default"), Variation.of(Variation.Key.INIT, "zeros", "normal:0.03",
                            "default", "xavier", "kaiming"), true, Double.NaN),
            new Study("optimizers", "Optimizers from the same initial weights", "P02d",
                    "The same initial weights (the same initial loss) and each optimizer at its usual learning rate: "
                            + "plain SGD is slowest, momentum accumulates a velocity and gets further, Adam and RMSprop "
                            + "scale each weight's step by its gradient history and get furthest in the same steps.",
                    Kind.CURVES, "fashion-mnist", images(2000, 0.2), mlp(784, 64, 3, "ReLU", 10, true),
                    settings("sgd", 0.01, 32, 2, "default"), Variation.of(Variation.Key.OPTIMIZER, "sgd", "momentum",
                            "rmsprop", "adam"), false, Double.NaN),
            new Study("batch-size", "Iterations to a target loss against batch size", "tutorial 8 Q8",
                    "A larger batch averages more examples, so its gradient is less noisy and each step goes further: "
                            + "it needs fewer iterations to reach the target loss, though it reads more examples in "
                            + "all and each iteration costs more (the gain shrinks as the batch grows).",
                    Kind.STEPS_TO_TARGET, "mnist", images(4000, 0.1), mlp(784, 32, 1, "ReLU", 10, true),
                    settings("sgd", 0.1, 32, 60, "default"), Variation.of(Variation.Key.BATCH_SIZE, 8, 32, 128, 512),
                    true, 0.4),
            new Study("complexity", "Training and validation loss against model complexity", "IIT Q3",
                    "On a small noisy training set a tiny model cannot follow the data (underfitting: both losses "
                            + "high); a larger one fits the training data ever better, and beyond some size it fits "
                            + "the noise: the training loss keeps falling while the validation loss rises again "
                            + "(overfitting). The best complexity is at the validation loss's minimum.",
                    Kind.COMPLEXITY, "moons", new DataSplit.Options(1000, 0.35, 0, 200, 0.5),
                    mlp(2, 64, 2, "ReLU", 2, false), settings("adam", 0.02, 25, 80, "default"),
                    Variation.of(Variation.Key.HIDDEN, 1, 2, 4, 16, 64, 256), true, Double.NaN),
            new Study("learning-rate", "Learning rate too low, good, too high", "TUM",
                    "Too low a learning rate barely moves the loss in the time given; a good one brings it down "
                            + "steadily; too high a one overshoots the minimum, so the loss oscillates, ends worse or "
                            + "diverges (the divergence guard then stops the run).",
                    Kind.LEARNING_RATE, "mnist", images(2000, 0.1), mlp(784, 64, 1, "ReLU", 10, true),
                    settings("sgd", 0.1, 32, 2, "default"), Variation.of(Variation.Key.LR, 0.0001, 0.1, 5.0), true,
                    Double.NaN),
            new Study("epochs", "Epochs 9, 20, 50, 100 on a small training set", "P02b",
                    "The longer it trains the lower the training loss, but on a small training set the network "
                            + "starts to memorise it: after some epoch the validation loss rises while the training "
                            + "loss still falls. Early stopping keeps the weights of that epoch.",
                    Kind.EPOCHS, "mnist", images(300, 0.25), mlp(784, 128, 1, "ReLU", 10, true),
                    settings("adam", 0.001, 45, 9, "default"), Variation.of(Variation.Key.EPOCHS, 9, 20, 50, 100), true,
                    Double.NaN));

    public static Study byId(String id) {
        for (Study s : PRESETS) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new CompareException("unknown study '" + id + "'; choose one of "
                + String.join(", ", PRESETS.stream().map(Study::id).toList()));
    }
}
