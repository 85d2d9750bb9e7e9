package app.descent.ui.compare;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import app.descent.ui.fx.FigurePalette;
import app.descent.ui.fx.Sketch;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** One small histogram of a grid of them (small multiples): a title, bars, the range, one line of figures. */
public final class HistogramTile extends Canvas implements Sketch.Drawn, app.descent.ui.fx.Figure {
    /** The smallest of its fonts (the range's); the title and the figures are a little larger. */
    private static final double SMALLEST_FONT = 9;
    private final String title;
    private final String figures;
    private final double min;
    private final double max;
    private final long[] counts;
    /** The bars' series colour in the {@link FigurePalette} (it changes with the theme). */
    private final int color;
    private final double baseWidth;
    private final double baseHeight;
    /** How much larger than its size and fonts outside presentation mode the tile draws (2 in it: 18 px text). */
    private double scale = 1;

    public HistogramTile(String title, String figures, double min, double max, long[] counts, int color,
                         double width, double height) {
        super(width, height);
        this.title = title;
        this.figures = figures;
        this.min = min;
        this.max = max;
        this.counts = counts.clone();
        this.color = color;
        this.baseWidth = width;
        this.baseHeight = height;
        FigurePalette.follow(this, p -> draw(Sketch.of(getGraphicsContext2D())));
        app.descent.ui.fx.Presentation.follow(this, on -> {
            scale = on ? app.descent.ui.fx.Presentation.MIN_FONT_PX / SMALLEST_FONT : 1;
            setWidth(baseWidth * scale);
            setHeight(baseHeight * scale);
            draw(Sketch.of(getGraphicsContext2D()));
        });
    }

    @Override
    public double smallestFontPx() {
        return SMALLEST_FONT * scale * app.descent.ui.fx.Figure.screenScale(this);
    }

    public String title() {
        return title;
    }

    public long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    @Override
    public void draw(Sketch g) {
        FigurePalette palette = FigurePalette.current();
        double w = getWidth();
        double h = getHeight();
        g.setFill(palette.plot());
        g.fillRect(0, 0, w, h);
        g.setStroke(palette.grid());
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        g.setFill(palette.text());
        double f = scale;
        g.setFont(Font.font("SansSerif", 11 * f));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 5 * f, 3 * f, w - 10 * f);
        g.setFill(palette.muted());
        g.setFont(Font.font("SansSerif", 10 * f));
        g.fillText(figures, 5 * f, 17 * f, w - 10 * f);
        double top = 32 * f;
        double bottom = h - 14 * f;
        long peak = 1;
        for (long c : counts) {
            peak = Math.max(peak, c);
        }
        double bw = (w - 10 * f) / Math.max(1, counts.length);
        g.setFill(palette.series(color));
        for (int i = 0; i < counts.length; i++) {
            double bh = (bottom - top) * counts[i] / peak;
            g.fillRect(5 * f + i * bw, bottom - bh, Math.max(1, bw - 0.5), bh);
        }
        g.setFill(palette.muted());
        g.setFont(Font.font("SansSerif", SMALLEST_FONT * f));
        g.fillText(fmt(min), 5 * f, bottom + 1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(fmt(max), w - 5 * f, bottom + 1);
    }

    private static String fmt(double v) {
        return app.descent.graph.ComputationGraph.format(v, 3);
    }
}
