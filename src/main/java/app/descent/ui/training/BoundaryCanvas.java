package app.descent.ui.training;

import app.descent.training.data.Examples;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The decision boundary of a 2-D problem as TensorFlow Playground draws it: every cell of the square tinted by the
 * class the network predicts there (paler where it is unsure), and the training points on top.
 */
final class BoundaryCanvas extends Canvas {
    static final Color[] CLASS_COLORS = {Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"),
        Color.web("#d62728"), Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#7f7f7f"),
        Color.web("#bcbd22"), Color.web("#17becf")};

    private Examples points;
    private float[] probabilities;
    private int classes;
    private int grid;
    private long frames;

    BoundaryCanvas(double size) {
        super(size, size);
        setId("boundary");
        draw();
    }

    void points(Examples train) {
        points = train;
        probabilities = null;
        draw();
    }

    /** @param classes values per cell: 1 for a binary sigmoid output (the positive class), else one per class */
    void show(float[] probabilities, int classes, int grid) {
        this.probabilities = probabilities;
        this.classes = classes;
        this.grid = grid;
        draw();
    }

    long frames() {
        return frames;
    }

    boolean hasBoundary() {
        return probabilities != null;
    }

    private void draw() {
        frames++;
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (probabilities != null) {
            WritableImage image = new WritableImage(grid, grid);
            PixelWriter px = image.getPixelWriter();
            for (int r = 0; r < grid; r++) {
                for (int c = 0; c < grid; c++) {
                    px.setColor(c, r, cellColor(r * grid + c));
                }
            }
            g.setImageSmoothing(true);
            g.drawImage(image, 0, 0, w, h);
        }
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

    private Color cellColor(int cell) {
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
        return Color.WHITE.interpolate(base, 0.15 + 0.5 * Math.max(0, Math.min(1, confidence)));
    }
}
