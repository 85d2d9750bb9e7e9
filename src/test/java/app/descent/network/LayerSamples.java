package app.descent.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small valid instance of every layer type of the registry, built from its descriptor's required arguments. */
public final class LayerSamples {
    private LayerSamples() {
    }

    /** The layer with every required argument set to a small value (4 features/channels, kernel 1, ...). */
    public static LayerSpec sample(LayerType type) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (LayerType.Param p : type.params()) {
            if (!p.required()) {
                continue;
            }
            args.put(p.name(), switch (p.kind()) {
                case INT, SHAPE -> p.name().equals("dim") ? 1 : 4;
                case SIZE, OUTPUT_SIZE -> 1;
                default -> throw new IllegalStateException(type.name() + " has a required " + p.kind() + " argument");
            });
        }
        return LayerSpec.kw(type.name(), args);
    }

    /** An input that fits {@link #sample}: batch 2, 4 features or channels, spatial size 5, sequence length 3. */
    public static List<Integer> input(LayerType type) {
        return switch (type.category()) {
            case CONVOLUTION, POOLING -> type.spatialDims() == 2 ? List.of(2, 4, 5, 5) : List.of(2, 4, 5);
            case RECURRENT -> List.of(3, 2, 4);
            case EMBEDDING -> List.of(2, 3);
            case NORMALIZATION -> type.name().equals("BatchNorm2d") || type.name().equals("GroupNorm")
                    ? List.of(2, 4, 5, 5) : List.of(2, 4);
            case DROPOUT -> type.name().equals("Dropout1d") ? List.of(2, 4, 5) : List.of(2, 4, 5, 5);
            case RESHAPE, LINEAR, ACTIVATION -> List.of(2, 4);
        };
    }
}
