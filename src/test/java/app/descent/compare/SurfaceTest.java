package app.descent.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.descent.UserInputException;
import app.descent.graph.Backprop;
import app.descent.graph.ExpressionException;
import app.descent.graph.GradResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurfaceTest {

    @Test
    void valueAndGradientAreBackpropsAtEveryPoint() {
        for (Surface.Preset p : Surface.PRESETS) {
            Surface s = p.surface();
            assertThat(s.expression()).isEqualTo(p.expression());
            for (double[] at : new double[][] {{p.startX(), p.startY()}, {0.3, -0.7}, {p.xMax(), p.yMin()}}) {
                Map<String, Double> inputs = new LinkedHashMap<>();
                inputs.put("x", at[0]);
                inputs.put("y", at[1]);
                GradResult r = Backprop.run(p.expression(), inputs);
                assertThat(s.value(at[0], at[1])).as(p.id()).isEqualTo(r.value());
                assertThat(s.gradient(at[0], at[1])).as(p.id())
                        .containsExactly(r.gradients().get("x"), r.gradients().get("y"));
            }
        }
    }

    @Test
    void rosenbrockHasItsMinimumAtOneOne() {
        Surface s = Surface.parse("(1-x)**2 + 100*(y-x**2)**2");
        assertThat(s.value(1, 1)).isZero();
        assertThat(s.gradient(1, 1)).containsExactly(0, 0);
        // ∂f/∂x = -2(1-x) - 400x(y-x²), ∂f/∂y = 200(y-x²)
        assertThat(s.gradient(-1.5, 2)).containsExactly(-2 * 2.5 - 400 * -1.5 * (2 - 2.25), 200 * (2 - 2.25));
    }

    @Test
    void onlyXAndYAreVariables() {
        assertThat(Surface.parse("3*x").gradient(1, 2)).containsExactly(3, 0);
        assertThat(Surface.parse("2xy").value(2, 3)).isEqualTo(12);
        ExpressionException e = catchThrowableOfType(ExpressionException.class, () -> Surface.parse("x**2 + a*y"));
        assertThat(e.getMessage()).contains("unknown variable 'a'", "x and y", "column 8");
        assertThat(catchThrowableOfType(ExpressionException.class, () -> Surface.parse("x**2 +")).getMessage())
                .contains("column 7");
        assertThatThrownBy(() -> Surface.parse(" ")).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void whereFIsUndefinedTheGraphSaysWhy() {
        Surface s = Surface.parse("log(x) + y**2");
        assertThat(s.value(Math.E, 0)).isEqualTo(1);
        assertThatThrownBy(() -> s.gradient(-1, 0)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("log of a non-positive number (-1)");
        assertThatThrownBy(() -> Surface.parse("x/y").value(1, 0)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("division by zero");
    }

    @Test
    void presetsAreFoundById() {
        assertThat(Surface.PRESETS).extracting(Surface.Preset::id)
                .containsExactly("valley", "steep-optimum", "rosenbrock", "saddle", "bumpy-bowl");
        assertThat(Surface.preset("saddle").expression()).isEqualTo("x**2 - y**2");
        assertThat(Surface.preset("valley").lr("sgd")).isEqualTo(10);
        assertThatThrownBy(() -> Surface.preset("valley").lr("lion")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("lion");
        assertThatThrownBy(() -> Surface.preset("himmelblau")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("himmelblau").hasMessageContaining("rosenbrock");
        for (Surface.Preset p : Surface.PRESETS) {
            assertThat(p.xMin()).as(p.id()).isLessThan(p.startX());
            assertThat(p.startX()).as(p.id()).isLessThanOrEqualTo(p.xMax());
            assertThat(p.yMin()).as(p.id()).isLessThan(p.startY());
            assertThat(p.startY()).as(p.id()).isLessThanOrEqualTo(p.yMax());
            assertThat(p.lesson()).as(p.id()).isNotBlank().doesNotContain("\n");
            // a rate per family of the registry, so every optimizer, new ones too, has one
            for (String o : app.descent.catalog.Optimizers.IDS) {
                assertThat(p.lr(o)).as(p.id() + " " + o).isPositive();
            }
            assertThat(p.lr("radam")).as(p.id()).isEqualTo(p.lr("momentum"));
            assertThat(p.lr("nadam")).as(p.id()).isEqualTo(p.lr("adam"));
            assertThat(p.steps()).isPositive();
        }
    }
}
