package app.descent.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a network on an input shape (batch dimension included, as in {@code torch.randn(N, C, H, W)}) without any
 * numbers: output shape, parameters, trainable parameters, multiply-accumulates and receptive field per executed leaf.
 * Each leaf's rules come from its descriptor in the {@link Layers} registry; this class walks the tree (sequences,
 * residual blocks, {@code torch.flatten} in forward) and adds up.
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

    // ------------------------------------------------------------------------------------------ per layer: the registry

    /** The receptive field after a layer, or null when the layer ends the spatial structure. */
    static ReceptiveField receptiveField(LayerSpec spec, ReceptiveField in) {
        return spec.layerType().field().after(spec, in);
    }

    /** Learnable parameters of a layer, as {@code sum(p.numel() for p in m.parameters())} counts them. */
    public static long params(LayerSpec spec) {
        return spec.layerType().parameters().of(spec);
    }

    private static long macs(LayerSpec spec, List<Integer> in, List<Integer> out) {
        return spec.layerType().macs().of(spec, in, out);
    }

    static List<Integer> apply(LayerSpec spec, List<Integer> in, String label) {
        return spec.layerType().shape().of(spec, in, label);
    }

    // ------------------------------------------------------------------------------------------ arithmetic

    private static long mul(long a, long b) {
        return LayerMath.mul(a, b);
    }

    private static long add(long a, long b) {
        return LayerMath.add(a, b);
    }

    private static int dim(long v, String label) {
        return LayerMath.dim(v, label);
    }
}
