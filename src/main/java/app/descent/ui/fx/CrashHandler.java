package app.descent.ui.fx;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Catches what nothing else caught, on the FX thread and on every other thread: the exception goes to the log
 * ({@code descent.home}/logs/descent.log) and a dialog says so in one sentence (through {@link Dialogs}). The
 * window stays as it was: the FX thread goes on with the next event, so nothing typed or built is lost.
 */
public final class CrashHandler {
    public static final String SENTENCE =
            "Something went wrong inside Descent; your work is still here and you can carry on.";
    /** More reports than this in one session are only counted: a failure in every frame must not fill the disk. */
    static final int MAX_LOGGED = 200;

    private static final AtomicBoolean SHOWING = new AtomicBoolean();
    private static final AtomicInteger LOGGED = new AtomicInteger();
    private static final AtomicInteger CAUGHT = new AtomicInteger();

    private CrashHandler() {
    }

    /** Installs the handler for every thread and for the FX thread; call on the FX thread. */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler(CrashHandler::handle);
        Thread.currentThread().setUncaughtExceptionHandler(CrashHandler::handle);
    }

    /** {@code descent.home}/logs/descent.log (by default ~/.descent/logs/descent.log). */
    public static Path logFile() {
        return app.descent.io.Logs.file();
    }

    /** How many uncaught exceptions this session has seen. */
    public static int caught() {
        return CAUGHT.get();
    }

    static void handle(Thread thread, Throwable error) {
        CAUGHT.incrementAndGet();
        String details = details(thread, error);
        if (LOGGED.incrementAndGet() <= MAX_LOGGED) {
            append(details);
        }
        CrashReport report = new CrashReport(SENTENCE, details, logFile());
        // one dialog at a time; shown after the current event or layout, where a window may be opened
        if (SHOWING.compareAndSet(false, true)) {
            try {
                Platform.runLater(() -> {
                    try {
                        Dialogs.get().crash(ownerWindow(), report);
                    } finally {
                        SHOWING.set(false);
                    }
                });
            } catch (IllegalStateException toolkitGone) {
                SHOWING.set(false);
            }
        }
    }

    static String details(Thread thread, Throwable error) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println(OffsetDateTime.now() + " SEVERE uncaught in thread \"" + thread.getName() + "\"");
        error.printStackTrace(out);
        out.flush();
        return text.toString();
    }

    /** One write with O_APPEND: a report is never interleaved with another, nor half there. */
    private static void append(String details) {
        Path log = logFile();
        try {
            Files.createDirectories(log.getParent());
            Files.write(log, details.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            // nowhere left to report to; the dialog still shows the details to copy
        }
    }

    private static Window ownerWindow() {
        return Window.getWindows().stream().filter(Window::isShowing).filter(Window::isFocused).findFirst()
                .orElse(Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null));
    }
}
