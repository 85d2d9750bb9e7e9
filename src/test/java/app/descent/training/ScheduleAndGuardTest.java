package app.descent.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScheduleAndGuardTest {

    @Test
    void schedulesFollowTheirFormulas() {
        assertThat(Schedule.parse("").rate(0.1, 500, 1000)).isEqualTo(0.1);
        Schedule step = Schedule.parse("step:100:0.5");
        assertThat(step.rate(0.1, 99, 1000)).isEqualTo(0.1);
        assertThat(step.rate(0.1, 100, 1000)).isEqualTo(0.05);
        assertThat(step.rate(0.1, 250, 1000)).isCloseTo(0.025, within(1e-12));
        Schedule cosine = Schedule.parse("cosine");
        assertThat(cosine.rate(0.1, 0, 1000)).isEqualTo(0.1);
        assertThat(cosine.rate(0.1, 500, 1000)).isCloseTo(0.05, within(1e-12));
        assertThat(cosine.rate(0.1, 1000, 1000)).isCloseTo(0, within(1e-12));
        Schedule warm = Schedule.parse("cosine+warmup:10");
        assertThat(warm.rate(0.1, 0, 1000)).isCloseTo(0.01, within(1e-12));
        assertThat(warm.rate(0.1, 9, 1000)).isCloseTo(0.1, within(1e-12));
        assertThat(warm.rate(0.1, 10, 1000)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void badSchedulesAreExplained() {
        assertThatThrownBy(() -> Schedule.parse("exp")).isInstanceOf(TrainingException.class).hasMessageContaining("'exp'");
        assertThatThrownBy(() -> Schedule.parse("step:0:0.1")).isInstanceOf(TrainingException.class)
                .hasMessageContaining("positive whole number");
        assertThatThrownBy(() -> Schedule.parse("step:10:2")).isInstanceOf(TrainingException.class)
                .hasMessageContaining("gamma");
    }

    @Test
    void guardCatchesNonFiniteAndRunawayLosses() {
        DivergenceGuard nan = new DivergenceGuard();
        assertThat(nan.check(1, 2.3)).isNull();
        assertThat(nan.check(2, Double.NaN)).contains("NaN at step 2", "lower learning rate");

        DivergenceGuard runaway = new DivergenceGuard();
        for (int i = 0; i < 10; i++) {
            assertThat(runaway.check(i, 2.3)).isNull();
        }
        assertThat(runaway.check(10, 200.0)).isNull();
        assertThat(runaway.check(11, 231.0)).contains("step 11", "100×");

        // a huge learning rate: the loss explodes from the second step on and stays finite
        DivergenceGuard early = new DivergenceGuard();
        assertThat(early.check(1, 2.3)).isNull();
        assertThat(early.check(2, 4.8e5)).contains("step 2");

        DivergenceGuard healthy = new DivergenceGuard();
        for (int i = 0; i < 1000; i++) {
            assertThat(healthy.check(i, 2.3 / (1 + i))).isNull();
        }
    }
}
