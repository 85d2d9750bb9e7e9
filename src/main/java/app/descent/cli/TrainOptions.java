package app.descent.cli;

import app.descent.compare.CustomGrid;
import app.descent.network.Network;
import app.descent.network.Layer;
import app.descent.training.OptimizerSpec;
import app.descent.training.TrainingRun;
import app.descent.training.data.DataSplit;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of {@code descent train} that say what to train and how, shared by the commands that train. */
final class TrainOptions {
    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "PyTorch code (nn.Sequential) or a network saved by the Builder.")
    Path model;

    @Option(names = "--dataset", required = true, paramLabel = "NAME",
            description = "mnist, fashion-mnist, xor, circles, moons, spiral[:K], blobs[:K], linear, or csv:PATH.")
    String dataset;

    @Option(names = "--loss", defaultValue = CustomGrid.Defaults.LOSS, description = "ce, mse or bce (default ${DEFAULT-VALUE}).")
    String loss;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--optimizer", defaultValue = CustomGrid.Defaults.OPTIMIZER, completionCandidates = OptimizerNames.class,
            description = "The optimizer (default ${DEFAULT-VALUE}): ${COMPLETION-CANDIDATES}. Its "
                    + "hyperparameters are options too (--momentum, --betas, …; see below).")
    String optimizer;

    @Option(names = "--lr", description = "Learning rate (default: the optimizer's own, listed below).")
    Double lr;

    @Option(names = "--batch-size", defaultValue = CustomGrid.Defaults.BATCH_SIZE, description = "Default ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--epochs", defaultValue = CustomGrid.Defaults.EPOCHS, description = "Default ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--init", defaultValue = CustomGrid.Defaults.INIT,
            description = "default, zeros, constant:V, normal:STD, uniform:A, xavier, kaiming.")
    String init;

    @Option(names = "--schedule", defaultValue = CustomGrid.Defaults.SCHEDULE,
            description = "constant, step:EVERY:GAMMA, cosine, warmup:N, or e.g. cosine+warmup:100.")
    String schedule;

    @Option(names = "--clip", defaultValue = CustomGrid.Defaults.CLIP, description = "Clip the gradients' global norm (0: off).")
    double clip;

    @Option(names = "--patience", defaultValue = CustomGrid.Defaults.PATIENCE, description = "Early stop after N epochs without a better validation loss (0: off).")
    int patience;

    @Option(names = "--seed", defaultValue = CustomGrid.Defaults.SEED, description = "Default ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    DataOptions split = new DataOptions();

    @Option(names = "--device", defaultValue = CustomGrid.Defaults.DEVICE, description = "cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    /** Whether the person chose the learning rate (else each optimizer starts at its own default). */
    boolean lrGiven() {
        return lr != null;
    }

    TrainingRun.Settings settings() {
        OptimizerSpec opt = OptimizerOptions.apply(command,
                OptimizerSpec.of(optimizer, lr != null ? lr : OptimizerSpec.defaultLr(optimizer)));
        split.check();
        return CustomGrid.settings(loss, opt, batchSize, epochs, init, schedule, clip, patience, seed, device);
    }

    Network network() {
        return ModelFiles.load(model).network();
    }

    List<Layer> layers() {
        return ModelFiles.trainableLayers(model);
    }

    DataSplit data() {
        return split.load(dataset, seed);
    }
}
