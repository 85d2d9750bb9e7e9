package app.descent.cli;

import app.descent.compare.Grid;
import app.descent.compare.Variation;
import app.descent.training.TrainingEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = OptimizerOptions.class,
        description = {"Trains runs that differ in one setting side by side, interleaved step by step, from the same "
                + "seed (so the same initial weights where the network allows).",
            "initialLoss is the loss on the training split before the first step, in evaluation mode.",
            "A variant whose loss diverges ends with status \"diverged\" and does not stop the others (exit code 0); "
                + "exit code 2 for a bad option, value or file."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON array, one object per value in the order given.")
    boolean json;

    @Option(names = "--vary", required = true, paramLabel = "KEY=V1,V2,...",
            description = "The setting to vary and its values; keys: activation (every hidden activation), optimizer, "
                    + "init, lr, batch-size, hidden (width of every hidden Linear), dropout, weight-decay, depth "
                    + "(hidden blocks), epochs. A varied optimizer keeps --lr, or starts at its own default without it.")
    String vary;

    @Mixin
    TrainOptions options;

    @Override
    public Integer call() {
        List<Grid.Result> results = results();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(json(results)));
        } else {
            table(out, results);
        }
        out.flush();
        return 0;
    }

    /** What --json prints: one object per value in the order given (the lessons' compare result's runs). */
    static ArrayNode json(List<Grid.Result> results) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        results.forEach(r -> array.add(resultJson(r)));
        return array;
    }

    /** Trains the variants as the options say, side by side. */
    List<Grid.Result> results() {
        Variation variation = Variation.parse(vary);
        var settings = options.settings();
        var layers = options.layers();
        var data = options.data();
        List<Variation.Variant> variants = variation.apply(layers, settings, options.lrGiven());
        List<Grid.Result> results;
        try (Grid grid = new Grid(variants, data)) {
            grid.runToEnd(e -> {
            });
            results = grid.results();
        }
        return results;
    }

    /**
     * The contract's keys, then extras. A diverged run's weights mean nothing, so its test figures are null rather
     * than an evaluation of them.
     */
    static ObjectNode resultJson(Grid.Result r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.set("variant", variantJson(r.variant()));
        Json.number(o, "initialLoss", r.initialLoss());
        ArrayNode epochs = o.putArray("epochs");
        r.epochs().forEach(e -> epochs.add(TrainCommand.epochJson(e)));
        TrainingEvent.Done d = r.done();
        Json.number(o, "testAccuracy", d == null ? Double.NaN : d.testAccuracy());
        Json.number(o, "testLoss", d == null ? Double.NaN : d.testLoss());
        o.put("steps", r.steps());
        o.put("status", r.status() == Grid.Status.DIVERGED ? "diverged" : "done");
        if (r.diverged() != null) {
            o.put("step", r.diverged().step());
            o.put("reason", r.diverged().reason());
        }
        if (d != null) {
            Json.number(o, "seconds", d.seconds());
            if (d.reason() != null) {
                o.put("stopped", d.reason());
            }
        }
        if (r.variant().note() != null) {
            o.put("note", r.variant().note());
        }
        return o;
    }

    static ObjectNode variantJson(Variation.Variant v) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        String key = v.key().text();
        if (v.value() instanceof Integer i) {
            o.put(key, i);
        } else if (v.value() instanceof Double x) {
            o.put(key, x);
        } else {
            o.put(key, v.typed());
        }
        return o;
    }

    private static void table(PrintWriter out, List<Grid.Result> results) {
        int w = Math.max(10, results.stream().mapToInt(r -> r.variant().label().length()).max().orElse(0));
        out.printf("%-" + w + "s  %10s  %10s  %10s  %8s  %8s  %7s  %s%n", "variant", "init loss", "train loss",
                "val loss", "val acc", "test acc", "steps", "status");
        for (Grid.Result r : results) {
            TrainingEvent.Epoch last = r.last();
            TrainingEvent.Done d = r.done();
            out.printf("%-" + w + "s  %10s  %10s  %10s  %8s  %8s  %7d  %s%n", r.variant().label(), fmt(r.initialLoss()),
                    fmt(last == null ? Double.NaN : last.trainLoss()), fmt(last == null ? Double.NaN : last.valLoss()),
                    pct(last == null ? Double.NaN : last.valAccuracy()), pct(d == null ? Double.NaN : d.testAccuracy()),
                    r.steps(), r.diverged() != null ? "diverged at step " + r.diverged().step() : "done");
        }
        for (Grid.Result r : results) {
            if (r.variant().note() != null) {
                out.println(r.variant().label() + ": " + r.variant().note());
            }
        }
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format("%.4f", v) : "-";
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format("%.1f%%", 100 * v) : "-";
    }
}
