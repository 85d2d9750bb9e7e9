package app.descent.ui.compare;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import app.descent.ui.fx.FigurePalette;
import app.descent.ui.fx.Sketch;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** One small histogram of a grid of them (small multiples): a title, bars, the range, one line of figures. */
public final class HistogramTile extends Canvas implements Sketch.Drawn {
    private final String title;
    private final String figures;
    private final double min;
    private final double max;
    private final long[] counts;
    /** The bars' series colour in the {@link FigurePalette} (it changes with the theme). */
    private final int color;

    public HistogramTile(String title, String figures, double min, double max, long[] counts, int color,
                         double width, double height) {
        super(width, height);
        this.title = title;
        this.figures = figures;
        this.min = min;
        this.max = max;
        this.counts = counts.clone();
        this.color = color;
        FigurePalette.follow(this, p -> draw(Sketch.of(getGraphicsContext2D())));
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
        g.setFont(Font.font("SansSerif", 11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 5, 3, w - 10);
        g.setFill(palette.muted());
        g.setFont(Font.font("SansSerif", 10));
        g.fillText(figures, 5, 17, w - 10);
        double top = 32;
        double bottom = h - 14;
        long peak = 1;
        for (long c : counts) {
            peak = Math.max(peak, c);
        }
        double bw = (w - 10) / Math.max(1, counts.length);
        g.setFill(palette.series(color));
        for (int i = 0; i < counts.length; i++) {
            double bh = (bottom - top) * counts[i] / peak;
            g.fillRect(5 + i * bw, bottom - bh, Math.max(1, bw - 0.5), bh);
        }
        g.setFill(palette.muted());
        g.setFont(Font.font("SansSerif", 9));
        g.fillText(fmt(min), 5, bottom + 1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(fmt(max), w - 5, bottom + 1);
    }

    private static String fmt(double v) {
        return app.descent.graph.ComputationGraph.format(v, 3);
    }
}
