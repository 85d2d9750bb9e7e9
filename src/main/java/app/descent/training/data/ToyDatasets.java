package app.descent.training.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two-dimensional classification problems in the style of TensorFlow Playground, with points in [-1, 1]².
 * Classes are balanced (counts differ by at most one) and every set is a pure function of its seed.
 */
public final class ToyDatasets {
    public static final List<String> NAMES = List.of("xor", "circles", "moons", "spiral", "spiral:K", "blobs",
            "blobs:K", "linear");
    public static final int DEFAULT_SAMPLES = 500;

    private ToyDatasets() {
    }

    private interface PointMaker {
        /** Writes one point of class {@code c} into {@code p}. */
        void make(int c, SplittableRandom r, double[] p);
    }

    public static TabularSet byName(String name, int samples, double noise, long seed) {
        String[] parts = name.strip().toLowerCase(java.util.Locale.ROOT).split(":", 2);
        Integer k = null;
        if (parts.length == 2) {
            try {
                k = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new DatasetException("toy dataset '" + name + "': the number of classes '" + parts[1]
                        + "' is not a whole number");
            }
        }
        return switch (parts[0]) {
            case "xor" -> noK(name, k, xor(samples, noise, seed));
            case "circles" -> noK(name, k, circles(samples, noise, seed));
            case "moons" -> noK(name, k, moons(samples, noise, seed));
            case "linear" -> noK(name, k, linear(samples, noise, seed));
            case "spiral" -> spiral(samples, k == null ? 3 : k, noise, seed);
            case "blobs" -> blobs(samples, k == null ? 3 : k, noise, seed);
            default -> throw new DatasetException("unknown toy dataset '" + name + "'; choose one of "
                    + String.join(", ", NAMES));
        };
    }

    private static TabularSet noK(String name, Integer k, TabularSet set) {
        if (k != null) {
            throw new DatasetException("toy dataset '" + name + "' has a fixed number of classes; drop ':" + k + "'");
        }
        return set;
    }

    /** Class 0 where x·y &gt; 0, class 1 where x·y &lt; 0, kept a little away from the axes. */
    public static TabularSet xor(int samples, double noise, long seed) {
        return generate(samples, 2, noise, seed, (c, r, p) -> {
            double sx = r.nextBoolean() ? 1 : -1;
            double sy = c == 0 ? sx : -sx;
            p[0] = sx * r.nextDouble(0.05, 1);
            p[1] = sy * r.nextDouble(0.05, 1);
        });
    }

    /** Class 0 inside radius 0.5, class 1 on a ring from 0.7 to 1. */
    public static TabularSet circles(int samples, double noise, long seed) {
        return generate(samples, 2, noise, seed, (c, r, p) -> {
            double radius = c == 0 ? 0.5 * Math.sqrt(r.nextDouble()) : r.nextDouble(0.7, 1.0);
            double angle = r.nextDouble(0, 2 * Math.PI);
            p[0] = radius * Math.cos(angle);
            p[1] = radius * Math.sin(angle);
        });
    }

    /** Two interleaving half circles (scikit-learn's moons), scaled into the square. */
    public static TabularSet moons(int samples, double noise, long seed) {
        return generate(samples, 2, noise, seed, (c, r, p) -> {
            double t = r.nextDouble(0, Math.PI);
            double x = c == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double y = c == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            p[0] = (x - 0.5) / 1.5;
            p[1] = (y - 0.25) / 0.75;
        });
    }

    /** {@code k} arms winding out from the centre, one per class. */
    public static TabularSet spiral(int samples, int k, double noise, long seed) {
        requireClasses("spiral", k);
        return generate(samples, k, noise, seed, (c, r, p) -> {
            double t = r.nextDouble();
            double radius = 0.05 + 0.95 * t;
            double angle = 2 * Math.PI * c / k + 1.75 * Math.PI * t;
            p[0] = radius * Math.cos(angle);
            p[1] = radius * Math.sin(angle);
        });
    }

    /** {@code k} Gaussian blobs (σ 0.12) centred on a circle of radius 0.6. */
    public static TabularSet blobs(int samples, int k, double noise, long seed) {
        requireClasses("blobs", k);
        return generate(samples, k, noise, seed, (c, r, p) -> {
            double angle = 2 * Math.PI * c / k + Math.PI / 4;
            p[0] = 0.6 * Math.cos(angle) + 0.12 * r.nextGaussian();
            p[1] = 0.6 * Math.sin(angle) + 0.12 * r.nextGaussian();
        });
    }

    /** Separable by the line y = 0.5·x, with a margin of 0.05. */
    public static TabularSet linear(int samples, double noise, long seed) {
        return generate(samples, 2, noise, seed, (c, r, p) -> {
            do {
                p[0] = r.nextDouble(-1, 1);
                p[1] = r.nextDouble(-1, 1);
            } while ((c == 0 ? 1 : -1) * (p[1] - 0.5 * p[0]) < 0.05);
        });
    }

    private static void requireClasses(String name, int k) {
        if (k < 2 || k > 10) {
            throw new DatasetException(name + " needs 2 to 10 classes, not " + k);
        }
    }

    private static TabularSet generate(int samples, int classes, double noise, long seed, PointMaker maker) {
        if (samples < classes) {
            throw new DatasetException("a toy set needs at least " + classes + " samples, not " + samples);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new DatasetException("noise must be a number of at least 0, not " + noise);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[samples * 2];
        int[] labels = new int[samples];
        double[] p = new double[2];
        for (int i = 0; i < samples; i++) {
            int c = i % classes;
            maker.make(c, random, p);
            for (int d = 0; d < 2; d++) {
                double v = p[d] + (noise > 0 ? noise * random.nextGaussian() : 0);
                x[2 * i + d] = (float) Math.max(-1, Math.min(1, v));
            }
            labels[i] = c;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(String.valueOf(c));
        }
        return new TabularSet(x, labels, 2, List.of("x1", "x2"), names);
    }
}
