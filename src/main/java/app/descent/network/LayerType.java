package app.descent.network;

import app.descent.catalog.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the layer catalog: a torch.nn module name with its constructor arguments in PyTorch's order,
 * their kinds and PyTorch's defaults. A UI builder can list {@link #catalog()} to offer a palette and argument forms.
 */
public record LayerType(String name, Category category, List<Param> params) {

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

    private static final Map<String, LayerType> CATALOG = new LinkedHashMap<>();

    public static Collection<LayerType> catalog() {
        return Collections.unmodifiableCollection(CATALOG.values());
    }

    public static Optional<LayerType> find(String name) {
        return Optional.ofNullable(CATALOG.get(name));
    }

    public static LayerType get(String name) {
        LayerType t = CATALOG.get(name);
        if (t == null) {
            throw new NetworkException("unknown layer type '" + name + "'");
        }
        return t;
    }

    private static Param req(String name, Kind kind) {
        return new Param(name, kind, true, null);
    }

    private static Param opt(String name, Kind kind, Object def) {
        return new Param(name, kind, false, def);
    }

    private static void add(String name, Category c, Param... params) {
        CATALOG.put(name, new LayerType(name, c, List.of(params)));
    }

    /** A registry argument as an optional parameter, its kind read from its default. */
    private static Param param(Activation.Arg a) {
        Object d = a.defaultValue();
        Kind kind = d instanceof Boolean ? Kind.BOOL : d instanceof String ? Kind.STRING : d instanceof Integer ? Kind.INT
                : Kind.FLOAT;
        return opt(a.name(), kind, d);
    }

    private static Param[] concat(Param[] a, Param... b) {
        List<Param> all = new ArrayList<>(Arrays.asList(a));
        all.addAll(Arrays.asList(b));
        return all.toArray(new Param[0]);
    }

