package app.descent.training;

import app.descent.io.AtomicFiles;
import app.descent.network.Network;
import app.descent.network.PyTorchExporter;
import java.io.IOException;
import java.nio.file.Path;

/** Trained weights on disk: the .npz archive and, beside it, a PyTorch script that builds the network and loads them. */
public final class WeightFiles {
    private WeightFiles() {
    }

    /** Writes FILE.npz and FILE.py atomically. */
    public static void save(Path npz, byte[] archive, Network network) throws IOException {
        String name = npz.getFileName().toString();
        String base = name.endsWith(".npz") ? name.substring(0, name.length() - 4) : name;
        AtomicFiles.write(npz, archive);
        AtomicFiles.writeString(npz.resolveSibling(base + ".py"), PyTorchExporter.loadScript(network, name));
    }
}
