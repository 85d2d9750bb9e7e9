package app.descent.network;

import java.util.List;
import java.util.Optional;

/**
 * What {@link PyTorchImporter} read from a piece of code.
 *
 * @param network    the network (the last module variable built or modified)
 * @param inputShape the shape of the tensor passed to the network, or of the last {@code torch.randn(...)}-style line
 * @param ignored    lines that were not understood, in order (never silently dropped)
 * @param notes      how the code was read beyond what it says, e.g. the usual imports assumed for a snippet without them
 */
public record ImportResult(Network network, Optional<List<Integer>> inputShape, List<IgnoredLine> ignored,
                           List<String> notes) {
    public ImportResult {
        ignored = List.copyOf(ignored);
        notes = List.copyOf(notes);
    }

    public ImportResult(Network network, Optional<List<Integer>> inputShape, List<IgnoredLine> ignored) {
        this(network, inputShape, ignored, List.of());
    }

    /** A line the importer did not understand: 1-based line number, its text (statement text joined), and why. */
    public record IgnoredLine(int line, String text, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + text + " (" + reason + ")";
        }
    }
}
