package app.descent.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one adapter to DJL's PyTorch internals ({@code ai.djl.pytorch.jni}, {@code ai.djl.pytorch.engine}): every
 * call Descent makes past DJL's engine-neutral API is here (an ArchUnit rule keeps it so).
 */
final class LibTorch {
    private LibTorch() {
    }

    /**
     * libtorch records gradients by default on every thread, and DJL switches that off only on the thread that
     * loaded the engine. Updates in place and evaluations must run with recording off on whichever thread trains.
     */
    static void gradModeOff() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName()) && JniUtils.isGradMode()) {
            JniUtils.setGradMode(false);
        }
    }

    /** Backpropagates from {@code out} with {@code gradient} as its gradient (no loss graph to build). */
    static void backward(NDArray out, NDArray gradient) {
        JniUtils.backward((PtNDArray) out, (PtNDArray) gradient, false, false);
    }

    /**
     * The memory of a float32 CPU tensor as floats, read and written in place when the tensor is contiguous (as
     * parameters and the results of ops are); DJL hands a contiguous copy of any other.
     */
    static java.nio.FloatBuffer floats(NDArray a) {
        return JniUtils.getByteBuffer((PtNDArray) a, true).asFloatBuffer();
    }

    /** Fills the gradient of {@code weight} with zeros, if it has one (PyTorch's zero_grad with set_to_none off). */
    static void zeroGradient(NDArray weight) {
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    /** libtorch's intra-op thread count. */
    static int numThreads() {
        return JniUtils.getNumThreads();
    }
}
