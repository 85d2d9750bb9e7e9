package app.descent.ui.fx;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VPos;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A {@link Sketch} on AWT's Graphics2D: JFreeSVG's SVGGraphics2D for SVG files, a BufferedImage's for 2× PNGs. */
public final class AwtSketch implements Sketch {
    private static final class State {
        Graphics2D g;
        java.awt.Color fill = java.awt.Color.BLACK;
        java.awt.Color stroke = java.awt.Color.BLACK;
        double lineWidth = 1;
        Font font = Font.getDefault();
        TextAlignment align = TextAlignment.LEFT;
        VPos baseline = VPos.BASELINE;

        State copy() {
            State s = new State();
            s.g = (Graphics2D) g.create();
            s.fill = fill;
            s.stroke = stroke;
            s.lineWidth = lineWidth;
            s.font = font;
            s.align = align;
            s.baseline = baseline;
            return s;
        }
    }

    private State s = new State();
    private final Deque<State> saved = new ArrayDeque<>();
    private Path2D path = new Path2D.Double();

    public AwtSketch(Graphics2D g) {
        s.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** JavaFX's font as AWT's, at the same size in pixels. */
    public static java.awt.Font awt(Font f) {
        String style = f.getStyle().toLowerCase(java.util.Locale.ROOT);
        int awtStyle = (style.contains("bold") ? java.awt.Font.BOLD : 0)
                | (style.contains("italic") || style.contains("oblique") ? java.awt.Font.ITALIC : 0);
        String family = f.getFamily();
        if (family.equalsIgnoreCase("System") || family.isBlank()) {
            family = java.awt.Font.SANS_SERIF;
        }
        return new java.awt.Font(family, awtStyle, 1).deriveFont((float) f.getSize());
    }

    @Override public void setFill(Color c) { s.fill = FigurePalette.awt(c); }
    @Override public void setStroke(Color c) { s.stroke = FigurePalette.awt(c); }
    @Override public void setLineWidth(double w) { s.lineWidth = w; }
    @Override public void setFont(Font f) { s.font = f; }
    @Override public void setTextAlign(TextAlignment a) { s.align = a; }
    @Override public void setTextBaseline(VPos b) { s.baseline = b; }

    @Override
    public void setImageSmoothing(boolean on) {
        s.g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, on ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
                : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    }

    private void fill(java.awt.Shape shape) {
        s.g.setColor(s.fill);
        s.g.fill(shape);
    }

    private void draw(java.awt.Shape shape) {
        s.g.setColor(s.stroke);
        s.g.setStroke(new BasicStroke((float) s.lineWidth));
        s.g.draw(shape);
    }

    @Override public void fillRect(double x, double y, double w, double h) { fill(new Rectangle2D.Double(x, y, w, h)); }
    @Override public void strokeRect(double x, double y, double w, double h) { draw(new Rectangle2D.Double(x, y, w, h)); }

    @Override
    public void clearRect(double x, double y, double w, double h) {
        // a drawing for a file starts empty: nothing to clear
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double aw, double ah) {
        fill(new RoundRectangle2D.Double(x, y, w, h, aw, ah));
    }

    @Override public void fillOval(double x, double y, double w, double h) { fill(new Ellipse2D.Double(x, y, w, h)); }
    @Override public void strokeOval(double x, double y, double w, double h) { draw(new Ellipse2D.Double(x, y, w, h)); }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void fillText(String text, double x, double y) {
        fillText(text, x, y, 0);
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        if (text == null || text.isEmpty()) {
            return;
        }
        java.awt.Font font = awt(s.font);
        s.g.setFont(font);
        java.awt.FontMetrics m = s.g.getFontMetrics(font);
        double width = m.getStringBounds(text, s.g).getWidth();
        Graphics2D g = (Graphics2D) s.g.create();
        if (maxWidth > 0 && width > maxWidth) {
            // as a canvas does: squeezed to the width it may take
            g.translate(x, 0);
            g.scale(maxWidth / width, 1);
            g.translate(-x, 0);
        }
        double drawn = maxWidth > 0 ? Math.min(width, maxWidth) : width;
        double left = switch (s.align) {
            case CENTER -> x - drawn / 2;
            case RIGHT -> x - drawn;
            default -> x;
        };
        if (maxWidth > 0 && width > maxWidth) {
            left = x + (left - x) * width / maxWidth;
        }
        double base = switch (s.baseline) {
            case TOP -> y + m.getAscent();
            case CENTER -> y + (m.getAscent() - m.getDescent()) / 2.0;
            case BOTTOM -> y - m.getDescent();
            default -> y;
        };
        g.setColor(s.fill);
        g.drawString(text, (float) left, (float) base);
        g.dispose();
    }

    @Override
    public void drawImage(Image image, double x, double y, double w, double h) {
        if (image == null) {
            return;
        }
        java.awt.image.BufferedImage b = SwingFXUtils.fromFXImage(image, null);
        Graphics2D g = (Graphics2D) s.g.create();
        g.translate(x, y);
        g.scale(w / b.getWidth(), h / b.getHeight());
        g.drawImage(b, 0, 0, null);
        g.dispose();
    }

    @Override
    public void save() {
        saved.push(s);
        s = s.copy();
    }

    @Override
    public void restore() {
        if (!saved.isEmpty()) {
            s.g.dispose();
            s = saved.pop();
        }
    }

    @Override public void beginPath() { path = new Path2D.Double(); }
    @Override public void moveTo(double x, double y) { path.moveTo(x, y); }

    @Override
    public void lineTo(double x, double y) {
        if (path.getCurrentPoint() == null) {
            path.moveTo(x, y);
        } else {
            path.lineTo(x, y);
        }
    }

    @Override public void rect(double x, double y, double w, double h) { path.append(new Rectangle2D.Double(x, y, w, h), false); }
    @Override public void stroke() { draw(path); }
    @Override public void clip() { s.g.clip(path); }
}
