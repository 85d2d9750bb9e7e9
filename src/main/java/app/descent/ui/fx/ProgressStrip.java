package app.descent.ui.fx;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;

/**
 * A progress bar with a Cancel button for long work (loading a dataset, a study, a search, an inspection), shown
 * while the work runs. The progress is a fraction from 0 to 1, or negative while it cannot be known (a dataset
 * loading). Ids: {@code <prefix>-progress}, {@code <prefix>-progress-bar}, {@code <prefix>-cancel}.
 */
public final class ProgressStrip {
    private ProgressStrip() {
    }

    /** Puts the strip right after {@code anchor} (a status line) in its parent. */
    public static HBox after(Node anchor, String prefix, ObservableNumberValue progress, ObservableBooleanValue running,
                             Runnable cancel) {
        ProgressBar bar = new ProgressBar();
        bar.setId(prefix + "-progress-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.progressProperty().bind(Bindings.createDoubleBinding(
                () -> progress.doubleValue() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : progress.doubleValue(), progress));
        Label percent = new Label();
        percent.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        percent.textProperty().bind(Bindings.createStringBinding(
                () -> progress.doubleValue() < 0 ? "" : Math.round(100 * progress.doubleValue()) + " %", progress));
        Button button = new Button("Cancel");
        button.setId(prefix + "-cancel");
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        FormTips.lazy(button, "Stops this work; what is done so far stays on screen.");
        button.setOnAction(e -> {
            button.setDisable(true);
            cancel.run();
        });
        HBox strip = new HBox(8, bar, percent, button);
        strip.setId(prefix + "-progress");
        strip.getStyleClass().add("progress-strip");
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.visibleProperty().bind(Bindings.createBooleanBinding(running::get, running));
        strip.managedProperty().bind(strip.visibleProperty());
        strip.visibleProperty().addListener((o, a, shown) -> button.setDisable(false));
        Pane parent = (Pane) anchor.getParent();
        parent.getChildren().add(parent.getChildren().indexOf(anchor) + 1, strip);
        return strip;
    }
}
