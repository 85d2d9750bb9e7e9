package app.descent.network;

import app.descent.network.LayerType.ArgumentCheck;
import app.descent.network.LayerType.Category;
import app.descent.network.LayerType.CodeExport;
import app.descent.network.LayerType.FieldRule;
import app.descent.network.LayerType.Kind;
import app.descent.network.LayerType.MacCount;
import app.descent.network.LayerType.OutputShape;
import app.descent.network.LayerType.Param;
import app.descent.network.LayerType.ParamCount;

import app.descent.catalog.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static app.descent.network.LayerType.Category.ACTIVATION;
import static app.descent.network.LayerType.Category.CONVOLUTION;
import static app.descent.network.LayerType.Category.DROPOUT;
import static app.descent.network.LayerType.Category.EMBEDDING;
import static app.descent.network.LayerType.Category.LINEAR;
import static app.descent.network.LayerType.Category.NORMALIZATION;
import static app.descent.network.LayerType.Category.POOLING;
import static app.descent.network.LayerType.Category.RECURRENT;
import static app.descent.network.LayerType.Category.RESHAPE;

/**
 * The layers registry: one {@link LayerType} descriptor per torch.nn module Descent knows, each written once below
 * with its arguments (PyTorch's order and defaults) and its rules (output shape, parameters, MACs, receptive field,
 * argument checks, code). The rules' arithmetic lives in {@link LayerMath}. Adding a layer type = one {@code add(...)} here (plus its
 * DJL block in {@code training.TorchLayers} if it can be trained, or its name in {@code TorchLayers.UNTRAINABLE}).
 */
public final class Layers {
    private Layers() {
    }

    /** The rules of a family of layers, shared by its members (Conv1d and Conv2d, the dropouts, ...). */
    record Rules(OutputShape shape, ParamCount parameters, MacCount macs, FieldRule field, ArgumentCheck check) {
        Rules(OutputShape shape, ParamCount parameters, MacCount macs, FieldRule field) {
            this(shape, parameters, macs, field, NO_CHECK);
        }
    }

    private static final OutputShape SAME_SHAPE = (spec, in, label) -> in;
    private static final ParamCount NO_PARAMETERS = spec -> 0;
    private static final MacCount NO_MACS = (spec, in, out) -> 0;
    /** Elementwise and per-channel layers: the receptive field passes through. */
    private static final FieldRule KEEPS_FIELD = (spec, rf) -> rf;
    /** The output positions no longer correspond to input windows. */
    private static final FieldRule ENDS_FIELD = (spec, rf) -> null;
    /** Each argument checked on its own (in {@link LayerSpec}) is all there is to check. */
    private static final ArgumentCheck NO_CHECK = spec -> { };
    private static final CodeExport CONSTRUCTOR = PyTorchExporter::constructor;

    /** Activations: same shape, no parameters, no MACs, receptive field kept. */
    private static final Rules ELEMENTWISE = new Rules(SAME_SHAPE, NO_PARAMETERS, NO_MACS, KEEPS_FIELD);

    private static final Map<String, LayerType> REGISTRY = new LinkedHashMap<>();

