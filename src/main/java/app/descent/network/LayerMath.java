package app.descent.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The arithmetic behind the {@link Layers} registry's rules: output shapes, parameter counts, MACs (per sample: batch
 * dimension excluded) and receptive fields of the layer families. Every method serves one or more descriptors; none
 * switches on a layer name. Errors are {@link NetworkException}s naming the layer by its label.
 */
final class LayerMath {
    private LayerMath() {
    }

    // ------------------------------------------------------------------------------------------ Linear

    static List<Integer> linearShape(LayerSpec spec, List<Integer> in, String label) {
        requireRank(label, in, 1, 99, "(*, " + spec.intArg("in_features") + ")");
        int f = in.get(in.size() - 1);
        if (f != spec.intArg("in_features")) {
            throw new NetworkException(label + " expects " + spec.intArg("in_features") + " input features but receives " + f
                    + " (input " + fmt(in) + ")");
        }
        return replaceLast(in, spec.intArg("out_features"));
    }

    static long linearParameters(LayerSpec spec) {
        return add(mul(spec.intArg("in_features"), spec.intArg("out_features")), spec.boolArg("bias") ? spec.intArg("out_features") : 0);
    }

    /** in·out times the non-batch leading dimensions. */
    static long linearMacs(LayerSpec spec, List<Integer> in, List<Integer> out) {
        long lead = 1;
        for (int i = 1; i < out.size() - 1; i++) {
            lead = mul(lead, out.get(i));
        }
        return mul(lead, mul(spec.intArg("in_features"), spec.intArg("out_features")));
    }

    // ------------------------------------------------------------------------------------------ convolutions

    private static boolean transposed(LayerSpec spec) {
        return spec.type().startsWith("ConvTranspose");
    }

    private static long kernelVolume(LayerSpec spec) {
        long k = 1;
        for (int v : spec.sizeArg("kernel_size", spec.layerType().spatialDims())) {
            k = mul(k, v);
        }
        return k;
    }

    static long convParameters(LayerSpec spec) {
        long k = kernelVolume(spec);
        int in = spec.intArg("in_channels");
        int out = spec.intArg("out_channels");
        int g = spec.intArg("groups");
        long w = transposed(spec) ? mul(mul(in, out / g), k) : mul(mul(out, in / g), k);
        return add(w, spec.boolArg("bias") ? out : 0);
    }

    /** Conv = C_out·H_out·W_out·(C_in/groups)·k_h·k_w; ConvTranspose = C_in·H_in·W_in·(C_out/groups)·k_h·k_w. */
    static long convMacs(LayerSpec spec, List<Integer> in, List<Integer> out) {
        int dims = spec.layerType().spatialDims();
        boolean batched = in.size() == dims + 2;
        long k = kernelVolume(spec);
        int g = spec.intArg("groups");
        boolean transpose = transposed(spec);
        List<Integer> per = transpose ? in : out;
        long elems = 1;
        for (int i = batched ? 1 : 0; i < per.size(); i++) {
            elems = mul(elems, per.get(i));
        }
        int otherChannels = transpose ? spec.intArg("out_channels") : spec.intArg("in_channels");
        return mul(mul(elems, otherChannels / g), k);
    }

    static void convCheck(LayerSpec spec) {
        String n = spec.type();
        int g = spec.intArg("groups");
        int in = spec.intArg("in_channels");
        int out = spec.intArg("out_channels");
        if (in % g != 0) {
            throw new NetworkException(n + " in_channels " + in + " must be divisible by groups " + g);
        }
        if (out % g != 0) {
            throw new NetworkException(n + " out_channels " + out + " must be divisible by groups " + g);
        }
        if ("same".equals(spec.arg("padding"))
                && Arrays.stream(spec.sizeArg("stride", spec.layerType().spatialDims())).anyMatch(s -> s != 1)) {
            throw new NetworkException(n + " padding='same' is not supported for strided convolutions");
        }
    }

