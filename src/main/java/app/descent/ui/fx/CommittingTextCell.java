package app.descent.ui.fx;

import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.util.Callback;

/**
 * A text cell whose typed value counts however the cell is left: Enter, Tab (which moves on to the next row), a click
 * elsewhere or the window losing focus. Only Escape goes back to the old value. (JavaFX's TextFieldTableCell keeps
 * showing a value typed before Tab or a click, but drops it.)
 */
public final class CommittingTextCell<S> extends TableCell<S, String> {
    private TextField field;
    private boolean escaped;

    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> forTableColumn() {
        return c -> new CommittingTextCell<>();
    }

    @Override
    public void startEdit() {
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        escaped = false;
        if (field == null) {
            field = createField();
        }
        field.setText(getItem());
        setText(null);
        setGraphic(field);
        field.selectAll();
        field.requestFocus();
    }

    private TextField createField() {
        TextField f = new TextField();
        f.setOnAction(e -> {
            commitEdit(f.getText());
            e.consume();
        });
        f.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                escaped = true;
                cancelEdit();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB) {
                int row = getIndex();
                TableColumn<S, String> column = getTableColumn();
                commitEdit(f.getText());
                e.consume();
                int next = row + (e.isShiftDown() ? -1 : 1);
                if (getTableView() != null && next >= 0 && next < getTableView().getItems().size()) {
                    var table = getTableView();
                    Platform.runLater(() -> {
                        table.getSelectionModel().clearAndSelect(next, column);
                        table.edit(next, column);
                    });
                }
            }
        });
        f.focusedProperty().addListener((o, had, has) -> {
            if (!has && isEditing()) {
                commitEdit(f.getText());
            }
        });
        return f;
    }

    @Override
    public void cancelEdit() {
        // the table cancels an edit when the person clicks elsewhere: what the field shows must still count
        if (!escaped && isEditing() && field != null && !Objects.equals(field.getText(), getItem())) {
            commitEdit(field.getText());
            return;
        }
        super.cancelEdit();
        setText(getItem());
        setGraphic(null);
    }

    @Override
    public void commitEdit(String value) {
        if (!isEditing()) {
            return;
        }
        super.commitEdit(value);
        setText(value);
        setGraphic(null);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty) {
            setText(null);
            setGraphic(null);
        } else if (isEditing() && field != null) {
            field.setText(item);
            setText(null);
            setGraphic(field);
        } else {
            setText(item);
            setGraphic(null);
        }
    }
}
