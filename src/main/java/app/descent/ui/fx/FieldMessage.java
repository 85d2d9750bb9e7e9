package app.descent.ui.fx;

import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The message beside a form field that holds something it cannot take ("clip norm must be a number ≥ 0"): shown
 * right under the field, in its grid cell, with the field's border in the danger colour; gone when it is right again.
 */
public final class FieldMessage {
    private static final String INVALID = "invalid";

    private final TextInputControl field;
    private final Label label = new Label();

    private FieldMessage(TextInputControl field) {
        this.field = field;
        label.getStyleClass().addAll("field-message");
        label.setStyle("-fx-text-fill: -color-danger-fg; -fx-font-size: 0.9em;");
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // as wide as the field: a long message wraps instead of widening the form's column
        label.setMinWidth(0);
        label.prefWidthProperty().bind(field.widthProperty());
        label.maxWidthProperty().bind(field.widthProperty());
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        if (field.getId() != null) {
            label.setId(field.getId() + "-message");
        }
    }

    /** Puts a message place under {@code field}, which sits in a GridPane cell. */
    public static FieldMessage under(TextInputControl field) {
        FieldMessage m = new FieldMessage(field);
        GridPane grid = (GridPane) field.getParent();
        Integer row = GridPane.getRowIndex(field);
        Integer column = GridPane.getColumnIndex(field);
        grid.getChildren().remove(field);
        VBox cell = new VBox(2, field, m.label);
        grid.add(cell, column == null ? 0 : column, row == null ? 0 : row);
        return m;
    }

    /** Shows {@code message}, or clears it when null. */
    public void show(String message) {
        label.setText(message == null ? "" : message);
        field.setStyle(message == null ? "" : "-fx-border-color: -color-danger-emphasis;");
        field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(INVALID), message != null);
    }

    public String text() {
        return label.getText();
    }
}
