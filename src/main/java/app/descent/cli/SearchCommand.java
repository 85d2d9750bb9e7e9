package app.descent.cli;

import app.descent.UserInputException;
import app.descent.compare.Search;
import app.descent.compare.Variation;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = OptimizerOptions.class,
        description = {"Random or grid search over learning rate, weight decay and batch size. Every trial is scored "
                + "by its validation loss (minimized); a trial whose validation loss is above the median of the "
                + "completed trials after an epoch is pruned.",
            "The ranges replace --lr, --weight-decay and --batch-size. Exit code 2 for a bad option or file."})
public final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object: {\"trials\": [...], \"best\": {...}}.")
    boolean json;

    @Option(names = "--trials", defaultValue = "10", description = "Random trials (default ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--lr-range", defaultValue = "1e-4,1e-1", paramLabel = "A,B",
            description = "Learning rates, drawn log-uniformly (default ${DEFAULT-VALUE}).")
    String lrRange;

    @Option(names = "--weight-decay-range", defaultValue = "0,0", paramLabel = "A,B",
            description = "Weight decays, drawn uniformly (default ${DEFAULT-VALUE}).")
    String weightDecayRange;

    @Option(names = "--batch-sizes", paramLabel = "N,N,...", description = "Batch sizes to choose from (default: --batch-size).")
    String batchSizes;

    @Option(names = "--grid", description = "Every combination instead of random draws: --grid-points log-spaced "
            + "learning rates × as many weight decays × every batch size.")
    boolean grid;

    @Option(names = "--grid-points", defaultValue = "3", description = "Points per range with --grid (default ${DEFAULT-VALUE}).")
    int gridPoints;

    @Option(names = "--startup-trials", defaultValue = "2", description = "Completed trials before pruning starts (default ${DEFAULT-VALUE}).")
    int startupTrials;

    @Option(names = "--warmup-epochs", defaultValue = "1", description = "Epochs before a trial may be pruned (default ${DEFAULT-VALUE}).")
    int warmupEpochs;

    @Mixin
    TrainOptions options;

    @Override
    public Integer call() {
        double[] lr = pair("--lr-range", lrRange);
        double[] wd = pair("--weight-decay-range", weightDecayRange);
        var settings = options.settings();
        List<Integer> batches = batchSizes == null ? List.of(settings.batchSize()) : integers(batchSizes);
        Search.Config config = new Search.Config(new Search.Space(lr[0], lr[1], wd[0], wd[1], batches), trials, grid,
                gridPoints, settings.seed(), startupTrials, warmupEpochs);
        var layers = options.layers();
        var data = options.data();
        List<Search.Trial> result;
        Optional<Search.Trial> best;
        try (Search search = new Search(layers, data, settings, config)) {
            result = search.runToEnd();
            best = search.best();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            ArrayNode a = o.putArray("trials");
            result.forEach(t -> a.add(trialJson(t)));
            if (best.isPresent()) {
                o.set("best", trialJson(best.get()));
            } else {
                o.putNull("best");
            }
            out.println(Json.write(o));
        } else {
            table(out, result, best);
        }
        out.flush();
        return 0;
    }

    static ObjectNode trialJson(Search.Trial t) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("trial", t.number());
        o.putObject("params").put("lr", t.params().lr()).put("weight-decay", t.params().weightDecay())
                .put("batch-size", t.params().batchSize());
        Json.number(o, "valLoss", t.valLoss());
        Json.number(o, "valAccuracy", t.valAccuracy());
        o.put("epochs", t.epochs());
        o.put("pruned", t.pruned());
        o.put("status", t.status().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode v = o.putArray("valLosses");
        t.valLosses().forEach(x -> {
            if (Double.isFinite(x)) {
                v.add(x);
            } else {
                v.addNull();
            }
        });
        if (t.reason() != null) {
            o.put("reason", t.reason());
        }
        return o;
    }

    private static void table(PrintWriter out, List<Search.Trial> trials, Optional<Search.Trial> best) {
        List<Search.Trial> sorted = new ArrayList<>(trials);
        sorted.sort(Comparator.comparingDouble(t -> Double.isNaN(t.valLoss()) ? Double.POSITIVE_INFINITY : t.valLoss()));
        out.printf("  %5s  %10s  %12s  %10s  %10s  %8s  %6s  %s%n", "trial", "lr", "weight decay", "batch size",
                "val loss", "val acc", "epochs", "status");
        for (Search.Trial t : sorted) {
            boolean isBest = best.isPresent() && best.get().number() == t.number();
            out.printf("%s %5d  %10s  %12s  %10d  %10s  %8s  %6d  %s%n", isBest ? "*" : " ", t.number(),
                    String.format("%.3g", t.params().lr()), String.format("%.3g", t.params().weightDecay()),
                    t.params().batchSize(), CompareCommand.fmt(t.valLoss()), CompareCommand.pct(t.valAccuracy()),
                    t.epochs(), t.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        out.println(best.map(t -> "best: trial " + t.number() + " (lowest validation loss)")
                .orElse("no trial completed"));
    }

    private static double[] pair(String option, String text) {
        String[] p = text.split(",");
        if (p.length != 2) {
            throw new UserInputException(option + " takes two numbers A,B, not '" + text + "'");
        }
        try {
            return new double[] {Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip())};
        } catch (NumberFormatException e) {
            throw new UserInputException(option + " takes two numbers A,B, not '" + text + "'");
        }
    }

    private static List<Integer> integers(String text) {
        return Variation.parse("batch-size=" + text).values().stream().map(v -> (Integer) v).toList();
    }
}
