package app.descent.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.UserInputException;
import app.descent.network.ImportResult;
import app.descent.network.ModelZoo;
import app.descent.network.PyTorchExporter;
import app.descent.network.PyTorchImporter;
import app.descent.network.ShapeInference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutations of the model zoo's code and of the PyTorch reference cases: the importer builds a network or raises
 * its own error naming the line; shape inference then answers or names the layer.
 */
class SnippetFuzzTest {
    static final List<String> BASES = bases();

    private static List<String> bases() {
        List<String> out = new ArrayList<>();
        for (String name : ModelZoo.names()) {
            out.add(PyTorchExporter.export(ModelZoo.create(name), ModelZoo.defaultInput(name)));
        }
        try (InputStream in = SnippetFuzzTest.class.getResourceAsStream("/reference/sequential-cases.json")) {
            for (JsonNode c : new ObjectMapper().readTree(in)) {
                out.add(c.get("code").asText());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        out.add("net = nn.Sequential(nn.Linear(10, 7), nn.ReLU(), nn.Linear(7, 1))\nx = torch.randn(100, 10)\n");
        return List.copyOf(out);
    }

    @Property(seed = "1511")
    void mutatedSnippetsImportOrNameTheirMistake(@ForAll("snippets") String code) {
        ImportResult r;
        try {
            r = PyTorchImporter.importCode(code);
        } catch (UserInputException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(r.network()).isNotNull();
        if (r.inputShape().isPresent()) {
            try {
                ShapeInference.infer(r.network(), r.inputShape().get());
            } catch (UserInputException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    @Provide
    Arbitrary<String> snippets() {
        return Arbitraries.longs().map(seed -> {
            String base = BASES.get((int) Math.floorMod(seed, BASES.size()));
            String code = Mutations.text(base, seed);
            // a quarter lose their import lines, as pasted from a slide
            return Math.floorMod(seed, 4) == 0 ? code.replaceAll("(?m)^(import|from) .*$", "") : code;
        });
    }
}
