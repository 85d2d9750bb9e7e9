package app.descent.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Measures how long the window took to appear, counted from the start of the JVM, and runs what waits for the first
 * frame. With the system property {@code descent.startup.report} (set by {@code descent bench --startup} on the
 * processes it starts) the time of the first frame is written to that file and the process ends there.
 */
public final class StartupClock {
    /** System property: a file to write the first frame's wall-clock time (epoch milliseconds) to, then exit. */
    public static final String REPORT = app.descent.WindowService.STARTUP_REPORT;
    private static final System.Logger LOG = System.getLogger(StartupClock.class.getName());
    private static volatile long shownMillis = -1;

    private StartupClock() {
    }

    /**
     * Calls {@code then} once, on the FX thread, right after the scene's first pulse (the first frame is laid out and
     * handed to the renderer), and records the time.
     */
    public static void afterFirstFrame(Scene scene, Runnable then) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            long now = System.currentTimeMillis();
            String report = System.getProperty(REPORT);
            if (report != null) {
                writeAndExit(Path.of(report), now);
                return;
            }
            Platform.runLater(() -> {
                markShown(now);
                then.run();
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private static void writeAndExit(Path report, long frameMillis) {
        // after this pulse, so the frame is rendered before the process ends
        Platform.runLater(() -> {
            int code = 0;
            try {
                Files.writeString(report, Long.toString(frameMillis));
            } catch (IOException e) {
                code = 1;
            }
            Runtime.getRuntime().halt(code);
        });
    }

    private static void markShown(long frameMillis) {
        if (shownMillis >= 0) {
            return;
        }
        shownMillis = frameMillis - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.log(System.Logger.Level.INFO, "Descent window shown {0} ms after launch", shownMillis);
    }

    /** Milliseconds from JVM start to the first window shown, or -1 before that. */
    public static long shownMillis() {
        return shownMillis;
    }
}
