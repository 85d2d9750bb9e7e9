package app.descent.training;

import app.descent.network.Layer;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import app.descent.training.data.DataSplit;
import app.descent.training.data.Examples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same weights and the same batch through PyTorch (tools/reference/inspection.py): every layer's output, weight and
 * gradient statistics must agree. The weights come from our own seeded runs, some trained a few steps so that batch
 * norm has running statistics of its own.
 */
class InspectionReferenceTest {
    static final Path DIR = Path.of("src", "test", "resources", "reference");
    static final ObjectMapper JSON = new ObjectMapper();

    record Case(String name, List<Layer> layers, String init, int trainSteps, int batch) {
    }

    static Layer l(String name, String type, Object... kv) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            args.put((String) kv[k], kv[k + 1]);
        }
        return new Layer(name, app.descent.network.LayerSpec.kw(type, args));
    }

    static final List<Case> CASES = List.of(
            new Case("mlp", List.of(l("0", "Flatten"), l("1", "Linear", "in_features", 784, "out_features", 32),
                    l("2", "BatchNorm1d", "num_features", 32), l("3", "ReLU"),
                    l("4", "Linear", "in_features", 32, "out_features", 16), l("5", "Tanh"), l("6", "Dropout", "p", 0.3),
                    l("7", "Linear", "in_features", 16, "out_features", 16), l("8", "Sigmoid"),
                    l("9", "Linear", "in_features", 16, "out_features", 10)), "default", 40, 64),
            new Case("cnn", List.of(l("0", "Conv2d", "in_channels", 1, "out_channels", 4, "kernel_size", 3), l("1", "ReLU"),
                    l("2", "MaxPool2d", "kernel_size", 2),
                    l("3", "Conv2d", "in_channels", 4, "out_channels", 8, "kernel_size", 3, "padding", 1),
                    l("4", "BatchNorm2d", "num_features", 8), l("5", "LeakyReLU"), l("6", "Flatten"),
                    l("7", "Linear", "in_features", 8 * 13 * 13, "out_features", 10)), "kaiming", 15, 16),
            new Case("smooth", List.of(l("0", "Flatten"), l("1", "Linear", "in_features", 784, "out_features", 64),
                    l("2", "GELU"), l("3", "Linear", "in_features", 64, "out_features", 64), l("4", "ELU"),
                    l("5", "Linear", "in_features", 64, "out_features", 64), l("6", "SiLU"),
                    l("7", "Linear", "in_features", 64, "out_features", 64), l("8", "Softplus"),
                    l("9", "Linear", "in_features", 64, "out_features", 10)), "xavier", 0, 32));

    static DataSplit data() {
        return DataSplit.load("mnist", new DataSplit.Options(500, -1, 3, 600, 0.1));
    }

    static TrainingRun run(Case c, DataSplit data) {
        return new TrainingRun(0, c.layers(), data, new TrainingRun.Settings(Losses.Kind.CE,
                OptimizerSpec.of("adam", 0.01), Initializer.parse(c.init()), 32, 1, 3, Schedule.CONSTANT, 0, 0, "cpu"));
    }

    static Stream<Arguments> layers() throws IOException {
        JsonNode ref = JSON.readTree(DIR.resolve("inspect.json").toFile());
        DataSplit data = data();
        List<Arguments> rows = new ArrayList<>();
        for (Case c : CASES) {
            JsonNode expected = ref.get("cases").get(c.name());
            Inspection got;
            try (TrainingRun run = run(c, data)) {
                run.loadWeights(Files.readAllBytes(DIR.resolve("inspect-" + c.name() + ".npz")));
                got = run.inspect(c.batch());
            }
            rows.add(Arguments.of(c.name() + " loss", expected.get("loss").asDouble(), got.loss(), 0.0));
            for (Inspection.Layer layer : got.layers()) {
                JsonNode e = expected.get("layers").get(layer.index());
                String at = c.name() + " " + layer.index() + " " + layer.type() + " ";
                assertThat(e.get("type").asText()).isEqualTo(layer.type());
                add(rows, at + "output", e, "output", layer.output());
                if (layer.hasWeight()) {
                    add(rows, at + "weight", e, "weight", layer.weight());
                    add(rows, at + "grad", e, "grad", layer.gradient());
                }
                if (layer.isActivation()) {
                    rows.add(Arguments.of(at + "deadFraction", e.get("deadFraction").asDouble(), layer.deadFraction(),
                            0.0));
                }
            }
        }
        return rows.stream();
    }

    static void add(List<Arguments> rows, String at, JsonNode e, String key, Inspection.Stats s) {
        double std = e.get(key + "Std").asDouble();
        rows.add(Arguments.of(at + " mean", e.get(key + "Mean").asDouble(), s.mean(), std));
        rows.add(Arguments.of(at + " std", std, s.std(), 0.0));
        rows.add(Arguments.of(at + " norm", e.get(key + "Norm").asDouble(), s.norm(), 0.0));
    }

    /** Relative 1e-4, where a mean near 0 is measured against its values' spread. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void agreesWithPyTorch(String what, double torch, double ours, double spread) {
        assertThat(Math.abs(ours - torch)).as("%s: ours %s, torch %s", what, ours, torch)
                .isLessThanOrEqualTo(1e-4 * (Math.abs(torch) + spread) + 1e-9);
    }
}
