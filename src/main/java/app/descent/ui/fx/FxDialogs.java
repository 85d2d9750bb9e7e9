package app.descent.ui.fx;

import java.io.File;
import java.util.Optional;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: JavaFX file choosers and alerts. */
public final class FxDialogs implements Dialogs {
    public static final ButtonType COPY_DETAILS = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);

    private Alert crashAlert;

    @Override
    public File open(Window owner, String description, String pattern) {
        FileChooser chooser = FileChoosers.chooser(description, pattern);
        return FileChoosers.remember(description, chooser.showOpenDialog(owner));
    }

    @Override
    public File save(Window owner, String suggestedName, String description, String pattern) {
        FileChooser chooser = FileChoosers.chooser(description, pattern);
        chooser.setInitialFileName(suggestedName);
        return FileChoosers.remember(description, chooser.showSaveDialog(owner));
    }

    @Override
    public void error(Window owner, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.showAndWait();
    }

    @Override
    public <R> Optional<R> show(Dialog<R> dialog) {
        return dialog.showAndWait();
    }

    /** One crash dialog at a time: more failures while it is open are in the log. */
    @Override
    public void crash(Window owner, CrashReport report) {
        if (crashAlert != null && crashAlert.isShowing()) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, null, COPY_DETAILS, ButtonType.CLOSE);
        alert.setTitle("Descent");
        alert.setHeaderText(report.sentence());
        Label where = new Label("The details are in " + report.logFile().toAbsolutePath());
        where.setId("crash-log-path");
        where.setWrapText(true);
        VBox content = new VBox(8, where);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("crash-dialog");
        if (owner != null) {
            alert.initOwner(owner);
            if (owner.getScene() != null) {
                alert.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        Button copy = (Button) alert.getDialogPane().lookupButton(COPY_DETAILS);
        copy.setId("copy-details");
        // copying leaves the dialog open, so that the person sees it worked
        copy.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            ClipboardContent text = new ClipboardContent();
            text.putString(report.details());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(text);
            copy.setText("Copied");
        });
        crashAlert = alert;
        // never showAndWait: the failure may have come in the middle of a layout or an animation
        alert.show();
    }

    @Override
    public boolean confirm(Window owner, String title, String question) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, question,
                javafx.scene.control.ButtonType.CANCEL, javafx.scene.control.ButtonType.YES);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title + "?");
        return alert.showAndWait().filter(javafx.scene.control.ButtonType.YES::equals).isPresent();
    }

    @Override
    public void quit(Window owner) {
        if (owner != null && owner.isShowing()) {
            owner.hide();
        } else {
            Platform.exit();
        }
    }
}
