package app.descent.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
     * nn.CrossEntropyLoss as an array to differentiate: {@code logits} (N, C), {@code labels} (N) class indices. The
     * value and the gradient (softmax − one-hot)/N are those of {@link #crossEntropy(NDArray, int[], boolean)}.
     */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        int[] l;
        try (NDArray ints = labels.toType(DataType.INT32, false)) {
            l = ints.toIntArray();
        }
        CrossEntropy ce = crossEntropy(logits, l, true);
        NDManager m = logits.getManager();
        NDArray value = m.create((float) ce.loss());
        NDArray slope = m.create(ce.slope(), logits.getShape());
        // value + (s − stop(s)): the value above, with ∂/∂logits = slope
        NDArray surrogate = logits.mul(slope).sum();
        return value.add(surrogate.sub(surrogate.stopGradient()));
    }

    /** Cross-entropy's value over a batch, the predicted classes, and in training its slope for the logits. */
    record CrossEntropy(double loss, int[] predictions, float[] slope) {
    }

    /**
     * Cross-entropy from one copy of the log-probabilities: value, predictions and (with {@code slope}) the
     * gradient (softmax − one-hot)/N are made here, where a loss built of array operations costs a dozen more
     * libtorch calls a step and as many graph nodes to differentiate, a fifth of a small net's step.
     * Probabilities in the slope are floored at 1e-30, so that no subnormal float reaches the layers below:
     * autograd's own would carry them, which the CPU handles a hundred times slower, into every later layer of a
     * confident network (Fashion-MNIST slowed down fivefold); the difference, under 1e-30 / N, is far below a
     * float's resolution of the other entries. The one cross-entropy of Descent: training, evaluation and the
     * inspector all use it.
     */
    static CrossEntropy crossEntropy(NDArray out, int[] labels, boolean slope) {
        int classes = (int) out.getShape().get(1);
        float[] logP;
        try (NDArray detached = out.stopGradient(); NDArray lp = detached.logSoftmax(1)) {
            logP = lp.toFloatArray();
        }
        int n = labels.length;
        float[] grad = slope ? new float[logP.length] : null;
        int[] predicted = new int[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int row = i * classes;
            int label = labels[i];
            int best = 0;
            for (int c = 0; c < classes; c++) {
                float v = logP[row + c];
                if (v > logP[row + best]) {
                    best = c;
                }
                if (slope) {
                    grad[row + c] = (Math.max((float) Math.exp(v), 1e-30f) - (c == label ? 1f : 0f)) / n;
                }
            }
            sum -= label >= 0 && label < classes ? logP[row + label] : 0;
            predicted[i] = best;
        }
        return new CrossEntropy(sum / n, predicted, grad);
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
