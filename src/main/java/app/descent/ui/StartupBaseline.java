package app.descent.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The smallest JavaFX window, one Stage titled HelloBaseline: what {@code descent bench --startup} compares the
 * shell's first frame with, on the same jars and JVM options.
 */
public final class StartupBaseline {
    private StartupBaseline() {
    }

    /** Not an {@code Application} itself, for the same reason as {@link app.descent.Launcher}. */
    public static void main(String[] args) {
        Application.launch(Hello.class, args);
    }

    /** The window. */
    public static final class Hello extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(), 640, 480);
            StartupClock.afterFirstFrame(scene, () -> { });
            stage.setTitle("HelloBaseline");
            stage.setScene(scene);
            stage.show();
        }
    }
}
