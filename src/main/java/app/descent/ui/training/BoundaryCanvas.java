package app.descent.ui.training;

import app.descent.training.data.Examples;
import javafx.scene.canvas.Canvas;
import app.descent.ui.fx.FigurePalette;
import app.descent.ui.fx.Sketch;
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
final class BoundaryCanvas extends StackPane implements Sketch.Drawn, app.descent.ui.fx.Figure {
    /** The palette the cells were last tinted with (a new one repaints them and the points). */
    private FigurePalette palette = FigurePalette.current();

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
        // the class colours, the empty square and the points' rims come from the palette: all drawn again with it
        FigurePalette.follow(this, p -> {
            palette = p;
            drawHeat();
            drawDots();
        });
    }

    /**
     * Draws the square {@code size} pixels wide (presentation mode lets it grow with the window); the same size
     * does nothing.
     */
    void resizeTo(double size) {
        double s = Math.max(120, Math.floor(size));
        if (s == heat.getWidth()) {
            return;
        }
        heat.setWidth(s);
        heat.setHeight(s);
        dots.setWidth(s);
        dots.setHeight(s);
        setMaxSize(s, s);
        drawHeat();
        drawDots();
    }

    /** The square's side in pixels. */
    double side() {
        return heat.getWidth();
    }

    /** Both layers, the tinted cells under the points. */
    @Override
    public void draw(Sketch g) {
        drawHeat(g, heat.getWidth(), heat.getHeight());
        drawDots(g, dots.getWidth(), dots.getHeight());
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
        drawHeat(Sketch.of(heat.getGraphicsContext2D()), heat.getWidth(), heat.getHeight());
    }

    private void drawHeat(Sketch g, double w, double h) {
        if (probabilities == null) {
            g.setFill(palette.plot());
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
        Sketch g = Sketch.of(dots.getGraphicsContext2D());
        g.clearRect(0, 0, dots.getWidth(), dots.getHeight());
        drawDots(g, dots.getWidth(), dots.getHeight());
    }

    private void drawDots(Sketch g, double w, double h) {
        g.setStroke(palette.axis());
        g.strokeLine(w / 2, 0, w / 2, h);
        g.strokeLine(0, h / 2, w, h / 2);
        if (points != null && points.shape().length == 1 && points.shape()[0] == 2) {
            for (int i = 0; i < points.count(); i++) {
                double x = (points.x()[2 * i] + 1) / 2 * w;
                double y = (1 - points.x()[2 * i + 1]) / 2 * h;
                g.setFill(palette.series(points.labels()[i]));
                g.fillOval(x - 3.5, y - 3.5, 7, 7);
                g.setStroke(palette.background());
                g.strokeOval(x - 3.5, y - 3.5, 7, 7);
            }
        }
        g.setStroke(palette.axis());
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
    }

    /** The cell's colour as ARGB: the predicted class's, mixed with the background by how unsure the network is. */
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
        Color base = palette.series(best);
        Color paper = palette.plot();
        // on the dark background the tint stays deeper, so that the points (in the full colour) stand out
        double t = palette.isDark() ? 0.12 + 0.4 * Math.max(0, Math.min(1, confidence))
                : 0.15 + 0.5 * Math.max(0, Math.min(1, confidence));
        int r = (int) Math.round(255 * (paper.getRed() + (base.getRed() - paper.getRed()) * t));
        int gr = (int) Math.round(255 * (paper.getGreen() + (base.getGreen() - paper.getGreen()) * t));
        int b = (int) Math.round(255 * (paper.getBlue() + (base.getBlue() - paper.getBlue()) * t));
        return 0xff000000 | r << 16 | gr << 8 | b;
    }
}
