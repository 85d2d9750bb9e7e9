package app.descent.compare;

import static app.descent.compare.InitStudyReferenceTest.*;

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

/**
 * Writes the inputs of a PyTorch reference script from Descent's own runs (run by tools/reference/write-fixtures;
 * the script then writes what {@link InitStudyReferenceTest} compares with).
 */
public final class InitStudyFixtures {
    private InitStudyFixtures() {
    }

    public static void main(String[] args) throws IOException {
        DataSplit data = data();
        float[] raw = ShippedDataset.FASHION_MNIST.train().pixels();
        int per = 784;
        Map<Integer, List<Integer>> byHash = new HashMap<>();
        for (int k = 0; k < raw.length / per; k++) {
            byHash.computeIfAbsent(Arrays.hashCode(Arrays.copyOfRange(raw, k * per, (k + 1) * per)),
                    h -> new ArrayList<>()).add(k);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode();
        var indices = o.putArray("indices");
        for (int e = 0; e < BATCH; e++) {
            float[] row = Arrays.copyOfRange(data.train().x(), e * per, (e + 1) * per);
            int found = byHash.get(Arrays.hashCode(row)).stream()
                    .filter(k -> Arrays.equals(row, Arrays.copyOfRange(raw, k * per, (k + 1) * per))).findFirst()
                    .orElseThrow();
            indices.add(found);
        }
        Inspection.Stats s = Inspection.Stats.of(data.train().x());
        o.put("mean", s.mean()).put("std", s.std()).put("seeds", 10);
        o.set("widths", json.valueToTree(InitStudy.WIDTHS));
        o.set("activations", json.valueToTree(WRITTEN));
        o.set("initializers", json.valueToTree(InitStudy.INITIALIZERS));
        Files.writeString(FILE, json.writerWithDefaultPrettyPrinter().writeValueAsString(o));
    }
}
