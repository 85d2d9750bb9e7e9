package app.descent.ui.fx;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The few drawing calls Descent's canvases make, named as JavaFX's {@link GraphicsContext} names them, so that one
 * drawing method draws on screen ({@link #of(GraphicsContext)}) and into an SVG or a 2× PNG
 * ({@link AwtSketch}, on a Graphics2D) alike.
 */
public interface Sketch {
    void setFill(Color c);

    void setStroke(Color c);

    void setLineWidth(double w);

    void setFont(Font f);

    void setTextAlign(TextAlignment a);

    void setTextBaseline(VPos b);

    void setImageSmoothing(boolean on);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    /** Clears to transparent on screen; nothing in a drawing made for a file (it starts empty). */
    void clearRect(double x, double y, double w, double h);

    void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillText(String text, double x, double y);

    void fillText(String text, double x, double y, double maxWidth);

    void drawImage(Image image, double x, double y, double w, double h);

    void save();

    void restore();

    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    void rect(double x, double y, double w, double h);

    void stroke();

    void clip();

    /** A canvas's own context behind this interface. */
    static Sketch of(GraphicsContext g) {
        return new Sketch() {
            @Override public void setFill(Color c) { g.setFill(c); }
            @Override public void setStroke(Color c) { g.setStroke(c); }
            @Override public void setLineWidth(double w) { g.setLineWidth(w); }
            @Override public void setFont(Font f) { g.setFont(f); }
            @Override public void setTextAlign(TextAlignment a) { g.setTextAlign(a); }
            @Override public void setTextBaseline(VPos b) { g.setTextBaseline(b); }
            @Override public void setImageSmoothing(boolean on) { g.setImageSmoothing(on); }
            @Override public void fillRect(double x, double y, double w, double h) { g.fillRect(x, y, w, h); }
            @Override public void strokeRect(double x, double y, double w, double h) { g.strokeRect(x, y, w, h); }
            @Override public void clearRect(double x, double y, double w, double h) { g.clearRect(x, y, w, h); }
            @Override public void fillRoundRect(double x, double y, double w, double h, double aw, double ah) {
                g.fillRoundRect(x, y, w, h, aw, ah);
            }
            @Override public void fillOval(double x, double y, double w, double h) { g.fillOval(x, y, w, h); }
            @Override public void strokeOval(double x, double y, double w, double h) { g.strokeOval(x, y, w, h); }
            @Override public void strokeLine(double x1, double y1, double x2, double y2) { g.strokeLine(x1, y1, x2, y2); }
            @Override public void fillText(String t, double x, double y) { g.fillText(t, x, y); }
            @Override public void fillText(String t, double x, double y, double m) { g.fillText(t, x, y, m); }
            @Override public void drawImage(Image i, double x, double y, double w, double h) { g.drawImage(i, x, y, w, h); }
            @Override public void save() { g.save(); }
            @Override public void restore() { g.restore(); }
            @Override public void beginPath() { g.beginPath(); }
            @Override public void moveTo(double x, double y) { g.moveTo(x, y); }
            @Override public void lineTo(double x, double y) { g.lineTo(x, y); }
            @Override public void rect(double x, double y, double w, double h) { g.rect(x, y, w, h); }
            @Override public void stroke() { g.stroke(); }
            @Override public void clip() { g.clip(); }
        };
    }

    /** A figure drawn through a {@link Sketch}: its SVG and 2× PNG are drawings of their own, not pictures of pixels. */
    interface Drawn {
        /** Draws the figure as it is on screen, in its own coordinates (0, 0 to its width and height). */
        void draw(Sketch sketch);
    }
}
