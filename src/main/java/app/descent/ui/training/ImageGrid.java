package app.descent.ui.training;

import app.descent.training.data.Examples;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** A grid of grey images with a caption under each: samples of a dataset, or the test images a run got wrong. */
final class ImageGrid extends Canvas implements app.descent.ui.fx.Figure {
    private static final int CELL = 52;
    private static final int CAPTION = 14;

    ImageGrid(int columns, int rows) {
        super(columns * CELL, rows * (CELL + CAPTION));
    }

    private int shown;

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

    /** Shows nothing. */
    void clear() {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, getWidth(), getHeight());
        shown = 0;
        captionFont = Double.POSITIVE_INFINITY;
    }

    /** @param captions one per image shown, or null */
    void show(Examples set, int[] indices, String[] captions) {
        clear();
        GraphicsContext g = getGraphicsContext2D();
        int columns = (int) (getWidth() / CELL);
        int rows = (int) (getHeight() / (CELL + CAPTION));
        long[] shape = set.shape();
        int h = (int) shape[shape.length - 2];
        int w = (int) shape[shape.length - 1];
        int per = set.valuesPerExample();
        g.setFont(Font.font(10));
        shown = Math.min(indices.length, columns * rows);
        for (int k = 0; k < shown; k++) {
            WritableImage image = new WritableImage(w, h);
            PixelWriter px = image.getPixelWriter();
            int base = indices[k] * per;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = Math.max(0, Math.min(1, set.x()[base + y * w + x]));
                    px.setColor(x, y, Color.gray(1 - v));
                }
            }
            double cx = (k % columns) * CELL;
            double cy = (k / columns) * (CELL + CAPTION);
            g.setImageSmoothing(false);
            g.drawImage(image, cx + 2, cy + 2, CELL - 4, CELL - 4);
            if (captions != null) {
                captionFont = g.getFont().getSize();
                g.setFill(Color.web("#57606a"));
                g.fillText(captions[k], cx + 3, cy + CELL + 10);
            }
        }
    }
}
