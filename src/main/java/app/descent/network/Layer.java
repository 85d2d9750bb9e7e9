package app.descent.network;

import java.util.Objects;

/**
 * A leaf module: its local name, what it is, and whether its parameters receive gradients (requires_grad).
 * A layer without parameters (ReLU, pooling, ...) is always trainable: freezing has nothing to act on.
 */
public record Layer(String name, LayerSpec spec, boolean trainable) implements NetworkNode {
    public Layer {
        Objects.requireNonNull(name);
        Objects.requireNonNull(spec);
        if (!trainable && ShapeInference.params(spec) == 0) {
            trainable = true;
        }
    }

    public Layer(String name, LayerSpec spec) {
        this(name, spec, true);
    }

    @Override
    public Layer withName(String newName) {
        return new Layer(newName, spec, trainable);
    }

    @Override
    public Layer withTrainable(boolean t) {
        return new Layer(name, spec, t);
    }

    public String type() {
        return spec.type();
    }

    /** The layer's arguments with PyTorch's defaults filled in ({@link LayerSpec#args()}). */
    public java.util.Map<String, Object> args() {
        return spec.args();
    }
}
