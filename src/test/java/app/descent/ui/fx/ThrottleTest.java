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
}
