package app.descent.training;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private static volatile boolean closing;

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

    /** Thrown by a training step once the application is closing: the run ends and closes its native arrays. */
    public static final class Closing extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Closing() {
            super("Descent is closing");
        }
    }

    /** Whether the application is closing: a loop that waits (a paused run) ends instead of waiting on. */
    public static boolean closing() {
        return closing;
    }

    /** Called before every step: a run of the closing application stops there, between two steps. */
    static void checkOpen() {
        if (closing) {
            throw new Closing();
        }
    }

    /**
     * For a closing application (window closed, SIGTERM): every run stops at its next step and closes its native
     * arrays, and this waits (at most {@code timeout}) until the training thread has nothing left to do, so that the
     * process never exits while libtorch is in the middle of a step. True when the thread is idle.
     */
    public static boolean shutdown(Duration timeout) {
        closing = true;
        try {
            // one thread: when this marker runs, everything submitted before it has ended
            EXECUTOR.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Training may start again (tests only: a real application is gone after {@link #shutdown}). */
    static void reopen() {
        closing = false;
    }
}
