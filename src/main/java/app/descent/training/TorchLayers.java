package app.descent.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;
import java.util.Map;

/**
 * A PyTorch module, named by its class and arguments (as in the Builder), turned into the DJL block that computes
 * the same thing. Weight layouts agree with PyTorch's: Linear (out, in), Conv (out, in/groups, k…).
 */
public final class TorchLayers {
    private TorchLayers() {
    }

    /**
     * The layer types that can be trained: ids of the layers registry ({@code network.Layers}) with their DJL block
     * in {@link #block(String, Map)}, and every activation of the activations registry.
     */
    public static final java.util.Set<String> TRAINABLE = trainable("Linear", "Conv1d", "Conv2d", "MaxPool2d",
            "AvgPool2d", "AdaptiveAvgPool2d", "BatchNorm1d", "BatchNorm2d", "LayerNorm", "Dropout", "Flatten",
            "Softmax", "LogSoftmax");

    private static java.util.Set<String> trainable(String... layers) {
        java.util.Set<String> all = new java.util.HashSet<>(java.util.List.of(layers));
        for (app.descent.catalog.Activation a : app.descent.catalog.Activation.values()) {
            all.add(a.torchName());
        }
        return java.util.Set.copyOf(all);
    }

    /**
     * The DJL block of each activation of the registry, keyed by it (see {@link #definition}).
     * {@code args} are the torch.nn constructor's (the registry's defaults).
     */
    public static Block activation(app.descent.catalog.Activation a, Map<String, Object> args) {
        return definition(a, args).block();
    }

    /**
     * An activation's gradient for its input, from the gradient {@code dy} of its output, its input {@code x} and
     * its output {@code y}, computed as libtorch's autograd computes it (same operations, same order), for the
     * training step that does without autograd ({@link ManualStep}).
     */
    @FunctionalInterface
    interface Slope {
        NDArray backward(NDArray dy, NDArray x, NDArray y);
    }

    /** An activation's DJL block and, where it is written, its {@link Slope} (null: only autograd trains it). */
    record ActivationDefinition(Block block, Slope slope) {
    }

    /**
     * The DJL definition of each activation of the registry, keyed by it: its block and, beside it, its slope; the
     * switch has no default, so an activation without its block does not compile. {@code args} are the torch.nn
     * constructor's (the registry's defaults).
     */
    static ActivationDefinition definition(app.descent.catalog.Activation a, Map<String, Object> args) {
        return switch (a) {
            // sigmoid_backward: dy · (1 − y) · y
            case SIGMOID -> new ActivationDefinition(Activation.sigmoidBlock(),
                    (dy, x, y) -> dy.mul(y.neg().add(1)).muli(y));
            // tanh_backward: dy · (1 − y²)
            case TANH -> new ActivationDefinition(Activation.tanhBlock(),
                    (dy, x, y) -> dy.mul(y.square().neg().add(1)));
            // threshold_backward(dy, y, 0): dy where y > 0, else 0
            case RELU -> new ActivationDefinition(Activation.reluBlock(), (dy, x, y) -> dy.mul(y.gt(0)));
            case LEAKY_RELU -> {
                float slope = (float) number(args, "negative_slope", 0.01);
                // leaky_relu_backward: dy where x > 0, else dy · slope
                yield new ActivationDefinition(Activation.leakyReluBlock(slope),
                        (dy, x, y) -> ai.djl.ndarray.NDArrays.where(x.gt(0), dy, dy.mul(slope)));
            }
            case ELU -> new ActivationDefinition(Activation.eluBlock((float) number(args, "alpha", 1.0)), null);
            case GELU -> new ActivationDefinition(Activation.geluBlock(), null);
            case SILU -> new ActivationDefinition(Activation.swishBlock(1f), null);
            case SOFTPLUS -> new ActivationDefinition(Activation.softPlusBlock(), null);
            case RELU6 -> new ActivationDefinition(Activation.relu6Block(), null);
            case IDENTITY -> new ActivationDefinition(Blocks.identityBlock(), (dy, x, y) -> dy);
            case MISH -> new ActivationDefinition(
                    LambdaBlock.singleton(x -> x.mul(Activation.softPlus(x).tanh()), "Mish"), null);
            case SOFTSIGN -> new ActivationDefinition(LambdaBlock.singleton(x -> x.div(x.abs().add(1)), "Softsign"), null);
            case HARDTANH -> new ActivationDefinition(
                    hardtanh(number(args, "min_val", -1.0), number(args, "max_val", 1.0)), null);
        };
    }

