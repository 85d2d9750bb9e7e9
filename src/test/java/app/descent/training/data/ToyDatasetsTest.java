package app.descent.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ToyDatasetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"xor", "circles", "moons", "spiral", "spiral:5", "blobs", "blobs:4", "linear"})
    void sameSeedSameDataDifferentSeedDifferentData(String name) {
        TabularSet a = ToyDatasets.byName(name, 300, 0.05, 7);
        TabularSet b = ToyDatasets.byName(name, 300, 0.05, 7);
        TabularSet c = ToyDatasets.byName(name, 300, 0.05, 8);
        assertThat(a.x()).containsExactly(b.x());
        assertThat(a.labels()).containsExactly(b.labels());
        assertThat(a.x()).isNotEqualTo(c.x());
        assertThat(a.count()).isEqualTo(300);
        for (float v : a.x()) {
            assertThat(v).isBetween(-1f, 1f);
        }
    }

    @Test
    void classCountsFollowTheName() {
        assertThat(ToyDatasets.byName("spiral", 90, 0, 1).classes()).isEqualTo(3);
        assertThat(ToyDatasets.byName("spiral:4", 90, 0, 1).classes()).isEqualTo(4);
        assertThat(ToyDatasets.byName("xor", 90, 0, 1).classes()).isEqualTo(2);
        assertThat(ToyDatasets.byName("blobs:6", 90, 0, 1).classes()).isEqualTo(6);
    }

    @Test
    void xorLabelsFollowTheQuadrantsWithoutNoise() {
        TabularSet set = ToyDatasets.xor(400, 0, 3);
        for (int i = 0; i < set.count(); i++) {
            float[] p = set.row(i);
            assertThat(set.labels()[i]).isEqualTo(p[0] * p[1] > 0 ? 0 : 1);
        }
    }

    @Test
    void circlesPutClassZeroInside() {
        TabularSet set = ToyDatasets.circles(400, 0, 3);
        double[] radius = new double[2];
        int[] n = new int[2];
        for (int i = 0; i < set.count(); i++) {
            float[] p = set.row(i);
            radius[set.labels()[i]] += Math.hypot(p[0], p[1]);
            n[set.labels()[i]]++;
        }
        assertThat(radius[0] / n[0]).isLessThan(0.5);
        assertThat(radius[1] / n[1]).isGreaterThan(0.7);
    }

    @Test
    void linearIsSeparableByItsLine() {
        TabularSet set = ToyDatasets.linear(400, 0, 3);
        for (int i = 0; i < set.count(); i++) {
            float[] p = set.row(i);
            assertThat(p[1] - 0.5 * p[0] > 0).isEqualTo(set.labels()[i] == 0);
        }
    }

    @Test
    void badNamesAndOptionsSayWhy() {
        assertThatThrownBy(() -> ToyDatasets.byName("swirl", 100, 0, 1)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("swirl").hasMessageContaining("xor");
        assertThatThrownBy(() -> ToyDatasets.byName("spiral:x", 100, 0, 1)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> ToyDatasets.byName("xor:3", 100, 0, 1)).isInstanceOf(DatasetException.class);
        assertThatThrownBy(() -> ToyDatasets.byName("moons", 100, -1, 1)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("noise");
        assertThatThrownBy(() -> ToyDatasets.byName("spiral:1", 100, 0, 1)).isInstanceOf(DatasetException.class);
    }

    @Test
    void splitIsSeededAndComplete() {
        TabularSet set = ToyDatasets.moons(500, 0.1, 1);
        TabularSet.Split s = set.split(0.8, 42);
        assertThat(s.first().count()).isEqualTo(400);
        assertThat(s.second().count()).isEqualTo(100);
        assertThat(set.split(0.8, 42).first().x()).containsExactly(s.first().x());
        assertThat(set.split(0.8, 43).first().x()).isNotEqualTo(s.first().x());
    }

    @Property(tries = 200)
    void classesAreAlwaysBalanced(@ForAll @IntRange(min = 10, max = 2000) int samples,
                                  @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                  @ForAll @IntRange(min = 2, max = 7) int k) {
        for (TabularSet set : new TabularSet[] {ToyDatasets.spiral(samples, k, 0.1, seed),
                ToyDatasets.xor(samples, 0.1, seed), ToyDatasets.blobs(samples, k, 0.1, seed)}) {
            int[] counts = set.classCounts();
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int c : counts) {
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
            assertThat(max - min).isLessThanOrEqualTo(1);
        }
    }
}