    static {
        Param inplace = opt("inplace", Kind.BOOL, false);
        add("Linear", Category.LINEAR, req("in_features", Kind.INT), req("out_features", Kind.INT),
                opt("bias", Kind.BOOL, true), opt("device", Kind.ANY, null), opt("dtype", Kind.ANY, null));
        add("Identity", Category.LINEAR);
        for (String conv : List.of("Conv1d", "Conv2d")) {
            add(conv, Category.CONVOLUTION, req("in_channels", Kind.INT), req("out_channels", Kind.INT),
                    req("kernel_size", Kind.SIZE), opt("stride", Kind.SIZE, 1), opt("padding", Kind.PADDING, 0),
                    opt("dilation", Kind.SIZE, 1), opt("groups", Kind.INT, 1), opt("bias", Kind.BOOL, true),
                    opt("padding_mode", Kind.STRING, "zeros"), opt("device", Kind.ANY, null), opt("dtype", Kind.ANY, null));
        }
        add("ConvTranspose2d", Category.CONVOLUTION, req("in_channels", Kind.INT), req("out_channels", Kind.INT),
                req("kernel_size", Kind.SIZE), opt("stride", Kind.SIZE, 1), opt("padding", Kind.SIZE, 0),
                opt("output_padding", Kind.SIZE, 0), opt("groups", Kind.INT, 1), opt("bias", Kind.BOOL, true),
                opt("dilation", Kind.SIZE, 1), opt("padding_mode", Kind.STRING, "zeros"),
                opt("device", Kind.ANY, null), opt("dtype", Kind.ANY, null));
        for (String d : List.of("1d", "2d")) {
            add("MaxPool" + d, Category.POOLING, req("kernel_size", Kind.SIZE), opt("stride", Kind.OPT_SIZE, null),
                    opt("padding", Kind.SIZE, 0), opt("dilation", Kind.SIZE, 1), opt("return_indices", Kind.BOOL, false),
                    opt("ceil_mode", Kind.BOOL, false));
            Param[] avg = {req("kernel_size", Kind.SIZE), opt("stride", Kind.OPT_SIZE, null),
                    opt("padding", Kind.SIZE, 0), opt("ceil_mode", Kind.BOOL, false), opt("count_include_pad", Kind.BOOL, true)};
            add("AvgPool" + d, Category.POOLING, d.equals("2d") ? concat(avg, opt("divisor_override", Kind.OPT_INT, null)) : avg);
            add("AdaptiveAvgPool" + d, Category.POOLING, req("output_size", Kind.OUTPUT_SIZE));
            add("AdaptiveMaxPool" + d, Category.POOLING, req("output_size", Kind.OUTPUT_SIZE), opt("return_indices", Kind.BOOL, false));
        }
        for (String bn : List.of("BatchNorm1d", "BatchNorm2d")) {
            add(bn, Category.NORMALIZATION, req("num_features", Kind.INT), opt("eps", Kind.FLOAT, 1e-5),
                    opt("momentum", Kind.OPT_FLOAT, 0.1), opt("affine", Kind.BOOL, true),
                    opt("track_running_stats", Kind.BOOL, true), opt("device", Kind.ANY, null), opt("dtype", Kind.ANY, null));
        }
        add("LayerNorm", Category.NORMALIZATION, req("normalized_shape", Kind.SHAPE), opt("eps", Kind.FLOAT, 1e-5),
                opt("elementwise_affine", Kind.BOOL, true), opt("bias", Kind.BOOL, true),
                opt("device", Kind.ANY, null), opt("dtype", Kind.ANY, null));
        add("GroupNorm", Category.NORMALIZATION, req("num_groups", Kind.INT), req("num_channels", Kind.INT),
                opt("eps", Kind.FLOAT, 1e-5), opt("affine", Kind.BOOL, true), opt("device", Kind.ANY, null), opt("dtype", Kind.ANY, null));
        for (String dr : List.of("Dropout", "Dropout1d", "Dropout2d")) {
            add(dr, Category.DROPOUT, opt("p", Kind.FLOAT, 0.5), inplace);
        }
        add("Flatten", Category.RESHAPE, opt("start_dim", Kind.INT, 1), opt("end_dim", Kind.INT, -1));
        add("Unflatten", Category.RESHAPE, req("dim", Kind.INT), req("unflattened_size", Kind.SHAPE));
        add("Embedding", Category.EMBEDDING, req("num_embeddings", Kind.INT), req("embedding_dim", Kind.INT),
                opt("padding_idx", Kind.OPT_INT, null), opt("max_norm", Kind.OPT_FLOAT, null), opt("norm_type", Kind.FLOAT, 2.0),
                opt("scale_grad_by_freq", Kind.BOOL, false), opt("sparse", Kind.BOOL, false),
                opt("_weight", Kind.ANY, null), opt("_freeze", Kind.BOOL, false), opt("device", Kind.ANY, null), opt("dtype", Kind.ANY, null));
        Param[] rnnHead = {req("input_size", Kind.INT), req("hidden_size", Kind.INT), opt("num_layers", Kind.INT, 1)};
        Param[] rnnTail = {opt("bias", Kind.BOOL, true), opt("batch_first", Kind.BOOL, false), opt("dropout", Kind.FLOAT, 0.0),
                opt("bidirectional", Kind.BOOL, false)};
        add("RNN", Category.RECURRENT, concat(concat(rnnHead, opt("nonlinearity", Kind.STRING, "tanh")),
                concat(rnnTail, opt("device", Kind.ANY, null), opt("dtype", Kind.ANY, null))));
        add("LSTM", Category.RECURRENT, concat(concat(rnnHead, rnnTail), opt("proj_size", Kind.INT, 0),
                opt("device", Kind.ANY, null), opt("dtype", Kind.ANY, null)));
        add("GRU", Category.RECURRENT, concat(concat(rnnHead, rnnTail), opt("device", Kind.ANY, null), opt("dtype", Kind.ANY, null)));
        // the element-wise activations come from the registry, with their torch arguments and defaults
        for (Activation a : Activation.values()) {
            if (!CATALOG.containsKey(a.torchName())) {
                add(a.torchName(), Category.ACTIVATION, a.args().stream().map(LayerType::param).toArray(Param[]::new));
            }
        }
        add("PReLU", Category.ACTIVATION, opt("num_parameters", Kind.INT, 1), opt("init", Kind.FLOAT, 0.25),
                opt("device", Kind.ANY, null), opt("dtype", Kind.ANY, null));
        add("Hardswish", Category.ACTIVATION, inplace);
        add("Softmax", Category.ACTIVATION, opt("dim", Kind.OPT_INT, null));
        add("LogSoftmax", Category.ACTIVATION, opt("dim", Kind.OPT_INT, null));
    }
}
