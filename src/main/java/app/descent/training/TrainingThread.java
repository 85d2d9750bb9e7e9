package app.descent.training;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

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
    /** Work submitted and not yet finished (or cancelled). */
    private static final AtomicInteger PENDING = new AtomicInteger();

    private TrainingThread() {
    }

    public static Future<?> submit(Runnable work) {
        FutureTask<Void> task = new FutureTask<>(work, null) {
            @Override
            protected void done() {
                PENDING.decrementAndGet();
            }
        };
        PENDING.incrementAndGet();
        EXECUTOR.execute(task);
        return task;
    }

    /** Whether work is queued or running here (a run, paused or not, a search, an inspection): quitting loses it. */
    public static boolean busy() {
        return PENDING.get() > 0;
    }
}
