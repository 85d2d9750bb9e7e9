package app.descent.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 15: Step clicks counted on the FX thread and taken on the training thread are never lost. */
class StepRequestsTest {
    private static final int CLICKS = 2_000_000;

    @Test
    void twoThreadsHammeringLoseNoRequest() throws Exception {
        StepRequests requests = new StepRequests();
        AtomicLong taken = new AtomicLong();
        AtomicBoolean clicking = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        Thread fx = new Thread(() -> {
            await(go);
            for (int i = 0; i < CLICKS; i++) {
                requests.request();
            }
            clicking.set(false);
        }, "clicks");
        Thread training = new Thread(() -> {
            await(go);
            while (clicking.get()) {
                if (requests.take()) {
                    taken.incrementAndGet();
                }
            }
            while (requests.take()) {
                taken.incrementAndGet();
            }
        }, "steps");
        fx.start();
        training.start();
        go.countDown();
        fx.join(TimeUnit.MINUTES.toMillis(2));
        training.join(TimeUnit.MINUTES.toMillis(2));
        assertThat(taken.get()).as("steps taken for " + CLICKS + " clicks").isEqualTo(CLICKS);
        assertThat(requests.pending()).isZero();
        assertThat(requests.take()).as("no step beyond the clicks").isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
