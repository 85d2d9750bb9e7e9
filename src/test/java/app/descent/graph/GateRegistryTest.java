package app.descent.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.descent.catalog.Activation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every activation of the registry is a Backprop gate named by its id, computing the registry's value and slope. */
class GateRegistryTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void everyActivationIsAGate(Activation a) {
        for (double x : new double[] {-2.5, -1, -0.3, 0, 0.7, 1, 6}) {
            GradResult r = Backprop.run(a.id() + "(x)", Map.of("x", x));
            assertThat(r.value()).as("%s(%s)", a.id(), x).isEqualTo(a.value(x));
            assertThat(r.gradients().get("x")).as("%s'(%s)", a.id(), x).isEqualTo(a.slope(x, a.value(x)));
            BackwardStep step = r.backward().get(0);
            assertThat(step.text()).as(a.id()).startsWith("Backward through f = " + a.id() + "(x)").contains(" x gets ");
        }
        assertThat(Op.gate(a).symbol()).isEqualTo(a.id());
        assertThat(Op.gate(a).activation()).isEqualTo(a);
        // the float32 path (Formula, optimizer paths) has the same gates
        Formula f = Formula.parse(a.id() + "(x) * y", List.of("x", "y")).float32();
        assertThat(f.value(0.5, 2)).isEqualTo((float) ((float) a.value(0.5) * 2.0));
    }

    @Test
    void theNewGatesExplainTheirSlope() {
        GradResult r = Backprop.run("hardtanh(x)", Map.of("x", 1.0));
        assertThat(r.backward().get(0).text()).endsWith("hardtanh'(1) = 0, so x gets 0.");
        assertThat(Backprop.run("mish(x)", Map.of("x", 0.0)).backward().get(0).text())
                .endsWith("mish'(0) = 0.6, so x gets 0.6.");
        assertThat(Backprop.run("softsign(x)", Map.of("x", 1.0)).backward().get(0).text())
                .endsWith("softsign'(1) = 0.25, so x gets 0.25.");
    }

    @Test
    void anUnknownFunctionNamesTheGates() {
        assertThatThrownBy(() -> Formula.parse("mush(x) + y", List.of("x", "y")))
                .hasMessageContaining("unknown function 'mush'").hasMessageContaining("mish")
                .hasMessageContaining("softsign").hasMessageContaining("hardtanh");
    }
}
