package app.descent.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves what a workspace looks like to target/screenshots/NAME.png, for people to look at. */
public final class Screenshots {
    private Screenshots() {
    }

    /**
     * As {@link #save}, unless a workspace's own test already saved this name during this run: the shell's tour
     * must not replace a richer picture.
     */
    public static Path saveUnlessFresh(Scene scene, String name) {
        Path file = Path.of(System.getProperty("descent.screenshots", "target/screenshots")).resolve(name + ".png");
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        if (Files.exists(file) && file.toFile().lastModified() >= jvmStart) {
            return file;
        }
        return save(scene, name);
    }

    public static Path save(Scene scene, String name) {
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                shot.complete(scene.snapshot(null));
            } catch (RuntimeException e) {
                shot.completeExceptionally(e);
            }
        });
        try {
            BufferedImage image = SwingFXUtils.fromFXImage(shot.get(30, TimeUnit.SECONDS), null);
            Path dir = Path.of(System.getProperty("descent.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("screenshot " + name + " failed", e);
        }
    }
}
