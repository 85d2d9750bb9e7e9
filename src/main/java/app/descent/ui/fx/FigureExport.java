package app.descent.ui.fx;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Control;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.svg.SVGGraphics2D;

/**
 * Every figure's "Export PNG (2x)…" and "Export SVG…": the PNG has twice the figure's pixels on screen, the SVG is a
 * drawing of what the figure shows (JFreeSVG: charts draw themselves on it, canvases draw through {@link Sketch},
 * shapes, text and boxes of a node figure are walked). Files are written atomically ({@link FileExport}).
 */
public final class FigureExport {
    public static final String PNG_ITEM = "Export PNG (2x)…";
    public static final String SVG_ITEM = "Export SVG…";
    /** The PNG's pixels per pixel of the figure on screen. */
    public static final double SCALE = 2;

    private FigureExport() {
    }

    /** Gives a chart's right-click menu the two exports, in place of JFreeChart's own (which bypasses saving safely). */
    static void install(ChartViewer viewer, LiveChart chart) {
        viewer.getContextMenu().getItems().setAll(items(viewer, () -> fileName(chart.chart().getTitle() == null ? null
                : chart.chart().getTitle().getText())));
        secondaryClickShows(viewer, viewer.getContextMenu(), viewer);
    }

    /**
     * A right click shows the menu too, where the platform sends no context-menu request for it (a headless or
     * touch screen); where it does, the menu is already showing and stays as it is.
     */
    private static void secondaryClickShows(Node target, ContextMenu menu, Node figure) {
        target.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY && !menu.isShowing()
                    && (target != figure || !insideChart(e.getTarget(), figure))) {
                menu.show(figure, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    /** Gives {@code figure} a right-click menu with the two exports; files are offered as {@code name}.png/.svg. */
    public static void install(Node figure, String name) {
        ContextMenu menu = new ContextMenu();
        menu.getItems().setAll(items(figure, () -> name));
        if (figure instanceof Control c) {
            c.setContextMenu(menu);
        } else {
            figure.addEventHandler(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
                // a chart inside the figure has its own menu (the chart alone)
                if (!e.isConsumed() && !insideChart(e.getTarget(), figure)) {
                    menu.show(figure, e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
        }
        secondaryClickShows(figure, menu, figure);
    }

    private static java.util.List<MenuItem> items(Node figure, java.util.function.Supplier<String> name) {
        MenuItem png = new MenuItem(PNG_ITEM);
        png.setId("export-png");
        png.setOnAction(e -> savePng(figure, name.get() + ".png"));
        MenuItem svg = new MenuItem(SVG_ITEM);
        svg.setId("export-svg");
        svg.setOnAction(e -> saveSvg(figure, name.get() + ".svg"));
        return java.util.List.of(png, svg);
    }

    private static boolean insideChart(Object target, Node figure) {
        for (Node n = target instanceof Node t ? t : null; n != null && n != figure; n = n.getParent()) {
            if (n instanceof ChartViewer) {
                return true;
            }
        }
        return false;
    }

    private static String fileName(String title) {
        if (title == null || title.isBlank()) {
            return "chart";
        }
        String s = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "chart" : s.length() > 40 ? s.substring(0, 40) : s;
    }

    public static void savePng(Node figure, String suggestedName) {
        Window owner = figure.getScene() == null ? null : figure.getScene().getWindow();
        File file = Dialogs.get().save(owner, suggestedName, "PNG image", "*.png");
        if (file != null) {
            byte[] bytes = png(figure);
            FileExport.write(owner, file, () -> bytes);
        }
    }

    public static void saveSvg(Node figure, String suggestedName) {
        Window owner = figure.getScene() == null ? null : figure.getScene().getWindow();
        File file = Dialogs.get().save(owner, suggestedName, "SVG drawing", "*.svg");
        if (file != null) {
            String svg = svg(figure);
            FileExport.write(owner, file, () -> svg.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The figure as a PNG at {@link #SCALE}× its size on screen. Node figures are JavaFX's own picture at that
     * scale; figures holding a canvas or a chart are drawn again at that scale (a canvas's pixels would only blur).
     */
    public static byte[] png(Node figure) {
        BufferedImage image = holdsCanvas(figure) ? drawn(figure) : snapshot(figure);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage snapshot(Node figure) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(SCALE, SCALE));
        p.setFill(FigurePalette.current().background());
        WritableImage image = figure.snapshot(p, null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    private static BufferedImage drawn(Node figure) {
        Bounds b = figure.getLayoutBounds();
        // twice the size on screen, where the figure may be shown scaled (a graph shrunk to fit its view)
        Bounds shown = figure.getBoundsInParent();
        double sx = SCALE * (b.getWidth() > 0 ? shown.getWidth() / b.getWidth() : 1);
        double sy = SCALE * (b.getHeight() > 0 ? shown.getHeight() / b.getHeight() : 1);
        int w = (int) Math.ceil(b.getWidth() * sx);
        int h = (int) Math.ceil(b.getHeight() * sy);
        BufferedImage image = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(FigurePalette.awt(FigurePalette.current().background()));
        g.fillRect(0, 0, w, h);
        g.scale(sx, sy);
        g.translate(-b.getMinX(), -b.getMinY());
        paint(figure, g, true);
        g.dispose();
        return image;
    }

    /** The figure as an SVG document of its size on screen. */
    public static String svg(Node figure) {
        Bounds b = figure.getLayoutBounds();
        SVGGraphics2D g = new SVGGraphics2D(Math.max(1, b.getWidth()), Math.max(1, b.getHeight()));
        g.setColor(FigurePalette.awt(FigurePalette.current().background()));
        g.fill(new Rectangle2D.Double(0, 0, b.getWidth(), b.getHeight()));
        g.translate(-b.getMinX(), -b.getMinY());
        paint(figure, g, true);
        return g.getSVGDocument();
    }

    private static boolean holdsCanvas(Node n) {
        if (n instanceof Canvas || n instanceof Sketch.Drawn) {
            return true;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                if (holdsCanvas(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Draws {@code n} and what it holds onto {@code g}, in {@code n}'s parent's coordinates (its own for the root). */
    private static void paint(Node n, Graphics2D g, boolean root) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        Graphics2D c = (Graphics2D) g.create();
        try {
            if (!root) {
                Transform t = n.getLocalToParentTransform();
                c.transform(new AffineTransform(t.getMxx(), t.getMyx(), t.getMxy(), t.getMyy(), t.getTx(), t.getTy()));
            }
            if (n instanceof Region r) {
                box(r, c);
            }
            if (n instanceof Sketch.Drawn d) {
                d.draw(new AwtSketch(c));
                return;
            }
            if (n instanceof ChartCanvas chart) {
                chart.getChart().draw(c, new Rectangle2D.Double(0, 0, chart.getWidth(), chart.getHeight()));
                return;
            }
            if (n instanceof Canvas canvas) {
                // a canvas that does not draw through a Sketch: its pixels
                image(c, canvas.snapshot(transparent(), null), 0, 0, canvas.getWidth(), canvas.getHeight());
                return;
            }
            if (n instanceof Text t) {
                text(t, c);
                return;
            }
            if (n instanceof Shape s) {
                shape(s, c);
                return;
            }
            if (n instanceof ImageView v && v.getImage() != null) {
                Bounds b = v.getLayoutBounds();
                image(c, v.getImage(), b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
                return;
            }
            if (n instanceof Parent p) {
                for (Node child : p.getChildrenUnmodifiable()) {
                    paint(child, c, false);
                }
            }
        } finally {
            c.dispose();
        }
    }

    private static SnapshotParameters transparent() {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        return p;
    }

    private static void image(Graphics2D g, javafx.scene.image.Image fx, double x, double y, double w, double h) {
        BufferedImage b = SwingFXUtils.fromFXImage(fx, null);
        Graphics2D c = (Graphics2D) g.create();
        c.translate(x, y);
        c.scale(w / b.getWidth(), h / b.getHeight());
        c.drawImage(b, 0, 0, null);
        c.dispose();
    }

    /** A region's background fills and border, as boxes (with the first corner's radius). */
    private static void box(Region r, Graphics2D g) {
        double w = r.getWidth();
        double h = r.getHeight();
        if (r.getBackground() != null) {
            for (BackgroundFill f : r.getBackground().getFills()) {
                if (f.getFill() instanceof Color color && color.getOpacity() > 0) {
                    var in = f.getInsets();
                    double radius = f.getRadii() == null ? 0 : f.getRadii().getTopLeftHorizontalRadius();
                    g.setColor(FigurePalette.awt(color));
                    g.fill(new java.awt.geom.RoundRectangle2D.Double(in.getLeft(), in.getTop(),
                            w - in.getLeft() - in.getRight(), h - in.getTop() - in.getBottom(), 2 * radius, 2 * radius));
                }
            }
        }
        if (r.getBorder() != null) {
            for (BorderStroke s : r.getBorder().getStrokes()) {
                if (s.getTopStroke() instanceof Color color && color.getOpacity() > 0 && s.getWidths().getTop() > 0) {
                    double width = s.getWidths().getTop();
                    double radius = s.getRadii() == null ? 0 : s.getRadii().getTopLeftHorizontalRadius();
                    g.setColor(FigurePalette.awt(color));
                    g.setStroke(new java.awt.BasicStroke((float) width));
                    g.draw(new java.awt.geom.RoundRectangle2D.Double(width / 2, width / 2, w - width, h - width,
                            2 * radius, 2 * radius));
                }
            }
        }
    }

    private static void text(Text t, Graphics2D g) {
        String s = t.getText();
        if (s == null || s.isBlank() || !(t.getFill() instanceof Color color)) {
            return;
        }
        java.awt.Font font = AwtSketch.awt(t.getFont());
        g.setFont(font);
        g.setColor(FigurePalette.awt(color));
        Bounds b = t.getLayoutBounds();
        double base = b.getMinY() + t.getBaselineOffset();
        double line = g.getFontMetrics(font).getHeight();
        String[] lines = s.split("\n");
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], (float) b.getMinX(), (float) (base + i * line));
        }
    }

    private static void shape(Shape s, Graphics2D g) {
        java.awt.Shape outline = null;
        if (s instanceof javafx.scene.shape.Rectangle r) {
            outline = r.getArcWidth() > 0
                    ? new java.awt.geom.RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight(),
                            r.getArcWidth(), r.getArcHeight())
                    : new Rectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight());
        } else if (s instanceof javafx.scene.shape.Line l) {
            outline = new java.awt.geom.Line2D.Double(l.getStartX(), l.getStartY(), l.getEndX(), l.getEndY());
        } else if (s instanceof javafx.scene.shape.Circle c) {
            outline = new java.awt.geom.Ellipse2D.Double(c.getCenterX() - c.getRadius(), c.getCenterY() - c.getRadius(),
                    2 * c.getRadius(), 2 * c.getRadius());
        } else if (s instanceof javafx.scene.shape.CubicCurve c) {
            outline = new java.awt.geom.CubicCurve2D.Double(c.getStartX(), c.getStartY(), c.getControlX1(),
                    c.getControlY1(), c.getControlX2(), c.getControlY2(), c.getEndX(), c.getEndY());
        } else if (s instanceof javafx.scene.shape.Polygon p) {
            outline = polygon(p);
        }
        if (outline == null) {
            return;
        }
        if (s.getFill() instanceof Color fill && fill.getOpacity() > 0) {
            g.setColor(FigurePalette.awt(fill));
            g.fill(outline);
        }
        if (s.getStroke() instanceof Color stroke && stroke.getOpacity() > 0 && s.getStrokeWidth() > 0) {
            g.setColor(FigurePalette.awt(stroke));
            float[] dash = null;
            if (!s.getStrokeDashArray().isEmpty()) {
                dash = new float[s.getStrokeDashArray().size()];
                for (int i = 0; i < dash.length; i++) {
                    dash[i] = s.getStrokeDashArray().get(i).floatValue();
                }
            }
            g.setStroke(new java.awt.BasicStroke((float) s.getStrokeWidth(), java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_MITER, 10f, dash, 0f));
            g.draw(outline);
        }
    }

    private static java.awt.Shape polygon(javafx.scene.shape.Polygon p) {
        java.awt.geom.Path2D path = new java.awt.geom.Path2D.Double();
        var pts = p.getPoints();
        for (int i = 0; i + 1 < pts.size(); i += 2) {
            if (i == 0) {
                path.moveTo(pts.get(i), pts.get(i + 1));
            } else {
                path.lineTo(pts.get(i), pts.get(i + 1));
            }
        }
        path.closePath();
        return path;
    }
}
