package app.descent.training;

import static app.descent.training.ConvolutionStepReferenceTest.*;

import app.descent.network.Layer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import app.descent.training.data.DataSplit;
import app.descent.training.data.Examples;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
                Files.write(DIR.resolve("step-" + c.name() + "-batch.npz"), new NDList(x, y).encode(NDList.Encoding.NPZ));
            }
            ObjectNode o = cases.addObject().put("name", c.name()).put("weights", c.weights());
            ArrayNode layers = o.putArray("layers");
            for (Layer d : c.layers()) {
                layers.addObject().put("type", d.type()).set("args", JSON.valueToTree(d.args()));
            }
        }
        Files.writeString(DIR.resolve("step-cases.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cases));
    }
}
