package app.descent.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import app.descent.training.data.Examples;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** Stages a training run's batches: the examples and their one-hot targets as arrays on the run's device. */
final class BatchStager {
    private final int classes;
    private final boolean oneHot;

    /**
     * @param oneHot whether batches carry one-hot targets (MSE and BCE compare with them; cross-entropy takes the
     *     class labels, so making the array would be a Java loop, a native call and a free per step for nothing)
     */
    BatchStager(int classes, boolean oneHot) {
        this.classes = classes;
        this.oneHot = oneHot;
    }

    /** A batch on the device; {@code raw} are the class labels; {@code oneHot} is null without one-hot targets. */
    record Batch(NDArray x, NDArray oneHot, int[] raw) {
    }

    // The batch is gathered straight into native memory that every step reuses: libtorch reads it in place
    // (from_blob), where a fresh Java array and a fresh direct buffer per step cost a tenth of a small net's step
    // in copies and garbage. Safe because a step's arrays are closed before the next step writes here.
    private ByteBuffer inputs = ByteBuffer.allocateDirect(0);
    private ByteBuffer targets = ByteBuffer.allocateDirect(0);

    private static ByteBuffer room(ByteBuffer buffer, int floats) {
        ByteBuffer b = buffer.capacity() >= floats * Float.BYTES ? buffer
                : ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder());
        b.clear().limit(floats * Float.BYTES);
        return b;
    }

    /** The examples at {@code indices} of {@code set} as a batch in {@code s}, with one-hot targets. */
    Batch stage(NDManager s, Examples set, int[] indices) {
        int per = set.valuesPerExample();
        int n = indices.length;
        inputs = room(inputs, n * per);
        FloatBuffer x = inputs.asFloatBuffer();
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            x.put(set.x(), indices[k] * per, per);
            labels[k] = set.labels()[indices[k]];
        }
        long[] shape = new long[set.shape().length + 1];
        shape[0] = n;
        System.arraycopy(set.shape(), 0, shape, 1, set.shape().length);
        NDArray input = s.create(inputs, new Shape(shape), DataType.FLOAT32);
        if (!oneHot) {
            return new Batch(input, null, labels);
        }
        // one-hot rows made here cost one copy into libtorch instead of a cast and a oneHot op per step
        targets = room(targets, n * classes);
        FloatBuffer oneHot = targets.asFloatBuffer();
        for (int k = 0; k < n * classes; k++) {
            oneHot.put(k, 0f);
        }
        for (int k = 0; k < n; k++) {
            int label = labels[k];
            if (label >= 0 && label < classes) {
                oneHot.put(k * classes + label, 1f);
            }
        }
        return new Batch(input, s.create(targets, new Shape(n, classes), DataType.FLOAT32), labels);
    }

    private ByteBuffer gradient = ByteBuffer.allocateDirect(0);

    /**
     * {@code values} as an array of {@code shape} in {@code s}, read in place from native memory this stager
     * reuses (a fresh direct buffer per step is an allocation, a cleaner and a free): for a step's loss gradient,
     * consumed by the backward pass before the step's manager closes.
     */
    NDArray gradient(NDManager s, float[] values, Shape shape) {
        gradient = room(gradient, values.length);
        gradient.asFloatBuffer().put(values);
        return s.create(gradient, shape, DataType.FLOAT32);
    }
}
