package app.descent.ui.training;

import app.descent.training.data.Examples;
import javafx.scene.canvas.Canvas;
import app.descent.ui.fx.FigurePalette;
import app.descent.ui.fx.Sketch;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** A grid of grey images with a caption under each: samples of a dataset, or the test images a run got wrong. */
final class ImageGrid extends Canvas implements Sketch.Drawn, app.descent.ui.fx.Figure {
    private static final int CELL = 52;
    private static final int CAPTION = 14;
    private static final double CAPTION_FONT = 10;
    /**
     * In presentation mode: cells wide enough for a caption of {@link app.descent.ui.fx.Presentation#MIN_FONT_PX}
     * ("Shir. ≠ T-sh."), half as many columns and twice as many rows (the picture's view scrolls).
     */
    private static final int BIG_CELL = 120;
    private static final int BIG_CAPTION = 26;

    private final int columns;
    private final int rows;
    private int cell = CELL;
    private int caption = CAPTION;
    private double font = CAPTION_FONT;

    ImageGrid(int columns, int rows) {
        super(columns * CELL, rows * (CELL + CAPTION));
        this.columns = columns;
        this.rows = rows;
        app.descent.ui.fx.FigurePalette.follow(this, p -> draw(Sketch.of(getGraphicsContext2D())));
        app.descent.ui.fx.Presentation.follow(this, this::present);
    }

    private void present(boolean on) {
        cell = on ? BIG_CELL : CELL;
        caption = on ? BIG_CAPTION : CAPTION;
        font = on ? app.descent.ui.fx.Presentation.MIN_FONT_PX : CAPTION_FONT;
        int c = on ? Math.max(1, columns / 2) : columns;
        int r = on ? columns * rows / c : rows;
        setWidth(c * cell);
        setHeight(r * (cell + caption));
        if (captions != null) {
            captionFont = font;
        }
        draw(Sketch.of(getGraphicsContext2D()));
    }

    private int shown;
    private Examples set;
    private int[] indices = new int[0];
    private String[] captions;

    /** The captions' font, once any is drawn. */
    private double captionFont = Double.POSITIVE_INFINITY;

    @Override
    public double smallestFontPx() {
        return captionFont * app.descent.ui.fx.Figure.screenScale(this);
    }

    /** How many images are shown. */
    int shown() {
        return shown;
    }

    /** The captions of the images given (all of them, drawn or not), empty when none. */
    java.util.List<String> captions() {
        return captions == null ? java.util.List.of() : java.util.List.of(captions);
    }

    /** The pixels of the images given, one after the other (all of them, drawn or not). */
    float[] pixels() {
        if (set == null) {
            return new float[0];
        }
        int per = set.valuesPerExample();
        float[] out = new float[indices.length * per];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(set.x(), indices[k] * per, out, k * per, per);
        }
        return out;
    }

    /** Shows nothing. */
    void clear() {
        set = null;
        indices = new int[0];
        captions = null;
        captionFont = Double.POSITIVE_INFINITY;
        draw(Sketch.of(getGraphicsContext2D()));
    }

    /** @param captions one per image shown, or null */
    void show(Examples set, int[] indices, String[] captions) {
        this.set = set;
        this.indices = indices.clone();
        this.captions = captions == null ? null : captions.clone();
        draw(Sketch.of(getGraphicsContext2D()));
    }

    /** Ink light on the dark theme's background, dark on the light one's: the digits read as on paper or on a slate. */
    @Override
    public void draw(Sketch g) {
        FigurePalette palette = FigurePalette.current();
        g.setFill(palette.background());
        g.fillRect(0, 0, getWidth(), getHeight());
        shown = 0;
        if (set == null) {
            return;
        }
        int columns = (int) (getWidth() / cell);
        int rows = (int) (getHeight() / (cell + caption));
        long[] shape = set.shape();
        int h = (int) shape[shape.length - 2];
        int w = (int) shape[shape.length - 1];
        int per = set.valuesPerExample();
        g.setFont(Font.font(font));
        shown = Math.min(indices.length, columns * rows);
        Color paper = palette.background();
        Color ink = palette.text();
        for (int k = 0; k < shown; k++) {
            WritableImage image = new WritableImage(w, h);
            PixelWriter px = image.getPixelWriter();
            int base = indices[k] * per;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = Math.max(0, Math.min(1, set.x()[base + y * w + x]));
                    px.setColor(x, y, paper.interpolate(ink, v));
                }
            }
            double cx = (k % columns) * cell;
            double cy = (k / columns) * (cell + caption);
            g.setImageSmoothing(false);
            g.drawImage(image, cx + 2, cy + 2, cell - 4, cell - 4);
            if (captions != null) {
                captionFont = font;
                g.setFill(palette.muted());
                g.fillText(captions[k], cx + 3, cy + cell + caption * 0.72);
            }
        }
    }
}
