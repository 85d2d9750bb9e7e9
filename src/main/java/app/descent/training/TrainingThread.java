package app.descent.training;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread that trains. DJL allows one gradient collector per JVM, so every run, and every interleaving of
 * runs, happens here; the UI only submits work and reads events.
 */
public final class TrainingThread {
    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "descent-training");
        t.setDaemon(true);
        return t;
    });

    private TrainingThread() {
    }

    public static Future<?> submit(Runnable work) {
        return EXECUTOR.submit(work);
    }
}
