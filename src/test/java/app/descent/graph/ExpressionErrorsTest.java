package app.descent.graph;

import static app.descent.graph.BackpropTest.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionErrorsTest {

    private static ExpressionException error(String expr, Map<String, Double> inputs) {
        return catchThrowableOfType(ExpressionException.class, () -> Backprop.run(expr, inputs));
    }

    @Test
    void syntaxErrorNamesTheColumnAndDrawsACaret() {
        ExpressionException e = error("2*((x*y)+max(z,w)", BackpropTest.TUTORIAL);
        assertThat(e.getMessage()).contains("expected ')'", "column 18");
        assertThat(e.column()).isEqualTo(18);
        assertThat(e.caret()).isEqualTo("2*((x*y)+max(z,w)\n                 ^");
        assertThat(error("2*(x+)", values("x", 1)).column()).isEqualTo(6);
        assertThat(error("x $ y", values("x", 1, "y", 2)).getMessage()).contains("unexpected character '$'", "column 3");
        assertThat(error("x 2", values("x", 1)).getMessage()).contains("column 3");
        assertThat(error("", Map.of()).getMessage()).isEqualTo("the expression is empty");
    }

    @Test
    void functionsAreChecked() {
        assertThat(error("max(x)", values("x", 1)).getMessage()).contains("max takes 2 arguments, not 1");
        assertThat(error("tanh(x, x)", values("x", 1)).getMessage()).contains("tanh takes 1 argument, not 2");
        assertThat(error("exp + x", values("x", 1)).getMessage()).contains("needs its arguments in parentheses");
        assertThat(error("foo(x)", values("x", 1)).getMessage()).contains("no value for the variable 'foo'");
    }

    @Test
    void valuesAreChecked() {
        ExpressionException missing = error("x*y + z", values("x", 1, "y", 2));
        assertThat(missing.getMessage()).contains("no value for the variable 'z'", "column 7");
        assertThatThrownBy(() -> Backprop.parseAssignments(List.of("x=1", "x=2")))
                .isInstanceOf(ExpressionException.class).hasMessage("the variable x is given twice");
        assertThatThrownBy(() -> Backprop.parseAssignments(List.of("x=abc")))
                .isInstanceOf(ExpressionException.class).hasMessage("the value of x is not a number: 'abc'");
        assertThatThrownBy(() -> Backprop.parseAssignments(List.of("x")))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("NAME=VALUE");
        assertThatThrownBy(() -> Backprop.parseAssignments(List.of("x=Infinity")))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("finite");
    }

    @Test
    void mathematicalErrorsSayWhereAndWhy() {
        assertThat(error("1 + log(x - 3)", values("x", 1)).getMessage())
                .contains("log of a non-positive number (-2)", "column 5");
        assertThat(error("x / (y - 2)", values("x", 1, "y", 2)).getMessage())
                .contains("division by zero", "(y - 2) is 0", "column 3");
        assertThat(error("exp(x)", values("x", 1000)).getMessage()).contains("overflows to infinity");
        assertThat(error("x * 1e308 * 10", values("x", 10)).getMessage()).contains("overflows to infinity");
        assertThat(error("1e999", Map.of()).getMessage()).contains("too large");
        assertThat(error("(-8) ** 0.5", Map.of()).getMessage()).contains("not a real number");
    }

    @Test
    void deepNestingIsAMessageNotAStackOverflow() {
        String deep = "(".repeat(5000) + "x" + ")".repeat(5000);
        assertThat(error(deep, values("x", 1)).getMessage()).contains("nested more than 200 levels");
        assertThat(error("-".repeat(5000) + "x", values("x", 1)).getMessage()).contains("nested");
    }

    @Test
    void definitionsAreChecked() {
        assertThat(error("h = x\nh = y\nh", values("x", 1, "y", 2)).getMessage()).contains("defined twice", "line 2");
        assertThat(error("x = 2\nx", values("x", 1)).getMessage()).contains("has a value already");
        assertThat(error("h = (x\nh", values("x", 1)).getMessage()).contains("line 1");
        assertThat(error("h = relu(h*x)\nh", values("x", 1)).getMessage()).contains("'h' is used before it is defined");
        assertThat(error("a = b\nb = a\na", values("x", 1)).getMessage()).contains("'b' is used before it is defined",
                "line 1, column 5");
    }
}