    static List<Integer> convShape(LayerSpec spec, List<Integer> in, String label) {
        int dims = spec.layerType().spatialDims();
        requireRank(label, in, dims + 1, dims + 2, dims == 2 ? "(N, C, H, W) or (C, H, W)" : "(N, C, L) or (C, L)");
        int rank = in.size();
        int cIn = in.get(rank - dims - 1);
        channels(label, cIn, spec.intArg("in_channels"));
        int[] k = spec.sizeArg("kernel_size", dims);
        int[] s = spec.sizeArg("stride", dims);
        int[] d = spec.sizeArg("dilation", dims);
        boolean transpose = transposed(spec);
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

    // ------------------------------------------------------------------------------------------ pooling

    private static int[] poolStride(LayerSpec spec, int[] kernel) {
        return spec.arg("stride") == null ? kernel : spec.sizeArg("stride", spec.layerType().spatialDims());
    }

    private static int[] poolDilation(LayerSpec spec, int dims) {
        return spec.layerType().param("dilation").isPresent() ? spec.sizeArg("dilation", dims) : fill(dims, 1);
    }

    static void poolCheck(LayerSpec spec) {
        int dims = spec.layerType().spatialDims();
        int[] k = spec.sizeArg("kernel_size", dims);
        int[] pad = spec.sizeArg("padding", dims);
        for (int d = 0; d < dims; d++) {
            if (pad[d] > k[d] / 2) {
                throw new NetworkException(spec.type() + " padding " + pad[d] + " should be at most half of kernel size " + k[d]);
            }
        }
    }

    static List<Integer> poolShape(LayerSpec spec, List<Integer> in, String label) {
        int dims = spec.layerType().spatialDims();
        requireRank(label, in, dims + 1, dims + 2, dims == 2 ? "(N, C, H, W) or (C, H, W)" : "(N, C, L) or (C, L)");
        int rank = in.size();
        int[] k = spec.sizeArg("kernel_size", dims);
        int[] s = poolStride(spec, k);
        int[] p = spec.sizeArg("padding", dims);
        int[] d = poolDilation(spec, dims);
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

    static List<Integer> adaptivePoolShape(LayerSpec spec, List<Integer> in, String label) {
        int dims = spec.layerType().spatialDims();
        requireRank(label, in, dims + 1, dims + 2, dims == 2 ? "(N, C, H, W) or (C, H, W)" : "(N, C, L) or (C, L)");
        int rank = in.size();
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

    /**
     * The receptive field after a sliding window (convolution, max or average pooling):
     * {@code r_out = r_in + (k - 1) * dilation * j_in}, {@code j_out = j_in * stride}.
     */
    static ReceptiveField windowField(LayerSpec spec, ReceptiveField in) {
        int dims = spec.layerType().spatialDims();
        int[] k = spec.sizeArg("kernel_size", dims);
        int[] s = spec.layerType().category() == LayerType.Category.POOLING ? poolStride(spec, k) : spec.sizeArg("stride", dims);
        int[] d = spec.layerType().param("dilation").isPresent() ? spec.sizeArg("dilation", dims) : new int[] {1, 1};
        return in.then(k, s, d);
    }

    // ------------------------------------------------------------------------------------------ normalisation

    static List<Integer> batchNorm1dShape(LayerSpec spec, List<Integer> in, String label) {
        requireRank(label, in, 2, 3, "(N, C) or (N, C, L)");
        channels(label, in.get(1), spec.intArg("num_features"));
        return in;
    }

    static List<Integer> batchNorm2dShape(LayerSpec spec, List<Integer> in, String label) {
        requireRank(label, in, 4, 4, "(N, C, H, W)");
        channels(label, in.get(1), spec.intArg("num_features"));
        return in;
    }

    static long batchNormParameters(LayerSpec spec) {
        return spec.boolArg("affine") ? 2L * spec.intArg("num_features") : 0;
    }

    static void groupNormCheck(LayerSpec spec) {
        if (spec.intArg("num_channels") % spec.intArg("num_groups") != 0) {
            throw new NetworkException("GroupNorm num_channels " + spec.intArg("num_channels") + " must be divisible by num_groups "
                    + spec.intArg("num_groups"));
        }
    }

    static List<Integer> groupNormShape(LayerSpec spec, List<Integer> in, String label) {
        requireRank(label, in, 2, 99, "(N, C, *)");
        channels(label, in.get(1), spec.intArg("num_channels"));
        return in;
    }

    static long groupNormParameters(LayerSpec spec) {
        return spec.boolArg("affine") ? 2L * spec.intArg("num_channels") : 0;
    }

    static List<Integer> layerNormShape(LayerSpec spec, List<Integer> in, String label) {
        int rank = in.size();
        List<Integer> ns = shapeList(spec.arg("normalized_shape"));
        if (rank < ns.size() || !in.subList(rank - ns.size(), rank).equals(ns)) {
            throw new NetworkException(label + " expects an input ending in " + fmt(ns) + " but receives " + fmt(in));
        }
        return in;
    }

    static long layerNormParameters(LayerSpec spec) {
        if (!spec.boolArg("elementwise_affine")) {
            return 0;
        }
        long prod = 1;
        for (int v : shapeList(spec.arg("normalized_shape"))) {
            prod = mul(prod, v);
        }
        return mul(prod, spec.boolArg("bias") ? 2 : 1);
    }

    // ------------------------------------------------------------------------------------------ dropout, reshape, embedding

    static List<Integer> dropout1dShape(LayerSpec spec, List<Integer> in, String label) {
        requireRank(label, in, 2, 3, "(N, C, L) or (C, L)");
        return in;
    }

    static List<Integer> dropout2dShape(LayerSpec spec, List<Integer> in, String label) {
        requireRank(label, in, 3, 4, "(N, C, H, W) or (C, H, W)");
        return in;
    }

    static List<Integer> flattenShape(LayerSpec spec, List<Integer> in, String label) {
        int rank = in.size();
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

    static List<Integer> unflattenShape(LayerSpec spec, List<Integer> in, String label) {
        int rank = in.size();
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

    static List<Integer> embeddingShape(LayerSpec spec, List<Integer> in, String label) {
        List<Integer> out = new ArrayList<>(in);
        out.add(spec.intArg("embedding_dim"));
        return List.copyOf(out);
    }

    static long embeddingParameters(LayerSpec spec) {
        return mul(spec.intArg("num_embeddings"), spec.intArg("embedding_dim"));
    }

    // ------------------------------------------------------------------------------------------ recurrent

    private static int gates(LayerSpec spec) {
        return switch (spec.type()) {
            case "RNN" -> 1;
            case "GRU" -> 3;
            case "LSTM" -> 4;
            default -> throw new NetworkException(spec.type() + " is not a recurrent layer");
        };
    }

    private static int projection(LayerSpec spec) {
        return spec.layerType().param("proj_size").isPresent() ? spec.intArg("proj_size") : 0;
    }

    static void recurrentCheck(LayerSpec spec) {
        int proj = projection(spec);
        if (proj >= spec.intArg("hidden_size")) {
            throw new NetworkException(spec.type() + " proj_size " + proj + " must be smaller than hidden_size " + spec.intArg("hidden_size"));
        }
    }

    static List<Integer> recurrentShape(LayerSpec spec, List<Integer> in, String label) {
        requireRank(label, in, 2, 3, spec.boolArg("batch_first") ? "(N, L, H_in) or (L, H_in)" : "(L, N, H_in) or (L, H_in)");
        int f = in.get(in.size() - 1);
        if (f != spec.intArg("input_size")) {
            throw new NetworkException(label + " expects input_size " + spec.intArg("input_size") + " but receives " + f
                    + " features (input " + fmt(in) + ")");
        }
        int proj = projection(spec);
        int hOut = proj > 0 ? proj : spec.intArg("hidden_size");
        int dirs = spec.boolArg("bidirectional") ? 2 : 1;
        return replaceLast(in, dim(mul(dirs, hOut), label));
    }

    static long recurrentParameters(LayerSpec spec) {
        int gates = gates(spec);
        int h = spec.intArg("hidden_size");
        int proj = projection(spec);
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

    /** L·Σ gates·H·(in + H) (+ projection). */
    static long recurrentMacs(LayerSpec spec, List<Integer> in, List<Integer> out) {
        boolean batchFirst = spec.boolArg("batch_first");
        int len = in.size() == 2 ? in.get(0) : batchFirst ? in.get(1) : in.get(0);
        int gates = gates(spec);
        int h = spec.intArg("hidden_size");
        int proj = projection(spec);
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

    // ------------------------------------------------------------------------------------------ activations with rules

    static List<Integer> preluShape(LayerSpec spec, List<Integer> in, String label) {
        int rank = in.size();
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

    static long preluParameters(LayerSpec spec) {
        return spec.intArg("num_parameters");
    }

    static List<Integer> softmaxShape(LayerSpec spec, List<Integer> in, String label) {
        Object d = spec.arg("dim");
        if (d != null) {
            normDim(label, "dim", (Integer) d, Math.max(in.size(), 1));
        }
        return in;
    }

    // ------------------------------------------------------------------------------------------ helpers

    static List<Integer> shapeList(Object v) {
        if (v instanceof Integer i) {
            return List.of(i);
        }
        return ((List<?>) v).stream().map(o -> (Integer) o).toList();
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

    static int dim(long v, String label) {
        if (v > Integer.MAX_VALUE) {
            throw new NetworkException(label + " output dimension " + v + " is too large");
        }
        return (int) v;
    }
}
