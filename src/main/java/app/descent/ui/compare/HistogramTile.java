package app.descent.ui.compare;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** One small histogram of a grid of them (small multiples): a title, bars, the range, one line of figures. */
public final class HistogramTile extends Canvas {
    private final String title;
    private final String figures;
    private final double min;
    private final double max;
    private final long[] counts;
    private final Color color;

    public HistogramTile(String title, String figures, double min, double max, long[] counts, Color color,
                         double width, double height) {
        super(width, height);
        this.title = title;
        this.figures = figures;
        this.min = min;
        this.max = max;
        this.counts = counts.clone();
        this.color = color;
        draw();
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

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.rgb(208, 215, 222));
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        g.setFill(Color.rgb(36, 41, 47));
        g.setFont(Font.font("SansSerif", 11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 5, 3, w - 10);
        g.setFill(Color.rgb(87, 96, 106));
        g.setFont(Font.font("SansSerif", 10));
        g.fillText(figures, 5, 17, w - 10);
        double top = 32;
        double bottom = h - 14;
        long peak = 1;
        for (long c : counts) {
            peak = Math.max(peak, c);
        }
        double bw = (w - 10) / Math.max(1, counts.length);
        g.setFill(color);
        for (int i = 0; i < counts.length; i++) {
            double bh = (bottom - top) * counts[i] / peak;
            g.fillRect(5 + i * bw, bottom - bh, Math.max(1, bw - 0.5), bh);
        }
        g.setFill(Color.rgb(87, 96, 106));
        g.setFont(Font.font("SansSerif", 9));
        g.fillText(fmt(min), 5, bottom + 1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(fmt(max), w - 5, bottom + 1);
    }

    private static String fmt(double v) {
        return app.descent.graph.ComputationGraph.format(v, 3);
    }
}
