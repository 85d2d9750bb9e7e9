package app.descent.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every case PyTorch produced in src/test/resources/reference/ (copied from PyTorch's output) sequential-cases.json: import, infer, compare. */
class ReferenceCasesTest {

    static final Path CASES = Path.of("src", "test", "resources", "reference", "sequential-cases.json");

    static Stream<Arguments> cases() throws IOException {
        JsonNode all = new ObjectMapper().readTree(CASES.toFile());
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            out.add(Arguments.of(i, all.get(i)));
        }
        return out.stream();
    }

    static List<Integer> ints(JsonNode n) {
        List<Integer> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asInt()));
        return out;
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void matchesPyTorch(int index, JsonNode c) {
        ImportResult imported = PyTorchImporter.importCode(c.get("code").asText());
        assertThat(imported.ignored()).isEmpty();
        ShapeInference.Result r = ShapeInference.infer(imported.network(), ints(c.get("input")));
        JsonNode shapes = c.get("layerOutputShapes");
        JsonNode params = c.get("layerParams");
        assertThat(r.layers()).hasSize(shapes.size());
        for (int i = 0; i < shapes.size(); i++) {
            ShapeInference.LayerResult layer = r.layers().get(i);
            assertThat(layer.outputShape()).as("layer %d %s output", i, layer.type()).isEqualTo(ints(shapes.get(i)));
            assertThat(layer.params()).as("layer %d %s params", i, layer.type()).isEqualTo(params.get(i).asLong());
        }
        assertThat(r.outputShape()).isEqualTo(ints(c.get("outputShape")));
        assertThat(r.params()).isEqualTo(c.get("params").asLong());
        assertThat(r.trainableParams()).isEqualTo(c.get("params").asLong());
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void exportRoundTrip(int index, JsonNode c) {
        Network net = PyTorchImporter.importCode(c.get("code").asText()).network();
        String code = PyTorchExporter.export(net, ints(c.get("input")));
        ImportResult again = PyTorchImporter.importCode(code);
        assertThat(again.network()).isEqualTo(net);
        assertThat(again.inputShape()).contains(ints(c.get("input")));
        assertThat(again.ignored()).isEmpty();
    }
}
