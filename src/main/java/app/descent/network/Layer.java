package app.descent.network;

import java.util.Objects;

/** A leaf module: its local name, what it is, and whether its parameters receive gradients (requires_grad). */
public record Layer(String name, LayerSpec spec, boolean trainable) implements NetworkNode {
    public Layer {
        Objects.requireNonNull(name);
        Objects.requireNonNull(spec);
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
}
