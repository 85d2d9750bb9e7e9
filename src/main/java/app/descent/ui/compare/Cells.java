package app.descent.ui.compare;

import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/** Table cells for sentences: they wrap to the column's width instead of ending in "…". */
final class Cells {
    private Cells() {
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
