package app.descent.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Activations against torch.nn (tools/reference/activations.py), and their peaks and saturated regions. */
class ActivationTest {

    static Stream<JsonNode> cases() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(ActivationTest.class.getResource("/reference/activations.json"));
        List<JsonNode> out = new ArrayList<>();
        doc.get("cases").forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(JsonNode c) {
        Activation a = Activation.parse(c.get("activation").asText());
        assertThat(a.torchName()).isEqualTo(c.get("activation").asText());
        for (int i = 0; i < c.get("x").size(); i++) {
            double x = c.get("x").get(i).asDouble();
            double v = c.get("value").get(i).asDouble();
            double d = c.get("derivative").get(i).asDouble();
            assertThat(a.value(x)).as("%s(%s)", a, x).isCloseTo(v, Offset.offset(1e-12 + 1e-12 * Math.abs(v)));
            assertThat(a.derivative(x)).as("%s'(%s)", a, x).isCloseTo(d, Offset.offset(1e-12 + 1e-12 * Math.abs(d)));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeIsTheSlopeOfTheValue(Activation a) {
        for (double x = -5.03; x < 5; x += 0.37) {
            double h = 1e-6;
            double numeric = (a.value(x + h) - a.value(x - h)) / (2 * h);
            assertThat(a.derivative(x)).as("%s at %s", a, x).isCloseTo(numeric, Offset.offset(1e-6));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void peakIsTheLargestSlope(Activation a) {
        Activation.Peak p = a.peak();
        for (double x = -10; x <= 10; x += 0.01) {
            assertThat(a.derivative(x)).as("%s at %s", a, x).isLessThanOrEqualTo(p.value() + 1e-12);
        }
        double at = p.plateau() ? p.x() + 1e-9 : p.x();
        assertThat(a.derivative(at)).isCloseTo(p.value(), Offset.offset(1e-12));
        if (p.plateau()) {
            assertThat(a.derivative(p.x() + 7)).isEqualTo(p.value());
        }
    }

    @Test
    void sigmoidsSlopeIsAtMostAQuarter() {
        assertThat(Activation.SIGMOID.peak()).isEqualTo(new Activation.Peak(0, 0.25, false));
        assertThat(Activation.SILU.peak().x()).isCloseTo(2.3994, Offset.offset(1e-4));
        assertThat(Activation.GELU.peak().value()).isCloseTo(1.1289, Offset.offset(1e-4));
        assertThat(Activation.MISH.peak().x()).isCloseTo(1.4915, Offset.offset(1e-3));
        assertThat(Activation.MISH.peak().value()).isCloseTo(1.0886, Offset.offset(1e-3));
        assertThat(Activation.HARDTANH.saturated(-3, 3)).containsExactly(new Activation.Region(-3, -1),
                new Activation.Region(1, 3));
    }

    @Test
    void saturatedRegionsAreWhereTheSlopeIsNearlyGone() {
        // σ′(x) < 0.0125 where |x| > 4.36
        List<Activation.Region> sigmoid = Activation.SIGMOID.saturated(-6, 6);
        assertThat(sigmoid).hasSize(2);
        assertThat(sigmoid.get(0).from()).isEqualTo(-6);
        assertThat(sigmoid.get(0).to()).isCloseTo(-4.3567, Offset.offset(1e-3));
        assertThat(sigmoid.get(1).from()).isCloseTo(4.3567, Offset.offset(1e-3));
        assertThat(sigmoid.get(1).to()).isEqualTo(6);
        // ReLU passes nothing back left of zero, and never saturates on the right
        assertThat(Activation.RELU.saturated(-6, 6)).singleElement()
                .satisfies(r -> assertThat(r.to()).isCloseTo(0, Offset.offset(1e-9)));
        assertThat(Activation.TANH.saturated(-1, 1)).isEmpty();
        assertThat(Activation.SOFTPLUS.saturated(-6, 6)).singleElement()
                .satisfies(r -> assertThat(r.to()).isCloseTo(-2.944, Offset.offset(1e-3)));
    }

    @Test
    void namesAreForgiving() {
        assertThat(Activation.parse("leaky_relu")).isEqualTo(Activation.LEAKY_RELU);
        assertThat(Activation.parse("Swish")).isEqualTo(Activation.SILU);
        assertThat(Activation.parse("gelu")).isEqualTo(Activation.GELU);
        assertThat(Activation.parse("Mish")).isEqualTo(Activation.MISH);
        assertThat(Activation.parse("linear")).isEqualTo(Activation.IDENTITY);
        assertThatThrownBy(() -> Activation.parse("mush")).isInstanceOf(app.descent.UserInputException.class)
                .hasMessageContaining("'mush'").hasMessageContaining("hardtanh");
    }
}
