package app.descent.ui.shell;

/**
 * What the window's first frame would otherwise wait for on the FX thread, done on other threads while JavaFX
 * starts. The first read of the window's settings, on the launcher's start-up thread: java.util.prefs parses its XML
 * store (a tenth of a second cold on Linux) and keeps what it read, so the FX thread then finds it at once. The icon
 * font, once JavaFX runs ({@link #icons()}). Measured against the bare window from a class-data archive, as the app
 * image starts: the icon font 1.45x against 1.50x (from the jar 1.41x against 1.43x). Tried and left out: reading
 * the theme here as well (a second reading of its 200 KB beside the FX thread's own: 1.49x against 1.38x without)
 * and the system font beside the icons (1.42x against 1.41x).
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

    /** Waits for the icon font's head start, if it runs: Ikonli's first resolution is not safe for two threads. */
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
