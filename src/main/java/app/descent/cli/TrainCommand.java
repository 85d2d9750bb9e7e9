package app.descent.cli;

import app.descent.UserInputException;
import app.descent.training.Initializer;
import app.descent.training.LayerDef;
import app.descent.training.Losses;
import app.descent.training.OptimizerSpec;
import app.descent.training.Schedule;
import app.descent.training.TrainingEvent;
import app.descent.training.TrainingRun;
import app.descent.training.data.DataSplit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a network on a dataset and reports every epoch.",
            "Exit code 3 when the loss diverges, 2 for a bad option or file."})
public final class TrainCommand implements Callable<Integer> {
    /** The run's loss diverged (the last line says where and why). */
    public static final int DIVERGED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "PyTorch code (nn.Sequential) or a network saved by the Builder.")
    Path model;

    @Option(names = "--dataset", required = true, paramLabel = "NAME",
            description = "mnist, fashion-mnist, xor, circles, moons, spiral[:K], blobs[:K], linear, or csv:PATH.")
    String dataset;

    @Option(names = "--loss", defaultValue = "ce", description = "ce, mse or bce (default ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--optimizer", defaultValue = "adam",
            description = "sgd, momentum, nesterov, rmsprop, adagrad, adam, adamw (default ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", description = "Learning rate (default 1e-3 for adam, adamw and rmsprop, 0.01 otherwise).")
    Double lr;

    @Option(names = "--momentum", description = "Momentum for momentum and nesterov (default 0.9).")
    Double momentum;

    @Option(names = "--batch-size", defaultValue = "64", description = "Default ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--epochs", defaultValue = "5", description = "Default ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--init", defaultValue = "default",
            description = "default, zeros, constant:V, normal:STD, uniform:A, xavier, kaiming.")
    String init;

    @Option(names = "--weight-decay", description = "L2 weight decay (default 0; 0.01 for adamw).")
    Double weightDecay;

    @Option(names = "--schedule", defaultValue = "constant",
            description = "constant, step:EVERY:GAMMA, cosine, warmup:N, or e.g. cosine+warmup:100.")
    String schedule;

    @Option(names = "--clip", defaultValue = "0", description = "Clip the gradients' global norm (0: off).")
    double clip;

    @Option(names = "--patience", defaultValue = "0", description = "Early stop after N epochs without a better validation loss (0: off).")
    int patience;

    @Option(names = "--seed", defaultValue = "0", description = "Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--samples", defaultValue = "500", description = "Points of a toy set in all (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--noise", description = "Gaussian jitter of a toy set's points (default 0.05).")
    Double noise;

    @Option(names = "--train-size", defaultValue = "0", description = "Use the first N training examples after shuffling.")
    int trainSize;

    @Option(names = "--val-fraction", defaultValue = "0.1", description = "Validation share of the training split (default ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

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
        OptimizerSpec opt = OptimizerSpec.of(optimizer, lr != null ? lr : defaultLr(optimizer));
        if (momentum != null) {
            opt = opt.withMomentum(momentum);
        }
        if (weightDecay != null) {
            opt = opt.withWeightDecay(weightDecay);
        }
        if (noise != null && !(noise >= 0)) {
            throw new UserInputException("--noise must be at least 0, not " + noise);
        }
        TrainingRun.Settings settings = new TrainingRun.Settings(Losses.Kind.parse(loss), opt, Initializer.parse(init),
                batchSize, epochs, seed, Schedule.parse(schedule), clip, patience, device);
        app.descent.network.Network network = ModelFiles.load(model).network();
        List<LayerDef> layers = ModelFiles.trainableLayers(model);
        DataSplit data = DataSplit.load(dataset,
                new DataSplit.Options(samples, noise == null ? -1 : noise, seed, trainSize, valFraction));
        PrintWriter out = spec.commandLine().getOut();
        TrainingEvent last;
        List<TrainingEvent.Epoch> epochsSeen = new java.util.ArrayList<>();
        try (TrainingRun run = new TrainingRun(0, layers, data, settings)) {
            if (resume != null) {
                run.loadWeights(Exports.read(resume));
            }
            last = run.runToEnd(e -> {
                if (e instanceof TrainingEvent.Epoch ep) {
                    epochsSeen.add(ep);
                    print(out, epochJson(ep));
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
            ObjectNode o = Json.MAPPER.createObjectNode().put("status", "diverged").put("step", d.step())
                    .put("reason", d.reason());
            print(out, o);
            return DIVERGED;
        }
        TrainingEvent.Done done = (TrainingEvent.Done) last;
        ObjectNode o = Json.MAPPER.createObjectNode().put("status", "done");
        number(o, "testLoss", done.testLoss());
        number(o, "testAccuracy", done.testAccuracy());
        o.put("steps", done.steps());
        number(o, "seconds", done.seconds());
        if (done.reason() != null) {
            o.put("stopped", done.reason());
        }
        print(out, o);
        return 0;
    }

    static double defaultLr(String optimizer) {
        String n = optimizer == null ? "" : optimizer.strip().toLowerCase(java.util.Locale.ROOT);
        return n.equals("adam") || n.equals("adamw") || n.equals("rmsprop") ? 1e-3 : 0.01;
    }

    private ObjectNode epochJson(TrainingEvent.Epoch e) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("epoch", e.epoch());
        number(o, "trainLoss", e.trainLoss());
        number(o, "trainAccuracy", e.trainAccuracy());
        number(o, "valLoss", e.valLoss());
        number(o, "valAccuracy", e.valAccuracy());
        number(o, "seconds", e.seconds());
        return o;
    }

    /** JSON has no NaN: a figure that does not exist (no validation set) is null. */
    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
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
