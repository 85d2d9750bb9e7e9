package app.descent.cli;

import app.descent.network.Layer;
import app.descent.training.TrainingEvent;
import app.descent.training.TrainingRun;
import app.descent.training.data.DataSplit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = OptimizerOptions.class,
        description = {"Trains a network on a dataset and reports every epoch.",
            "Exit code 3 when the loss diverges, 2 for a bad option or file."})
public final class TrainCommand implements Callable<Integer> {
    /** The run's loss diverged (the last line says where and why). */
    public static final int DIVERGED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Mixin
    TrainOptions options;

    @Option(names = "--save-weights", paramLabel = "FILE.npz",
            description = "Save the trained weights (NumPy .npz keyed like state_dict) and FILE.py, a PyTorch script that loads them.")
    Path saveWeights;

    @Option(names = "--metrics", paramLabel = "FILE.csv", description = "Save the per-epoch figures as CSV.")
    Path metrics;

    @Option(names = "--checkpoints", paramLabel = "DIR", description = "Save the weights after every epoch as DIR/epoch-N.npz.")
    Path checkpoints;

    @Option(names = "--resume", paramLabel = "FILE.npz", description = "Start from weights saved by --save-weights or --checkpoints.")
    Path resume;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode last = train(o -> print(out, o));
        print(out, last);
        return "diverged".equals(last.path("status").asText()) ? DIVERGED : 0;
    }

    /**
     * Trains as the options say, hands each epoch's object (as --json prints it) to onEpoch and returns the final
     * object ({@code "status": "done"} or {@code "diverged"}). The lessons run training through here.
     */
    ObjectNode train(java.util.function.Consumer<ObjectNode> onEpoch) {
        TrainingRun.Settings settings = options.settings();
        app.descent.network.Network network = options.network();
        List<Layer> layers = options.layers();
        DataSplit data = options.data();
        TrainingEvent last;
        List<TrainingEvent.Epoch> epochsSeen = new java.util.ArrayList<>();
        try (TrainingRun run = new TrainingRun(0, layers, data, settings)) {
            if (resume != null) {
                run.loadWeights(Exports.read(resume));
            }
            last = run.runToEnd(e -> {
                if (e instanceof TrainingEvent.Epoch ep) {
                    epochsSeen.add(ep);
                    onEpoch.accept(epochJson(ep));
                    if (checkpoints != null) {
                        Exports.checkpoint(checkpoints.resolve(String.format("epoch-%03d.npz", ep.epoch())),
                                run.weightsNpz());
                    }
                }
            });
            if (saveWeights != null) {
                Exports.weights(saveWeights, run.weightsNpz(), network);
            }
        }
        if (metrics != null) {
            Exports.metrics(metrics, epochsSeen);
        }
        if (last instanceof TrainingEvent.Diverged d) {
            return Json.MAPPER.createObjectNode().put("status", "diverged").put("step", d.step()).put("reason", d.reason());
        }
        TrainingEvent.Done done = (TrainingEvent.Done) last;
        ObjectNode o = Json.MAPPER.createObjectNode().put("status", "done");
        Json.number(o, "testLoss", done.testLoss());
        Json.number(o, "testAccuracy", done.testAccuracy());
        o.put("steps", done.steps());
        Json.number(o, "seconds", done.seconds());
        if (done.reason() != null) {
            o.put("stopped", done.reason());
        }
        return o;
    }

    static ObjectNode epochJson(TrainingEvent.Epoch e) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("epoch", e.epoch());
        Json.number(o, "trainLoss", e.trainLoss());
        Json.number(o, "trainAccuracy", e.trainAccuracy());
        Json.number(o, "valLoss", e.valLoss());
        Json.number(o, "valAccuracy", e.valAccuracy());
        Json.number(o, "seconds", e.seconds());
        return o;
    }


    private void print(PrintWriter out, ObjectNode o) {
        if (json) {
            out.println(Json.write(o));
        } else {
            StringBuilder b = new StringBuilder();
            o.fields().forEachRemaining(f -> b.append(b.length() == 0 ? "" : "  ").append(f.getKey()).append(' ')
                    .append(f.getValue().isFloatingPointNumber() ? String.format("%.4g", f.getValue().asDouble())
                            : f.getValue().asText()));
            out.println(b);
        }
        out.flush();
    }
}
