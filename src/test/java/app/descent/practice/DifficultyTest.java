package app.descent.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DifficultyTest {

    @Test
    void harderLevelsGiveMoreWorkOnAverage() {
        for (String id : new String[] {"rnn-steps", "sequential-shape", "perceptron", "backprop"}) {
            Topic t = Topics.get(id);
            double easy = 0;
            double hard = 0;
            for (long seed = 0; seed < 20; seed++) {
                easy += Difficulty.effort(Difficulty.EASY.generate(t, seed * 97));
                hard += Difficulty.effort(Difficulty.HARD.generate(t, seed * 97));
            }
            assertThat(hard).as(id).isGreaterThan(easy);
        }
    }

    @Test
    void sameSeedSameExerciseAtEveryLevel() {
        for (Topic t : Topics.all()) {
            for (Difficulty d : Difficulty.values()) {
                assertThat(d.generate(t, 5).question()).as(t.id() + " " + d)
                        .isEqualTo(d.generate(t, 5).question());
                assertThat(d.generate(t, 5).answer()).as(t.id() + " " + d).isEqualTo(d.generate(t, 5).answer());
            }
        }
        assertThat(Difficulty.parse(" Easy ")).isEqualTo(Difficulty.EASY);
        assertThatThrownBy(() -> Difficulty.parse("extreme")).isInstanceOf(PracticeException.class)
                .hasMessageContaining("extreme");
    }
}
