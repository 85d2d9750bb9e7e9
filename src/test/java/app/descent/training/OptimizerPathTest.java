package app.descent.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import app.descent.UserInputException;
import org.junit.jupiter.api.Test;

class OptimizerPathTest {
    /** f = x² + 10 y², whose gradient a reader can check by hand. */
    static final OptimizerPath.Gradient BOWL = (x, y) -> new double[] {2 * x, 20 * y};

    @Test
    void sgdIsTheTextbookStepInFloat32() {
        OptimizerPath.Result r = OptimizerPath.run(OptimizerSpec.of("sgd", 0.1), 0.1, -0.3, 3, BOWL);
        assertThat(r.stopped()).isFalse();
        assertThat(r.points()).hasNumberOfRows(4);
        float x = 0.1f;
        float y = -0.3f;
        assertThat(r.points()[0]).containsExactly(x, y);
        for (int k = 1; k <= 3; k++) {
            x = x - (float) 0.1 * (float) (2.0 * x);
            y = y - (float) 0.1 * (float) (20.0 * y);
            assertThat(r.points()[k][0]).as("x at step %d", k).isCloseTo(x, org.assertj.core.data.Offset.offset(1e-7));
            assertThat(r.points()[k][1]).as("y at step %d", k).isCloseTo(y, org.assertj.core.data.Offset.offset(1e-7));
            assertThat((double) (float) r.points()[k][0]).isEqualTo(r.points()[k][0]);
        }
    }

    @Test
    void zeroStepsIsTheStartRoundedToFloat32() {
        OptimizerPath.Result r = OptimizerPath.run(OptimizerSpec.of("adam", 0.1), 0.1, 1.0 / 3, 0, BOWL);
        assertThat(r.points()).hasNumberOfRows(1);
        assertThat(r.points()[0]).containsExactly((double) 0.1f, (double) (1.0f / 3));
        assertThatThrownBy(() -> OptimizerPath.run(OptimizerSpec.of("adam", 0.1), 0, 0, -1, BOWL))
                .isInstanceOf(TrainingException.class).hasMessageContaining("-1");
    }

    @Test
    void aDomainErrorStopsThePathWithItsMessage() {
        // f = log(x): sgd with lr 2 jumps from x = 1 to x = -1, where log has no gradient
        OptimizerPath.Result r = OptimizerPath.run(OptimizerSpec.of("sgd", 2), 1, 0, 10, (x, y) -> {
            if (x <= 0) {
                throw new UserInputException("log of a non-positive number (" + x + ")");
            }
            return new double[] {1 / x, 0};
        });
        assertThat(r.stopped()).isTrue();
        assertThat(r.stoppedAt()).isEqualTo(2);
        assertThat(r.points()).hasNumberOfRows(2);
        assertThat(r.points()[1][0]).isEqualTo(-1);
        assertThat(r.reason()).contains("f is undefined at (-1.0, 0.0)", "log of a non-positive number");
    }

    @Test
    void leavingFloat32IsAStopWithAReason() {
        // f = x⁴ with lr 1 from x = 10: the steps grow until the point overflows float32
        OptimizerPath.Result r = OptimizerPath.run(OptimizerSpec.of("sgd", 1), 10, 0, 50,
                (x, y) -> new double[] {4 * x * x * x, 0});
        assertThat(r.stopped()).isTrue();
        assertThat(r.reason()).contains("float32", "learning rate 1.0");
        assertThat(r.points()).hasNumberOfRows(r.stoppedAt());
        for (double[] p : r.points()) {
            assertThat(Double.isFinite(p[0])).isTrue();
        }
    }

    @Test
    void thousandsOfStepsLeaveNoArraysBehind() throws Exception {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            for (String name : OptimizerSpec.NAMES) {
                int before = TrainingRunTest.liveResources(m);
                OptimizerPath.walk(m, OptimizerSpec.of(name, 0.01), new float[] {1, 1}, 10, BOWL);
                int afterShort = TrainingRunTest.liveResources(m);
                OptimizerPath.Result r = OptimizerPath.walk(m, OptimizerSpec.of(name, 0.01), new float[] {1, 1}, 5000, BOWL);
                assertThat(r.points()).hasNumberOfRows(5001);
                // only the optimizer's moments outlive a walk, as many for 5,000 steps as for 10
                assertThat(TrainingRunTest.liveResources(m) - afterShort).as(name).isEqualTo(afterShort - before);
                assertThat(afterShort - before).as(name).isLessThanOrEqualTo(2);
            }
        }
    }

    @Test
    void anInterruptedThreadStopsTheWalk() {
        // the engine loads first, so that only the walk sees the interrupt
        OptimizerPath.run(OptimizerSpec.of("adam", 0.1), 1, 1, 1, BOWL);
        Thread.currentThread().interrupt();
        try {
            OptimizerPath.Result r = OptimizerPath.run(OptimizerSpec.of("adam", 0.1), 1, 1, 1000, BOWL);
            assertThat(r.stoppedAt()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo("interrupted");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anyThreadWalksTheSamePath() throws Exception {
        OptimizerSpec adam = OptimizerSpec.of("adam", 0.05);
        double[][] here = OptimizerPath.run(adam, 1.5, -0.5, 200, BOWL).points();
        double[][][] there = new double[2][][];
        TrainingThread.submit(() -> there[0] = OptimizerPath.run(adam, 1.5, -0.5, 200, BOWL).points()).get();
        Thread fresh = new Thread(() -> there[1] = OptimizerPath.run(adam, 1.5, -0.5, 200, BOWL).points());
        fresh.start();
        fresh.join();
        assertThat(there[0]).isDeepEqualTo(here);
        assertThat(there[1]).isDeepEqualTo(here);
    }
}
