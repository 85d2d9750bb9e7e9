package app.descent.cli;

import app.descent.UserInputException;
import app.descent.compare.InitStudy;
import app.descent.training.Initializer;
import app.descent.training.Inspection;
import app.descent.network.Layer;
import app.descent.training.Losses;
import app.descent.training.OptimizerSpec;
import app.descent.training.Schedule;
import app.descent.training.TrainingRun;
import app.descent.training.data.DataSplit;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"One batch through a network at initialization (or from saved weights): per layer the statistics "
                + "of its output, its weight and the weight's gradient, and the share of dead units of every activation.",
            "The batch is the first N examples of the training split (shuffled by the seed, as train uses it); "
                + "evaluation mode (dropout off, batch norm on running statistics); std is unbiased, as torch.std."})
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object: {\"loss\", \"layers\": [{\"index\", \"type\", …}]}.")
    boolean json;

    @Option(names = "--model", paramLabel = "FILE",
            description = "PyTorch code (nn.Sequential) or a network saved by the Builder (required unless --init-study).")
    Path model;

    @Option(names = "--dataset", required = true, paramLabel = "NAME",
            description = "mnist, fashion-mnist, xor, circles, moons, spiral[:K], blobs[:K], linear, or csv:PATH.")
    String dataset;

    @Option(names = "--init",
            description = "default, zeros, constant:V, normal:STD, uniform:A, xavier, kaiming (default: default; with "
                    + "--init-study a comma-separated list, default constant:0.005,normal:0.01,normal:1,xavier,kaiming).")
    String init;

    @Option(names = "--batch-size", description = "Examples in the batch (default 64, as train; 1024 with --init-study).")
    Integer batchSize;

    @Option(names = "--init-study", paramLabel = "ACTIVATION", completionCandidates = ActivationIds.class,
            description = "Compare initializers on a deep MLP (784-512-256×5-128×2-10) with this activation: "
                    + "${COMPLETION-CANDIDATES}. Prints the activation std and gradient norm by depth.")
    String initStudy;

    /** The activations registry's ids, for the help of --init-study. */
    static final class ActivationIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(app.descent.catalog.Activation.values())
                    .map(app.descent.catalog.Activation::id).iterator();
        }
    }

    @Option(names = "--seed", defaultValue = "0", description = "Seeds the weights and the data's shuffle (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--loss", defaultValue = "ce", description = "The loss whose gradient is shown: ce, mse or bce (default ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--resume", paramLabel = "FILE.npz",
            description = "Inspect weights saved by train --save-weights or --checkpoints instead of fresh ones.")
    Path resume;

    @Option(names = "--no-histograms", description = "Leave the histograms (40 bins of each output and weight) out of the JSON.")
    boolean noHistograms;

    @Mixin
    DataOptions split = new DataOptions();

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() {
        split.check();
        if (initStudy != null) {
            return study();
        }
        if (model == null) {
            throw new UserInputException("--model FILE is required (or --init-study ACTIVATION)");
        }
        String initSpec = init == null ? "default" : init;
        int batch = batchSize == null ? 64 : batchSize;
        TrainingRun.Settings settings = new TrainingRun.Settings(Losses.Kind.parse(loss), OptimizerSpec.of("sgd", 0.01),
                Initializer.parse(initSpec), batch, 1, seed, Schedule.CONSTANT, 0, 0, device);
        List<Layer> layers = ModelFiles.trainableLayers(model);
        DataSplit data = load();
        Inspection inspection;
        try (TrainingRun run = new TrainingRun(0, layers, data, settings)) {
            if (resume != null) {
                run.loadWeights(Exports.read(resume));
            }
            inspection = run.inspect(batch);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(json(inspection)));
        } else {
            out.print(table(inspection));
        }
        out.flush();
        return 0;
    }

    private ObjectNode json(Inspection i) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        Json.number(o, "loss", i.loss());
        o.put("lossKind", i.lossKind().name().toLowerCase(Locale.ROOT));
        o.put("batchSize", i.batchSize());
        o.put("init", init == null ? "default" : init);
        o.put("seed", seed);
        o.put("dataset", dataset);
        if (resume != null) {
            o.put("weights", resume.toString());
        }
        ArrayNode list = o.putArray("layers");
        for (Inspection.Layer l : i.layers()) {
            ObjectNode e = list.addObject();
            e.put("index", l.index());
            e.put("name", l.name());
            e.put("type", l.type());
            ArrayNode shape = e.putArray("outputShape");
            for (long d : l.outputShape()) {
                shape.add(d);
            }
            stats(e, "output", l.output());
            if (!noHistograms) {
                e.set("outputHistogram", histogram(l.outputHistogram()));
            }
            if (l.hasWeight()) {
                stats(e, "weight", l.weight());
                if (!noHistograms) {
                    e.set("weightHistogram", histogram(l.weightHistogram()));
                }
                stats(e, "grad", l.gradient());
            }
            if (l.isActivation()) {
                Json.number(e, "activationMean", l.output().mean());
                Json.number(e, "activationStd", l.output().std());
                Json.number(e, "deadFraction", l.deadFraction());
            }
        }
        return o;
    }

    private DataSplit load() {
        return split.load(dataset, seed);
    }

    private int study() {
        List<String> inits = init == null ? InitStudy.INITIALIZERS
                : java.util.Arrays.stream(init.split(",")).map(String::strip).toList();
        InitStudy.Result r = InitStudy.run(load(), initStudy, inits, InitStudy.WIDTHS,
                batchSize == null ? 1024 : batchSize, seed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode().put("activation", r.activation()).put("batchSize", r.batchSize())
                    .put("seed", r.seed()).put("dataset", dataset);
            o.set("widths", Json.MAPPER.valueToTree(r.widths()));
            ArrayNode curves = o.putArray("initializers");
            for (InitStudy.Curve c : r.curves()) {
                ObjectNode e = curves.addObject().put("init", c.initializer());
                Json.number(e, "loss", c.loss());
                series(e, "activationStd", c.activationStd());
                series(e, "deadFraction", c.deadFraction());
                series(e, "gradientStd", c.gradientStd());
                series(e, "gradientNorm", c.gradientNorm());
            }
            out.println(Json.write(o));
        } else {
            out.print(studyTable(r));
        }
        out.flush();
        return 0;
    }

    private static void series(ObjectNode o, String key, List<Double> values) {
        ArrayNode a = o.putArray(key);
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }

    static String studyTable(InitStudy.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Initializers on %s with %s, %d examples, seed %d%n", r.widths(), r.activation(),
                r.batchSize(), r.seed()));
        block(b, "Activation std by hidden layer", r, InitStudy.Curve::activationStd);
        block(b, "Gradient norm by Linear layer", r, InitStudy.Curve::gradientNorm);
        return b.toString();
    }

    private static void block(StringBuilder b, String title, InitStudy.Result r,
                              java.util.function.Function<InitStudy.Curve, List<Double>> column) {
        b.append('\n').append(title).append('\n');
        int width = r.curves().stream().mapToInt(c -> c.initializer().length()).max().orElse(4);
        b.append(" ".repeat(width));
        for (int d = 1; d <= column.apply(r.curves().get(0)).size(); d++) {
            b.append(String.format("  %9d", d));
        }
        b.append('\n');
        for (InitStudy.Curve c : r.curves()) {
            b.append(c.initializer()).append(" ".repeat(width - c.initializer().length()));
            for (double v : column.apply(c)) {
                b.append(String.format("  %9.3g", v));
            }
            b.append('\n');
        }
    }

    private static void stats(ObjectNode o, String prefix, Inspection.Stats s) {
        Json.number(o, prefix + "Mean", s.mean());
        Json.number(o, prefix + "Std", s.std());
        Json.number(o, prefix + "Norm", s.norm());
        Json.number(o, prefix + "Min", s.min());
        Json.number(o, prefix + "Max", s.max());
    }

    private static ObjectNode histogram(Inspection.Histogram h) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("min", h.min()).put("max", h.max());
        ArrayNode counts = o.putArray("counts");
        for (long c : h.counts()) {
            counts.add(c);
        }
        return o;
    }

    static String table(Inspection i) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "Layer (type)", "Output shape", "Mean", "Std", "Dead", "Weight std", "Grad mean",
            "Grad std", "Grad norm"});
        for (Inspection.Layer l : i.layers()) {
            rows.add(new String[] {String.valueOf(l.index()), l.name() + " (" + l.type() + ")",
                java.util.Arrays.toString(l.outputShape()), g(l.output().mean()), g(l.output().std()),
                l.isActivation() ? String.format("%.1f%%", 100 * l.deadFraction()) : "-",
                l.hasWeight() ? g(l.weight().std()) : "-", l.hasWeight() ? g(l.gradient().mean()) : "-",
                l.hasWeight() ? g(l.gradient().std()) : "-", l.hasWeight() ? g(l.gradient().norm()) : "-"});
        }
        int[] w = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int k = 0; k < row.length; k++) {
                w[k] = Math.max(w[k], row[k].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int k = 0; k < row.length; k++) {
                String pad = " ".repeat(w[k] - row[k].length());
                // names left, figures right
                b.append(k == 1 || k == 2 ? row[k] + pad : pad + row[k]).append(k < row.length - 1 ? "  " : "\n");
            }
            if (r == 0) {
                b.append("-".repeat(java.util.Arrays.stream(w).sum() + 2 * (w.length - 1))).append('\n');
            }
        }
        b.append(String.format("Loss (%s) on %d examples: %s%n", i.lossKind().name().toLowerCase(Locale.ROOT),
                i.batchSize(), g(i.loss())));
        b.append("Evaluation mode; Std is unbiased (torch.std); Dead: units that are 0 for every example of the batch.\n");
        return b.toString();
    }

    private static String g(double v) {
        return Double.isFinite(v) ? String.format("%.4g", v) : String.valueOf(v);
    }
}
