package app.descent.ui.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.canvas.Canvas;
import app.descent.ui.fx.FigurePalette;
import app.descent.ui.fx.Sketch;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A surface f(x, y) as a shaded map with contour lines, and optimizer paths drawn over it up to the current step.
 * Shading and levels follow the ranks of the values (quantiles), so that Rosenbrock's 1e4 rim does not wash out
 * its valley.
 */
public final class ContourCanvas extends Region implements Sketch.Drawn, app.descent.ui.fx.Figure {
    /** One optimizer's path and how to draw it. */
    public record Path(String label, double[][] points, Color color) {
    }

    private static final int LEVELS = 14;
    private final Canvas canvas = new Canvas();
    private double[][] grid;
    private double xMin;
    private double xMax;
    private double yMin;
    private double yMax;
    private WritableImage shading;
    private double[] sorted = new double[0];
    private double[] levels = new double[0];
    private List<Path> paths = List.of();
    private int shownSteps;
    private double[] minimum;

    /** Text size factor: 1, or enough in presentation mode for the smallest text (11 px) to be 18 px. */
    private double k = 1;
    /** The smallest font the last drawing used. */
    private double smallestFont = Double.POSITIVE_INFINITY;

    public ContourCanvas() {
        getChildren().add(canvas);
        app.descent.ui.fx.Presentation.follow(this, on -> {
            k = on ? app.descent.ui.fx.Presentation.MIN_FONT_PX / 11 : 1;
            draw();
        });
        setMinSize(200, 200);
        setPrefSize(560, 480);
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
        FigurePalette.follow(this, p -> {
            // the shading has a light and a dark ramp: made again in the new one
            if (grid != null) {
                shading = shade(grid, sorted);
            }
            draw();
        });
    }

    @Override
    public double smallestFontPx() {
        return smallestFont * app.descent.ui.fx.Figure.screenScale(this);
    }

    private Font font(String family, double size) {
        smallestFont = Math.min(smallestFont, size * k);
        return family == null ? Font.font(size * k) : Font.font(family, size * k);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** {@code grid[j][i]} is f at x = xMin + i·Δx, y = yMin + j·Δy; NaN where f is undefined. */
    public void surface(double[][] grid, double xMin, double xMax, double yMin, double yMax) {
        this.grid = grid;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        sorted = Arrays.stream(grid).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted().toArray();
        shading = shade(grid, sorted);
        levels = new double[sorted.length == 0 ? 0 : LEVELS];
        for (int k = 0; k < levels.length; k++) {
            // denser levels near the minimum, where the paths end
            double q = Math.pow((k + 0.5) / LEVELS, 2);
            levels[k] = sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
        }
        minimum = null;
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < grid.length; j++) {
            for (int i = 0; i < grid[j].length; i++) {
                if (grid[j][i] < best) {
                    best = grid[j][i];
                    minimum = new double[] {x(i), y(j)};
                }
            }
        }
        draw();
    }

    public void paths(List<Path> paths, int shownSteps) {
        this.paths = List.copyOf(paths);
        this.shownSteps = shownSteps;
        draw();
    }

    public int shownSteps() {
        return shownSteps;
    }

    public boolean hasSurface() {
        return grid != null;
    }

    /** The surface point under a pixel of this canvas. */
    public double[] toData(double px, double py) {
        double[] a = area();
        return new double[] {xMin + (px - a[0]) / a[2] * (xMax - xMin), yMax - (py - a[1]) / a[3] * (yMax - yMin)};
    }

    private double x(int i) {
        return xMin + (xMax - xMin) * i / (grid[0].length - 1);
    }

    private double y(int j) {
        return yMin + (yMax - yMin) * j / (grid.length - 1);
    }

