package app.descent.compare;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.training.Inspection;
import app.descent.training.data.DataSplit;
import app.descent.training.data.ShippedDataset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our initializers against torch.nn.init's on the study's network and batch (tools/reference/init_study.py). The
 * weights are drawn by different generators, so what must agree is the spread by depth, averaged over seeds (ours 3,
 * torch's 10): activation spreads within a factor of e^0.3 ≈ 1.35, gradient norms within e^0.6 ≈ 1.8, as one seed's
 * gradient norm differs from another's by a factor of up to 3 in PyTorch too (the output layer's scale sets the
 * loss's slope). The initializers themselves differ by one to fifteen orders of magnitude. Constant weights draw
 * nothing, so there the figures must agree to float precision.
 */
class InitStudyReferenceTest {
    static final Path FILE = Path.of("src", "test", "resources", "reference", "init-study.json");
    static final int BATCH = 256;
    static final int SEEDS = 3;
    /** The script covers identity and tanh too; ReLU and sigmoid test the initializers and keep this class short. */
    static final List<String> ACTIVATIONS = List.of("relu", "sigmoid");
    static final List<String> WRITTEN = List.of("identity", "tanh", "relu", "sigmoid");

    static DataSplit data() {
        return DataSplit.load("fashion-mnist", DataSplit.Options.DEFAULT);
    }

    static Stream<Arguments> depths() throws IOException {
        JsonNode ref = new ObjectMapper().readTree(FILE.toFile()).get("results");
        DataSplit data = data();
        List<Arguments> rows = new ArrayList<>();
        for (String a : ACTIVATIONS) {
            List<InitStudy.Result> runs = new ArrayList<>();
            for (int seed = 0; seed < SEEDS; seed++) {
                runs.add(InitStudy.run(data, a, InitStudy.INITIALIZERS, InitStudy.WIDTHS, BATCH, seed));
            }
            for (String init : InitStudy.INITIALIZERS) {
                JsonNode torch = ref.get(a).get(init);
                boolean exact = init.startsWith("constant");
                add(rows, a + " " + init + " activation std", torch.get("activationStd"),
                        runs.stream().map(r -> r.curve(init).activationStd()).toList(), exact ? 1e-3 : 0.3);
                List<List<Double>> norms = runs.stream().map(r -> r.curve(init).gradientNorm()).toList();
                // constant weights send back only rounding noise to the hidden layers: its size is no figure
                add(rows, a + " " + init + " gradient norm", torch.get("gradientNorm"),
                        exact ? norms.stream().map(n -> n.subList(n.size() - 1, n.size())).toList() : norms, exact ? 1e-3 : 0.6);
            }
        }
        return rows.stream();
    }

    static void add(List<Arguments> rows, String what, JsonNode torch, List<List<Double>> ours, double tolerance) {
        int depths = ours.get(0).size();
        int offset = torch.size() - depths;
        for (int d = 0; d < depths; d++) {
            double mean = 0;
            for (List<Double> run : ours) {
                mean += run.get(d) / ours.size();
            }
            rows.add(Arguments.of(what + " at depth " + (d + offset), torch.get(d + offset).asDouble(), mean, tolerance));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("depths")
    void spreadsByDepthAgreeWithTorch(String what, double torch, double ours, double tolerance) {
        assertThat(Math.abs(Math.log(ours / torch))).as("%s: ours %s, torch %s", what, ours, torch)
                .isLessThanOrEqualTo(tolerance);
    }
}
