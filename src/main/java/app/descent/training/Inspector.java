package app.descent.training;

import app.descent.network.Layer;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import app.descent.training.data.Examples;
import java.util.ArrayList;
import java.util.List;

/**
 * The DJL side of an {@link Inspection}: one batch through a run's layers one at a time, so that every output can be
 * read, then backward. Leaves the parameters, their gradients (zero) and the optimizer as it found them.
 */
final class Inspector {
    private Inspector() {
    }

    static Inspection inspect(NDManager manager, ParameterStore store, SequentialBlock net, List<Layer> layers,
                              Examples train, int batchSize, Losses.Kind kind, long step) {
        if (batchSize < 1) {
            throw new TrainingException("batch size must be at least 1, not " + batchSize);
        }
        int n = Math.min(batchSize, train.count());
        LibTorch.gradModeOff();
        try (NDManager s = manager.newSubManager()) {
            int per = train.valuesPerExample();
            float[] x = java.util.Arrays.copyOf(train.x(), n * per);
            int[] labels = java.util.Arrays.copyOf(train.labels(), n);
            long[] shape = new long[train.shape().length + 1];
            shape[0] = n;
            System.arraycopy(train.shape(), 0, shape, 1, train.shape().length);
            List<NDArray> outputs = new ArrayList<>();
            double loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList current = new NDList(s.create(x, new Shape(shape)));
                for (var child : net.getChildren()) {
                    // evaluation mode, as the course's notebooks inspect: dropout off, batch norm on running statistics
                    current = child.getValue().forward(store, current, false);
                    outputs.add(current.singletonOrThrow());
                }
                NDArray l = loss(kind, outputs.get(outputs.size() - 1), s.create(labels), train.classes(),
                        layers.get(layers.size() - 1).type().equals("Sigmoid"));
                loss = l.getFloat();
                gc.backward(l);
            }
            List<Inspection.Layer> result = new ArrayList<>();
            int i = 0;
            for (var child : net.getChildren()) {
                result.add(layer(i, layers.get(i), child.getValue(), outputs.get(i)));
                i++;
            }
            return new Inspection(step, kind, loss, n, result);
        }
    }

    private static NDArray loss(Losses.Kind kind, NDArray out, NDArray labels, int classes, boolean sigmoidOutput) {
        return switch (kind) {
            case CE -> Losses.crossEntropy(out, labels);
            case MSE -> Losses.mse(out, labels.oneHot(classes, DataType.FLOAT32));
            case BCE -> {
                NDArray target = labels.toType(DataType.FLOAT32, false).reshape(-1, 1);
                yield sigmoidOutput ? Losses.bce(out, target) : Losses.bceWithLogits(out, target);
            }
        };
    }

    private static Inspection.Layer layer(int index, Layer def, Block block, NDArray out) {
        float[] values = out.toFloatArray();
        long[] shape = out.getShape().getShape();
        Inspection.Stats weight = null;
        Inspection.Histogram weightHistogram = null;
        Inspection.Stats gradient = null;
        for (var p : block.getParameters()) {
            Parameter param = p.getValue();
            NDArray w = param.getArray();
            if (!w.hasGradient()) {
                continue;
            }
            boolean isWeight = param.getType() == Parameter.Type.WEIGHT || param.getType() == Parameter.Type.GAMMA;
            // each getGradient() is a new native handle; the gradient must be read before it is zeroed, and zeroed
            // so that the run's next step accumulates onto nothing
            try (NDArray g = w.getGradient()) {
                float[] gv = g.toFloatArray();
                if (isWeight && weight == null) {
                    float[] wv = w.toFloatArray();
                    weight = Inspection.Stats.of(wv);
                    weightHistogram = Inspection.Histogram.of(wv, Inspection.BINS);
                    gradient = Inspection.Stats.of(gv);
                }
                if (finite(gv)) {
                    g.subi(g);
                } else {
                    // inf − inf would leave NaN behind for the next step
                    Tensors.assign(g, new float[gv.length]);
                }
            }
        }
        boolean activation = Inspection.ACTIVATIONS.contains(def.type());
        return new Inspection.Layer(index, def.name(), def.type(), shape, Inspection.Stats.of(values),
                Inspection.Histogram.of(values, Inspection.BINS), weight, weightHistogram, gradient,
                activation ? deadFraction(values, shape[0]) : Double.NaN);
    }

    private static boolean finite(float[] v) {
        for (float f : v) {
            if (!Float.isFinite(f)) {
                return false;
            }
        }
        return true;
    }

    /** UvA's count of dead neurons: units that are exactly 0 for every example of the batch. */
    static double deadFraction(float[] values, long examples) {
        int units = (int) (values.length / examples);
        if (units == 0) {
            return Double.NaN;
        }
        int dead = 0;
        for (int u = 0; u < units; u++) {
            boolean zero = true;
            for (int e = 0; e < examples && zero; e++) {
                zero = values[e * units + u] == 0f;
            }
            dead += zero ? 1 : 0;
        }
        return (double) dead / units;
    }
}
