package app.descent.training;

import static app.descent.training.InspectionReferenceTest.*;

import app.descent.network.Layer;
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

/**
 * Writes the inputs of a PyTorch reference script from Descent's own runs (run by tools/reference/write-fixtures;
 * the script then writes what {@link InspectionReferenceTest} compares with).
 */
public final class InspectionFixtures {
    private InspectionFixtures() {
    }

    public static void main(String[] args) throws IOException {
        DataSplit data = data();
        ArrayNode cases = JSON.createArrayNode();
        for (Case c : CASES) {
            try (TrainingRun run = run(c, data)) {
                for (int k = 0; k < c.trainSteps(); k++) {
                    run.advance();
                }
                Files.write(DIR.resolve("inspect-" + c.name() + ".npz"), run.weightsNpz());
            }
            Examples train = data.train();
            int per = train.valuesPerExample();
            try (NDManager m = NDManager.newBaseManager()) {
                long[] shape = new long[train.shape().length + 1];
                shape[0] = c.batch();
                System.arraycopy(train.shape(), 0, shape, 1, train.shape().length);
                NDArray x = m.create(java.util.Arrays.copyOf(train.x(), c.batch() * per), new Shape(shape));
                x.setName("x");
                NDArray y = m.create(java.util.Arrays.copyOf(train.labels(), c.batch()));
                y.setName("labels");
                Files.write(DIR.resolve("inspect-" + c.name() + "-batch.npz"), new NDList(x, y).encode(NDList.Encoding.NPZ));
            }
            ObjectNode o = cases.addObject().put("name", c.name()).put("batch", c.batch());
            ArrayNode layers = o.putArray("layers");
            for (Layer d : c.layers()) {
                layers.addObject().put("type", d.type()).set("args", JSON.valueToTree(d.args()));
            }
        }
        Files.writeString(DIR.resolve("inspect-cases.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cases));
    }
}
