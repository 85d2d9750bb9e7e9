package app.descent.graph;

import static app.descent.graph.BackpropTest.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FormulaTest {

    @Test
    void sinAndCosHaveTheirDerivatives() {
        GradResult s = Backprop.run("sin(2*x)", values("x", 0.7));
        assertThat(s.value()).isEqualTo(Math.sin(1.4));
        assertThat(s.gradients().get("x")).isEqualTo(2 * Math.cos(1.4));
        assertThat(s.gradients().get("x")).isCloseTo(s.numericGradients().get("x"), org.assertj.core.data.Offset.offset(1e-7));
        assertThat(s.backward().get(0).text()).isNotEmpty();
        GradResult c = Backprop.run("cos(x*y)", values("x", 0.5, "y", -3));
        assertThat(c.value()).isEqualTo(Math.cos(-1.5));
        assertThat(c.gradients().get("x")).isEqualTo(-Math.sin(-1.5) * -3);
        assertThat(c.gradients().get("y")).isEqualTo(-Math.sin(-1.5) * 0.5);
        assertThat(c.backward().get(0).text()).contains("cos' = −sin(x) = −sin(-1.5)");
        assertThat(Backprop.run("sin(x)", values("x", 1)).backward().get(0).text()).contains("sin' = cos(x) = cos(1)");
        assertThat(catchThrowableOfType(ExpressionException.class, () -> Backprop.run("sin(x, x)", values("x", 1)))
                .getMessage()).contains("sin takes 1 argument, not 2");
        assertThat(catchThrowableOfType(ExpressionException.class, () -> Backprop.run("cos + x", values("x", 1)))
                .getMessage()).contains("needs its arguments in parentheses");
    }

    static List<String> expressions() {
        return List.of("2*((x*y)+max(z,w))", "x*x + x", "tanh(x)**2 + 0.01*abs(x) + sigmoid(y)", "(1-x)**2 + 100*(y-x**2)**2",
                "x**2 + y**2 + 0.1*sin(8*x)*sin(8*y)", "log(exp(x) + exp(y)) / (1 + cos(z))", "relu(x - y) * min(z, w)",
                "h = tanh(w*x + z)\nL = (h - y)**2", "u = x*y\nunused = log(u)\nx + 2", "x ** y", "y ** 0 + 2 ** x");
    }

    /** The lean pass and the explained one must agree to the last bit: they are the same sums. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void agreesWithBackpropRun(String expr) {
        Map<String, Double> inputs = values("x", 0.8, "y", 1.3, "z", -0.4, "w", 0.6);
        List<String> names = new ArrayList<>(inputs.keySet());
        Formula f = Formula.parse(expr, names);
        double[] at = inputs.values().stream().mapToDouble(Double::doubleValue).toArray();
        GradResult r = Backprop.run(expr, inputs);
        double[] grad = new double[names.size()];
        assertThat(f.valueAndGradient(at, grad)).isEqualTo(r.value());
        assertThat(f.value(at)).isEqualTo(r.value());
        for (int i = 0; i < names.size(); i++) {
            assertThat(grad[i]).as(names.get(i)).isEqualTo(r.gradients().get(names.get(i)));
        }
        assertThat(f.gradient(at)).containsExactly(grad);
    }

    @Test
    void takesItsVariablesInTheGivenOrderAndNoOthers() {
        Formula f = Formula.parse("3*y + x**2", List.of("x", "y"));
        assertThat(f.gradient(2, 5)).containsExactly(4, 3);
        assertThat(Formula.parse("xy", List.of("x", "y")).gradient(2, 5)).containsExactly(5, 2);
        assertThat(Formula.parse("x**2", List.of("x", "y")).gradient(3, 1)).containsExactly(6, 0);
        ExpressionException e = catchThrowableOfType(ExpressionException.class,
                () -> Formula.parse("x + 2*z", List.of("x", "y")));
        assertThat(e.getMessage()).contains("unknown variable 'z'", "only x and y", "column 7");
        assertThat(e.caret()).endsWith("      ^");
        ExpressionException call = catchThrowableOfType(ExpressionException.class,
                () -> Formula.parse("x + sqrt (y)", List.of("x", "y")));
        assertThat(call.getMessage()).contains("unknown function 'sqrt'", "tanh", "sin, cos", "column 5");
        assertThat(catchThrowableOfType(ExpressionException.class, () -> Formula.parse("x*(a)", List.of("x", "y")))
                .getMessage()).contains("unknown variable 'a'");
        assertThatThrownBy(() -> Formula.parse("x + ", List.of("x", "y"))).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("column");
    }

    @Test
    void domainErrorsSayWhere() {
        Formula f = Formula.parse("log(x) + y", List.of("x", "y"));
        assertThat(f.value(1, 2)).isEqualTo(2);
        assertThatThrownBy(() -> f.gradient(-1, 2)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("log of a non-positive number (-1)");
        assertThatThrownBy(() -> f.value(Double.NaN, 2)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> Formula.parse("1/(x-y)", List.of("x", "y")).value(1, 1))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("division by zero");
    }

    @Test
    void float32RoundsEveryStepAsTorchDoesOnFloat32Tensors() {
        Formula f = Formula.parse("tanh(x) + 3*y", List.of("x", "y"));
        Formula f32 = f.float32();
        assertThat(f32.isFloat32()).isTrue();
        assertThat(f.isFloat32()).isFalse();
        float t = (float) Math.tanh(5.0);
        assertThat(f32.value(5, 0.1)).isEqualTo((float) (t + (float) (3 * (double) 0.1f)));
        // near saturation 1 - tanh² is computed from the rounded tanh, so it keeps only a few digits, as in torch
        double[] g = f32.gradient(5, 0.1);
        assertThat(g[0]).isEqualTo((float) (1 - (double) t * t));
        assertThat(g[0]).isNotEqualTo(f.gradient(5, 0.1)[0]);
        assertThat(Math.abs(g[0] / f.gradient(5, 0.1)[0] - 1)).isGreaterThan(1e-6).isLessThan(1e-2);
        assertThat(g[1]).isEqualTo(3);
        // float32 ends at 3.4e38: exp(100) is a domain error there, not in double
        Formula e = Formula.parse("exp(x) + y", List.of("x", "y"));
        assertThat(e.value(100, 0)).isEqualTo(Math.exp(100));
        assertThatThrownBy(() -> e.float32().gradient(100, 0)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("overflows float32");
    }

    @Test
    void valueOrNaNIsNaNExactlyWhereValueRaises() {
        List<String> exprs = List.of("tanh(1/x) + y", "log(x*y)", "x ** 0.5 + y", "exp(300*x) * y", "sigmoid(x/(y-1))",
                "min(log(x + 1), 2) - 1/(y*y)", "exp(90*x)");
        double[] values = {-2, -1, -0.5, 0, 0.5, 1, 1.5, 3};
        int undefined = 0;
        for (String expr : exprs) {
            for (boolean f32 : new boolean[] {false, true}) {
                Formula f = f32 ? Formula.parse(expr, List.of("x", "y")).float32() : Formula.parse(expr, List.of("x", "y"));
                for (double x : values) {
                    for (double y : values) {
                        Double value;
                        try {
                            value = f.value(x, y);
                        } catch (ExpressionException e) {
                            value = null;
                            undefined++;
                        }
                        String what = expr + " at " + x + ", " + y + (f32 ? " in float32" : "");
                        if (value == null) {
                            assertThat(f.valueOrNaN(x, y)).as(what).isNaN();
                        } else {
                            assertThat(f.valueOrNaN(x, y)).as(what).isEqualTo(value);
                        }
                    }
                }
            }
        }
        assertThat(undefined).isGreaterThan(50);
    }
}
