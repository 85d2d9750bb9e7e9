package app.descent.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A fix for a network that does not fit its input, when one added layer makes it fit: the classic is a Linear that
 * expects 784 features on 1×28×28 images, fixed by an nn.Flatten() in front of it. Only plain nn.Sequential networks
 * are fixed (the Builder's own), and only when the whole network then fits.
 */
public final class ShapeFix {
    /**
     * @param message  what to do and why, e.g. "add nn.Flatten() before layer 0: 1×28×28 flattens to 784"
     * @param at       where the layer goes (the index of the layer it goes before)
     * @param layer    the layer to add
     * @param network  the network with the layer added
     */
    public record Fix(String message, int at, LayerSpec layer, Network network) {
    }

    private ShapeFix() {
    }

    /** The fix, nearest to the layer that fails first; empty when the network fits or no single layer would do. */
    public static Optional<Fix> suggest(Network network, List<Integer> input) {
        ShapeInference.Partial partial;
        try {
            partial = ShapeInference.inferPartial(network, input);
        } catch (NetworkException e) {
            return Optional.empty();
        }
        if (partial.failedIndex() < 0 || !network.isFlatSequential()) {
            return Optional.empty();
        }
        List<NetworkNode> layers = network.root().children();
        int failed = Math.min(partial.failedIndex(), layers.size() - 1);
        LayerSpec flatten = LayerSpec.of("Flatten", List.of(), java.util.Map.of());
        for (int at = failed; at >= 0; at--) {
            List<Integer> shape = at == 0 ? input : partial.layers().get(at - 1).outputShape();
            if (shape.size() < 3) {
                continue; // (N, F) is flat already
            }
            List<NetworkNode> changed = new ArrayList<>(layers);
            changed.add(at, new Layer("flatten", flatten));
            Network candidate = new Network(Container.sequential("", changed));
            ShapeInference.Partial after = ShapeInference.inferPartial(candidate, input);
            if (after.failedIndex() < 0) {
                List<Integer> sample = shape.subList(1, shape.size());
                long features = sample.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
                String message = "add nn.Flatten() before layer " + at + ": "
                        + sample.stream().map(String::valueOf).collect(Collectors.joining("×")) + " flattens to "
                        + features;
                return Optional.of(new Fix(message, at, flatten, candidate));
            }
        }
        return Optional.empty();
    }
}
