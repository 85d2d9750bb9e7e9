package app.descent.training;

import static app.descent.training.ConvolutionStepReferenceTest.*;

import app.descent.network.Layer;
import app.descent.training.data.DataSplit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the inputs of a PyTorch reference script from Descent's own runs (run by tools/reference/write-fixtures;
 * the script then writes what {@link ConvolutionStepReferenceTest} compares with).
 */
public final class ConvolutionStepFixtures {
    private ConvolutionStepFixtures() {
    }

    public static void main(String[] args) throws IOException {
        DataSplit data = data();
        ArrayNode cases = JSON.createArrayNode();
        for (Case c : CASES) {
            if (!Files.exists(DIR.resolve(c.weights()))) {
                try (TrainingRun run = run(c, data)) {
                    for (int k = 0; k < 5; k++) {
                        run.advance();
                    }
                    Files.write(DIR.resolve(c.weights()), run.weightsNpz());
                }
            }
            Files.write(DIR.resolve("step-" + c.name() + "-batch.npz"), InspectionFixtures.firstBatchNpz(data.train(), c.batch()));
            ObjectNode o = cases.addObject().put("name", c.name()).put("weights", c.weights());
            InspectionFixtures.putLayers(o, c.layers());
        }
        Files.writeString(DIR.resolve("step-cases.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cases));
    }
}
