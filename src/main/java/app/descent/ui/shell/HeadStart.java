package app.descent.ui.shell;

/**
 * What the window's first frame would otherwise wait for on the FX thread, done on a second thread while JavaFX
 * starts: the first read of the window's settings (by the launcher's start-up thread), for which java.util.prefs parses its XML store
 * (a tenth of a second cold on Linux). The preferences keep what they read, so the FX thread then finds it at once.
 * The theme is not read here: a second reading of its 200 KB beside the FX thread's own cost more CPU than it saved
 * (measured: 1.49x the bare window against 1.38x without it, from a class-data archive as the app image starts).
 * And the icon font, once JavaFX runs ({@link #icons()}: 1.45x against 1.50x, 1.41x against 1.43x from the jar).
 */
public final class HeadStart {
    private static final java.util.concurrent.CountDownLatch ICONS = new java.util.concurrent.CountDownLatch(1);
    private static volatile boolean iconsStarted;

    private HeadStart() {
    }

    /**
     * Loads the icon font on a thread of its own once JavaFX runs (the first icon resolves Ikonli's handlers on the
     * class path and loads their font: 60 ms the FX thread waited for before the first frame).
     */
    public static void icons() {
        iconsStarted = true;
        Thread t = new Thread(() -> {
            try {
                new org.kordamp.ikonli.javafx.FontIcon(Icons.of(Workspace.LEARN));
            } catch (RuntimeException e) {
                // only a head start: the shell's own first icon loads the font then
            } finally {
                ICONS.countDown();
            }
        }, "descent-icons");
        t.setDaemon(true);
        t.start();
    }

    /** Waits for the icon font's head start, if it runs: Ikonli's first resolution is not safe for two threads at once. */
    static void awaitIcons() {
        if (!iconsStarted) {
            return;
        }
        try {
            ICONS.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs on the launcher's start-up thread, before the window needs any of it. */
    public static void run() {
        try {
            ShellSettings.load().dark();
        } catch (RuntimeException e) {
            // only a head start: the window reads the settings itself when it needs them
        }
    }
}
