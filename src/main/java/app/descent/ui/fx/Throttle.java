package app.descent.ui.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Collects events from a worker thread and hands them to the FX thread in one batch at most {@code hz} times a
 * second, so charts redraw at a steady rate however fast training runs. The worker never waits for the UI.
 */
public final class Throttle<T> implements AutoCloseable {
    private final List<T> pending = new ArrayList<>();
    private final Consumer<List<T>> onBatch;
    private final ScheduledFuture<?> ticker;

    public Throttle(double hz, Consumer<List<T>> onBatch, ScheduledExecutorService clock) {
        if (!(hz >= 1 && hz <= 60)) {
            throw new IllegalArgumentException("hz " + hz);
        }
        this.onBatch = onBatch;
        long period = Math.round(1_000_000 / hz);
        ticker = clock.scheduleAtFixedRate(this::flush, period, period, TimeUnit.MICROSECONDS);
    }

    /** Called from any thread. */
    public void offer(T event) {
        synchronized (pending) {
            pending.add(event);
        }
    }

    /** Hands what has arrived to the FX thread now (also used at the end of a run); batches keep their order. */
    public synchronized void flush() {
        List<T> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        FxThread.run(() -> onBatch.accept(batch));
    }

    @Override
    public void close() {
        ticker.cancel(false);
        flush();
    }
}
