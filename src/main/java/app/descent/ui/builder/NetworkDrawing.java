package app.descent.ui.builder;

import java.util.List;
import app.descent.ui.fx.FigurePalette;
import java.util.Locale;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A drawing of the network, top to bottom: the input, then one box per layer with its output shape, as a slide
 * would show it. The same layout becomes SVG text or JavaFX shapes (for PNG).
 */
final class NetworkDrawing {
    private static final double WIDTH = 420;
    private static final double BOX = 44;
    private static final double GAP = 18;
    private static final double MARGIN = 20;

    private NetworkDrawing() {
    }

    private record Box(String title, String detail, boolean error, boolean frozen) {
    }

    private static List<Box> boxes(String input, List<BuilderViewModel.Row> rows) {
        List<Box> out = new java.util.ArrayList<>();
        out.add(new Box("Input", input, false, false));
        for (BuilderViewModel.Row r : rows) {
            out.add(new Box(r.path() + "  " + r.layer(), "→ " + r.outputShape()
                    + (r.params() > 0 ? String.format(Locale.ROOT, "   %,d params", r.params()) : ""),
                    r.error() != null, !r.trainable() && r.params() > 0));
        }
        return out;
    }

    static String svg(String input, List<BuilderViewModel.Row> rows) {
        List<Box> boxes = boxes(input, rows);
        double height = MARGIN * 2 + boxes.size() * (BOX + GAP) - GAP;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "font-family=\"DejaVu Sans, sans-serif\">%n", WIDTH + 2 * MARGIN, height));
        FigurePalette palette = FigurePalette.current();
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"" + FigurePalette.web(palette.background()) + "\"/>\n");
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            double y = MARGIN + i * (BOX + GAP);
            if (i > 0) {
                b.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"%s\" "
                        + "stroke-width=\"1.5\"/>%n", MARGIN + WIDTH / 2, y - GAP, MARGIN + WIDTH / 2, y,
                        FigurePalette.web(palette.axis())));
            }
            b.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"8\" "
                    + "fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>%n", MARGIN, y, WIDTH, BOX, fill(box), stroke(box)));
            b.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"13\" font-weight=\"bold\" "
                    + "fill=\"%s\">%s</text>%n", MARGIN + 12, y + 18, FigurePalette.web(palette.text()),
                    escape(box.title())));
            b.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"12\" fill=\"%s\">%s</text>%n",
                    MARGIN + 12, y + 35, FigurePalette.web(palette.muted()), escape(box.detail())));
        }
        return b.append("</svg>\n").toString();
    }

    static Node node(String input, List<BuilderViewModel.Row> rows) {
        Group g = new Group();
        List<Box> boxes = boxes(input, rows);
        double height = MARGIN * 2 + boxes.size() * (BOX + GAP) - GAP;
        FigurePalette palette = FigurePalette.current();
        Rectangle background = new Rectangle(WIDTH + 2 * MARGIN, height, palette.background());
        g.getChildren().add(background);
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            double y = MARGIN + i * (BOX + GAP);
            if (i > 0) {
                Line l = new Line(MARGIN + WIDTH / 2, y - GAP, MARGIN + WIDTH / 2, y);
                l.setStroke(palette.axis());
                l.setStrokeWidth(1.5);
                g.getChildren().add(l);
            }
            Rectangle r = new Rectangle(MARGIN, y, WIDTH, BOX);
            r.setArcWidth(16);
            r.setArcHeight(16);
            r.setFill(Color.web(fill(box)));
            r.setStroke(Color.web(stroke(box)));
            r.setStrokeWidth(1.5);
            Text title = new Text(MARGIN + 12, y + 18, box.title());
            title.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 13));
            title.setFill(palette.text());
            Text detail = new Text(MARGIN + 12, y + 35, box.detail());
            detail.setFont(Font.font("DejaVu Sans", 12));
            detail.setFill(palette.muted());
            g.getChildren().addAll(r, title, detail);
        }
        return g;
    }

    /** A box's fill and frame in the theme on now (Primer's light and dark tints of blue, grey and red). */
    private static String fill(Box b) {
        if (FigurePalette.current().isDark()) {
            return b.error() ? "#4a1d21" : b.frozen() ? "#21262d" : "#0c2d4f";
        }
        return b.error() ? "#ffebe9" : b.frozen() ? "#eaeef2" : "#ddf4ff";
    }

    private static String stroke(Box b) {
        if (FigurePalette.current().isDark()) {
            return b.error() ? "#ff7b72" : "#58a6ff";
        }
        return b.error() ? "#cf222e" : "#0969da";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
