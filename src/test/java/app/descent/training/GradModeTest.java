package app.descent.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Training works on a thread other than the one that loaded the engine (where libtorch records by default). */
class GradModeTest {

    @Test
    void trainsOnAFreshThread() throws Exception {
        var pool = Executors.newSingleThreadExecutor();
        try {
            List<Double> losses = pool.submit(() -> {
                // the engine first: alone in its JVM this test would otherwise call into a library not yet loaded
                ai.djl.engine.Engine.getEngine("PyTorch");
                JniUtils.setGradMode(true);
                List<Double> out = new ArrayList<>();
                try (TrainingRun run = new TrainingRun(0, TrainingRunTest.mlp(2, 8, 2, "Tanh"), TrainingRunTest.xor(1),
                        TrainingRunTest.settings("adam", 0.01, 1, 1))) {
                    run.runToEnd(e -> {
                        if (e instanceof TrainingEvent.Step s) {
                            out.add(s.loss());
                        }
                    });
                }
                return out;
            }).get();
            assertThat(losses).hasSize(36);
        } finally {
            pool.shutdownNow();
        }
    }
}
