package app.descent.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackpropTest {
    static Map<String, Double> values(Object... nameValue) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], ((Number) nameValue[i + 1]).doubleValue());
        }
        return m;
    }

    static final Map<String, Double> TUTORIAL = values("x", 3, "y", -4, "z", 2, "w", -1);

    @Test
    void tutorialExampleInPythonSyntaxAndInSlideNotation() {
        for (String expr : List.of("2*((x*y)+max(z,w))", "2((xy)+max(z,w))", "2 (x y + max(z, w))")) {
            GradResult r = Backprop.run(expr, TUTORIAL);
            assertThat(r.value()).as(expr).isEqualTo(-20);
            assertThat(r.gradients()).as(expr).containsExactly(Map.entry("x", -8.0), Map.entry("y", 6.0),
                    Map.entry("z", 2.0), Map.entry("w", 0.0));
        }
    }

    @Test
    void stepsReplayTheTutorial() {
        GradResult r = Backprop.run("2*((x*y)+max(z,w))", TUTORIAL);
        ComputationGraph g = r.graph();
        assertThat(r.forward()).extracting(ForwardStep::value).containsExactly(-12.0, 2.0, -10.0, -20.0);
        // backward: the output mul first, then add, then max and x*y in reverse order of creation
        assertThat(r.backward()).hasSize(4);
        BackwardStep top = r.backward().get(0);
        assertThat(top.upstream()).isEqualTo(1);
        assertThat(top.flows()).hasSize(1);
        assertThat(top.flows().get(0).local()).isEqualTo(2);
        BackwardStep max = r.backward().stream().filter(s -> g.nodes().get(s.node()).op() == Op.MAX).findFirst()
                .orElseThrow();
        assertThat(max.upstream()).isEqualTo(2);
        assertThat(max.flows()).extracting(BackwardStep.Flow::local).containsExactly(1.0, 0.0);
        assertThat(max.flows()).extracting(BackwardStep.Flow::downstream).containsExactly(2.0, 0.0);
        assertThat(max.text()).contains("max routes the gradient to its larger input z", "w gets 0");
        BackwardStep mul = r.backward().get(3);
        assertThat(mul.text()).contains("mul swaps", "-8", "6");
        assertThat(g.pattern(g.output().id())).isEqualTo(Op.Pattern.MUL_SWAPS);
    }

    @Test
    void aVariableUsedTwiceIsOneNodeWhoseGradientSumsItsUses() {
        GradResult r = Backprop.run("x*x + x", values("x", 3));
        assertThat(r.value()).isEqualTo(12);
        assertThat(r.gradients().get("x")).isEqualTo(7);
        assertThat(r.graph().nodes().stream().filter(n -> n.op() == Op.INPUT)).hasSize(1);
        int x = r.graph().variables().indexOf("x");
        assertThat(r.graph().uses(x)).isEqualTo(3);
        assertThat(r.graph().pattern(x)).isEqualTo(Op.Pattern.FAN_OUT_ADDS);
        assertThat(r.backward().get(r.backward().size() - 1).text()).contains("fans out to 3 uses", "= 7");
    }

    @Test
    void tiesSplitTheGradientEquallyAsPyTorchDoes() {
        GradResult r = Backprop.run("max(x, y)", values("x", 2, "y", 2));
        assertThat(r.gradients()).containsEntry("x", 0.5).containsEntry("y", 0.5);
        assertThat(r.backward().get(0).text()).contains("tie", "split equally");
        GradResult m = Backprop.run("min(x, 2)", values("x", 2));
        assertThat(m.gradients()).containsEntry("x", 0.5);
    }

    @Test
    void kinksFollowPyTorch() {
        assertThat(Backprop.run("relu(x)", values("x", 0)).gradients().get("x")).isEqualTo(0);
        assertThat(Backprop.run("abs(x)", values("x", 0)).gradients().get("x")).isEqualTo(0);
        assertThat(Backprop.run("abs(x)", values("x", -2)).gradients().get("x")).isEqualTo(-1);
        assertThat(Backprop.run("x ** 0", values("x", 0)).gradients().get("x")).isEqualTo(0);
    }

    @Test
    void precedenceIsPython() {
        assertThat(Backprop.run("-x**2", values("x", 3)).value()).isEqualTo(-9);
        assertThat(Backprop.run("2**3**2", Map.of()).value()).isEqualTo(512);
        assertThat(Backprop.run("2^-1", Map.of()).value()).isEqualTo(0.5);
        assertThat(Backprop.run("1e-3 * x", values("x", 2)).value()).isEqualTo(0.002);
        assertThat(Backprop.run("2x", values("x", 4)).value()).isEqualTo(8);
        assertThat(Backprop.run("(a)(b)", values("a", 4, "b", 5)).value()).isEqualTo(20);
        assertThat(Backprop.run("x(y+1)", values("x", 2, "y", 3)).value()).isEqualTo(8);
        assertThat(Backprop.run("8/2/2", Map.of()).value()).isEqualTo(2);
        assertThat(Backprop.run("8-2-2", Map.of()).value()).isEqualTo(4);
    }

    @Test
    void definitionsNameIntermediateNodes() {
        GradResult r = Backprop.run("h1 = relu(V*h0 + W*x1)\nh2 = relu(V*h1 + W*x2)\nh3 = relu(V*h2 + W*x3)",
                values("V", 1, "W", 2, "h0", -3, "x1", 1, "x2", 2, "x3", 0));
        assertThat(r.value()).isEqualTo(4);
        ComputationGraph g = r.graph();
        List<Double> hs = g.nodes().stream().filter(n -> n.name() != null && n.name().startsWith("h")
                && n.op() != Op.INPUT).map(n -> r.values()[n.id()]).toList();
        assertThat(hs).containsExactly(0.0, 4.0, 4.0);
        assertThat(g.output().label()).isEqualTo("h3 = relu");
        // V and W are shared over time: their gradients add up over the steps
        assertThat(r.gradients().get("W")).isEqualTo(2.0);
        assertThat(r.gradients().get("V")).isEqualTo(4.0);
    }

    @Test
    void anInputTheExpressionDoesNotUseHasGradientZero() {
        GradResult r = Backprop.run("x + 1", values("x", 1, "unused", 5));
        assertThat(r.gradients()).containsEntry("unused", 0.0);
    }

    @Test
    void assignmentsAreParsedWithClearMessages() {
        assertThat(Backprop.parseAssignments(List.of("x=3", "y = -4.5", "z=1e-3")))
                .containsExactly(Map.entry("x", 3.0), Map.entry("y", -4.5), Map.entry("z", 0.001));
    }
}
