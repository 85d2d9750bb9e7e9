package app.descent.ui;

import app.descent.ui.shell.ShellView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The JavaFX application; started by {@link app.descent.Launcher}, never used as the main class itself. */
public final class DescentApp extends Application {

    /** Runs the window until it goes, however it goes; returns then (the caller ends the process). */
    public static void launchGui(String[] args) {
        Application.launch(DescentApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Platform.setImplicitExit(true);
        // the main window gone (closed, Ctrl+Q, or destroyed without a close request): the application ends
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> Platform.exit());
        ShellView.open(stage);
    }
}