    private static WritableImage shade(double[][] grid, double[] sorted) {
        int ny = grid.length;
        int nx = grid[0].length;
        WritableImage image = new WritableImage(nx, ny);
        PixelWriter w = image.getPixelWriter();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double v = grid[j][i];
                Color c;
                if (!Double.isFinite(v)) {
                    c = Color.gray(0.85);
                } else {
                    double rank = sorted.length < 2 ? 0.5 : (double) Math.max(0, Arrays.binarySearch(sorted, v))
                            / (sorted.length - 1);
                    c = ramp(rank);
                }
                w.setColor(i, ny - 1 - j, c);
            }
        }
        return image;
    }

    /**
     * Low values deep blue, high values pale yellow (viridis-like, light enough for the light theme's deep paths to
     * stand out); on the dark theme a darker ramp of the same hues, under its light paths.
     */
    private static Color ramp(double t) {
        boolean dark = FigurePalette.current().isDark();
        Color low = dark ? Color.rgb(16, 34, 74) : Color.rgb(48, 86, 150);
        Color mid = dark ? Color.rgb(28, 92, 98) : Color.rgb(92, 170, 160);
        Color high = dark ? Color.rgb(92, 96, 70) : Color.rgb(245, 236, 180);
        return t < 0.5 ? low.interpolate(mid, t * 2) : mid.interpolate(high, (t - 0.5) * 2);
    }

    /** Plot area: left, top, width, height (room for the axes' numbers). */
    private double[] area() {
        double left = 46 * k;
        double top = 10;
        double w = Math.max(10, getWidth() - left - 12);
        double h = Math.max(10, getHeight() - top - 34 * k);
        return new double[] {left, top, w, h};
    }

    private void draw() {
        Sketch g = Sketch.of(canvas.getGraphicsContext2D());
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        draw(g);
    }

    /** The map, its axes, the paths and their legend; text and frame in the palette's colours. */
    @Override
    public void draw(Sketch g) {
        smallestFont = Double.POSITIVE_INFINITY;
        if (grid == null) {
            return;
        }
        double[] a = area();
        g.setImageSmoothing(true);
        g.drawImage(shading, a[0], a[1], a[2], a[3]);
        g.setStroke(Color.rgb(255, 255, 255, 0.55));
        g.setLineWidth(1);
        for (double level : levels) {
            contour(g, a, level);
        }
        g.setStroke(FigurePalette.current().axis());
        g.strokeRect(a[0], a[1], a[2], a[3]);
        axes(g, a);
        if (minimum != null) {
            double[] p = toPixel(a, minimum[0], minimum[1]);
            g.setFill(Color.WHITE);
            g.setFont(font(null, 15));
            g.fillText("★", p[0] - 6 * k, p[1] + 5 * k);
        }
        for (Path path : paths) {
            drawPath(g, a, path);
        }
        legend(g, a);
    }

    private void drawPath(Sketch g, double[] a, Path path) {
        int last = Math.min(shownSteps, path.points().length - 1);
        g.save();
        g.beginPath();
        g.rect(a[0], a[1], a[2], a[3]);
        g.clip();
        g.setStroke(path.color());
        g.setLineWidth(2.2);
        g.beginPath();
        boolean open = false;
        int end = -1;
        for (int k = 0; k <= last; k++) {
            double[] p = toPixel(a, path.points()[k][0], path.points()[k][1]);
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                break;
            }
            // far-off points (a diverging path) would make the rasterizer draw lines across the whole window
            p[0] = Math.max(a[0] - 50, Math.min(a[0] + a[2] + 50, p[0]));
            p[1] = Math.max(a[1] - 50, Math.min(a[1] + a[3] + 50, p[1]));
            if (!open) {
                g.moveTo(p[0], p[1]);
                open = true;
            } else {
                g.lineTo(p[0], p[1]);
            }
            end = k;
        }
        g.stroke();
        for (int k = 0; k <= end; k++) {
            double[] p = toPixel(a, path.points()[k][0], path.points()[k][1]);
            double r = k == end ? 5.5 : 2;
            g.setFill(path.color());
            g.fillOval(p[0] - r, p[1] - r, 2 * r, 2 * r);
            if (k == end) {
                g.setStroke(Color.WHITE);
                g.setLineWidth(1.5);
                g.strokeOval(p[0] - r, p[1] - r, 2 * r, 2 * r);
            }
        }
        g.restore();
    }

    private void legend(Sketch g, double[] a) {
        if (paths.isEmpty()) {
            return;
        }
        Font f = font("SansSerif", 12);
        g.setFont(f);
        double w = 0;
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(f);
        for (Path p : paths) {
            // measured, not guessed from the letters: "momentum" overflowed a box sized by its length
            probe.setText(p.label());
            w = Math.max(w, probe.getLayoutBounds().getWidth() + 32 * k);
        }
        double x = a[0] + a[2] - w - 8;
        double y = a[1] + 8;
        // the legend never hides the start: it moves to the left when the paths start in the right half
        double[] start = paths.get(0).points().length == 0 ? null
                : toPixel(a, paths.get(0).points()[0][0], paths.get(0).points()[0][1]);
        if (start != null && start[0] > a[0] + a[2] / 2 && start[1] < a[1] + a[3] / 2) {
            x = a[0] + 8;
        }
        g.setFill(FigurePalette.current().legend());
        g.fillRoundRect(x, y, w, (paths.size() * 17 + 8) * k, 6, 6);
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i);
            double yy = y + (14 + i * 17) * k;
            g.setStroke(p.color());
            g.setLineWidth(3);
            g.strokeLine(x + 6, yy - 4 * k, x + 20 * k, yy - 4 * k);
            g.setFill(FigurePalette.current().text());
            g.fillText(p.label(), x + 24 * k, yy);
        }
    }

    private void axes(Sketch g, double[] a) {
        g.setFill(FigurePalette.current().muted());
        g.setFont(font(null, 11));
        for (int i = 0; i <= 4; i++) {
            double t = i / 4.0;
            String xs = fmt(xMin + t * (xMax - xMin));
            String ys = fmt(yMax - t * (yMax - yMin));
            g.fillText(xs, a[0] + t * a[2] - 10 * k, a[1] + a[3] + 15 * k);
            g.fillText(ys, 4, a[1] + t * a[3] + 4 * k);
        }
        g.fillText("x", a[0] + a[2] / 2, a[1] + a[3] + 29 * k);
        g.fillText("y", a[0] - 14 * k, a[1] + 10 * k);
    }

    private static String fmt(double v) {
        return app.descent.graph.ComputationGraph.format(Math.abs(v) < 1e-12 ? 0 : v, 3);
    }

    private double[] toPixel(double[] a, double x, double y) {
        return new double[] {a[0] + (x - xMin) / (xMax - xMin) * a[2], a[1] + (yMax - y) / (yMax - yMin) * a[3]};
    }

    /** Marching squares on the grid for one level, segment by segment. */
    private void contour(Sketch g, double[] a, double level) {
        int ny = grid.length;
        int nx = grid[0].length;
        double cw = a[2] / (nx - 1);
        double ch = a[3] / (ny - 1);
        List<double[]> segments = new ArrayList<>();
        for (int j = 0; j < ny - 1; j++) {
            for (int i = 0; i < nx - 1; i++) {
                double v0 = grid[j][i];
                double v1 = grid[j][i + 1];
                double v2 = grid[j + 1][i + 1];
                double v3 = grid[j + 1][i];
                if (!(Double.isFinite(v0) && Double.isFinite(v1) && Double.isFinite(v2) && Double.isFinite(v3))) {
                    continue;
                }
                List<double[]> cuts = new ArrayList<>(4);
                cut(cuts, v0, v1, level, i, j, i + 1, j);
                cut(cuts, v1, v2, level, i + 1, j, i + 1, j + 1);
                cut(cuts, v2, v3, level, i + 1, j + 1, i, j + 1);
                cut(cuts, v3, v0, level, i, j + 1, i, j);
                for (int k = 0; k + 1 < cuts.size(); k += 2) {
                    segments.add(new double[] {cuts.get(k)[0], cuts.get(k)[1], cuts.get(k + 1)[0], cuts.get(k + 1)[1]});
                }
            }
        }
        for (double[] s : segments) {
            g.strokeLine(a[0] + s[0] * cw, a[1] + a[3] - s[1] * ch, a[0] + s[2] * cw, a[1] + a[3] - s[3] * ch);
        }
    }

    private static void cut(List<double[]> cuts, double va, double vb, double level, int ia, int ja, int ib, int jb) {
        if ((va < level) == (vb < level)) {
            return;
        }
        double t = (level - va) / (vb - va);
        cuts.add(new double[] {ia + t * (ib - ia), ja + t * (jb - ja)});
    }
}
