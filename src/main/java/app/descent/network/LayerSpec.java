package app.descent.network;

import app.descent.network.LayerType.Kind;
import app.descent.network.LayerType.Param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A leaf layer as PyTorch would construct it: a type from the {@link Layers} registry and all its constructor
 * arguments resolved (PyTorch's defaults filled in), keyed by PyTorch's argument names in PyTorch's order.
 * <p>Values are normalised: integers are {@link Integer}, floats {@link Double}, tuples/lists immutable
 * {@code List<Object>}, None is {@code null}. Immutable; build with {@link #of(String, Object...)} (positional
 * arguments like Python) or {@link #of(String, List, Map)} (positional and keyword arguments).
 */
public final class LayerSpec {
    private final LayerType type;
    private final Map<String, Object> args;

    private LayerSpec(LayerType type, Map<String, Object> args) {
        this.type = type;
        this.args = Collections.unmodifiableMap(args);
    }

    /** A layer from positional arguments, e.g. {@code LayerSpec.of("Conv2d", 3, 16, 3)}. */
    public static LayerSpec of(String type, Object... positional) {
        return of(type, List.of(positional), Map.of());
    }

    /** A layer from keyword arguments only, e.g. {@code LayerSpec.kw("Softmax", Map.of("dim", 1))}. */
    public static LayerSpec kw(String type, Map<String, ?> keywords) {
        return of(type, List.of(), keywords);
    }

    /**
     * A layer from Python-style arguments, checked the way PyTorch checks them (too many arguments, unknown
     * keyword, missing required argument, wrong kind, impossible values).
     */
    public static LayerSpec of(String typeName, List<?> positional, Map<String, ?> keywords) {
        LayerType type = LayerType.get(typeName);
        Map<String, Object> values = new LinkedHashMap<>();
        if (type.name().equals("Identity")) {
            return new LayerSpec(type, values); // nn.Identity accepts and ignores any argument
        }
        List<Param> params = type.params();
        if (positional.size() > params.size()) {
            throw new NetworkException(typeName + " takes at most " + params.size() + " arguments but "
                    + positional.size() + " were given");
        }
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            given.put(params.get(i).name(), positional.get(i));
        }
        for (Map.Entry<String, ?> e : keywords.entrySet()) {
            if (type.param(e.getKey()).isEmpty()) {
                throw new NetworkException(typeName + " got an unexpected keyword argument '" + e.getKey() + "'");
            }
            if (given.containsKey(e.getKey())) {
                throw new NetworkException(typeName + " got multiple values for argument '" + e.getKey() + "'");
            }
            given.put(e.getKey(), e.getValue());
        }
        for (Param p : params) {
            if (given.containsKey(p.name())) {
                values.put(p.name(), normalize(type, p, given.get(p.name())));
            } else if (p.required()) {
                throw new NetworkException(typeName + " missing required argument '" + p.name() + "'");
            } else {
                values.put(p.name(), p.defaultValue());
            }
        }
        LayerSpec spec = new LayerSpec(type, values);
        spec.validate();
        return spec;
    }

    /** A copy with one argument changed (validated). */
    public LayerSpec with(String name, Object value) {
        Map<String, Object> kw = new LinkedHashMap<>(args);
        kw.put(name, value);
        return of(type.name(), List.of(), kw);
    }

    public String type() {
        return type.name();
    }

    public LayerType layerType() {
        return type;
    }

    /** All arguments with defaults filled in, in PyTorch's order. */
    public Map<String, Object> args() {
        return args;
    }

    /** Only the arguments that differ from PyTorch's defaults (required ones always), in PyTorch's order. */
    public Map<String, Object> explicitArgs() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Param p : type.params()) {
            Object v = args.get(p.name());
            if (p.required() || !sameValue(v, p.defaultValue())) {
                out.put(p.name(), v);
            }
        }
        return out;
    }

    public Object arg(String name) {
        if (!args.containsKey(name)) {
            throw new IllegalArgumentException(type.name() + " has no argument " + name);
        }
        return args.get(name);
    }

    public int intArg(String name) {
        return (Integer) arg(name);
    }

    public boolean boolArg(String name) {
        return (Boolean) arg(name);
    }

    /** An int-or-tuple argument expanded to one value per spatial dimension. */
    public int[] sizeArg(String name, int dims) {
        return expand(arg(name), dims);
    }

    static int[] expand(Object v, int dims) {
        int[] out = new int[dims];
        if (v instanceof Integer i) {
            java.util.Arrays.fill(out, i);
        } else {
            List<?> l = (List<?>) v;
            for (int d = 0; d < dims; d++) {
                out[d] = (Integer) l.get(d);
            }
        }
        return out;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static NetworkException bad(LayerType t, Param p, Object v, String expected) {
        return new NetworkException(t.name() + " argument '" + p.name() + "' must be " + expected + ", got " + PyTorchExporter.literal(v));
    }

    private static Object normalize(LayerType t, Param p, Object v) {
        switch (p.kind()) {
            case ANY:
                return anyValue(v);
            case INT:
                return toInt(t, p, v);
            case OPT_INT:
                return v == null ? null : toInt(t, p, v);
            case FLOAT:
                return toDouble(t, p, v);
            case OPT_FLOAT:
                return v == null ? null : toDouble(t, p, v);
            case BOOL:
                if (v instanceof Boolean) {
                    return v;
                }
                if (v instanceof Integer i && (i == 0 || i == 1)) {
                    return i == 1;
                }
                throw bad(t, p, v, "True or False");
            case STRING:
                if (v instanceof String) {
                    return v;
                }
                throw bad(t, p, v, "a string");
            case OPT_SIZE:
                if (v == null) {
                    return null;
                }
                return size(t, p, v);
            case SIZE:
                return size(t, p, v);
            case PADDING:
                if (v instanceof String s) {
                    if (s.equals("same") || s.equals("valid")) {
                        return s;
                    }
                    throw bad(t, p, v, "'same', 'valid', an int or a tuple");
                }
                return size(t, p, v);
            case SHAPE:
                if (v instanceof List<?> l) {
                    List<Object> out = new ArrayList<>();
                    for (Object o : l) {
                        out.add(toInt(t, p, o));
                    }
                    return Collections.unmodifiableList(out);
                }
                return toInt(t, p, v);
            case OUTPUT_SIZE:
                if (v == null) {
                    return null;
                }
                if (v instanceof List<?> l) {
                    int dims = Math.max(1, t.spatialDims());
                    if (l.size() != dims) {
                        throw bad(t, p, v, "an int or a tuple of " + dims);
                    }
                    List<Object> out = new ArrayList<>();
                    for (Object o : l) {
                        out.add(o == null ? null : toInt(t, p, o));
                    }
                    return Collections.unmodifiableList(out);
                }
                return toInt(t, p, v);
            default:
                throw new IllegalStateException();
        }
    }

    private static Object anyValue(Object v) {
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(anyValue(o));
            }
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    private static Object size(LayerType t, Param p, Object v) {
        int dims = Math.max(1, t.spatialDims());
        if (v instanceof List<?> l) {
            if (l.size() != dims) {
                throw bad(t, p, v, "an int or a tuple of " + dims + " ints");
            }
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(toInt(t, p, o));
            }
            return Collections.unmodifiableList(out);
        }
        return toInt(t, p, v);
    }

    private static Integer toInt(LayerType t, Param p, Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw bad(t, p, v, "an integer");
    }

    private static Double toDouble(LayerType t, Param p, Object v) {
        if (v instanceof Number n && !(v instanceof Boolean)) {
            return n.doubleValue();
        }
        throw bad(t, p, v, "a number");
    }

    private void validate() {
        for (Param p : type.params()) {
            Object v = args.get(p.name());
            switch (p.name()) {
                case "in_features", "out_features", "in_channels", "out_channels", "num_features", "groups",
                     "num_embeddings", "embedding_dim", "input_size", "hidden_size", "num_layers", "num_parameters",
                     "num_groups", "num_channels", "kernel_size", "dilation" -> positive(p, v);
                case "stride" -> {
                    if (v != null) {
                        positive(p, v);
                    }
                }
                case "padding", "output_padding", "proj_size" -> {
                    if (!(v instanceof String)) {
                        nonNegative(p, v);
                    }
                }
                case "normalized_shape", "unflattened_size" -> positive(p, v);
                case "output_size" -> {
                    if (v instanceof Integer i && i < 1 || v instanceof List<?> l && l.stream().anyMatch(o -> o != null && (Integer) o < 1)) {
                        throw bad(type, p, v, "positive");
                    }
                }
                case "p", "dropout" -> {
                    double d = (Double) v;
                    if (!(d >= 0 && d <= 1)) {
                        throw bad(type, p, v, "between 0 and 1");
                    }
                }
                case "padding_mode" -> {
                    if (!List.of("zeros", "reflect", "replicate", "circular").contains(v)) {
                        throw bad(type, p, v, "'zeros', 'reflect', 'replicate' or 'circular'");
                    }
                }
                case "nonlinearity" -> {
                    if (!List.of("tanh", "relu").contains(v)) {
                        throw bad(type, p, v, "'tanh' or 'relu'");
                    }
                }
                case "approximate" -> {
                    if (!List.of("none", "tanh").contains(v)) {
                        throw bad(type, p, v, "'none' or 'tanh'");
                    }
                }
                default -> {
                }
            }
        }
        type.check().of(this);
    }

    private void positive(Param p, Object v) {
        if (v instanceof Integer i && i < 1 || v instanceof List<?> l && l.stream().anyMatch(o -> (Integer) o < 1)) {
            throw bad(type, p, v, "positive");
        }
    }

    private void nonNegative(Param p, Object v) {
        if (v instanceof Integer i && i < 0 || v instanceof List<?> l && l.stream().anyMatch(o -> (Integer) o < 0)) {
            throw bad(type, p, v, "non-negative");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerSpec s && s.type.name().equals(type.name()) && s.args.equals(args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type.name(), args);
    }

    /** PyTorch-style constructor text, e.g. {@code Conv2d(3, 16, kernel_size=3, padding=1)}. */
    @Override
    public String toString() {
        return type.export().code(this, "");
    }
}
