package app.descent.training;

import java.util.Map;

/**
 * One PyTorch module to train: its class name, its arguments (a null value is Python's None), and its name in the
 * network (e.g. "classifier.6").
 */
public record LayerDef(String type, Map<String, Object> args, String name) {
    public LayerDef {
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    }

    /** The layers of a plain nn.Sequential network, ready for a {@link TrainingRun}. */
    public static java.util.List<LayerDef> of(app.descent.network.Network network) {
        if (!network.isFlatSequential()) {
            throw new TrainingException("only nn.Sequential networks can be trained so far"
                    + network.zoo().map(z -> " (" + z + " has branches or nested parts)").orElse(""));
        }
        java.util.List<LayerDef> layers = new java.util.ArrayList<>();
        for (app.descent.network.Network.Leaf leaf : network.leaves()) {
            layers.add(new LayerDef(leaf.layer().type(), leaf.layer().spec().args(), leaf.path()));
        }
        if (layers.isEmpty()) {
            throw new TrainingException("the network has no layers");
        }
        return layers;
    }
}
