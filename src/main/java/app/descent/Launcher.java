package app.descent;

import app.descent.cli.Cli;
import app.descent.ui.DescentApp;

/**
 * Entry point. It must not extend {@code Application}: a JavaFX main class on the class path makes the launcher
 * demand JavaFX modules, and DJL cannot live on the module path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        boolean window = args.length == 0 || app.descent.cli.LessonCommand.opensWindow(args) || opensSession(args);
        if (window) {
            // beside JavaFX's own start-up, on a core it leaves idle: a tenth of a second off the first frame
            Thread files = new Thread(() -> {
                app.descent.ui.shell.HeadStart.run();
                prepareFiles();
                warmUp();
            }, "descent-start-files");
            files.setDaemon(true);
            files.start();
        } else {
            prepareFiles();
        }
        // libtorch ships as a Maven dependency; never let DJL try the network
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // libtorch's default of one thread per core leaves the JVM (FX thread, GC, JIT) none, and on a 2-core machine
        // a step of the bench's MLP then takes 1.3-2x as long as with one thread; so it gets all cores but one
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(Math.max(1, cores - 1)));
        }
        // descent --lessons DIR: the window, with an instructor's folder of lessons
        if (args.length > 0 && app.descent.cli.LessonCommand.opensWindow(args)) {
            int code = app.descent.cli.LessonCommand.windowFolders(args);
            if (code != 0) {
                System.exit(code);
            }
            args = new String[0];
        }
        if (window) {
            DescentApp.launchGui(args);
            // the window is gone: end the process even if a library left a thread running (libtorch's loaders,
            // a training run on its thread)
            System.exit(0);
        } else {
            System.exit(Cli.run(args));
        }
    }

    /**
     * True for {@code descent FILE.descent} with a file that is there: the window opens with that session (a file
     * manager and the app image's file association start Descent so). Anything else is the command line's.
     */
    public static boolean opensSession(String[] args) {
        try {
            return args.length == 1 && args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".descent")
                    && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * What the window's first frame would otherwise wait for, done while JavaFX starts: the random seed of
     * temporary files' names (JavaFX copies the icon font into one). The settings: {@code HeadStart}.
     */
    private static void warmUp() {
        try {
            java.nio.file.Files.delete(java.nio.file.Files.createTempFile("descent-", ".start"));
        } catch (java.io.IOException | RuntimeException e) {
            // only a head start: the window does the same when it needs it
        }
    }

    private static void prepareFiles() {
        // warnings and errors (Descent's, DJL's) go to ~/.descent/logs/descent.log, not to the console
        app.descent.io.Logs.install();
        // temporary files of saves a killed process left behind (long before the window's first save)
        app.descent.io.AtomicFiles.sweepTree(app.descent.io.Logs.home());
    }
}
