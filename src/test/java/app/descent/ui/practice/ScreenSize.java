package app.descent.ui.practice;

import app.descent.ui.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * A screenshot of a window's content laid out at a screen size the headless test screen (1280×800) cannot hold as a
 * window, e.g. 1366×768: the content moves to an off-screen scene of that size for the picture, then back.
 */
final class ScreenSize {
    private ScreenSize() {
    }

    static Path save(Scene scene, double width, double height, String name) {
        CompletableFuture<Scene> moved = new CompletableFuture<>();
        Parent[] root = new Parent[1];
        Platform.runLater(() -> {
            root[0] = scene.getRoot();
            scene.setRoot(new Group());
            Scene off = new Scene(root[0], width, height);
            off.getStylesheets().setAll(scene.getStylesheets());
            root[0].applyCss();
            root[0].layout();
            moved.complete(off);
        });
        try {
            Scene off = moved.get(30, TimeUnit.SECONDS);
            return Screenshots.save(off, name);
        } catch (Exception e) {
            throw new IllegalStateException("screenshot " + name + " failed", e);
        } finally {
            CompletableFuture<Void> back = new CompletableFuture<>();
            Platform.runLater(() -> {
                Scene off = root[0].getScene();
                if (off != scene) {
                    off.setRoot(new Group());
                    scene.setRoot(root[0]);
                }
                back.complete(null);
            });
            back.join();
        }
    }
}