    /** What each constructor argument does, once for every layer type that takes it (kernel_size, stride, ...). */
    private static final Map<String, String> ARGUMENTS = Map.ofEntries(
            Map.entry("in_features", "the size of each input sample (its last dimension)"),
            Map.entry("out_features", "the size of each output sample: how many units the layer has"),
            Map.entry("bias", "whether the layer adds a learnable bias"),
            Map.entry("device", "where the parameters are created (no effect on shapes here)"),
            Map.entry("dtype", "the number type of the parameters (no effect on shapes here)"),
            Map.entry("in_channels", "how many channels the input has (dimension 1)"),
            Map.entry("out_channels", "how many filters the layer has, so how many channels it outputs"),
            Map.entry("kernel_size", "the side of the window each output looks at"),
            Map.entry("stride", "how far the window moves between outputs (a pool's default: its kernel size)"),
            Map.entry("padding", "how many zeros are added around the input on each side ('same' keeps the size)"),
            Map.entry("dilation", "the spacing between the window's elements"),
            Map.entry("groups", "splits the channels into groups that are convolved separately"),
            Map.entry("padding_mode", "what the padding holds: 'zeros', 'reflect', 'replicate' or 'circular'"),
            Map.entry("output_padding", "extra size added to one side of a transposed convolution's output"),
            Map.entry("return_indices", "also return where each maximum was (for nn.MaxUnpool)"),
            Map.entry("ceil_mode", "round the output size up instead of down"),
            Map.entry("count_include_pad", "whether the padded zeros count in the average"),
            Map.entry("divisor_override", "divide the window's sum by this instead of its size"),
            Map.entry("output_size", "the output's spatial size, whatever the input's"),
            Map.entry("num_features", "how many channels (or features) are normalized"),
            Map.entry("eps", "a small number added to the variance so that it never divides by zero"),
            Map.entry("momentum", "how fast the running mean and variance follow the batches"),
            Map.entry("affine", "whether the layer learns a scale and a shift"),
            Map.entry("track_running_stats", "whether it keeps running statistics to use in evaluation"),
            Map.entry("normalized_shape", "the trailing dimensions normalized over"),
            Map.entry("elementwise_affine", "whether the layer learns a scale (and shift) per element"),
            Map.entry("num_groups", "how many groups the channels are split into"),
            Map.entry("num_channels", "how many channels the input has"),
            Map.entry("p", "the probability that an element is zeroed in training"),
            Map.entry("inplace", "overwrite the input instead of making a new tensor (saves memory)"),
            Map.entry("start_dim", "the first dimension to flatten"),
            Map.entry("end_dim", "the last dimension to flatten"),
            Map.entry("dim", "the dimension the layer works along"),
            Map.entry("unflattened_size", "the shape that dimension is unflattened into"),
            Map.entry("num_embeddings", "how many different tokens the table holds (the vocabulary size)"),
            Map.entry("embedding_dim", "how long the vector of each token is"),
            Map.entry("padding_idx", "a token whose vector stays zero and gets no gradient"),
            Map.entry("max_norm", "vectors longer than this are scaled down to it"),
            Map.entry("norm_type", "which p-norm max_norm measures"),
            Map.entry("scale_grad_by_freq", "scale gradients by how rare each token is in the batch"),
            Map.entry("sparse", "compute sparse gradients of the table"),
            Map.entry("_weight", "an initial table of vectors"),
            Map.entry("_freeze", "keep the given table fixed"),
            Map.entry("input_size", "the number of features of each time step"),
            Map.entry("hidden_size", "the number of features of the hidden state"),
            Map.entry("num_layers", "how many recurrent layers are stacked"),
            Map.entry("batch_first", "whether the input is (batch, time, features) instead of (time, batch, features)"),
            Map.entry("dropout", "dropout probability between stacked recurrent layers"),
            Map.entry("bidirectional", "whether a second layer reads the sequence backwards"),
            Map.entry("nonlinearity", "the activation of the hidden state: 'tanh' or 'relu'"),
            Map.entry("proj_size", "projects the hidden state to this size (0: no projection)"),
            Map.entry("num_parameters", "how many slopes are learned: 1, or one per channel"),
            Map.entry("init", "the learned negative slope's start value"),
            Map.entry("negative_slope", "the slope for negative inputs"),
            Map.entry("alpha", "the value the negative side approaches"),
            Map.entry("approximate", "'none' for the exact function, 'tanh' for the tanh approximation"),
            Map.entry("beta", "the sharpness of the curve"),
            Map.entry("threshold", "above β·x this the function is taken as linear"),
            Map.entry("min_val", "the lower clip value"),
            Map.entry("max_val", "the upper clip value"));

    /** Every descriptor, in palette order. */
    public static Collection<LayerType> all() {
        return Collections.unmodifiableCollection(REGISTRY.values());
    }

    /** The registry's ids (torch.nn class names), in palette order. */
    public static List<String> ids() {
        return List.copyOf(REGISTRY.keySet());
    }

    public static Optional<LayerType> find(String name) {
        return Optional.ofNullable(REGISTRY.get(name));
    }

    /** The descriptor of {@code name}; an unknown name is a {@link NetworkException}. */
    public static LayerType get(String name) {
        LayerType t = REGISTRY.get(name);
        if (t == null) {
            throw new NetworkException("unknown layer type '" + name + "'");
        }
        return t;
    }

    /**
     * One sentence for a tooltip: what argument {@code argument} of {@code type} does and how PyTorch writes it,
     * e.g. "kernel_size: the side of the window each output looks at. PyTorch: nn.Conv2d(..., kernel_size=...)".
     * An argument the type does not take is an error.
     */
    public static String describe(String type, String argument) {
        LayerType t = get(type);
        if (t.param(argument).isEmpty()) {
            throw new NetworkException("nn." + type + " has no argument '" + argument + "'");
        }
        return argument + ": " + ARGUMENTS.get(argument) + ". PyTorch: nn." + type + "(..., " + argument + "=...)";
    }

    private static Param req(String name, Kind kind) {
        return new Param(name, kind, true, null);
    }

    private static Param opt(String name, Kind kind, Object def) {
        return new Param(name, kind, false, def);
    }