    /**
     * The registry's layer types without a DJL block yet: shapes, parameters and code work in the Builder, training
     * them is refused with a clear message. Every registry id is in exactly one of {@link #TRAINABLE} and this set.
     */
    public static final java.util.Set<String> UNTRAINABLE = java.util.Set.of("ConvTranspose2d", "MaxPool1d", "AvgPool1d",
            "AdaptiveAvgPool1d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "GroupNorm", "Dropout1d", "Dropout2d",
            "Unflatten", "Embedding", "RNN", "LSTM", "GRU", "PReLU", "Hardswish");

    /**
     * Hardtanh as torch.nn computes it: the slope is 1 strictly inside (min, max) and 0 from the bounds on, at the
     * bounds too (clip's slope is 1 there).
     */
    private static Block hardtanh(double min, double max) {
        return LambdaBlock.singleton(x -> {
            ai.djl.ndarray.types.DataType t = x.getDataType();
            return x.mul(x.gt(min).logicalAnd(x.lt(max)).toType(t, false))
                    .add(x.lte(min).toType(t, false).mul(min))
                    .add(x.gte(max).toType(t, false).mul(max));
        }, "Hardtanh");
    }

    /**
     * @param args PyTorch's argument names with their values: Integer, Double, Boolean, String, or int[] for tuples
     */
    public static Block block(String type, Map<String, Object> args) {
        app.descent.catalog.Activation activation = app.descent.catalog.Activation.ofTorchName(type);
        if (activation != null) {
            return activation(activation, args);
        }
        return switch (type) {
            case "Linear" -> Linear.builder().setUnits(integer(args, "out_features")).optBias(bool(args, "bias", true))
                    .build();
            // not DJL's Conv2d/Conv1d: see UnfoldConvolution for the wrong gradients libtorch's own convolution gives
            case "Conv2d" -> UnfoldConvolution.builder(2).setFilters(integer(args, "out_channels"))
                    .setKernelShape(pair(args, "kernel_size", 0)).optStride(pair(args, "stride", 1))
                    .optPadding(padding(args, 2)).optDilation(pair(args, "dilation", 1))
                    .optGroups(integerOr(args, "groups", 1)).optBias(bool(args, "bias", true)).build();
            case "Conv1d" -> UnfoldConvolution.builder(1).setFilters(integer(args, "out_channels"))
                    .setKernelShape(new Shape(integer(args, "kernel_size"))).optStride(new Shape(integerOr(args, "stride", 1)))
                    .optPadding(padding(args, 1)).optDilation(new Shape(integerOr(args, "dilation", 1)))
                    .optGroups(integerOr(args, "groups", 1)).optBias(bool(args, "bias", true)).build();
            case "MaxPool2d" -> Pool.maxPool2dBlock(pair(args, "kernel_size", 0), poolStride(args),
                    pair(args, "padding", 0), bool(args, "ceil_mode", false));
            case "AvgPool2d" -> LambdaBlock.singleton(x -> Pool.avgPool2d(x, pair(args, "kernel_size", 0), poolStride(args),
                    pair(args, "padding", 0), bool(args, "ceil_mode", false), bool(args, "count_include_pad", true)),
                    "AvgPool2d");
            case "AdaptiveAvgPool2d" -> adaptiveAvgPool(args);
            case "BatchNorm1d", "BatchNorm2d" -> BatchNorm.builder().optAxis(1)
                    .optEpsilon((float) number(args, "eps", 1e-5))
                    // DJL keeps this much of the old running average; PyTorch's momentum is the share of the new batch
                    .optMomentum((float) (1 - number(args, "momentum", 0.1)))
                    .optCenter(bool(args, "affine", true)).optScale(bool(args, "affine", true)).build();
            // DJL cannot take axis -1; PyTorch normalizes the last len(normalized_shape) dimensions, which for the
            // networks Descent trains are all but the batch's
            case "LayerNorm" -> LayerNorm.builder().axis(normalizedAxes(args)).optEpsilon((float) number(args, "eps", 1e-5))
                    .optCenter(bool(args, "elementwise_affine", true)).optScale(bool(args, "elementwise_affine", true))
                    .build();
            case "Dropout" -> Dropout.builder().optRate((float) number(args, "p", 0.5)).build();
            case "Flatten" -> {
                if (integerOr(args, "start_dim", 1) != 1 || integerOr(args, "end_dim", -1) != -1) {
                    throw new TrainingException("Flatten with start_dim other than 1 or end_dim other than -1 "
                            + "cannot be trained yet");
                }
                yield Blocks.batchFlattenBlock();
            }
            case "Softmax" -> LambdaBlock.singleton(x -> x.softmax(integerOr(args, "dim", -1)), "Softmax");
            case "LogSoftmax" -> LambdaBlock.singleton(x -> x.logSoftmax(integerOr(args, "dim", -1)), "LogSoftmax");
            default -> throw new TrainingException(type + " layers cannot be trained yet; trainable layers: "
                    + String.join(", ", new java.util.TreeSet<>(TRAINABLE)));
        };
    }

