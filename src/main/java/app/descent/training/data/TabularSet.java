package app.descent.training.data;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Rows of numeric features with a class label each; features row-major, {@code count × features}. */
public record TabularSet(float[] x, int[] labels, int features, List<String> featureNames, List<String> classNames) {

    public TabularSet {
        if (features <= 0 || x.length != (long) labels.length * features) {
            throw new IllegalArgumentException(x.length + " values are not " + labels.length + " rows of " + features);
        }
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
    }

    public int count() {
        return labels.length;
    }

    public int classes() {
        return classNames.size();
    }

    public float[] row(int i) {
        return Arrays.copyOfRange(x, i * features, (i + 1) * features);
    }

    public int[] classCounts() {
        int[] counts = new int[classes()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The rows at {@code indices}, in that order. */
    public TabularSet select(int[] indices) {
        float[] nx = new float[indices.length * features];
        int[] nl = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(x, indices[k] * features, nx, k * features, features);
            nl[k] = labels[indices[k]];
        }
        return new TabularSet(nx, nl, features, featureNames, classNames);
    }

    public record Split(TabularSet first, TabularSet second) {
    }

    /** A seeded shuffle, then the first {@code fraction} of the rows and the rest. */
    public Split split(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new DatasetException("split fraction must be between 0 and 1, not " + fraction);
        }
        int[] order = shuffled(count(), seed);
        int cut = (int) Math.round(count() * fraction);
        return new Split(select(Arrays.copyOfRange(order, 0, cut)), select(Arrays.copyOfRange(order, cut, count())));
    }

    static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
