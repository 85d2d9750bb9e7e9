package app.descent.ui;

import java.lang.management.ManagementFactory;

/** Measures how long the window took to appear, counted from the start of the JVM. */
public final class StartupClock {
    private static final System.Logger LOG = System.getLogger(StartupClock.class.getName());
    private static volatile long shownMillis = -1;

    private StartupClock() {
    }

    public static void markShown() {
        if (shownMillis >= 0) {
            return;
        }
        shownMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.log(System.Logger.Level.INFO, "Descent window shown {0} ms after launch", shownMillis);
    }

    /** Milliseconds from JVM start to the first window shown, or -1 before that. */
    public static long shownMillis() {
        return shownMillis;
    }
}
