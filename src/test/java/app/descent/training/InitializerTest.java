package app.descent.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitializerTest {
    private static final long[] LINEAR = {256, 400};

    private static double[] stats(float[] v) {
        double mean = 0;
        double max = 0;
        for (float x : v) {
            mean += x;
            max = Math.max(max, Math.abs(x));
        }
        mean /= v.length;
        double var = 0;
        for (float x : v) {
            var += (x - mean) * (x - mean);
        }
        return new double[] {mean, Math.sqrt(var / v.length), max};
    }

    @Test
    void defaultIsPyTorchsUniformOneOverSqrtFanIn() {
        float[] w = Initializer.parse("default").values(Initializer.Role.WEIGHT, LINEAR, new SplittableRandom(1));
        double bound = 1 / Math.sqrt(400);
        double[] s = stats(w);
        assertThat(s[2]).isLessThanOrEqualTo(bound).isGreaterThan(0.99 * bound);
        assertThat(s[1]).isCloseTo(bound / Math.sqrt(3), within(0.02 * bound));
        float[] b = Initializer.parse("default").values(Initializer.Role.BIAS, 256, 400, 256, new SplittableRandom(1));
        assertThat(stats(b)[2]).isLessThanOrEqualTo(bound).isGreaterThan(0.9 * bound);
    }

    @Test
    void xavierAndKaimingFollowTheirFormulas() {
        double[] x = stats(Initializer.parse("xavier").values(Initializer.Role.WEIGHT, LINEAR, new SplittableRandom(2)));
        double a = Math.sqrt(6.0 / (400 + 256));
        assertThat(x[2]).isLessThanOrEqualTo(a).isGreaterThan(0.99 * a);
        double[] k = stats(Initializer.parse("kaiming").values(Initializer.Role.WEIGHT, LINEAR, new SplittableRandom(3)));
        assertThat(k[0]).isCloseTo(0, within(0.002));
        assertThat(k[1]).isCloseTo(Math.sqrt(2.0 / 400), within(0.02 * Math.sqrt(2.0 / 400)));
        // a 3×3 convolution from 16 to 32 channels: fan_in = 16·9
        double[] conv = stats(Initializer.parse("kaiming").values(Initializer.Role.WEIGHT, new long[] {32, 16, 3, 3},
                new SplittableRandom(4)));
        assertThat(conv[1]).isCloseTo(Math.sqrt(2.0 / 144), within(0.05 * Math.sqrt(2.0 / 144)));
    }

    @Test
    void biasesStartAtZeroForEveryInitializerButDefault() {
        for (String spec : new String[] {"zeros", "constant:0.5", "normal:0.01", "uniform:0.1", "xavier", "kaiming"}) {
            float[] b = Initializer.parse(spec).values(Initializer.Role.BIAS, 10, 5, 10, new SplittableRandom(1));
            assertThat(b).as(spec).containsOnly(0f);
        }
        assertThat(Initializer.parse("constant:0.5").values(Initializer.Role.WEIGHT, new long[] {2, 3},
                new SplittableRandom(1))).containsOnly(0.5f);
        assertThat(Initializer.parse("xavier").values(Initializer.Role.NORM_WEIGHT, new long[] {4},
                new SplittableRandom(1))).containsOnly(1f);
    }

    @Test
    void sameSeedSameValues() {
        Initializer init = Initializer.parse("normal:0.01");
        assertThat(init.values(Initializer.Role.WEIGHT, LINEAR, new SplittableRandom(9)))
                .containsExactly(init.values(Initializer.Role.WEIGHT, LINEAR, new SplittableRandom(9)));
        assertThat(init.values(Initializer.Role.WEIGHT, LINEAR, new SplittableRandom(9)))
                .isNotEqualTo(init.values(Initializer.Role.WEIGHT, LINEAR, new SplittableRandom(10)));
    }

    @Test
    void badSpecsAreExplained() {
        assertThatThrownBy(() -> Initializer.parse("orthogonal")).isInstanceOf(TrainingException.class)
                .hasMessageContaining("orthogonal").hasMessageContaining("kaiming");
        assertThatThrownBy(() -> Initializer.parse("normal")).isInstanceOf(TrainingException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Initializer.parse("normal:abc")).isInstanceOf(TrainingException.class)
                .hasMessageContaining("'abc' is not a number");
        assertThatThrownBy(() -> Initializer.parse("xavier:2")).isInstanceOf(TrainingException.class)
                .hasMessageContaining("takes no value");
        assertThatThrownBy(() -> Initializer.parse("uniform:-1")).isInstanceOf(TrainingException.class);
        assertThat(Initializer.parse("constant:-0.5").value()).isEqualTo(-0.5);
    }
}
