package app.descent.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * Writing values into an existing tensor. DJL's {@code NDArray.set(float[])} runs libtorch's torchSet, which opens a
 * deprecated AutoNonVariableTypeMode guard, and libtorch then prints a warning on the process's stderr (native code:
 * no logger reaches it). An indexed copy from a new tensor ({@code index_put_}) does the same without the guard.
 */
final class Tensors {
    private Tensors() {
    }

    static void assign(NDArray target, float[] values) {
        try (NDManager m = target.getManager().newSubManager()) {
            NDArray source = m.create(values, target.getShape());
            target.set(new NDIndex("..."), source);
        }
    }
}
