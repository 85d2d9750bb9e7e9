package app.descent.ui.shell;

/**
 * What the window's first frame would otherwise wait for on the FX thread, done by the launcher on a second thread
 * while JavaFX starts: the first read of the window's settings, for which java.util.prefs parses its XML store
 * (a tenth of a second cold on Linux). The preferences keep what they read, so the FX thread then finds it at once.
 * The theme is not read here: a second reading of its 200 KB beside the FX thread's own cost more CPU than it saved
 * (measured: 1.49x the bare window against 1.38x without it, from a class-data archive as the app image starts).
 */
public final class HeadStart {
    private HeadStart() {
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
