package app.descent.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.descent.UserInputException;
import app.descent.training.OptimizerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathRaceTest {

    @Test
    void gridRowsAreYAndColumnsXCornersIncluded() {
        Surface s = Surface.parse("x + 10*y");
        double[][] g = PathRace.grid(s, -1, 1, 0, 2, 3, 5);
        assertThat(g).hasNumberOfRows(5);
        assertThat(g[0]).containsExactly(-1, 0, 1);
        assertThat(g[4]).containsExactly(19, 20, 21);
        assertThat(g[2][1]).isEqualTo(10);
    }

    @Test
    void gridIsNaNWhereTheSurfaceIsUndefined() {
        double[][] g = PathRace.grid(Surface.parse("log(x) + y"), -1, 1, 0, 1, 5, 2);
        assertThat(g[0][0]).isNaN();
        assertThat(g[1][2]).isNaN();
        assertThat(g[0][3]).isEqualTo(Math.log(0.5));
        assertThat(g[1][4]).isEqualTo(1);
        assertThatThrownBy(() -> PathRace.grid(Surface.parse("x"), 0, 1, 0, 1, 1, 5))
                .isInstanceOf(UserInputException.class).hasMessageContaining("2 × 2");
        assertThatThrownBy(() -> PathRace.grid(Surface.parse("x"), 1, 1, 0, 1, 5, 5))
                .isInstanceOf(UserInputException.class).hasMessageContaining("empty");
    }

    @Test
    void everyPresetFillsAContourGridOf120By120() {
        for (Surface.Preset p : Surface.PRESETS) {
            double[][] g = PathRace.grid(p.surface(), p.xMin(), p.xMax(), p.yMin(), p.yMax(), 120, 120);
            assertThat(g).as(p.id()).hasNumberOfRows(120);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : g) {
                assertThat(row).hasSize(120);
                for (double v : row) {
                    assertThat(Double.isFinite(v)).as(p.id()).isTrue();
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            assertThat(max).as(p.id() + " is not flat").isGreaterThan(min);
        }
    }

    @Test
    void eachOptimizerRunsAloneAndAFailingOneStopsOnlyItself() {
        // f = log(x) + y²: sgd with lr 2 jumps to x = -1 and stops there; adam with lr 0.1 keeps to x > 0
        Surface s = Surface.parse("log(x) + y**2");
        List<PathRace.Path> paths = PathRace.run(s, 1, 1,
                List.of(OptimizerSpec.of("sgd", 2), OptimizerSpec.of("adam", 0.1), OptimizerSpec.of("momentum", 0.01)), 5);
        assertThat(paths).extracting(p -> p.spec().name()).containsExactly("sgd", "adam", "momentum");
        PathRace.Path sgd = paths.get(0);
        assertThat(sgd.stopped()).isTrue();
        assertThat(sgd.stoppedAt()).isEqualTo(2);
        assertThat(sgd.reason()).contains("log of a non-positive number");
        assertThat(sgd.finalValue()).isNaN();
        PathRace.Path adam = paths.get(1);
        assertThat(adam.stopped()).isFalse();
        assertThat(adam.reason()).isNull();
        assertThat(adam.points()).hasNumberOfRows(6);
        assertThat(adam.finalValue()).isEqualTo(s.value(adam.last()[0], adam.last()[1]));
        assertThat(adam.finalValue()).isLessThan(s.value(1, 1));
        assertThat(paths.get(2).points()[0]).containsExactly(1, 1);
        double[] values = PathRace.values(s, adam);
        assertThat(values).hasSize(6);
        assertThat(values[0]).isEqualTo(1);
        assertThat(values[5]).isEqualTo(adam.finalValue());
        assertThat(values[5]).isLessThan(values[4]);
        assertThat(PathRace.values(s, sgd)[1]).isNaN();
    }
}
