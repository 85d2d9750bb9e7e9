package app.descent.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the window's first frame would otherwise wait for on the FX thread, done by the launcher on a second thread
 * while JavaFX starts (about half a second on a 2-core laptop, with one core mostly idle). Measured cold, each on
 * the FX thread: the first read of the settings (java.util.prefs parses its XML, 0.1 s) and the theme's stylesheet
 * (the first binary stylesheet of a process, 0.17 s; 0.03 s once warm). Nothing here is kept: the work leaves the
 * classes loaded, the preferences cached and the code warm for the FX thread to do it again quickly.
 */
public final class HeadStart {
    private static final CountDownLatch THEME = new CountDownLatch(1);
    private static volatile boolean started;

    private HeadStart() {
    }

    /** Runs on the launcher's start-up thread, before the window needs any of it. */
    public static void run() {
        started = true;
        try {
            boolean dark = ShellSettings.load().dark();
            String theme = dark ? new PrimerDark().getUserAgentStylesheetBSS()
                    : new PrimerLight().getUserAgentStylesheetBSS();
            // a resource's path (/atlantafx/base/theme/primer-light.bss), as JavaFX takes it
            java.net.URL url = HeadStart.class.getResource(theme.startsWith("/") ? theme : "/" + theme);
            if (url != null) {
                javafx.css.Stylesheet.loadBinary(url);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // only a head start: the window does the same when it needs it
        } finally {
            THEME.countDown();
        }
    }

    /**
     * Waits until the head start has read the theme, if it runs: JavaFX's stylesheet reader keeps a cache that is
     * not safe for two threads at once, so the FX thread must not read a stylesheet while this one does.
     */
    static void awaitTheme() {
        if (!started) {
            return;
        }
        try {
            THEME.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
