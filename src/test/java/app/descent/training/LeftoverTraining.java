package app.descent.training;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (META-INF/services): work a class left on the one training thread (a run it
 * started and did not wait for, a paused run, a study) is stopped when the class ends, so that the next class trains
 * at once whatever the order. Without it a paused run left behind held the thread until the next class timed out.
 */
public final class LeftoverTraining implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) {
        if (!TrainingThread.busy()) {
            return;
        }
        boolean idle = TrainingThreads.stopAll(Duration.ofSeconds(120));
        System.err.println("[LeftoverTraining] " + context.getDisplayName() + " left work on the training thread; "
                + (idle ? "stopped it" : "it did not stop within 120 s"));
    }
}
