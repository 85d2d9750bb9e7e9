package app.descent.ui.shell;

import app.descent.Launcher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Run in a process of its own by {@link QuitProcessTest}: starts Descent as {@code descent} with no arguments does,
 * with a thread that never ends (as a library's may), and once the window shows, makes it go without a close request.
 */
public final class QuitProbe {
    private QuitProbe() {
    }

    public static void main(String[] args) throws Exception {
        Thread library = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "probe-library-thread");
        library.start();
        new Thread(() -> Launcher.main(new String[0]), "probe-launcher").start();
        for (int i = 0; i < 1200; i++) {
            Thread.sleep(100);
            CompletableFuture<Window> shown = new CompletableFuture<>();
            try {
                Platform.runLater(() -> shown.complete(
                        Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null)));
            } catch (IllegalStateException toolkitNotYetUp) {
                continue;
            }
            Window w = shown.get(30, TimeUnit.SECONDS);
            if (w != null) {
                System.out.println("window shown");
                Platform.runLater(w::hide);
                return;
            }
        }
        System.out.println("window never shown");
        System.exit(3);
    }
}
