package app.descent.ui;

import app.descent.training.ComputeEngine;
import app.descent.training.TrainingThread;
import app.descent.ui.fx.CrashHandler;
import app.descent.ui.shell.ShellView;
import java.time.Duration;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The JavaFX application; started by {@link app.descent.Launcher}, never used as the main class itself. */
public final class DescentApp extends Application {
    /** How long a closing window waits for the training step under way. */
    static final Duration STOP_TRAINING = Duration.ofSeconds(5);

    /** Runs the window until it goes, however it goes; returns then (the caller ends the process). */
    public static void launchGui(String[] args) {
        // window closed, Quit or SIGTERM: training stops between two steps and frees its native arrays before exit
        // (and a libtorch load under way ends first: exiting in the middle of it crashed in native code)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            TrainingThread.shutdown(STOP_TRAINING);
            ComputeEngine.awaitLoad(STOP_TRAINING);
        }, "descent-shutdown"));
        Application.launch(DescentApp.class, args);
    }

    /** JavaFX is up (this runs on its launcher thread, before {@link #start}): the icon font loads beside the shell. */
    @Override
    public void init() {
        app.descent.ui.shell.HeadStart.icons();
    }

    @Override
    public void start(Stage stage) {
        Platform.setImplicitExit(true);
        // the main window gone (closed, Ctrl+Q, or destroyed without a close request): the application ends
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> Platform.exit());
        ShellView view = open(stage);
        java.nio.file.Path file = sessionArgument(getParameters().getRaw());
        // sessions after the first frame: the autosave's lock and folder on a thread of their own
        view.afterFirstFrame(() -> {
            Thread t = new Thread(() -> {
                app.descent.ui.session.Autosave saver = null;
                try {
                    saver = app.descent.ui.session.Autosave.standard();
                } catch (java.io.IOException | RuntimeException e) {
                    System.getLogger(DescentApp.class.getName()).log(System.Logger.Level.WARNING,
                            "no autosave this time", e);
                }
                app.descent.ui.session.Autosave claimed = saver;
                Platform.runLater(() -> view.files().start(file, claimed, javafx.util.Duration.minutes(1)));
                view.files().listenToOpenFileEvents();
            }, "descent-sessions");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The session file the window was started with ({@code descent FILE.descent}), or null. */
    static java.nio.file.Path sessionArgument(java.util.List<String> raw) {
        return raw.size() == 1 && app.descent.Launcher.opensSession(raw.toArray(String[]::new))
                ? java.nio.file.Path.of(raw.get(0)).toAbsolutePath() : null;
    }

    /**
     * The window as the application shows it, with its handlers for uncaught exceptions, but without ending the
     * application when the window goes: tests open many windows on one toolkit.
     */
    public static ShellView open(Stage stage) {
        CrashHandler.install();
        return ShellView.open(stage);
    }

    @Override
    public void stop() {
        TrainingThread.shutdown(STOP_TRAINING);
        ComputeEngine.awaitLoad(STOP_TRAINING);
    }
}
