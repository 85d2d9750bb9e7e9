package app.descent.cli;

import app.descent.io.AtomicFiles;
import app.descent.UserInputException;
import app.descent.network.Network;
import app.descent.training.MetricsCsv;
import app.descent.training.TrainingEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Files a training run leaves behind, written atomically. */
final class Exports {
    private Exports() {
    }

    static void weights(Path npz, byte[] archive, Network network) {
        try {
            app.descent.training.WeightFiles.save(npz, archive, network);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + npz + ": " + e.getMessage());
        }
    }

    static void checkpoint(Path npz, byte[] archive) {
        try {
            AtomicFiles.write(npz, archive);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + npz + ": " + e.getMessage());
        }
    }

    static byte[] read(Path npz) {
        return app.descent.training.WeightFiles.read(npz);
    }

    static void metrics(Path csv, List<TrainingEvent.Epoch> epochs) {
        try {
            AtomicFiles.writeString(csv, MetricsCsv.of(epochs));
        } catch (IOException e) {
            throw new UserInputException("cannot write " + csv + ": " + e.getMessage());
        }
    }
}
