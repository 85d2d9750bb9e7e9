package app.descent.practice;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import app.descent.training.Optimizer;
import app.descent.training.OptimizerSpec;
import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The counting topics against hand-worked numbers, and the optimizer steps against Descent's trainer. */
class MoreTopicsTest {

    @Test
    void iterationsCountBatchesPerEpoch() {
        Exercise e = IterationsTopic.exercise(60_000, 64, 1, false);
        assertThat(e.answer().get("iterationsPerEpoch").asLong()).isEqualTo(938);
        Exercise dropped = IterationsTopic.exercise(60_000, 64, 10, true);
        assertThat(dropped.answer().get("iterations").asLong()).isEqualTo(9370);
    }

    @Test
    void depthAndWidthOfTenByTen() {
        Exercise e = DepthWidthTopic.exercise(10, 10, true);
        assertThat(e.answer().get("params").asLong()).isEqualTo(1100);
        assertThat(e.answer().get("oneMoreLayer").asLong()).isEqualTo(1210);
        assertThat(e.answer().get("oneMoreUnit").asLong()).isEqualTo(1320);
    }

    @Test
    void optimizerStepsMatchTheTrainersOptimizer() {
        for (long seed = 1; seed <= 20; seed++) {
            Exercise e = new OptimizerStepTopic().generate(seed);
            JsonNode g = e.given();
            OptimizerSpec spec = OptimizerSpec.of(g.get("optimizer").asText(), g.get("lr").asDouble());
            Optimizer optimizer = new Optimizer(spec);
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray w = m.create(new float[] {(float) g.get("w").get(0).asDouble(), (float) g.get("w").get(1).asDouble()});
                for (int t = 0; t < 2; t++) {
                    JsonNode grad = g.get("gradients").get(t);
                    try (NDArray gr = m.create(new float[] {(float) grad.get(0).asDouble(), (float) grad.get(1).asDouble()})) {
                        optimizer.update("w", w, gr);
                    }
                    float[] actual = w.toFloatArray();
                    for (int i = 0; i < 2; i++) {
                        double want = e.answer().get("w").get(t).get(i).asDouble();
                        assertThat((double) actual[i]).as("seed %d step %d", seed, t + 1)
                                .isCloseTo(want, Offset.offset(1e-5 + 1e-5 * Math.abs(want)));
                    }
                }
            }
        }
    }
}
