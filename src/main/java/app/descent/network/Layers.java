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
    }
}
