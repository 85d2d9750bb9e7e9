package app.descent.ui.compare;

import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/** Table cells for sentences: they wrap to the column's width instead of ending in "…". */
final class Cells {
    private Cells() {
    }

    /**
     * A hyperparameter as a person writes it: 0.05, 0.3, and below 0.01 in powers of ten, 1e-4 or 3.2e-4, so that a
     * narrow column never shows "0.000…".
     */
    static String hyperparameter(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (v == 0 || a >= 1e-2 && a < 1e5) {
            return app.descent.graph.ComputationGraph.format(v, 3);
        }
        String[] parts = String.format(java.util.Locale.ROOT, "%.1e", v).split("e");
        String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }

    /** A table's words while it is empty, instead of JavaFX's "No content in table" or "No columns in table". */
    static javafx.scene.control.Label placeholder(String text) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("table-placeholder");
        l.setStyle("-fx-padding: 12; -fx-text-fill: -color-fg-muted;");
        return l;
    }

    /** Wide enough for a column's header in the table's bold header font, so that it is never cut. */
    static double headerWidth(String header) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(header);
        javafx.scene.text.Font f = javafx.scene.text.Font.getDefault();
        t.setFont(javafx.scene.text.Font.font(f.getFamily(), javafx.scene.text.FontWeight.BOLD, f.getSize() + 1));
        return Math.ceil(t.getLayoutBounds().getWidth()) + 30;
    }

    /** Widens every column of a table to at least its header, so that no header ends in "…". */
    static void fitHeaders(javafx.scene.control.TableView<?> table) {
        for (javafx.scene.control.TableColumn<?, ?> c : table.getColumns()) {
            double w = headerWidth(c.getText());
            c.setMinWidth(Math.max(c.getMinWidth(), w));
            c.setPrefWidth(Math.max(c.getPrefWidth(), w));
        }
    }

    static <S> TableCell<S, String> wrapping() {
        return new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(widthProperty().subtract(10));
                text.getStyleClass().add("cell-text");
                setPrefHeight(USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        };
    }
}
