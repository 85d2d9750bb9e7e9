package app.descent.ui;

import app.descent.ui.shell.ShellView;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application; started by {@link app.descent.Launcher}, never used as the main class itself. */
public final class DescentApp extends Application {

    public static void launchGui(String[] args) {
        Application.launch(DescentApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        ShellView.open(stage);
    }
}
