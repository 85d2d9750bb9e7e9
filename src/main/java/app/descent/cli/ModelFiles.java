package app.descent.cli;

import app.descent.network.ImportResult;
import app.descent.network.Network;
import app.descent.network.NetworkException;
import app.descent.network.NetworkJson;
import app.descent.network.PyTorchImporter;
import app.descent.network.Layer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A network file as the commands accept it: PyTorch code, or a network saved by the Builder (JSON). */
final class ModelFiles {
    record Loaded(Network network, Optional<List<Integer>> input, List<ImportResult.IgnoredLine> ignored,
                  List<String> notes) {
    }

    private ModelFiles() {
    }

    static Loaded load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new NetworkException("cannot read " + file + (Files.exists(file) ? ": " + e.getMessage() : ": no such file"));
        }
        if (text.stripLeading().startsWith("{")) {
            try {
                NetworkJson.Document doc = NetworkJson.fromJson(text);
                return new Loaded(doc.network(), doc.input(), List.of(), List.of());
            } catch (NetworkException e) {
                throw new NetworkException(file + ": " + e.getMessage(), e);
            }
        }
        ImportResult r = PyTorchImporter.importCode(text);
        return new Loaded(r.network(), r.inputShape(), r.ignored(), r.notes());
    }

    /** The layers of a sequential network, ready for the trainer. */
    static List<Layer> trainableLayers(Path file) {
        Network network = load(file).network();
        try {
            return network.sequentialLayers();
        } catch (NetworkException e) {
            throw new NetworkException(file + ": " + e.getMessage());
        }
    }
}
