package app.descent.ui.training;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;

/** The confusion matrix of the test set: rows are true classes, columns predictions; per-class accuracy beside. */
final class ConfusionView extends GridPane implements app.descent.ui.fx.Figure {
    ConfusionView() {
        setId("confusion");
        getStyleClass().add("confusion");
        setHgap(2);
        setVgap(2);
    }

    /** Its labels follow the window's font size (21 px in presentation mode). */
    @Override
    public double smallestFontPx() {
        return app.descent.ui.fx.Figure.smallestTextUnder(this);
    }

    /** Shows nothing (a new run has no matrix yet). */
    void clear() {
        getChildren().clear();
    }

    void show(int[][] counts, List<String> names) {
        getChildren().clear();
        int k = counts.length;
        add(header("true ↓ predicted →"), 0, 0);
        for (int c = 0; c < k; c++) {
            add(header(shortName(names.get(c))), c + 1, 0);
        }
        add(header("accuracy"), k + 1, 0);
        for (int r = 0; r < k; r++) {
            int total = 0;
            int max = 1;
            for (int c = 0; c < k; c++) {
                total += counts[r][c];
                max = Math.max(max, counts[r][c]);
            }
            add(header(shortName(names.get(r))), 0, r + 1);
            for (int c = 0; c < k; c++) {
                Label cell = new Label(String.valueOf(counts[r][c]));
                cell.setMinSize(38, 22);
                cell.setAlignment(Pos.CENTER);
                double share = total == 0 ? 0 : counts[r][c] / (double) total;
                Color tint = r == c ? Color.web("#2da44e") : Color.web("#cf222e");
                cell.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                        Color.TRANSPARENT.interpolate(tint, Math.min(0.85, share * (r == c ? 1 : 3))), null, null)));
                add(cell, c + 1, r + 1);
            }
            Label acc = new Label(total == 0 ? "—" : String.format("%.1f %%", 100.0 * counts[r][r] / total));
            acc.setMinWidth(60);
            add(acc, k + 1, r + 1);
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("confusion-header");
        // a header is read whole: the matrix scrolls sideways before a header is cut
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static String shortName(String s) {
        return s.length() > 9 ? s.substring(0, 8) + "…" : s;
    }
}
