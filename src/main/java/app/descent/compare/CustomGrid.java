package app.descent.compare;

import app.descent.network.PyTorchImporter;
import app.descent.training.Initializer;
import app.descent.network.Layer;
import app.descent.training.Losses;
import app.descent.training.OptimizerSpec;
import app.descent.training.Schedule;
import app.descent.training.TrainingRun;
import app.descent.training.data.DataSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A grid of one's own: a network as PyTorch code, a dataset, training settings named as {@code descent train} names
 * them (with its defaults), and the one setting to vary ({@code KEY=V1,V2,…}). The one definition behind a lesson's
 * compare action given as {@code model}, {@code dataset}, {@code vary}: {@code descent lesson check} runs {@link #grid()}
 * (what {@code descent compare} runs), Compare's Runs tab runs {@link #study()}; {@code descent train} and
 * {@code descent compare} take their defaults and settings from here too.
 */
public record CustomGrid(String code, String dataset, DataSplit.Options data, TrainingRun.Settings settings,
                         Variation variation, boolean lrGiven) {

    /** The defaults of the training options, as the command line writes them. */
    public static final class Defaults {
        public static final String LOSS = "ce";
        public static final String OPTIMIZER = "adam";
        public static final String BATCH_SIZE = "64";
        public static final String EPOCHS = "5";
        public static final String INIT = "default";
        public static final String SCHEDULE = "constant";
        public static final String CLIP = "0";
        public static final String PATIENCE = "0";
        public static final String SEED = "0";
        public static final String DEVICE = "cpu";
        public static final String SAMPLES = "500";
        public static final String TRAIN_SIZE = "0";
        public static final String VAL_FRACTION = "0.1";

        private Defaults() {
        }
    }

    /** Every setting {@link #of} takes besides the network: the dataset, vary, and the options of descent train. */
    public static final List<String> KEYS = java.util.stream.Stream.of(List.of("dataset", "vary", "loss", "optimizer",
            "lr"), app.descent.catalog.Optimizers.options(), List.of("batch-size", "epochs", "init", "schedule", "clip",
            "patience", "seed", "samples", "noise", "train-size", "val-fraction", "device"))
            .flatMap(List::stream).toList();

    /**
     * The grid for a network's code and settings by their command-line names (values as the command line writes
     * them; a {@code model} key is ignored: the code is the model). A setting left out takes descent train's default;
     * an unknown setting or a bad value is an error naming it.
     */
    public static CustomGrid of(String code, Map<String, String> given) {
        for (String key : given.keySet()) {
            if (!KEYS.contains(key) && !key.equals("model")) {
                throw new CompareException("unknown setting '" + key + "' for a grid (known: model, "
                        + String.join(", ", KEYS) + ")");
            }
        }
        if (code == null || code.isBlank()) {
            throw new CompareException("model: give the network as PyTorch code");
        }
        String dataset = required(given, "dataset");
        Variation variation = Variation.parse(required(given, "vary"));
        Double lr = given.containsKey("lr") ? number(given, "lr") : null;
        String optimizer = get(given, "optimizer", Defaults.OPTIMIZER);
        OptimizerSpec opt = OptimizerSpec.of(optimizer, lr != null ? lr : OptimizerSpec.defaultLr(optimizer));
        for (String option : app.descent.catalog.Optimizers.options()) {
            if (given.containsKey(option)) {
                for (Map.Entry<String, Double> h : app.descent.catalog.Optimizers.parse(option, given.get(option))
                        .entrySet()) {
                    if (!opt.has(h.getKey())) {
                        throw new CompareException(option + ": " + opt.name() + " has no "
                                + app.descent.catalog.Optimizers.hyperparameter(h.getKey()).label());
                    }
                    opt = opt.with(h.getKey(), h.getValue());
                }
            }
        }
        TrainingRun.Settings settings = settings(get(given, "loss", Defaults.LOSS), opt,
                integer(given, "batch-size", Defaults.BATCH_SIZE), integer(given, "epochs", Defaults.EPOCHS),
                get(given, "init", Defaults.INIT), get(given, "schedule", Defaults.SCHEDULE),
                number(given, "clip", Defaults.CLIP), integer(given, "patience", Defaults.PATIENCE),
                longInteger(given, "seed", Defaults.SEED), get(given, "device", Defaults.DEVICE));
        Double noise = given.containsKey("noise") ? number(given, "noise") : null;
        DataSplit.Options data = data(integer(given, "samples", Defaults.SAMPLES), noise,
                settings.seed(), integer(given, "train-size", Defaults.TRAIN_SIZE),
                number(given, "val-fraction", Defaults.VAL_FRACTION));
        return new CustomGrid(code, dataset, data, settings, variation, lr != null);
    }

    /** The training settings from the options' values, the optimizer with its hyperparameters already set. */
    public static TrainingRun.Settings settings(String loss, OptimizerSpec opt, int batchSize, int epochs, String init,
            String schedule, double clip, int patience, long seed, String device) {
        return new TrainingRun.Settings(Losses.Kind.parse(loss), opt, Initializer.parse(init), batchSize, epochs, seed,
                Schedule.parse(schedule), clip, patience, device);
    }

    /** How the dataset is split and sized ({@code noise} null: the dataset's own). */
    public static DataSplit.Options data(int samples, Double noise, long seed, int trainSize, double valFraction) {
        if (noise != null && !(noise >= 0)) {
            throw new CompareException("noise must be at least 0, not " + noise);
        }
        return new DataSplit.Options(samples, noise == null ? -1 : noise, seed, trainSize, valFraction);
    }

    /** The layers to train, from the code. */
    public List<Layer> layers() {
        return PyTorchImporter.importCode(code).network().sequentialLayers();
    }

    /** The runs as {@code descent compare} builds them: the whole dataset, every variant from the same seed. */
    public Grid grid() {
        DataSplit d = DataSplit.load(dataset, data);
        return new Grid(variation.apply(layers(), settings, lrGiven), d);
    }

    /** The grid as a study for Compare's Runs tab: curves and a table of each run's final figures. */
    public Study study() {
        String varied = variation.key().text() + " = " + String.join(", ", variation.values().stream()
                .map(Variation::text).toList());
        return new Study("custom", "Your grid: " + varied, "lesson", "Only " + variation.key().text() + " differs; "
                + "everything else, the initial weights included where the network allows, is shared.",
                Study.Kind.CURVES, dataset, data, code, settings, variation, lrGiven, Double.NaN);
    }

    /** The variation as {@code descent compare --vary} writes it. */
    public String varyText() {
        List<String> values = new ArrayList<>();
        variation.values().forEach(v -> values.add(Variation.text(v)));
        return variation.key().text() + "=" + String.join(",", values);
    }

    private static String get(Map<String, String> given, String key, String fallback) {
        String v = given.get(key);
        return v == null ? fallback : v.strip();
    }

    private static String required(Map<String, String> given, String key) {
        String v = given.get(key);
        if (v == null || v.isBlank()) {
            throw new CompareException("a grid needs '" + key + "'");
        }
        return v.strip();
    }

    private static double number(Map<String, String> given, String key) {
        return number(given, key, null);
    }

    private static double number(Map<String, String> given, String key, String fallback) {
        return parsed(given, key, fallback, Double::parseDouble, "a number");
    }

    private static int integer(Map<String, String> given, String key, String fallback) {
        return parsed(given, key, fallback, Integer::parseInt, "a whole number");
    }

    private static long longInteger(Map<String, String> given, String key, String fallback) {
        return parsed(given, key, fallback, Long::parseLong, "a whole number");
    }

    private static <T> T parsed(Map<String, String> given, String key, String fallback,
            java.util.function.Function<String, T> parse, String what) {
        String v = get(given, key, fallback);
        try {
            return parse.apply(v);
        } catch (NumberFormatException e) {
            throw new CompareException(key + ": '" + v + "' is not " + what);
        }
    }
}
