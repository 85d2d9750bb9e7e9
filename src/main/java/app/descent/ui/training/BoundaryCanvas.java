package app.descent.ui.training;

import app.descent.training.data.Examples;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * The decision boundary of a 2-D problem as TensorFlow Playground draws it: every cell of the square tinted by the
 * class the network predicts there (paler where it is unsure), and the training points on top. The points are a
 * layer of their own, drawn once per data set: a new boundary repaints only the tinted cells, which is what lets
 * the picture follow training at 30 frames a second even with the software renderer.
 */
final class BoundaryCanvas extends StackPane implements app.descent.ui.fx.Figure {
    static final Color[] CLASS_COLORS = {Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"),
        Color.web("#d62728"), Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#7f7f7f"),
        Color.web("#bcbd22"), Color.web("#17becf")};

    private final Canvas heat;
    private final Canvas dots;
    private Examples points;
    private float[] probabilities;
    private int classes;
    private int grid;
    private WritableImage image;
    private int[] argb = new int[0];
    private long frames;
    private long pictures;

    BoundaryCanvas(double size) {
        heat = new Canvas(size, size);
        dots = new Canvas(size, size);
        getChildren().addAll(heat, dots);
        setId("boundary");
        setMaxSize(size, size);
        drawHeat();
        drawDots();
    }

    void points(Examples train) {
        points = train;
        probabilities = null;
        drawHeat();
        drawDots();
    }

    /** @param classes values per cell: 1 for a binary sigmoid output (the positive class), else one per class */
    void show(float[] probabilities, int classes, int grid) {
        this.probabilities = probabilities;
        this.classes = classes;
        this.grid = grid;
        pictures++;
        drawHeat();
    }

    /** The points stay; the last run's boundary goes. */
    void clearBoundary() {
        probabilities = null;
        drawHeat();
    }

    /** Tinted cells and points: no text. */
    @Override
    public double smallestFontPx() {
        return Double.POSITIVE_INFINITY;
    }

    long frames() {
        return frames;
    }

    /** How many boundaries have been drawn (the benchmark counts them per second). */
    long pictures() {
        return pictures;
    }

    boolean hasBoundary() {
        return probabilities != null;
    }

    private void drawHeat() {
        frames++;
        GraphicsContext g = heat.getGraphicsContext2D();
        double w = heat.getWidth();
        double h = heat.getHeight();
        if (probabilities == null) {
            g.setFill(Color.WHITE);
            g.fillRect(0, 0, w, h);
            return;
        }
        if (image == null || image.getWidth() != grid) {
            image = new WritableImage(grid, grid);
            argb = new int[grid * grid];
        }
        for (int cell = 0; cell < grid * grid; cell++) {
            argb[cell] = cellColor(cell);
        }
        image.getPixelWriter().setPixels(0, 0, grid, grid, PixelFormat.getIntArgbInstance(), argb, 0, grid);
        g.setImageSmoothing(true);
        g.drawImage(image, 0, 0, w, h);
    }

    private void drawDots() {
        GraphicsContext g = dots.getGraphicsContext2D();
        double w = dots.getWidth();
        double h = dots.getHeight();
        g.clearRect(0, 0, w, h);
        g.setStroke(Color.gray(0.6));
        g.strokeLine(w / 2, 0, w / 2, h);
        g.strokeLine(0, h / 2, w, h / 2);
        if (points != null && points.shape().length == 1 && points.shape()[0] == 2) {
            for (int i = 0; i < points.count(); i++) {
                double x = (points.x()[2 * i] + 1) / 2 * w;
                double y = (1 - points.x()[2 * i + 1]) / 2 * h;
                g.setFill(CLASS_COLORS[points.labels()[i] % CLASS_COLORS.length]);
                g.fillOval(x - 3.5, y - 3.5, 7, 7);
                g.setStroke(Color.WHITE);
                g.strokeOval(x - 3.5, y - 3.5, 7, 7);
            }
        }
        g.setStroke(Color.gray(0.4));
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
    }

    /** The cell's colour as ARGB: the predicted class's, mixed with white by how unsure the network is. */
    private int cellColor(int cell) {
        int best;
        double confidence;
        if (classes == 1) {
            double p = probabilities[cell];
            best = p > 0.5 ? 1 : 0;
            confidence = Math.abs(p - 0.5) * 2;
        } else {
            best = 0;
            for (int k = 1; k < classes; k++) {
                if (probabilities[cell * classes + k] > probabilities[cell * classes + best]) {
                    best = k;
                }
            }
            confidence = (probabilities[cell * classes + best] - 1.0 / classes) / (1 - 1.0 / classes);
        }
        Color base = CLASS_COLORS[best % CLASS_COLORS.length];
        double t = 0.15 + 0.5 * Math.max(0, Math.min(1, confidence));
        int r = (int) Math.round(255 * (1 + (base.getRed() - 1) * t));
        int gr = (int) Math.round(255 * (1 + (base.getGreen() - 1) * t));
        int b = (int) Math.round(255 * (1 + (base.getBlue() - 1) * t));
        return 0xff000000 | r << 16 | gr << 8 | b;
    }
}
