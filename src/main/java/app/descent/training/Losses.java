package app.descent.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * PyTorch's losses with reduction 'mean'. MSE is the mean of squares (DJL's L2 loss is half of it); cross-entropy
 * takes logits and class indices; binary cross-entropy takes logits, or probabilities after a Sigmoid layer with
 * PyTorch's clamp of the log at -100.
 */
public final class Losses {
    private Losses() {
    }

    public enum Kind {
        CE, MSE, BCE;

        public static Kind parse(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new TrainingException("unknown loss '" + name + "'; choose one of ce, mse, bce");
            }
        }
    }

    /**
     * nn.CrossEntropyLoss: {@code logits} (N, C), {@code labels} (N) class indices. The gradient (softmax − one-hot)/N
     * keeps every probability at 1e-30 or more: autograd's own would carry subnormal floats, which the CPU handles a
     * hundred times slower, into every later layer of a confident network (Fashion-MNIST slowed down fivefold); the
     * difference, under 1e-30 / N, is far below a float's resolution of the other entries.
     */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        int classes = (int) logits.getShape().get(1);
        return crossEntropyOneHot(logits, labels.toType(DataType.INT64, false).oneHot(classes, DataType.FLOAT32));
    }

    /** As {@link #crossEntropy}, with the labels already one-hot (N, C): the trainer makes them without libtorch. */
    static NDArray crossEntropyOneHot(NDArray logits, NDArray oneHot) {
        double n = logits.getShape().get(0);
        NDArray value;
        NDArray slope;
        try (NDArray detached = logits.stopGradient()) {
            NDArray logP = detached.logSoftmax(1);
            value = logP.mul(oneHot).sum().mul((float) (-1 / n));
            slope = logP.exp().maximum(1e-30f).sub(oneHot).mul((float) (1 / n));
        }
        // value + (s − stop(s)): the value above, with ∂/∂logits = slope
        NDArray surrogate = logits.mul(slope).sum();
        return value.add(surrogate.sub(surrogate.stopGradient()));
    }

    /** nn.MSELoss: the mean of squared differences over every element. */
    public static NDArray mse(NDArray prediction, NDArray target) {
        return prediction.sub(target).square().mean();
    }

    /** nn.BCEWithLogitsLoss, in the form that never overflows: max(x, 0) − x·y + log(1 + e^−|x|). */
    public static NDArray bceWithLogits(NDArray logits, NDArray target) {
        return logits.maximum(0).sub(logits.mul(target)).add(logits.abs().neg().exp().add(1).log()).mean();
    }

    /**
     * nn.BCELoss on probabilities (after a Sigmoid layer): the value with PyTorch's clamp of each log at -100, and
     * PyTorch's own gradient (p − y) / max(p(1 − p), 1e-12) / N, which stays finite where p is exactly 0 or 1
     * (autograd through the clamped logs would give 0 × ∞ there).
     */
    public static NDArray bce(NDArray probabilities, NDArray target) {
        NDArray p = probabilities;
        NDArray value;
        NDArray slope;
        try (NDArray detached = p.stopGradient()) {
            NDArray logP = detached.log().maximum(-100);
            NDArray logNotP = detached.neg().add(1).log().maximum(-100);
            value = target.mul(logP).add(target.neg().add(1).mul(logNotP)).neg().mean();
            slope = detached.sub(target).div(detached.mul(detached.neg().add(1)).maximum(1e-12))
                    .div(p.getShape().size());
        }
        // value + (s − stop(s)): the value above, with ∂/∂p = slope
        NDArray surrogate = p.mul(slope).sum();
        return value.add(surrogate.sub(surrogate.stopGradient()));
    }
}
