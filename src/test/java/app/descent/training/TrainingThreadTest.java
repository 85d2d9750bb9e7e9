package app.descent.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Closing the application stops a run between two steps and frees its native arrays before the process ends. */
class TrainingThreadTest {

    @Test
    void shutdownStopsARunningRunAtItsNextStepAndClosesIt() throws Exception {
        AtomicLong steps = new AtomicLong();
        CompletableFuture<TrainingRun> started = new CompletableFuture<>();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        try {
            TrainingThread.submit(() -> {
                // as the window's loop: until the run is done (1,000 epochs here: minutes) or stopped
                try (TrainingRun run = new TrainingRun(0, TrainingRunTest.mlp(2, 8, 2, "Tanh"), TrainingRunTest.xor(1),
                        TrainingRunTest.settings("adam", 0.01, 1000, 1))) {
                    started.complete(run);
                    while (!run.finished()) {
                        run.advance();
                        steps.incrementAndGet();
                    }
                    ended.complete(null);
                } catch (RuntimeException e) {
                    ended.complete(e);
                }
            });
            TrainingRun run = started.get(60, TimeUnit.SECONDS);
            while (steps.get() < 20) {
                Thread.sleep(5);
            }
            assertThat(TrainingThread.shutdown(Duration.ofSeconds(20))).isTrue();
            assertThat(ended.getNow(null)).isInstanceOf(TrainingThread.Closing.class);
            assertThat(run.finished()).isFalse();
            assertThat(run.manager().isOpen()).isFalse();
            long stoppedAt = steps.get();
            Thread.sleep(100);
            assertThat(steps.get()).isEqualTo(stoppedAt);
        } finally {
            TrainingThread.reopen();
        }
        // other tests in this JVM train on
        assertThat(TrainingThread.submit(() -> {
            try (TrainingRun again = new TrainingRun(1, TrainingRunTest.mlp(2, 4, 2, "Tanh"), TrainingRunTest.xor(1),
                    TrainingRunTest.settings("sgd", 0.1, 1, 1))) {
                again.advance();
            }
        }).get(60, TimeUnit.SECONDS)).isNull();
    }
}
