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
        // libtorch ships as a Maven dependency; never let DJL try the network
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (args.length == 0) {
            DescentApp.launchGui(args);
        } else {
            System.exit(Cli.run(args));
        }
    }
}
