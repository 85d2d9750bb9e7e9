package app.descent.training;

import java.time.Duration;

/** For window tests that leave long runs behind: stops them, then lets the next test train again. */
public final class TrainingThreads {
    private TrainingThreads() {
    }

    public static boolean stopAll(Duration timeout) {
        try {
            return TrainingThread.shutdown(timeout);
        } finally {
            TrainingThread.reopen();
        }
    }
}
