package app.descent.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import app.descent.network.Layer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training step without autograd, for the networks that are a stack of Linear layers (on a batch of vectors),
 * Flatten and activations whose {@link TorchLayers.Slope} is written, under cross-entropy: the forward pass runs
 * each layer's own DJL block with gradient recording off and keeps what the backward pass reads; the backward pass
 * is written out as autograd computes it (per Linear layer dW = dyᵀ·x, db = Σ dy over the batch, dx = dy·W; each
 * activation's slope), and the gradients go to the optimizer as they are made, with no graph, no engine, no
 * accumulation into zero-filled gradients and no gradient to zero afterwards. At these small shapes the per-op cost
 * of autograd was a third of a step (docs/performance.md). Every other network trains through autograd.
 */
final class ManualStep {
    private enum Kind { LINEAR, FLATTEN, ACTIVATION }

    private record Stage(Kind kind, Block block, Parameter weight, Parameter bias, TorchLayers.Slope slope) {
    }

    private final List<Stage> stages;
    private final int lowest;
    private final NDArray[] inputs;
    private final NDArray[] outputs;

    private ManualStep(List<Stage> stages) {
        this.stages = stages;
        int first = stages.size();
        for (int k = stages.size() - 1; k >= 0; k--) {
            if (stages.get(k).kind() == Kind.LINEAR) {
                first = k;
            }
        }
        this.lowest = first;
        this.inputs = new NDArray[stages.size()];
        this.outputs = new NDArray[stages.size()];
    }

    /**
     * The manual step for {@code net} (built from {@code layers}) on examples of shape {@code example}, or null when
     * the network or the loss needs autograd: a layer other than Linear, Flatten and an activation with a slope, a
     * Linear layer on more than a batch of vectors, a loss other than cross-entropy.
     */
    static ManualStep of(List<Layer> layers, SequentialBlock net, long[] example, Losses.Kind loss) {
        if (loss != Losses.Kind.CE) {
            return null;
        }
        List<Stage> stages = new ArrayList<>();
        int dims = example.length + 1;
        int i = 0;
        for (var child : net.getChildren()) {
            Layer l = layers.get(i++);
            Block block = child.getValue();
            app.descent.catalog.Activation a = app.descent.catalog.Activation.ofTorchName(l.type());
            if (a != null) {
                TorchLayers.Slope slope = TorchLayers.definition(a, l.args()).slope();
                if (slope == null) {
                    return null;
                }
                stages.add(new Stage(Kind.ACTIVATION, block, null, null, slope));
            } else if (l.type().equals("Flatten")) {
                stages.add(new Stage(Kind.FLATTEN, block, null, null, null));
                dims = 2;
            } else if (l.type().equals("Linear") && dims == 2) {
                Parameter weight = null;
                Parameter bias = null;
                for (var p : block.getParameters()) {
                    switch (p.getValue().getType()) {
                        case WEIGHT -> weight = p.getValue();
                        case BIAS -> bias = p.getValue();
                        default -> {
                            return null;
                        }
                    }
                }
                if (weight == null) {
                    return null;
                }
                stages.add(new Stage(Kind.LINEAR, block, weight, bias, null));
            } else {
                return null;
            }
        }
        return new ManualStep(stages);
    }

    /**
     * The forward pass in training mode with recording off: the logits, each layer's input and output kept for
     * {@link #backward} (they live in the step's manager).
     */
    NDArray forward(ParameterStore store, NDArray x) {
        NDArray h = x;
        for (int k = 0; k < stages.size(); k++) {
            inputs[k] = h;
            h = stages.get(k).block().forward(store, new NDList(h), true).singletonOrThrow();
            outputs[k] = h;
        }
        return h;
    }

    /**
     * The backward pass of the last {@link #forward} from the logits' gradient {@code dy}: every parameter's
     * gradient, new arrays in the step's manager. No gradient flows below the lowest Linear layer.
     */
    Map<Parameter, NDArray> backward(NDArray dy) {
        Map<Parameter, NDArray> gradients = new IdentityHashMap<>();
        NDArray d = dy;
        for (int k = stages.size() - 1; k >= lowest; k--) {
            Stage st = stages.get(k);
            NDArray x = inputs[k];
            switch (st.kind()) {
                case LINEAR -> {
                    gradients.put(st.weight(), d.transpose().matMul(x));
                    if (st.bias() != null) {
                        gradients.put(st.bias(), d.sum(new int[] {0}));
                    }
                    if (k > lowest) {
                        d = d.matMul(st.weight().getArray());
                    }
                }
                case ACTIVATION -> d = st.slope().backward(d, x, outputs[k]);
                case FLATTEN -> d = d.reshape(x.getShape());
            }
        }
        java.util.Arrays.fill(inputs, null);
        java.util.Arrays.fill(outputs, null);
        return gradients;
    }
}