    private static void add(String name, Category c, Rules rules, Param... params) {
        if (REGISTRY.containsKey(name)) {
            throw new IllegalStateException("layer type " + name + " registered twice");
        }
        REGISTRY.put(name, new LayerType(name, c, List.of(params), rules.shape(), rules.parameters(), rules.macs(),
                rules.field(), rules.check(), CONSTRUCTOR));
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
        Param device = opt("device", Kind.ANY, null);
        Param dtype = opt("dtype", Kind.ANY, null);

        add("Linear", LINEAR, new Rules(LayerMath::linearShape, LayerMath::linearParameters, LayerMath::linearMacs, ENDS_FIELD),
                req("in_features", Kind.INT), req("out_features", Kind.INT), opt("bias", Kind.BOOL, true), device, dtype);
        add("Identity", LINEAR, new Rules(SAME_SHAPE, NO_PARAMETERS, NO_MACS, KEEPS_FIELD));

        Rules conv = new Rules(LayerMath::convShape, LayerMath::convParameters, LayerMath::convMacs, LayerMath::windowField,
                LayerMath::convCheck);
        for (String name : List.of("Conv1d", "Conv2d")) {
            add(name, CONVOLUTION, conv, req("in_channels", Kind.INT), req("out_channels", Kind.INT),
                    req("kernel_size", Kind.SIZE), opt("stride", Kind.SIZE, 1), opt("padding", Kind.PADDING, 0),
                    opt("dilation", Kind.SIZE, 1), opt("groups", Kind.INT, 1), opt("bias", Kind.BOOL, true),
                    opt("padding_mode", Kind.STRING, "zeros"), device, dtype);
        }
        // an output position of a transposed convolution does not see a window of the input
        add("ConvTranspose2d", CONVOLUTION, new Rules(LayerMath::convShape, LayerMath::convParameters, LayerMath::convMacs, ENDS_FIELD,
                LayerMath::convCheck),
                req("in_channels", Kind.INT), req("out_channels", Kind.INT),
                req("kernel_size", Kind.SIZE), opt("stride", Kind.SIZE, 1), opt("padding", Kind.SIZE, 0),
                opt("output_padding", Kind.SIZE, 0), opt("groups", Kind.INT, 1), opt("bias", Kind.BOOL, true),
                opt("dilation", Kind.SIZE, 1), opt("padding_mode", Kind.STRING, "zeros"), device, dtype);

        Rules pool = new Rules(LayerMath::poolShape, NO_PARAMETERS, NO_MACS, LayerMath::windowField, LayerMath::poolCheck);
        Rules adaptive = new Rules(LayerMath::adaptivePoolShape, NO_PARAMETERS, NO_MACS, ENDS_FIELD);
        for (String d : List.of("1d", "2d")) {
            add("MaxPool" + d, POOLING, pool, req("kernel_size", Kind.SIZE), opt("stride", Kind.OPT_SIZE, null),
                    opt("padding", Kind.SIZE, 0), opt("dilation", Kind.SIZE, 1), opt("return_indices", Kind.BOOL, false),
                    opt("ceil_mode", Kind.BOOL, false));
            Param[] avg = {req("kernel_size", Kind.SIZE), opt("stride", Kind.OPT_SIZE, null),
                    opt("padding", Kind.SIZE, 0), opt("ceil_mode", Kind.BOOL, false), opt("count_include_pad", Kind.BOOL, true)};
            add("AvgPool" + d, POOLING, pool, d.equals("2d") ? concat(avg, opt("divisor_override", Kind.OPT_INT, null)) : avg);
            add("AdaptiveAvgPool" + d, POOLING, adaptive, req("output_size", Kind.OUTPUT_SIZE));
            add("AdaptiveMaxPool" + d, POOLING, adaptive, req("output_size", Kind.OUTPUT_SIZE),
                    opt("return_indices", Kind.BOOL, false));
        }

        Param[] batchNorm = {req("num_features", Kind.INT), opt("eps", Kind.FLOAT, 1e-5), opt("momentum", Kind.OPT_FLOAT, 0.1),
                opt("affine", Kind.BOOL, true), opt("track_running_stats", Kind.BOOL, true), device, dtype};
        add("BatchNorm1d", NORMALIZATION, new Rules(LayerMath::batchNorm1dShape, LayerMath::batchNormParameters, NO_MACS,
                KEEPS_FIELD), batchNorm);
        add("BatchNorm2d", NORMALIZATION, new Rules(LayerMath::batchNorm2dShape, LayerMath::batchNormParameters, NO_MACS,
                KEEPS_FIELD), batchNorm);
        add("LayerNorm", NORMALIZATION, new Rules(LayerMath::layerNormShape, LayerMath::layerNormParameters, NO_MACS, ENDS_FIELD),
                req("normalized_shape", Kind.SHAPE), opt("eps", Kind.FLOAT, 1e-5),
                opt("elementwise_affine", Kind.BOOL, true), opt("bias", Kind.BOOL, true), device, dtype);
        add("GroupNorm", NORMALIZATION, new Rules(LayerMath::groupNormShape, LayerMath::groupNormParameters, NO_MACS, KEEPS_FIELD,
                LayerMath::groupNormCheck),
                req("num_groups", Kind.INT), req("num_channels", Kind.INT),
                opt("eps", Kind.FLOAT, 1e-5), opt("affine", Kind.BOOL, true), device, dtype);

        add("Dropout", DROPOUT, new Rules(SAME_SHAPE, NO_PARAMETERS, NO_MACS, KEEPS_FIELD), opt("p", Kind.FLOAT, 0.5), inplace);
        add("Dropout1d", DROPOUT, new Rules(LayerMath::dropout1dShape, NO_PARAMETERS, NO_MACS, KEEPS_FIELD),
                opt("p", Kind.FLOAT, 0.5), inplace);
        add("Dropout2d", DROPOUT, new Rules(LayerMath::dropout2dShape, NO_PARAMETERS, NO_MACS, KEEPS_FIELD),
                opt("p", Kind.FLOAT, 0.5), inplace);

        add("Flatten", RESHAPE, new Rules(LayerMath::flattenShape, NO_PARAMETERS, NO_MACS, ENDS_FIELD),
                opt("start_dim", Kind.INT, 1), opt("end_dim", Kind.INT, -1));
        add("Unflatten", RESHAPE, new Rules(LayerMath::unflattenShape, NO_PARAMETERS, NO_MACS, ENDS_FIELD),
                req("dim", Kind.INT), req("unflattened_size", Kind.SHAPE));
        add("Embedding", EMBEDDING, new Rules(LayerMath::embeddingShape, LayerMath::embeddingParameters, NO_MACS, ENDS_FIELD),
                req("num_embeddings", Kind.INT), req("embedding_dim", Kind.INT),
                opt("padding_idx", Kind.OPT_INT, null), opt("max_norm", Kind.OPT_FLOAT, null), opt("norm_type", Kind.FLOAT, 2.0),
                opt("scale_grad_by_freq", Kind.BOOL, false), opt("sparse", Kind.BOOL, false),
                opt("_weight", Kind.ANY, null), opt("_freeze", Kind.BOOL, false), device, dtype);

        Rules recurrent = new Rules(LayerMath::recurrentShape, LayerMath::recurrentParameters, LayerMath::recurrentMacs,
                ENDS_FIELD, LayerMath::recurrentCheck);
        Param[] rnnHead = {req("input_size", Kind.INT), req("hidden_size", Kind.INT), opt("num_layers", Kind.INT, 1)};
        Param[] rnnTail = {opt("bias", Kind.BOOL, true), opt("batch_first", Kind.BOOL, false), opt("dropout", Kind.FLOAT, 0.0),
                opt("bidirectional", Kind.BOOL, false)};
        add("RNN", RECURRENT, recurrent, concat(concat(rnnHead, opt("nonlinearity", Kind.STRING, "tanh")),
                concat(rnnTail, device, dtype)));
        add("LSTM", RECURRENT, recurrent, concat(concat(rnnHead, rnnTail), opt("proj_size", Kind.INT, 0), device, dtype));
        add("GRU", RECURRENT, recurrent, concat(concat(rnnHead, rnnTail), device, dtype));

        // the element-wise activations come from the activations registry, with their torch arguments and defaults
        for (Activation a : Activation.values()) {
            if (!REGISTRY.containsKey(a.torchName())) {
                add(a.torchName(), ACTIVATION, ELEMENTWISE, a.args().stream().map(Layers::param).toArray(Param[]::new));
            }
        }
        add("PReLU", ACTIVATION, new Rules(LayerMath::preluShape, LayerMath::preluParameters, NO_MACS, KEEPS_FIELD),
                opt("num_parameters", Kind.INT, 1), opt("init", Kind.FLOAT, 0.25), device, dtype);
        add("Hardswish", ACTIVATION, ELEMENTWISE, inplace);
        // a softmax mixes all positions along dim: its outputs are no longer windows of the input
        Rules softmax = new Rules(LayerMath::softmaxShape, NO_PARAMETERS, NO_MACS, ENDS_FIELD);
        add("Softmax", ACTIVATION, softmax, opt("dim", Kind.OPT_INT, null));
        add("LogSoftmax", ACTIVATION, softmax, opt("dim", Kind.OPT_INT, null));

        for (LayerType t : REGISTRY.values()) {
            for (Param p : t.params()) {
                if (!ARGUMENTS.containsKey(p.name())) {
                    throw new IllegalStateException("argument " + p.name() + " of " + t.name() + " has no description");
                }
            }
        }
    }
}
