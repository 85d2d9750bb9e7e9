package app.descent.ui.fx;

import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one gateway onto the FX thread. Everything that updates the scene from elsewhere goes through here,
 * so a test can swap in a direct executor.
 */
public final class FxThread {
    private static volatile Executor gateway = FxThread::runOnPlatform;

    private FxThread() {
    }

    public static void run(Runnable action) {
        gateway.execute(action);
    }

    public static void useGateway(Executor executor) {
        gateway = Objects.requireNonNull(executor);
    }

    /** Back to the real FX thread (after a test replaced it). */
    public static void usePlatform() {
        gateway = FxThread::runOnPlatform;
    }

    private static void runOnPlatform(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
