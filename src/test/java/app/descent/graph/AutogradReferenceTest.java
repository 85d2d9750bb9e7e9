package app.descent.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case PyTorch autograd computed (float64) in src/test/resources/reference/: autograd-cases.json (copied from
 * PyTorch's output) and autograd-gates.json (tools/reference/autograd_gates.py: every activation gate, mish(x),
 * softsign(x) and hardtanh(x) among them, hardtanh at its kinks).
 */
class AutogradReferenceTest {
    static final List<String> FILES = List.of("/reference/autograd-cases.json", "/reference/autograd-gates.json");

    static Stream<Arguments> cases() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (String file : FILES) {
            JsonNode doc = new ObjectMapper().readTree(AutogradReferenceTest.class.getResource(file));
            assertThat(doc.size()).as(file).isPositive();
            doc.forEach(all::add);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : all) {
            Map<String, Double> inputs = new LinkedHashMap<>();
            c.get("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().asDouble()));
            Map<String, Double> gradients = new LinkedHashMap<>();
            c.get("gradients").fields().forEachRemaining(e -> gradients.put(e.getKey(), e.getValue().asDouble()));
            out.add(Arguments.of(c.get("expr").asText(), inputs, c.get("value").asDouble(), gradients));
        }
        assertThat(out).isNotEmpty();
        return out.stream();
    }

    static void assertClose(String what, double actual, double expected) {
        double tolerance = Math.max(1e-12, 1e-9 * Math.abs(expected));
        assertThat(Math.abs(actual - expected)).as("%s: %s vs PyTorch %s", what, actual, expected)
                .isLessThanOrEqualTo(tolerance);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("cases")
    void matchesPyTorch(String expr, Map<String, Double> inputs, double value, Map<String, Double> gradients) {
        GradResult r = Backprop.run(expr, inputs);
        assertClose("value", r.value(), value);
        assertThat(r.gradients().keySet()).containsExactlyInAnyOrderElementsOf(gradients.keySet());
        gradients.forEach((name, g) -> assertClose("∂f/∂" + name, r.gradients().get(name), g));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("cases")
    void numericalCheckAgreesAwayFromKinks(String expr, Map<String, Double> inputs, double value,
                                           Map<String, Double> gradients) {
        GradResult r = Backprop.run(expr, inputs);
        r.numericGradients().forEach((name, numeric) -> {
            double analytic = r.gradients().get(name);
            if (Double.isFinite(numeric) && !nearKink(r)) {
                assertThat(Math.abs(numeric - analytic)).as("∂f/∂%s numeric %s vs %s", name, numeric, analytic)
                        .isLessThanOrEqualTo(1e-4 * Math.max(1, Math.abs(analytic)));
            }
        });
    }

    /**
     * max and min are not differentiable where their inputs meet, abs at zero, and a gate at the kinks the
     * activations registry lists (relu at 0, hardtanh at ±1, …).
     */
    private static boolean nearKink(GradResult r) {
        for (Node n : r.graph().nodes()) {
            double[] in = r.graph().inputValues(n, r.values());
            if ((n.op() == Op.MAX || n.op() == Op.MIN) && Math.abs(in[0] - in[1]) < 1e-4) {
                return true;
            }
            if (n.op() == Op.ABS && Math.abs(in[0]) < 1e-4) {
                return true;
            }
            if (n.op().activation() != null) {
                for (double kink : n.op().activation().kinks()) {
                    if (Math.abs(in[0] - kink) < 1e-4) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
