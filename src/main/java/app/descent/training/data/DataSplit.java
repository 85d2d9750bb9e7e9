package app.descent.training.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Train, validation and test examples for a dataset name: {@code mnist}, {@code fashion-mnist}, a toy set
 * ({@code xor}, {@code spiral:5}, …) or {@code csv:PATH}. Toy and CSV data are split 80/20 into train and test;
 * the validation set is held out of the training split; everything is shuffled by the seed.
 */
public record DataSplit(String name, Examples train, Examples validation, Examples test) {

    public record Options(int samples, double noise, long seed, int trainSize, double validationFraction) {
        public static final Options DEFAULT = new Options(ToyDatasets.DEFAULT_SAMPLES, -1, 0, 0, 0.1);

        public Options {
            if (samples < 2) {
                throw new DatasetException("--samples must be at least 2, not " + samples);
            }
            if (!(validationFraction >= 0 && validationFraction < 1)) {
                throw new DatasetException("the validation fraction must be at least 0 and below 1, not "
                        + validationFraction);
            }
            if (trainSize < 0) {
                throw new DatasetException("--train-size must be positive, not " + trainSize);
            }
        }
    }

    public static final double TOY_NOISE = 0.05;

    public static DataSplit load(String name, Options o) {
        String key = name.strip();
        String lower = key.toLowerCase(Locale.ROOT);
        Examples train;
        Examples test;
        if (lower.equals("mnist") || lower.equals("fashion-mnist")) {
            ShippedDataset d = ShippedDataset.byId(lower);
            train = shuffle(Examples.of(d.train()), o.seed());
            test = Examples.of(d.test());
        } else {
            TabularSet all = lower.startsWith("csv:")
                    ? CsvLoader.load(Path.of(key.substring(4)))
                    : ToyDatasets.byName(lower, o.samples(), o.noise() < 0 ? TOY_NOISE : o.noise(), o.seed());
            TabularSet.Split s = all.split(0.8, o.seed());
            train = Examples.of(s.first());
            test = Examples.of(s.second());
        }
        if (o.trainSize() > 0) {
            if (o.trainSize() > train.count()) {
                throw new DatasetException("--train-size " + o.trainSize() + " is more than the " + train.count()
                        + " training examples of " + name);
            }
            train = train.select(range(0, o.trainSize()));
        }
        int val = (int) Math.round(train.count() * o.validationFraction());
        if (o.validationFraction() > 0 && (val == 0 || val == train.count())) {
            throw new DatasetException("a validation fraction of " + o.validationFraction() + " leaves no "
                    + (val == 0 ? "validation" : "training") + " examples out of " + train.count());
        }
        Examples validation = train.select(range(0, val));
        Examples rest = train.select(range(val, train.count()));
        return new DataSplit(key, rest, validation, test);
    }

    private static Examples shuffle(Examples e, long seed) {
        return e.select(TabularSet.shuffled(e.count(), seed));
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        Arrays.setAll(r, i -> from + i);
        return r;
    }
}
