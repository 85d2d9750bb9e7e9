package app.descent.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Descent's log: warnings and errors of Descent, DJL and libtorch's loader (slf4j → java.util.logging) go to
 * {@code <descent.home>/logs/descent.log} (default ~/.descent), rotated at start once above 1 MB (descent.log.1 … .4);
 * nothing goes to the
 * console, whose stderr belongs to the command's own messages.
 */
public final class Logs {
    static final int LIMIT = 1 << 20;
    static final int FILES = 5;
    private static volatile Path installed;

    private Logs() {
    }

    /** Descent's own folder: {@code descent.home}, or ~/.descent. */
    public static Path home() {
        return Path.of(System.getProperty("descent.home", System.getProperty("user.home") + "/.descent"));
    }

    public static Path file() {
        return home().resolve("logs").resolve("descent.log");
    }

    /** At start: a log above 1 MB becomes descent.log.1, the older ones move up, the fifth is dropped. */
    static void rotate(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) < LIMIT) {
            return;
        }
        for (int i = FILES - 1; i >= 1; i--) {
            Path from = i == 1 ? file : file.resolveSibling(file.getFileName() + "." + (i - 1));
            if (Files.exists(from)) {
                Files.move(from, file.resolveSibling(file.getFileName() + "." + i),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Sends warnings and errors to the log file (once per process); returns the file, or null if it cannot be made. */
    public static synchronized Path install() {
        if (installed != null) {
            return installed;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.setLevel(Level.WARNING);
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            rotate(file);
            // one file per run of at most 10 MB; earlier runs' logs move to descent.log.1 … .4 at start
            FileHandler handler = new FileHandler(file.toString().replace("%", "%%"), 10 * LIMIT, 1, true);
            handler.setLevel(Level.WARNING);
            handler.setEncoding("UTF-8");
            handler.setFormatter(new SimpleFormatter() {
                @Override
                public String format(java.util.logging.LogRecord r) {
                    String thrown = "";
                    if (r.getThrown() != null) {
                        java.io.StringWriter w = new java.io.StringWriter();
                        r.getThrown().printStackTrace(new java.io.PrintWriter(w));
                        thrown = w.toString();
                    }
                    return String.format("%1$tF %1$tT %2$s %3$s: %4$s%n%5$s", r.getMillis(), r.getLevel(),
                            r.getLoggerName(), formatMessage(r), thrown);
                }
            });
            root.addHandler(handler);
            installed = file;
            return file;
        } catch (IOException | RuntimeException e) {
            return null; // no log folder (read-only home): Descent still runs, silently
        }
    }
}