    private static int[] normalizedAxes(Map<String, Object> args) {
        Object v = args.get("normalized_shape");
        int k = v instanceof int[] t ? t.length : v instanceof java.util.List<?> t ? t.size() : 1;
        int[] axes = new int[k];
        for (int i = 0; i < k; i++) {
            axes[i] = i + 1;
        }
        return axes;
    }

    private static Block adaptiveAvgPool(Map<String, Object> args) {
        Shape out = pair(args, "output_size", 1);
        if (out.get(0) != 1 || out.get(1) != 1) {
            throw new TrainingException("AdaptiveAvgPool2d can be trained with output size 1 only");
        }
        return new LambdaBlock(x -> new NDList(Pool.globalAvgPool2d(x.singletonOrThrow()).expandDims(-1).expandDims(-1)),
                "AdaptiveAvgPool2d");
    }

    private static Shape poolStride(Map<String, Object> args) {
        return args.get("stride") == null ? pair(args, "kernel_size", 0) : pair(args, "stride", 1);
    }

    private static Shape padding(Map<String, Object> args, int dims) {
        Object p = args.get("padding");
        if (p instanceof String s) {
            if (s.equals("valid")) {
                return dims == 2 ? new Shape(0, 0) : new Shape(0);
            }
            // 'same' with stride 1: PyTorch pads dilation·(k−1)/2 on each side (odd kernels)
            Shape k = dims == 2 ? pair(args, "kernel_size", 0) : new Shape(integer(args, "kernel_size"));
            Shape d = dims == 2 ? pair(args, "dilation", 1) : new Shape(integerOr(args, "dilation", 1));
            long[] pad = new long[dims];
            for (int i = 0; i < dims; i++) {
                long total = d.get(i) * (k.get(i) - 1);
                if (total % 2 != 0) {
                    throw new TrainingException("padding='same' with an even kernel cannot be trained yet");
                }
                pad[i] = total / 2;
            }
            return new Shape(pad);
        }
        return dims == 2 ? pair(args, "padding", 0) : new Shape(integerOr(args, "padding", 0));
    }

    private static Shape pair(Map<String, Object> args, String key, int fallback) {
        Object v = args.get(key);
        if (v == null) {
            if (fallback == 0) {
                throw new TrainingException("missing " + key);
            }
            return new Shape(fallback, fallback);
        }
        if (v instanceof int[] t) {
            return t.length == 1 ? new Shape(t[0], t[0]) : new Shape(t[0], t[1]);
        }
        if (v instanceof java.util.List<?> t && !t.isEmpty()) {
            long a = ((Number) t.get(0)).longValue();
            return new Shape(a, t.size() == 1 ? a : ((Number) t.get(1)).longValue());
        }
        if (!(v instanceof Number)) {
            throw new TrainingException(key + " = " + v + " cannot be trained");
        }
        long n = ((Number) v).longValue();
        return new Shape(n, n);
    }

    private static int integer(Map<String, Object> args, String key) {
        Object v = args.get(key);
        if (v instanceof int[] t && t.length > 0) {
            return t[0];
        }
        if (v instanceof java.util.List<?> t && !t.isEmpty() && t.get(0) instanceof Number first) {
            return first.intValue();
        }
        if (!(v instanceof Number n)) {
            throw new TrainingException("missing " + key);
        }
        return n.intValue();
    }

    private static int integerOr(Map<String, Object> args, String key, int fallback) {
        return args.get(key) == null ? fallback : integer(args, key);
    }

    private static double number(Map<String, Object> args, String key, double fallback) {
        Object v = args.get(key);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    private static boolean bool(Map<String, Object> args, String key, boolean fallback) {
        Object v = args.get(key);
        return v instanceof Boolean b ? b : fallback;
    }
}
