package app.descent.ui.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Collects events from a worker thread and hands them to the FX thread in one batch at most {@code hz} times a
 * second, so charts redraw at a steady rate however fast training runs. The worker never waits for the UI, and
 * the UI is never sent a second batch before it has taken the first: when it falls behind (a slow machine, a
 * software renderer), batches grow instead of queueing up, so the window stays responsive and nothing is lost.
 */
public final class Throttle<T> implements AutoCloseable {
    private final List<T> pending = new ArrayList<>();
    private final Consumer<List<T>> onBatch;
    private final ScheduledFuture<?> ticker;
    private final java.util.concurrent.atomic.AtomicBoolean inFlight = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

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

    /**
     * Hands what has arrived to the FX thread now (also used at the end of a run), unless a batch is still on its
     * way there: that one's delivery then sends the rest if the throttle was closed meanwhile, else the next tick
     * does. Batches keep their order.
     */
    public void flush() {
        if (!inFlight.compareAndSet(false, true)) {
            return;
        }
        List<T> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        if (batch.isEmpty()) {
            inFlight.set(false);
            return;
        }
        FxThread.run(() -> {
            try {
                onBatch.accept(batch);
            } finally {
                inFlight.set(false);
                if (closed) {
                    flush();
                }
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        ticker.cancel(false);
        flush();
    }
}
