package app.descent.cli;

import app.descent.network.ImportResult;
import app.descent.network.NetworkException;
import app.descent.network.Network;
import app.descent.network.NetworkJson;
import app.descent.network.PyTorchImporter;
import app.descent.network.ShapeInference;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code descent summary [--json] [--input N,C,H,W] FILE}: per-layer output shapes, parameters and MACs of the network
 * in FILE (PyTorch code or a saved network JSON), like torchinfo. MACs are per sample.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Show per-layer output shapes, parameters, MACs (per sample) and receptive fields of a network.")
public class SummaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--input", paramLabel = "N,C,H,W",
            description = "Input shape with batch dimension; default: the torch.randn(...) line of the code or the saved input.")
    String input;

    @Parameters(index = "0", paramLabel = "FILE", description = "PyTorch code (.py) or a saved network (.json).")
    Path file;

    @Override
    public Integer call() {
        ModelFiles.Loaded loaded = ModelFiles.load(file);
        Network network = loaded.network();
        Optional<List<Integer>> fileInput = loaded.input();
        List<ImportResult.IgnoredLine> ignored = loaded.ignored();
        List<Integer> shape;
        if (input != null) {
            shape = parseInput(input);
        } else {
            shape = fileInput.orElseThrow(() -> new NetworkException(file + " gives no input shape (no x = torch.randn(...) line);"
                    + " pass --input N,C,H,W"));
        }
        ShapeInference.Result result = ShapeInference.infer(network, shape);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(result, ignored, loaded.notes()));
        } else {
            out.print(table(result, ignored, loaded.notes()));
        }
        out.flush();
        return 0;
    }

    static List<Integer> parseInput(String text) {
        List<Integer> shape = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                int v = Integer.parseInt(part.strip());
                if (v < 1) {
                    throw new NumberFormatException();
                }
                shape.add(v);
            } catch (NumberFormatException e) {
                throw new NetworkException("--input must be comma-separated positive integers like 16,3,32,32, got '" + text + "'");
            }
        }
        return shape;
    }

    static String toJson(ShapeInference.Result r, List<ImportResult.IgnoredLine> ignored) {
        return toJson(r, ignored, List.of());
    }

    static String toJson(ShapeInference.Result r, List<ImportResult.IgnoredLine> ignored, List<String> notes) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("input", r.input());
        root.put("outputShape", r.outputShape());
        root.put("params", r.params());
        root.put("trainableParams", r.trainableParams());
        root.put("macs", r.macs());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (ShapeInference.LayerResult l : r.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", l.index());
            m.put("name", l.name());
            m.put("type", l.type());
            m.put("outputShape", l.outputShape());
            m.put("params", l.params());
            m.put("trainable", l.trainableParams());
            m.put("macs", l.macs());
            m.put("receptiveField", l.receptiveFieldSide());
            layers.add(m);
        }
        root.put("layers", layers);
        List<Map<String, Object>> ign = new ArrayList<>();
        for (ImportResult.IgnoredLine i : ignored) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", i.line());
            m.put("text", i.text());
            m.put("reason", i.reason());
            ign.add(m);
        }
        root.put("ignoredLines", ign);
        root.put("notes", notes);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String table(ShapeInference.Result r, List<ImportResult.IgnoredLine> ignored) {
        return table(r, ignored, List.of());
    }

    static String table(ShapeInference.Result r, List<ImportResult.IgnoredLine> ignored, List<String> notes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "Layer (type)", "Output Shape", "Param #", "Trainable", "MACs", "RF"});
        for (ShapeInference.LayerResult l : r.layers()) {
            rows.add(new String[] {String.valueOf(l.index()), l.name() + " (" + l.type() + ")", l.outputShape().toString(),
                    String.format("%,d", l.params()), l.params() == 0 ? "-" : l.trainable() ? "yes" : "no", String.format("%,d", l.macs()),
                    l.receptiveFieldSide() == null ? "-" : String.valueOf(l.receptiveFieldSide())});
        }
        int[] w = new int[7];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        int total = 0;
        for (int x : w) {
            total += x + 2;
        }
        String rule = "=".repeat(total - 2) + "\n";
        sb.append(rule);
        for (int k = 0; k < rows.size(); k++) {
            String[] row = rows.get(k);
            for (int i = 0; i < row.length; i++) {
                boolean right = i == 0 || i == 3 || i == 5 || i == 6;
                String cell = right ? " ".repeat(w[i] - row[i].length()) + row[i] : row[i] + " ".repeat(w[i] - row[i].length());
                sb.append(cell).append(i < row.length - 1 ? "  " : "");
            }
            sb.append('\n');
            if (k == 0) {
                sb.append("-".repeat(total - 2)).append('\n');
            }
        }
        sb.append(rule);
        sb.append(String.format("Input shape: %s%n", r.input()));
        sb.append(String.format("Output shape: %s%n", r.outputShape()));
        sb.append(String.format("Total params: %,d%n", r.params()));
        sb.append(String.format("Trainable params: %,d%n", r.trainableParams()));
        sb.append(String.format("Non-trainable params: %,d%n", r.params() - r.trainableParams()));
        sb.append(String.format("MACs per sample: %,d%n", r.macs()));
        if (!notes.isEmpty()) {
            sb.append("Notes:\n");
            notes.forEach(n -> sb.append("  ").append(n).append('\n'));
        }
        if (!ignored.isEmpty()) {
            sb.append("Ignored lines:\n");
            for (ImportResult.IgnoredLine i : ignored) {
                sb.append("  line ").append(i.line()).append(": ").append(i.text()).append("  (").append(i.reason()).append(")\n");
            }
        }
        return sb.toString();
    }
}
