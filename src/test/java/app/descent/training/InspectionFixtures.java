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
            Files.write(DIR.resolve("inspect-" + c.name() + "-batch.npz"), firstBatchNpz(data.train(), c.batch()));
            ObjectNode o = cases.addObject().put("name", c.name()).put("batch", c.batch());
            putLayers(o, c.layers());
        }
        Files.writeString(DIR.resolve("inspect-cases.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cases));
    }

    /** The first {@code batch} training examples and their labels as the .npz the reference scripts read. */
    static byte[] firstBatchNpz(Examples train, int batch) {
        int per = train.valuesPerExample();
        try (NDManager m = NDManager.newBaseManager()) {
            long[] shape = new long[train.shape().length + 1];
            shape[0] = batch;
            System.arraycopy(train.shape(), 0, shape, 1, train.shape().length);
            NDArray x = m.create(java.util.Arrays.copyOf(train.x(), batch * per), new Shape(shape));
            x.setName("x");
            NDArray y = m.create(java.util.Arrays.copyOf(train.labels(), batch));
            y.setName("labels");
            return new NDList(x, y).encode(NDList.Encoding.NPZ);
        }
    }

    /** The layers as the reference scripts build them: type and torch arguments. */
    static void putLayers(ObjectNode o, java.util.List<Layer> layers) {
        ArrayNode out = o.putArray("layers");
        for (Layer d : layers) {
            out.addObject().put("type", d.type()).set("args", JSON.valueToTree(d.args()));
        }
    }
}
