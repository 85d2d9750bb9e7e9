package app.descent.training.data;

import java.util.Arrays;
import java.util.List;

/** Grey images with labels: pixels in [0, 1], row-major, image after image. */
public record ImageSet(int count, int rows, int cols, float[] pixels, int[] labels, List<String> classNames) {

    public ImageSet {
        if (pixels.length != (long) count * rows * cols || labels.length != count) {
            throw new IllegalArgumentException("pixels or labels do not match " + count + " images of " + rows + "×" + cols);
        }
        classNames = List.copyOf(classNames);
    }

    public int classes() {
        return classNames.size();
    }

    public int pixelsPerImage() {
        return rows * cols;
    }

    public float[] image(int index) {
        int n = pixelsPerImage();
        return Arrays.copyOfRange(pixels, index * n, (index + 1) * n);
    }

    /** Number of images of each class. */
    public int[] classCounts() {
        int[] counts = new int[classes()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
