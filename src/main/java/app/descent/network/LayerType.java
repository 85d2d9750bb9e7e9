package app.descent.network;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The descriptor of one layer type, the one place that knows it: the torch.nn module name, its constructor arguments
 * in PyTorch's order with PyTorch's defaults, and the rules for its output shape, parameter count, multiply-accumulates,
 * receptive field and PyTorch code. Every descriptor is an entry of the {@link Layers} registry; a type that is not
 * there is an error ({@link #get(String)}), never a silent default. The DJL block that trains it lives in
 * {@code training.TorchLayers}, keyed by {@link #name()}.
 *
 * @param shape      output shape for an input shape (batch included); throws a {@link NetworkException} naming the
 *                   layer when the input does not fit
 * @param parameters learnable parameters, as {@code sum(p.numel() for p in m.parameters())} counts them
 * @param macs       multiply-accumulates per sample for the given input and output shapes
 * @param field      receptive field after the layer, or null when the layer ends the spatial structure
 * @param check      the checks between arguments PyTorch makes when constructing the layer (groups divide the
 *                   channels, ...), after each argument was checked on its own; throws a {@link NetworkException}
 * @param export     PyTorch code constructing the layer, e.g. {@code nn.Conv2d(3, 16, kernel_size=3)} with prefix "nn."
 */
public record LayerType(String name, Category category, List<Param> params, OutputShape shape, ParamCount parameters,
                        MacCount macs, FieldRule field, ArgumentCheck check, CodeExport export) {

    public enum Category { LINEAR, CONVOLUTION, POOLING, NORMALIZATION, DROPOUT, RESHAPE, EMBEDDING, RECURRENT, ACTIVATION }

    /** Value kinds of constructor arguments. */
    public enum Kind {
        /** an integer */
        INT,
        /** an integer or None */
        OPT_INT,
        /** a float (integers are accepted and widened) */
        FLOAT,
        /** a float or None */
        OPT_FLOAT,
        BOOL,
        STRING,
        /** an int or a tuple with one int per spatial dimension (kernel_size, stride, dilation) */
        SIZE,
        /** like SIZE or None (pool stride) */
        OPT_SIZE,
        /** like SIZE, or 'same' / 'valid' (conv padding) */
        PADDING,
        /** an int or a list/tuple of ints (LayerNorm normalized_shape, Unflatten sizes) */
        SHAPE,
        /** an int, None, or a tuple of ints / None (adaptive pooling output_size) */
        OUTPUT_SIZE,
        /** accepted and kept but without effect on shapes (device, dtype, ...) */
        ANY
    }

    /** One constructor argument. {@code defaultValue} is meaningless when {@code required}. */
    public record Param(String name, Kind kind, boolean required, Object defaultValue) {
    }

    /** Output shape of a layer; {@code label} names the layer in messages ("layer 2 Linear"). */
    @FunctionalInterface
    public interface OutputShape {
        List<Integer> of(LayerSpec spec, List<Integer> input, String label);
    }

    @FunctionalInterface
    public interface ParamCount {
        long of(LayerSpec spec);
    }

    @FunctionalInterface
    public interface MacCount {
        long of(LayerSpec spec, List<Integer> input, List<Integer> output);
    }

    /** The receptive field after the layer, null when the layer ends the spatial structure. */
    @FunctionalInterface
    public interface FieldRule {
        ReceptiveField after(LayerSpec spec, ReceptiveField input);
    }

    @FunctionalInterface
    public interface ArgumentCheck {
        void of(LayerSpec spec);
    }

    @FunctionalInterface
    public interface CodeExport {
        String code(LayerSpec spec, String prefix);
    }

    public LayerType {
        Objects.requireNonNull(name);
        Objects.requireNonNull(category, name);
        params = List.copyOf(params);
        Objects.requireNonNull(shape, name + " has no shape rule");
        Objects.requireNonNull(parameters, name + " has no parameter count");
        Objects.requireNonNull(macs, name + " has no MAC count");
        Objects.requireNonNull(field, name + " has no receptive field rule");
        Objects.requireNonNull(check, name + " has no argument check");
        Objects.requireNonNull(export, name + " has no code export");
    }

    /** Number of spatial dimensions for convolution and pooling layers (1 or 2), 0 otherwise. */
    public int spatialDims() {
        if (name.endsWith("1d") && (category == Category.CONVOLUTION || category == Category.POOLING)) {
            return 1;
        }
        if (name.endsWith("2d") && (category == Category.CONVOLUTION || category == Category.POOLING)) {
            return 2;
        }
        return 0;
    }

    public Optional<Param> param(String paramName) {
        return params.stream().filter(p -> p.name.equals(paramName)).findFirst();
    }

    /** Every layer type of the {@link Layers} registry, in palette order. */
    public static Collection<LayerType> catalog() {
        return Layers.all();
    }

    public static Optional<LayerType> find(String name) {
        return Layers.find(name);
    }

    /** The descriptor of {@code name}; an unknown name is a {@link NetworkException}. */
    public static LayerType get(String name) {
        return Layers.get(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
