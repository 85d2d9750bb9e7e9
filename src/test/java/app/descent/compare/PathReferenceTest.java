package app.descent.compare;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.training.OptimizerSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our paths against torch.optim's on the same functions (tools/reference/paths.py), every point of every step. */
class PathReferenceTest {

    static Stream<Arguments> cases() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(PathReferenceTest.class.getResource("/reference/paths.json"));
        List<Arguments> out = new ArrayList<>();
        doc.get("cases").forEach(c -> out.add(Arguments.of(c.get("id").asText(), c)));
        assertThat(out).hasSizeGreaterThan(100);
        return out.stream();
    }

    static OptimizerSpec spec(JsonNode c) {
        OptimizerSpec s = OptimizerSpec.of(c.get("optimizer").asText(), c.get("lr").asDouble());
        // every hyperparameter of the optimizer is in the case (the script lists exactly the registry's)
        for (String h : s.hyperparameters().keySet()) {
            assertThat(c.has(h)).as("%s lists %s", c.get("id").asText(), h).isTrue();
            s = s.with(h, c.get(h).asDouble());
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void followsTorchOptim(String id, JsonNode c) {
        JsonNode want = c.get("points");
        PathRace.Path path = PathRace.path(Surface.parse(c.get("expr").asText()), c.get("start").get(0).asDouble(),
                c.get("start").get(1).asDouble(), spec(c), want.size() - 1);
        assertThat(path.stopped()).as(path.reason()).isFalse();
        assertThat(path.points()).hasNumberOfRows(want.size());
        for (int k = 0; k < want.size(); k++) {
            for (int i = 0; i < 2; i++) {
                double expected = want.get(k).get(i).asDouble();
                assertThat(path.points()[k][i]).as("%s step %d %s", id, k, i == 0 ? "x" : "y")
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5 + 1e-5 * Math.abs(expected)));
            }
        }
    }
}
