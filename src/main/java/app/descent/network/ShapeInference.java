package app.descent.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a network on an input shape (batch dimension included, as in {@code torch.randn(N, C, H, W)}) without any
 * numbers: output shape, parameters, trainable parameters, multiply-accumulates and receptive field per executed leaf.
 * <p><b>MACs are per sample</b> (batch dimension excluded, like torchinfo's "Mult-Adds" divided by the batch size):
 * Conv = C_out·H_out·W_out·(C_in/groups)·k_h·k_w, Linear = in·out times the non-batch leading dimensions,
 * ConvTranspose = C_in·H_in·W_in·(C_out/groups)·k_h·k_w, RNN/LSTM/GRU = L·Σ gates·H·(in + H) (+ projection).
 * Normalisation, activations and pooling count 0 MACs.
 * <p>All errors are {@link NetworkException}s naming the layer ("layer 2 Linear expects 8 input features but receives 7").
 */
public final class ShapeInference {
    private ShapeInference() {
    }

    /**
     * One executed leaf. A module run twice (the relu of a ResNet BasicBlock) appears twice; totals count it once.
     *
     * @param receptiveField receptive field after this layer, null when the output is no longer spatial
     */
    public record LayerResult(int index, String name, String type, LayerSpec spec, List<Integer> inputShape,
                              List<Integer> outputShape, long params, long trainableParams, boolean trainable,
                              long macs, ReceptiveField receptiveField) {
        /** The receptive field side (height axis) or null. */
        public Integer receptiveFieldSide() {
            return receptiveField == null ? null : receptiveField.side();
        }
    }

    /** The whole run. {@code params} and {@code trainableParams} count every module once; {@code macs} per sample. */
    public record Result(List<Integer> input, List<Integer> outputShape, List<LayerResult> layers, long params,
                         long trainableParams, long macs) {
    }

    public static Result infer(Network network, List<Integer> input) {
        if (input == null || input.isEmpty()) {
            throw new NetworkException("input shape is empty");
        }
        for (Integer d : input) {
            if (d == null || d < 1) {
                throw new NetworkException("input shape " + input + " must contain positive sizes");
            }
        }
        Run run = new Run();
        State out = run.node(network.root(), "", new State(List.copyOf(input), false, ReceptiveField.PIXEL));
        long macs = 0;
        for (LayerResult r : run.results) {
            macs = add(macs, r.macs());
        }
        return new Result(List.copyOf(input), out.shape, Collections.unmodifiableList(run.results), network.params(),
                network.trainableParams(), macs);
    }

    /**
     * As far as the network goes: the layers before the first one that does not fit, that layer's execution index
     * and the message (or -1 and null when everything fits, with {@code result} set).
     */
    public record Partial(List<LayerResult> layers, int failedIndex, String error, Result result) {
    }

    public static Partial inferPartial(Network network, List<Integer> input) {
        Run run = new Run();
        try {
            if (input == null || input.isEmpty() || input.stream().anyMatch(d -> d == null || d < 1)) {
                throw new NetworkException("input shape " + input + " must contain positive sizes");
            }
            Result r = infer(network, input);
            return new Partial(r.layers(), -1, null, r);
        } catch (NetworkException e) {
            // rerun to collect what came before the failure
            try {
                run.node(network.root(), "", new State(List.copyOf(input), false, ReceptiveField.PIXEL));
            } catch (NetworkException again) {
                // expected: the same failure
            } catch (RuntimeException ignored) {
                // the input itself is unusable: no layer ran
            }
            return new Partial(Collections.unmodifiableList(run.results), run.results.size(), e.getMessage(), null);
        }
    }

    /** Output shape of a single layer (index 0 in messages). */
    public static List<Integer> outputShape(LayerSpec spec, List<Integer> input) {
        return apply(spec, input, "layer 0 " + spec.type());
    }

    // ------------------------------------------------------------------------------------------ execution

    private record State(List<Integer> shape, boolean tuple, ReceptiveField rf) {
    }

    private static final class Run {
        final List<LayerResult> results = new ArrayList<>();

        State node(NetworkNode node, String path, State in) {
            if (node instanceof Layer l) {
                return leaf(l, path, in);
            }
            Container c = (Container) node;
            if (c.kind() == Container.Kind.RESIDUAL) {
                return residual(c, path, in);
            }
            State s = in;
            for (NetworkNode child : c.children()) {
                if (child.name().equals(c.flattenBefore())) {
                    s = flatten(s, path);
                }
                s = node(child, join(path, child.name()), s);
            }
            return s;
        }

        private State flatten(State s, String path) {
            if (s.tuple) {
                throw new NetworkException("torch.flatten in " + (path.isEmpty() ? "forward" : path) + " receives a tuple (output, hidden state) from a recurrent layer");
            }
            List<Integer> sh = s.shape;
            if (sh.size() < 2) {
                throw new NetworkException("torch.flatten(x, 1) in " + (path.isEmpty() ? "forward" : path) + " needs at least 2 dimensions but receives " + sh);
            }
            long prod = 1;
            for (int i = 1; i < sh.size(); i++) {
                prod = mul(prod, sh.get(i));
            }
            return new State(List.of(sh.get(0), dim(prod, "torch.flatten")), false, null);
        }

        private State residual(Container c, String path, State in) {
            State main = in;
            for (NetworkNode child : c.children()) {
                if (!child.name().equals(c.shortcut())) {
                    main = node(child, join(path, child.name()), main);
                }
            }
            State sc = in;
            if (c.shortcut() != null) {
                sc = node(c.child(c.shortcut()), join(path, c.shortcut()), in);
            }
            if (main.tuple || sc.tuple || !main.shape.equals(sc.shape)) {
                throw new NetworkException("residual block " + path + ": main path gives " + main.shape + " but shortcut gives "
                        + sc.shape + " (they must match to be added)");
            }
            ReceptiveField rf = main.rf == null || sc.rf == null ? null : main.rf.max(sc.rf);
            State sum = new State(main.shape, false, rf);
            if (c.after() != null) {
                sum = node(c.child(c.after()), join(path, c.after()), sum);
            }
            return sum;
        }

        private State leaf(Layer layer, String path, State in) {
            int index = results.size();
            LayerSpec spec = layer.spec();
            String label = label(index, path, spec.type());
            if (in.tuple) {
                throw new NetworkException(label + " receives a tuple (output, hidden state) from the recurrent layer before it;"
                        + " nn.Sequential cannot pass it on");
            }
            List<Integer> out = apply(spec, in.shape, label);
            long p = params(spec);
            long macs = macs(spec, in.shape, out);
            ReceptiveField rf = in.rf == null ? null : receptiveField(spec, in.rf);
            boolean tuple = spec.layerType().category() == LayerType.Category.RECURRENT;
            ReceptiveField shown = rf != null && out.size() >= 2 ? rf : null;
            results.add(new LayerResult(index, path, spec.type(), spec, in.shape, out, p, layer.trainable() ? p : 0,
                    layer.trainable(), macs, shown));
            return new State(out, tuple, rf);
        }
    }

    static String label(int index, String path, String type) {
        return path.equals(String.valueOf(index)) || path.isEmpty() ? "layer " + index + " " + type : "layer " + index + " (" + path + ") " + type;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "." + b;
    }

    // ------------------------------------------------------------------------------------------ receptive field

    private static final Set<String> SPATIAL_KEEP = Set.of("BatchNorm1d", "BatchNorm2d", "GroupNorm", "Dropout", "Dropout1d",
            "Dropout2d", "Identity");

    /** The receptive field after a layer, or null when the layer ends the spatial structure. */
    static ReceptiveField receptiveField(LayerSpec spec, ReceptiveField in) {
        LayerType t = spec.layerType();
        String n = spec.type();
        int dims = t.spatialDims();
        if (t.category() == LayerType.Category.CONVOLUTION && !n.startsWith("ConvTranspose")) {
            return in.then(spec.sizeArg("kernel_size", dims), spec.sizeArg("stride", dims), spec.sizeArg("dilation", dims));
        }
        if (n.startsWith("MaxPool") || n.startsWith("AvgPool")) {
            int[] k = spec.sizeArg("kernel_size", dims);
            int[] s = spec.arg("stride") == null ? k : spec.sizeArg("stride", dims);
            int[] d = n.startsWith("MaxPool") ? spec.sizeArg("dilation", dims) : new int[] {1, 1};
            return in.then(k, s, d);
        }
        if (t.category() == LayerType.Category.ACTIVATION && !n.equals("Softmax") && !n.equals("LogSoftmax") || SPATIAL_KEEP.contains(n)) {
            return in;
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ parameters

    /** Learnable parameters of a layer, as {@code sum(p.numel() for p in m.parameters())} counts them. */
    public static long params(LayerSpec spec) {
        String n = spec.type();
        switch (n) {
            case "Linear":
                return add(mul(spec.intArg("in_features"), spec.intArg("out_features")), spec.boolArg("bias") ? spec.intArg("out_features") : 0);
            case "Conv1d", "Conv2d", "ConvTranspose2d": {
                int dims = spec.layerType().spatialDims();
                long k = 1;
                for (int v : spec.sizeArg("kernel_size", dims)) {
                    k = mul(k, v);
                }
                int in = spec.intArg("in_channels");
                int out = spec.intArg("out_channels");
                int g = spec.intArg("groups");
                long w = n.startsWith("ConvTranspose") ? mul(mul(in, out / g), k) : mul(mul(out, in / g), k);
                return add(w, spec.boolArg("bias") ? out : 0);
            }
            case "BatchNorm1d", "BatchNorm2d":
                return spec.boolArg("affine") ? 2L * spec.intArg("num_features") : 0;
            case "GroupNorm":
                return spec.boolArg("affine") ? 2L * spec.intArg("num_channels") : 0;
            case "LayerNorm": {
                if (!spec.boolArg("elementwise_affine")) {
                    return 0;
                }
                long prod = 1;
                for (int v : shapeList(spec.arg("normalized_shape"))) {
                    prod = mul(prod, v);
                }
                return mul(prod, spec.boolArg("bias") ? 2 : 1);
            }
            case "PReLU":
                return spec.intArg("num_parameters");
            case "Embedding":
                return mul(spec.intArg("num_embeddings"), spec.intArg("embedding_dim"));
            case "RNN", "LSTM", "GRU": {
                int gates = n.equals("LSTM") ? 4 : n.equals("GRU") ? 3 : 1;
                int h = spec.intArg("hidden_size");
                int proj = n.equals("LSTM") ? spec.intArg("proj_size") : 0;
                int realH = proj > 0 ? proj : h;
                int dirs = spec.boolArg("bidirectional") ? 2 : 1;
                long total = 0;
                for (int l = 0; l < spec.intArg("num_layers"); l++) {
                    long inL = l == 0 ? spec.intArg("input_size") : (long) dirs * realH;
                    long one = add(mul(mul(gates, h), inL), mul(mul(gates, h), realH));
                    if (spec.boolArg("bias")) {
                        one = add(one, mul(2L * gates, h));
                    }
                    if (proj > 0) {
                        one = add(one, mul(proj, h));
                    }
                    total = add(total, mul(one, dirs));
                }
                return total;
            }
            default:
                return 0;
        }
    }

    static List<Integer> shapeList(Object v) {
        if (v instanceof Integer i) {
            return List.of(i);
        }
        return ((List<?>) v).stream().map(o -> (Integer) o).toList();
    }

    // ------------------------------------------------------------------------------------------ MACs

    private static long macs(LayerSpec spec, List<Integer> in, List<Integer> out) {
        String n = spec.type();
        switch (n) {
            case "Linear": {
                long lead = 1;
                for (int i = 1; i < out.size() - 1; i++) {
                    lead = mul(lead, out.get(i));
                }
                return mul(lead, mul(spec.intArg("in_features"), spec.intArg("out_features")));
            }
            case "Conv1d", "Conv2d", "ConvTranspose2d": {
                int dims = spec.layerType().spatialDims();
                boolean batched = in.size() == dims + 2;
                long k = 1;
                for (int v : spec.sizeArg("kernel_size", dims)) {
                    k = mul(k, v);
                }
                int g = spec.intArg("groups");
                List<Integer> per = n.startsWith("ConvTranspose") ? in : out;
                long elems = 1;
                for (int i = batched ? 1 : 0; i < per.size(); i++) {
                    elems = mul(elems, per.get(i));
                }
                int otherChannels = n.startsWith("ConvTranspose") ? spec.intArg("out_channels") : spec.intArg("in_channels");
                return mul(mul(elems, otherChannels / g), k);
            }
            case "RNN", "LSTM", "GRU": {
                boolean batchFirst = spec.boolArg("batch_first");
                int len = in.size() == 2 ? in.get(0) : batchFirst ? in.get(1) : in.get(0);
                int gates = n.equals("LSTM") ? 4 : n.equals("GRU") ? 3 : 1;
                int h = spec.intArg("hidden_size");
                int proj = n.equals("LSTM") ? spec.intArg("proj_size") : 0;
                int realH = proj > 0 ? proj : h;
                int dirs = spec.boolArg("bidirectional") ? 2 : 1;
                long step = 0;
                for (int l = 0; l < spec.intArg("num_layers"); l++) {
                    long inL = l == 0 ? spec.intArg("input_size") : (long) dirs * realH;
                    long one = mul(mul(gates, h), add(inL, realH));
                    if (proj > 0) {
                        one = add(one, mul(proj, h));
                    }
                    step = add(step, mul(one, dirs));
                }
                return mul(step, len);
            }
            default:
                return 0;
        }
    }

    // ------------------------------------------------------------------------------------------ shapes

    static List<Integer> apply(LayerSpec spec, List<Integer> in, String label) {
        String n = spec.type();
        LayerType t = spec.layerType();
        int rank = in.size();
        switch (n) {
            case "Linear": {
                requireRank(label, in, 1, 99, "(*, " + spec.intArg("in_features") + ")");
                int f = in.get(rank - 1);
                if (f != spec.intArg("in_features")) {
                    throw new NetworkException(label + " expects " + spec.intArg("in_features") + " input features but receives " + f
                            + " (input " + fmt(in) + ")");
                }
                return replaceLast(in, spec.intArg("out_features"));
            }
            case "Conv1d", "Conv2d", "ConvTranspose2d":
                return conv(spec, in, label);
            case "MaxPool1d", "MaxPool2d", "AvgPool1d", "AvgPool2d":
                return pool(spec, in, label);
            case "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d": {
                int dims = t.spatialDims();
                requireRank(label, in, dims + 1, dims + 2, dims == 2 ? "(N, C, H, W) or (C, H, W)" : "(N, C, L) or (C, L)");
                Object os = spec.arg("output_size");
                List<Integer> out = new ArrayList<>(in);
                for (int d = 0; d < dims; d++) {
                    Object v = os instanceof List<?> l ? l.get(d) : os;
                    if (v != null) {
                        out.set(rank - dims + d, (Integer) v);
                    }
                }
                return List.copyOf(out);
            }
            case "BatchNorm1d": {
                requireRank(label, in, 2, 3, "(N, C) or (N, C, L)");
                channels(label, in.get(1), spec.intArg("num_features"));
                return in;
            }
            case "BatchNorm2d": {
                requireRank(label, in, 4, 4, "(N, C, H, W)");
                channels(label, in.get(1), spec.intArg("num_features"));
                return in;
            }
            case "GroupNorm": {
                requireRank(label, in, 2, 99, "(N, C, *)");
                channels(label, in.get(1), spec.intArg("num_channels"));
                return in;
            }
            case "LayerNorm": {
                List<Integer> ns = shapeList(spec.arg("normalized_shape"));
                if (rank < ns.size() || !in.subList(rank - ns.size(), rank).equals(ns)) {
                    throw new NetworkException(label + " expects an input ending in " + fmt(ns) + " but receives " + fmt(in));
                }
                return in;
            }
            case "Flatten": {
                int r = Math.max(rank, 1);
                int s = normDim(label, "start_dim", spec.intArg("start_dim"), r);
                int e = normDim(label, "end_dim", spec.intArg("end_dim"), r);
                if (s > e) {
                    throw new NetworkException(label + " start_dim " + spec.intArg("start_dim") + " comes after end_dim " + spec.intArg("end_dim")
                            + " for input " + fmt(in));
                }
                if (rank == 0) {
                    return List.of(1);
                }
                List<Integer> out = new ArrayList<>(in.subList(0, s));
                long prod = 1;
                for (int i = s; i <= e; i++) {
                    prod = mul(prod, in.get(i));
                }
                out.add(dim(prod, label));
                out.addAll(in.subList(e + 1, rank));
                return List.copyOf(out);
            }
            case "Unflatten": {
                int d = normDim(label, "dim", spec.intArg("dim"), rank);
                List<Integer> sizes = shapeList(spec.arg("unflattened_size"));
                long prod = 1;
                for (int v : sizes) {
                    prod = mul(prod, v);
                }
                if (prod != in.get(d)) {
                    throw new NetworkException(label + " sizes " + fmt(sizes) + " multiply to " + prod + " but dimension " + d
                            + " of the input " + fmt(in) + " is " + in.get(d));
                }
                List<Integer> out = new ArrayList<>(in.subList(0, d));
                out.addAll(sizes);
                out.addAll(in.subList(d + 1, rank));
                return List.copyOf(out);
            }
            case "Embedding": {
                List<Integer> out = new ArrayList<>(in);
                out.add(spec.intArg("embedding_dim"));
                return List.copyOf(out);
            }
            case "RNN", "LSTM", "GRU": {
                requireRank(label, in, 2, 3, spec.boolArg("batch_first") ? "(N, L, H_in) or (L, H_in)" : "(L, N, H_in) or (L, H_in)");
                int f = in.get(rank - 1);
                if (f != spec.intArg("input_size")) {
                    throw new NetworkException(label + " expects input_size " + spec.intArg("input_size") + " but receives " + f
                            + " features (input " + fmt(in) + ")");
                }
                int proj = n.equals("LSTM") ? spec.intArg("proj_size") : 0;
                int hOut = proj > 0 ? proj : spec.intArg("hidden_size");
                int dirs = spec.boolArg("bidirectional") ? 2 : 1;
                return replaceLast(in, dim(mul(dirs, hOut), label));
            }
            case "PReLU": {
                int np = spec.intArg("num_parameters");
                if (np > 1) {
                    if (rank == 0) {
                        throw new NetworkException(label + " with " + np + " parameters needs a channel dimension but receives a scalar");
                    }
                    int c = rank >= 2 ? in.get(1) : in.get(0);
                    if (c != np) {
                        throw new NetworkException(label + " has " + np + " parameters (one per channel) but receives " + c + " channels (input " + fmt(in) + ")");
                    }
                }
                return in;
            }
            case "Softmax", "LogSoftmax": {
                Object d = spec.arg("dim");
                if (d != null) {
                    normDim(label, "dim", (Integer) d, Math.max(rank, 1));
                }
                return in;
            }
            case "Dropout1d": {
                requireRank(label, in, 2, 3, "(N, C, L) or (C, L)");
                return in;
            }
            case "Dropout2d": {
                requireRank(label, in, 3, 4, "(N, C, H, W) or (C, H, W)");
                return in;
            }
            default:
                return in; // elementwise: activations, Dropout, Identity
        }
    }

    private static List<Integer> conv(LayerSpec spec, List<Integer> in, String label) {
        int dims = spec.layerType().spatialDims();
        requireRank(label, in, dims + 1, dims + 2, dims == 2 ? "(N, C, H, W) or (C, H, W)" : "(N, C, L) or (C, L)");
        int rank = in.size();
        int cIn = in.get(rank - dims - 1);
        channels(label, cIn, spec.intArg("in_channels"));
        int[] k = spec.sizeArg("kernel_size", dims);
        int[] s = spec.sizeArg("stride", dims);
        int[] d = spec.sizeArg("dilation", dims);
        boolean transpose = spec.type().startsWith("ConvTranspose");
        Object padArg = spec.arg("padding");
        boolean same = "same".equals(padArg);
        int[] p = padArg instanceof String ? new int[dims] : spec.sizeArg("padding", dims);
        int[] op = transpose ? spec.sizeArg("output_padding", dims) : new int[dims];
        List<Integer> out = new ArrayList<>(in);
        out.set(rank - dims - 1, spec.intArg("out_channels"));
        boolean empty = false;
        long[] sizes = new long[dims];
        for (int i = 0; i < dims; i++) {
            long h = in.get(rank - dims + i);
            long o;
            if (same) {
                o = h;
            } else if (transpose) {
                if (op[i] >= s[i] && op[i] >= d[i]) {
                    throw new NetworkException(label + " output_padding " + op[i] + " must be smaller than stride " + s[i] + " or dilation " + d[i]);
                }
                o = (h - 1) * s[i] - 2L * p[i] + (long) d[i] * (k[i] - 1) + op[i] + 1;
            } else {
                o = Math.floorDiv(h + 2L * p[i] - (long) d[i] * (k[i] - 1) - 1, s[i]) + 1;
            }
            sizes[i] = o;
            empty |= o < 1;
        }
        if (empty) {
            throw emptyOutput(label, sizes, in.subList(rank - dims, rank), k, s, p, d, Arrays.stream(s).anyMatch(v -> v != 1));
        }
        for (int i = 0; i < dims; i++) {
            out.set(rank - dims + i, dim(sizes[i], label));
        }
        return List.copyOf(out);
    }

    /** "layer 3 MaxPool2d output would be 0×0 (input 1×1, kernel 2)", naming only the settings that differ from the defaults. */
    private static NetworkException emptyOutput(String label, long[] sizes, List<Integer> spatial, int[] k, int[] s,
                                                int[] p, int[] d, boolean showStride) {
        StringBuilder sb = new StringBuilder(label + " output would be " + fmtSizes(sizes) + " (input "
                + fmt(spatial, "×") + ", kernel " + fmtArr(k));
        if (showStride) {
            sb.append(", stride ").append(fmtArr(s));
        }
        if (Arrays.stream(p).anyMatch(v -> v != 0)) {
            sb.append(", padding ").append(fmtArr(p));
        }
        if (Arrays.stream(d).anyMatch(v -> v != 1)) {
            sb.append(", dilation ").append(fmtArr(d));
        }
        return new NetworkException(sb.append(")").toString());
    }

    private static List<Integer> pool(LayerSpec spec, List<Integer> in, String label) {
        int dims = spec.layerType().spatialDims();
        requireRank(label, in, dims + 1, dims + 2, dims == 2 ? "(N, C, H, W) or (C, H, W)" : "(N, C, L) or (C, L)");
        int rank = in.size();
        int[] k = spec.sizeArg("kernel_size", dims);
        int[] s = spec.arg("stride") == null ? k : spec.sizeArg("stride", dims);
        int[] p = spec.sizeArg("padding", dims);
        int[] d = spec.type().startsWith("MaxPool") ? spec.sizeArg("dilation", dims) : fill(dims, 1);
        boolean ceil = spec.boolArg("ceil_mode");
        long[] sizes = new long[dims];
        boolean empty = false;
        for (int i = 0; i < dims; i++) {
            long h = in.get(rank - dims + i);
            long num = h + 2L * p[i] - (long) d[i] * (k[i] - 1) - 1;
            long o = (ceil ? -Math.floorDiv(-num, s[i]) : Math.floorDiv(num, s[i])) + 1;
            if (ceil && o > 0 && (o - 1) * s[i] >= h + p[i]) {
                o--; // the last window must start inside the input or the left padding
            }
            sizes[i] = o;
            empty |= o < 1;
        }
        if (empty) {
            throw emptyOutput(label, sizes, in.subList(rank - dims, rank), k, s, p, d, !Arrays.equals(s, k));
        }
        List<Integer> out = new ArrayList<>(in);
        for (int i = 0; i < dims; i++) {
            out.set(rank - dims + i, dim(sizes[i], label));
        }
        return List.copyOf(out);
    }

    private static int[] fill(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    private static void channels(String label, int got, int expected) {
        if (got != expected) {
            throw new NetworkException(label + " expects " + expected + " input channels but receives " + got);
        }
    }

    private static void requireRank(String label, List<Integer> in, int min, int max, String form) {
        if (in.size() < min || in.size() > max) {
            String dims = min == max ? min + "D" : max == 99 ? "at least " + min + "D" : min + "D or " + max + "D";
            throw new NetworkException(label + " expects a " + dims + " input " + form + " but receives " + fmt(in));
        }
    }

    private static int normDim(String label, String what, int d, int rank) {
        int r = d < 0 ? d + rank : d;
        if (r < 0 || r >= rank) {
            throw new NetworkException(label + " " + what + " " + d + " is out of range for a " + rank + "D input (expected -"
                    + rank + ".." + (rank - 1) + ")");
        }
        return r;
    }

    private static List<Integer> replaceLast(List<Integer> in, int v) {
        List<Integer> out = new ArrayList<>(in);
        out.set(out.size() - 1, v);
        return List.copyOf(out);
    }

    static String fmt(List<Integer> shape) {
        return shape.toString();
    }

    private static String fmt(List<Integer> shape, String sep) {
        return shape.stream().map(String::valueOf).collect(Collectors.joining(sep));
    }

    private static String fmtArr(int[] a) {
        boolean same = Arrays.stream(a).allMatch(v -> v == a[0]);
        return same ? String.valueOf(a[0]) : Arrays.stream(a).mapToObj(String::valueOf).collect(Collectors.joining("×"));
    }

    private static String fmtSizes(long[] a) {
        return Arrays.stream(a).mapToObj(v -> String.valueOf(Math.max(0, v))).collect(Collectors.joining("×"));
    }

    // ------------------------------------------------------------------------------------------ arithmetic

    static long mul(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new NetworkException("sizes too large: " + a + " × " + b + " overflows");
        }
    }

    static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new NetworkException("sizes too large: " + a + " + " + b + " overflows");
        }
    }

    private static int dim(long v, String label) {
        if (v > Integer.MAX_VALUE) {
            throw new NetworkException(label + " output dimension " + v + " is too large");
        }
        return (int) v;
    }
}
