package app.descent.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    private ScheduledExecutorService clock;

    @BeforeEach
    void direct() {
        FxThread.useGateway(Runnable::run);
        clock = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void restore() {
        clock.shutdownNow();
        FxThread.usePlatform();
    }

    @Test
    void coalescesAFloodIntoFewBatchesAndLosesNothing() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        try (Throttle<Integer> t = new Throttle<>(20, batches::add, clock)) {
            for (int i = 0; i < 200_000; i++) {
                t.offer(i);
                if (i % 20_000 == 0) {
                    Thread.sleep(10);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(200_000);
        assertThat(batches.get(batches.size() - 1)).last().isEqualTo(199_999);
        // at 20 Hz, plus the final flush
        assertThat(batches.size()).isLessThanOrEqualTo((int) Math.ceil(seconds * 20) + 2);
    }

    @Test
    void aSlowConsumerGetsOneBatchAtATimeAndStillEverything() throws Exception {
        // the "FX thread" takes 100 ms per batch: at 30 Hz a throttle without back-pressure would queue up batches
        java.util.concurrent.ExecutorService slowUi = Executors.newSingleThreadExecutor();
        java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostQueued = new java.util.concurrent.atomic.AtomicInteger();
        FxThread.useGateway(r -> {
            mostQueued.accumulateAndGet(queued.incrementAndGet(), Math::max);
            slowUi.execute(() -> {
                queued.decrementAndGet();
                r.run();
            });
        });
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        try (Throttle<Integer> t = new Throttle<>(30, b -> {
            batches.add(b);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, clock)) {
            for (int i = 0; i < 100; i++) {
                t.offer(i);
                Thread.sleep(10);
            }
        }
        // the batch in flight at close sends the rest when it is done
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (batches.stream().mapToInt(List::size).sum() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        slowUi.shutdown();
        assertThat(mostQueued.get()).isEqualTo(1);
        assertThat(batches.stream().flatMap(List::stream).toList())
                .isEqualTo(java.util.stream.IntStream.range(0, 100).boxed().toList());
        // about one batch per 100 ms of the consumer, not 30 a second
        assertThat(batches.size()).isLessThan(20);
    }
}
