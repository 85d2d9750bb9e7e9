package app.descent.training.data;

import java.util.Arrays;
import java.util.List;

/**
 * Inputs with class labels, ready for training: {@code x} row-major, each example of {@code shape}
 * (e.g. [1, 28, 28] for an image, [2] for a toy point).
 */
public record Examples(float[] x, int[] labels, long[] shape, List<String> classNames) {

    public Examples {
        long per = size(shape);
        if (x.length != per * labels.length) {
            throw new IllegalArgumentException(x.length + " values are not " + labels.length + " examples of "
                    + Arrays.toString(shape));
        }
        classNames = List.copyOf(classNames);
    }

    static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    public int count() {
        return labels.length;
    }

    public int classes() {
        return classNames.size();
    }

    public int valuesPerExample() {
        return (int) size(shape);
    }

    public static Examples of(ImageSet set) {
        return new Examples(set.pixels(), set.labels(), new long[] {1, set.rows(), set.cols()}, set.classNames());
    }

    public static Examples of(TabularSet set) {
        return new Examples(set.x(), set.labels(), new long[] {set.features()}, set.classNames());
    }

    /** The examples at {@code indices}, in that order. */
    public Examples select(int[] indices) {
        int per = valuesPerExample();
        float[] nx = new float[indices.length * per];
        int[] nl = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(x, indices[k] * per, nx, k * per, per);
            nl[k] = labels[indices[k]];
        }
        return new Examples(nx, nl, shape, classNames);
    }

    public int[] classCounts() {
        int[] counts = new int[classes()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }
}
