package app.descent.cli;

import app.descent.UserInputException;
import app.descent.compare.CustomGrid;
import app.descent.training.data.DataSplit;
import picocli.CommandLine.Option;

/** How a dataset is split and sized, shared by every command that reads one the way {@code descent train} does. */
final class DataOptions {
    @Option(names = "--samples", defaultValue = CustomGrid.Defaults.SAMPLES, description = "Points of a toy set in all (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--noise", description = "Gaussian jitter of a toy set's points (default 0.05).")
    Double noise;

    @Option(names = "--train-size", defaultValue = CustomGrid.Defaults.TRAIN_SIZE, description = "Use the first N training examples after shuffling.")
    int trainSize;

    @Option(names = "--val-fraction", defaultValue = CustomGrid.Defaults.VAL_FRACTION, description = "Validation share of the training split (default ${DEFAULT-VALUE}).")
    double valFraction;

    void check() {
        if (noise != null && !(noise >= 0)) {
            throw new UserInputException("--noise must be at least 0, not " + noise);
        }
    }

    DataSplit load(String dataset, long seed) {
        return DataSplit.load(dataset, CustomGrid.data(samples, noise, seed, trainSize, valFraction));
    }
}
