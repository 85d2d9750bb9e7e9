package app.descent.training;

import app.descent.network.Layer;
import ai.djl.Device;
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
import app.descent.training.data.DataSplit;
import app.descent.training.data.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One training run, advanced a step at a time so that several runs can interleave on the one training thread.
 * Owns its model and parameters in one NDManager; everything a step creates lives in a sub-manager closed at the
 * end of the step, so native memory stays flat however long the run.
 */
public final class TrainingRun implements AutoCloseable {

    public record Settings(Losses.Kind loss, OptimizerSpec optimizer, Initializer init, int batchSize, int epochs,
                           long seed, Schedule schedule, double clipNorm, int patience, String device) {
        public Settings {
            if (batchSize < 1) {
                throw new TrainingException("batch size must be at least 1, not " + batchSize);
            }
            if (epochs < 1) {
                throw new TrainingException("epochs must be at least 1, not " + epochs);
            }
            if (!(clipNorm >= 0)) {
                throw new TrainingException("gradient clipping norm must be at least 0, not " + clipNorm);
            }
            if (patience < 0) {
                throw new TrainingException("patience must be at least 0, not " + patience);
            }
        }

        public static Settings defaults(Losses.Kind loss, OptimizerSpec optimizer) {
            return new Settings(loss, optimizer, Initializer.parse("default"), 32, 5, 0, Schedule.CONSTANT, 0, 0, "cpu");
        }
    }

    /** Loss and accuracy on a set, with the predicted class of every example. */
    public record Evaluation(double loss, double accuracy, int[] predictions) {
    }

    private final int id;
    private final Settings settings;
    private final DataSplit data;
    private final List<Layer> layers;
    private final NDManager manager;
    private final SequentialBlock net = new SequentialBlock();
    private final ParameterStore store;
    private final List<Parameter> trainable = new ArrayList<>();
    private final Optimizer optimizer;
    private final DivergenceGuard guard = new DivergenceGuard();
    private final boolean sigmoidOutput;
    private final int classes;
    private final BatchStager stager;
    private final long stepsPerEpoch;
    private final long startNanos = System.nanoTime();
    /** The step without autograd when the network qualifies ({@link ManualStep}), else null. */
    private ManualStep manual;

    private int epoch;
    private int batch;
    private int[] order;
    private long step;
    private double epochLoss;
    private long epochCorrect;
    private long epochSeen;
    private long epochStart = System.nanoTime();
    private double bestValLoss = Double.POSITIVE_INFINITY;
    private int epochsWithoutGain;
    private boolean finished;

    public TrainingRun(int id, List<Layer> layers, DataSplit data, Settings settings) {
        if (layers.isEmpty()) {
            throw new TrainingException("the network has no layers");
        }
        this.id = id;
        this.layers = List.copyOf(layers);
        this.data = data;
        this.settings = settings;
        this.optimizer = new Optimizer(settings.optimizer());
        this.classes = data.train().classes();
        this.stager = new BatchStager(classes, settings.loss() != Losses.Kind.CE);
        this.sigmoidOutput = layers.get(layers.size() - 1).type().equals("Sigmoid");
        this.manager = NDManager.newBaseManager(device(settings.device()));
        this.store = new ParameterStore(manager, false);
        this.stepsPerEpoch = (data.train().count() + settings.batchSize() - 1) / settings.batchSize();
        if (data.train().count() == 0) {
            throw new TrainingException("there are no training examples");
        }
        checkShapes(layers, data);
        Engine.getInstance().setRandomSeed((int) settings.seed());
        LibTorch.gradModeOff();
        for (Layer l : layers) {
            net.add(TorchLayers.block(l.type(), l.args()));
        }
        long[] in = data.train().shape();
        long[] batchShape = new long[in.length + 1];
        batchShape[0] = settings.batchSize();
        System.arraycopy(in, 0, batchShape, 1, in.length);
        try {
            net.initialize(manager, DataType.FLOAT32, new Shape(batchShape));
        } catch (RuntimeException e) {
            throw new TrainingException("the network does not fit the data " + data.name() + " (examples of shape "
                    + java.util.Arrays.toString(in) + "): " + e.getMessage());
        }
        checkOutput();
        initialize();
        manual = ManualStep.of(this.layers, net, data.train().shape(), settings.loss());
        newEpochOrder();
    }

    /** Whether steps do without autograd ({@link ManualStep}). */
    boolean manualStep() {
        return manual != null;
    }

    /** From now on every step goes through autograd (tests hold the manual step against it). */
    TrainingRun autogradOnly() {
        manual = null;
        return this;
    }

    /**
     * PyTorch's shape rules, checked before DJL sees the network: DJL would infer Linear's in_features and a
     * convolution's in_channels from the data and quietly train a different network than the one written.
     */
    private static void checkShapes(List<Layer> layers, DataSplit data) {
        List<app.descent.network.LayerSpec> specs = new ArrayList<>();
        for (Layer l : layers) {
            specs.add(app.descent.network.LayerSpec.kw(l.type(), l.args()));
        }
        List<Integer> input = new ArrayList<>();
        input.add(1);
        for (long d : data.train().shape()) {
            input.add((int) d);
        }
        try {
            app.descent.network.ShapeInference.infer(app.descent.network.Network.sequential(specs), input);
        } catch (app.descent.network.NetworkException e) {
            throw new TrainingException("the network does not fit " + data.name() + " (one example is " + input
                    + "): " + e.getMessage());
        }
    }

    private static Device device(String name) {
        String n = name == null ? "cpu" : name.strip().toLowerCase(java.util.Locale.ROOT);
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        if (n.startsWith("gpu")) {
            int gpus = Engine.getInstance().getGpuCount();
            int index = n.length() > 3 ? Integer.parseInt(n.substring(3)) : 0;
            if (index >= gpus) {
                throw new TrainingException("no GPU " + index + " on this machine (" + gpus
                        + " found); use --device cpu, or build with -Pcuda on a machine with an NVIDIA GPU");
            }
            return Device.gpu(index);
        }
        throw new TrainingException("unknown device '" + name + "'; use cpu or gpu");
    }

    private void checkOutput() {
        long[] in = data.train().shape();
        long[] probe = new long[in.length + 1];
        probe[0] = 1;
        System.arraycopy(in, 0, probe, 1, in.length);
        Shape out = net.getOutputShapes(new Shape[] {new Shape(probe)})[0];
        long width = out.get(out.dimension() - 1);
        boolean ok = switch (settings.loss()) {
            case CE, MSE -> out.dimension() == 2 && width == classes;
            case BCE -> out.dimension() == 2 && width == 1 && classes == 2;
        };
        if (!ok) {
            String want = settings.loss() == Losses.Kind.BCE ? "1 output for 2 classes"
                    : classes + " outputs, one per class";
            throw new TrainingException("the network's output has shape " + out + " for one example, but " + data.name()
                    + " with loss " + settings.loss().name().toLowerCase(java.util.Locale.ROOT) + " needs " + want);
        }
    }

    /** Our initializers, seeded, so that runs reproduce and match PyTorch's initial distributions. */
    private void initialize() {
        SplittableRandom random = new SplittableRandom(settings.seed());
        int i = 0;
        for (var child : net.getChildren()) {
            Block block = child.getValue();
            Layer def = layers.get(i++);
            long[] weightShape = null;
            for (var p : block.getParameters()) {
                Parameter param = p.getValue();
                NDArray array = param.getArray();
                if (param.getType() == Parameter.Type.WEIGHT) {
                    weightShape = array.getShape().getShape();
                }
            }
            for (var p : block.getParameters()) {
                Parameter param = p.getValue();
                NDArray array = param.getArray();
                long[] shape = array.getShape().getShape();
                Initializer.Role role = switch (param.getType()) {
                    case WEIGHT -> Initializer.Role.WEIGHT;
                    case BIAS -> Initializer.Role.BIAS;
                    case GAMMA -> Initializer.Role.NORM_WEIGHT;
                    case BETA -> Initializer.Role.NORM_BIAS;
                    default -> null;
                };
                if (role == null) {
                    continue;
                }
                if (def.type().startsWith("BatchNorm") || def.type().equals("LayerNorm")) {
                    role = role == Initializer.Role.WEIGHT ? Initializer.Role.NORM_WEIGHT
                            : role == Initializer.Role.BIAS ? Initializer.Role.NORM_BIAS : role;
                }
                long[] fanShape = role == Initializer.Role.BIAS && weightShape != null ? weightShape : shape;
                long receptive = 1;
                for (int d = 2; d < fanShape.length; d++) {
                    receptive *= fanShape[d];
                }
                long fanIn = fanShape.length > 1 ? fanShape[1] * receptive : fanShape[0];
                long fanOut = fanShape[0] * receptive;
                float[] values = settings.init().values(role, (int) array.size(), fanIn, fanOut, random);
                Tensors.assign(array, values);
                array.setRequiresGradient(true);
                trainable.add(param);
            }
        }
    }

    private void newEpochOrder() {
        int n = data.train().count();
        order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + epoch);
        for (int k = n - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
    }

    public int id() {
        return id;
    }

    public boolean finished() {
        return finished;
    }

    public long steps() {
        return step;
    }

    public Settings settings() {
        return settings;
    }

    public DataSplit data() {
        return data;
    }

    /** The manager that owns this run's model (tests count what lives under it). */
    NDManager manager() {
        return manager;
    }

    /** One optimizer step; the events it produced (a Step, and at the end of an epoch an Epoch, maybe a Done). */
    public List<TrainingEvent> advance() {
        TrainingThread.checkOpen();
        List<TrainingEvent> events = new ArrayList<>(3);
        if (finished) {
            return events;
        }
        LibTorch.gradModeOff();
        Examples train = data.train();
        int from = batch * settings.batchSize();
        int to = Math.min(train.count(), from + settings.batchSize());
        int[] indices = java.util.Arrays.copyOfRange(order, from, to);
        double lr = settings.schedule().rate(settings.optimizer().lr(), step, stepsPerEpoch * settings.epochs());
        optimizer.learningRate(lr);
        double loss;
        try (NDManager s = manager.newSubManager()) {
            BatchStager.Batch b = stager.stage(s, train, indices);
            Backward bw = forwardBackward(s, b);
            loss = bw.loss();
            if (bw.gradients() != null) {
                if (settings.clipNorm() > 0) {
                    clip(bw.gradients().values());
                }
                for (Parameter p : trainable) {
                    // a new array made by this step, not the weight's gradient: nothing to zero afterwards
                    optimizer.update(p.getId(), p.getArray(), bw.gradients().get(p));
                }
            } else {
                if (settings.clipNorm() > 0) {
                    clipOwnGradients();
                }
                for (Parameter p : trainable) {
                    NDArray w = p.getArray();
                    // each getGradient() is a new native handle: close it, or every step leaks one per parameter
                    try (NDArray g = w.getGradient()) {
                        optimizer.update(p.getId(), w, g);
                    }
                    // the next backward pass adds to it
                    LibTorch.zeroGradient(w);
                }
            }
        }
        step++;
        batch++;
        epochLoss += loss * indices.length;
        epochSeen += indices.length;
        events.add(new TrainingEvent.Step(id, step, epoch + 1, loss, lr));
        String diverged = guard.check(step, loss);
        if (diverged != null) {
            finished = true;
            events.add(new TrainingEvent.Diverged(id, step, diverged));
            return events;
        }
        if (batch == stepsPerEpoch) {
            events.add(endEpoch());
            if (finished) {
                events.add(done(stopReason));
            }
        }
        return events;
    }

    /**
     * A step's loss and, from the manual step, every parameter's gradient (arrays of the step's manager); null
     * gradients: autograd accumulated them into the parameters' own.
     */
    private record Backward(double loss, java.util.Map<Parameter, NDArray> gradients) {
    }

    /**
     * A training step's forward pass (training mode) and backward pass on one batch: the loss and every trainable
     * parameter's gradient, with the batch's correct predictions counted.
     */
    private Backward forwardBackward(NDManager s, BatchStager.Batch b) {
        if (manual != null) {
            NDArray out = manual.forward(store, b.x());
            Losses.CrossEntropy ce = Losses.crossEntropy(out, b.raw(), true);
            epochCorrect += correct(ce.predictions(), b.raw());
            return new Backward(ce.loss(),
                    manual.backward(stager.gradient(s, ce.slope(), new Shape(b.raw().length, classes))));
        }
        double loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = net.forward(store, new NDList(b.x()), true).singletonOrThrow();
            if (settings.loss() == Losses.Kind.CE) {
                Losses.CrossEntropy ce = Losses.crossEntropy(out, b.raw(), true);
                loss = ce.loss();
                epochCorrect += correct(ce.predictions(), b.raw());
                // the slope goes in as the logits' gradient: no loss graph to build and differentiate
                LibTorch.backward(out, stager.gradient(s, ce.slope(), new Shape(b.raw().length, classes)));
            } else {
                NDArray l = loss(out, b);
                loss = l.getFloat();
                epochCorrect += correct(predictions(out), b.raw());
                gc.backward(l);
            }
        }
        return new Backward(loss, null);
    }

    /** The loss and gradients of one training step. */
    record StepGradients(double loss, java.util.Map<String, float[]> gradients) {
    }

    /**
     * The loss and the gradients, by state_dict key, that a step on these training examples computes, without the
     * update; the gradients are zeroed again and the epoch's counts left as they were. For tests that hold the
     * step's backward pass against PyTorch's.
     */
    StepGradients stepGradients(int[] indices) {
        LibTorch.gradModeOff();
        long correctBefore = epochCorrect;
        try (NDManager s = manager.newSubManager()) {
            Backward bw = forwardBackward(s, stager.stage(s, data.train(), indices));
            java.util.Map<String, float[]> gradients = new java.util.LinkedHashMap<>();
            int i = 0;
            for (var child : net.getChildren()) {
                String layer = layers.get(i++).name();
                for (var p : child.getValue().getParameters()) {
                    NDArray w = p.getValue().getArray();
                    if (!trainable.contains(p.getValue())) {
                        continue;
                    }
                    String key = WeightFiles.stateKey(layer, p.getValue());
                    if (bw.gradients() != null) {
                        gradients.put(key, bw.gradients().get(p.getValue()).toFloatArray());
                        continue;
                    }
                    try (NDArray g = w.getGradient()) {
                        gradients.put(key, g.toFloatArray());
                        g.subi(g);
                    }
                }
            }
            double loss = bw.loss();
            return new StepGradients(loss, gradients);
        } finally {
            epochCorrect = correctBefore;
        }
    }

    private String stopReason;

    private TrainingEvent.Epoch endEpoch() {
        Evaluation val = data.validation().count() > 0 ? evaluate(data.validation()) : null;
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        TrainingEvent.Epoch e = new TrainingEvent.Epoch(id, epoch + 1, epochLoss / epochSeen,
                (double) epochCorrect / epochSeen, val == null ? Double.NaN : val.loss(),
                val == null ? Double.NaN : val.accuracy(), seconds);
        epoch++;
        batch = 0;
        epochLoss = 0;
        epochCorrect = 0;
        epochSeen = 0;
        epochStart = System.nanoTime();
        if (val != null && settings.patience() > 0) {
            if (val.loss() < bestValLoss - 1e-12) {
                bestValLoss = val.loss();
                epochsWithoutGain = 0;
            } else if (++epochsWithoutGain >= settings.patience()) {
                finished = true;
                stopReason = "early stop: the validation loss did not improve for " + settings.patience() + " epochs";
            }
        }
        if (epoch >= settings.epochs()) {
            finished = true;
        } else {
            newEpochOrder();
        }
        return e;
    }

    private TrainingEvent.Done done(String reason) {
        Evaluation test = evaluate(data.test());
        return new TrainingEvent.Done(id, test.loss(), test.accuracy(), step, (System.nanoTime() - startNanos) / 1e9,
                reason);
    }

    /** Runs to the end, handing every event to {@code sink}; returns the last one (Done or Diverged). */
    public TrainingEvent runToEnd(java.util.function.Consumer<TrainingEvent> sink) {
        TrainingEvent last = null;
        while (!finished) {
            for (TrainingEvent e : advance()) {
                sink.accept(e);
                last = e;
            }
        }
        return last;
    }

    /** The loss as an array to differentiate: MSE and BCE (cross-entropy goes through {@link Losses#crossEntropy(NDArray, int[], boolean)}). */
    private NDArray loss(NDArray out, BatchStager.Batch b) {
        return switch (settings.loss()) {
            case CE -> throw new IllegalStateException("cross-entropy is computed by Losses.crossEntropy");
            case MSE -> Losses.mse(out, b.oneHot());
            case BCE -> {
                // a one-hot row of two classes holds the label in its second column
                NDArray target = b.oneHot().get(":, 1:2");
                yield sigmoidOutput ? Losses.bce(out, target) : Losses.bceWithLogits(out, target);
            }
        };
    }

    private int[] predictions(NDArray out) {
        if (settings.loss() == Losses.Kind.BCE) {
            float threshold = sigmoidOutput ? 0.5f : 0f;
            float[] v = out.toFloatArray();
            int[] p = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                p[i] = v[i] > threshold ? 1 : 0;
            }
            return p;
        }
        long[] arg = out.argMax(1).toLongArray();
        int[] p = new int[arg.length];
        for (int i = 0; i < arg.length; i++) {
            p[i] = (int) arg[i];
        }
        return p;
    }

    private static long correct(int[] predicted, int[] labels) {
        long c = 0;
        for (int i = 0; i < predicted.length; i++) {
            c += predicted[i] == labels[i] ? 1 : 0;
        }
        return c;
    }

    /** Loss and accuracy in evaluation mode (dropout off, batch norm on running statistics). */
    public Evaluation evaluate(Examples set) {
        LibTorch.gradModeOff();
        double lossSum = 0;
        long correct = 0;
        int[] predictions = new int[set.count()];
        int size = Math.max(settings.batchSize(), 256);
        for (int from = 0; from < set.count(); from += size) {
            int to = Math.min(set.count(), from + size);
            int[] indices = new int[to - from];
            for (int k = 0; k < indices.length; k++) {
                indices[k] = from + k;
            }
            try (NDManager s = manager.newSubManager()) {
                BatchStager.Batch b = stager.stage(s, set, indices);
                NDArray out = net.forward(store, new NDList(b.x()), false).singletonOrThrow();
                int[] p;
                if (settings.loss() == Losses.Kind.CE) {
                    Losses.CrossEntropy ce = Losses.crossEntropy(out, b.raw(), false);
                    lossSum += ce.loss() * indices.length;
                    p = ce.predictions();
                } else {
                    lossSum += loss(out, b).getFloat() * indices.length;
                    p = predictions(out);
                }
                System.arraycopy(p, 0, predictions, from, p.length);
                correct += correct(p, b.raw());
            }
        }
        int n = Math.max(1, set.count());
        return new Evaluation(lossSum / n, (double) correct / n, predictions);
    }

    /**
     * Class probabilities (or the positive class's, for binary cross-entropy) for raw inputs, in evaluation mode:
     * what a decision-boundary picture needs.
     */
    public float[] probabilities(float[] x, int count) {
        long[] shape = new long[data.train().shape().length + 1];
        shape[0] = count;
        System.arraycopy(data.train().shape(), 0, shape, 1, data.train().shape().length);
        LibTorch.gradModeOff();
        try (NDManager s = manager.newSubManager()) {
            NDArray out = net.forward(store, new NDList(s.create(x, new Shape(shape))), false).singletonOrThrow();
            NDArray p = switch (settings.loss()) {
                case BCE -> sigmoidOutput ? out : out.getNDArrayInternal().sigmoid();
                default -> out.softmax(1);
            };
            return p.toFloatArray();
        }
    }

    /**
     * Probabilities over a {@code size} × {@code size} grid covering [-1, 1]² (row 0 at y = 1), for the picture of a
     * decision boundary: {@code classes} values per cell (one for binary cross-entropy).
     */
    public float[] boundary(int size) {
        float[] grid = new float[size * size * 2];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                int k = (r * size + c) * 2;
                grid[k] = -1 + 2 * (c + 0.5f) / size;
                grid[k + 1] = 1 - 2 * (r + 0.5f) / size;
            }
        }
        return probabilities(grid, size * size);
    }

    /**
     * The trained parameters as a NumPy .npz archive keyed like PyTorch's state_dict ("0.weight", "3.running_mean"),
     * so that {@code net.load_state_dict} takes them.
     */
    public byte[] weightsNpz() {
        return WeightFiles.npz(manager, net, layers);
    }

    /**
     * Sets the parameters from an archive made by {@link #weightsNpz()} (a checkpoint), by state_dict key; a missing
     * key or a shape that differs is a message naming it.
     */
    public void loadWeights(byte[] npz) {
        WeightFiles.load(manager, net, layers, npz);
    }

    /**
     * Per-layer statistics of one batch with this run's loss: the first {@code batchSize} examples of the training
     * split (DataSplit has shuffled it by the seed), so every call sees the same batch; in evaluation mode (dropout
     * off, batch norm on running statistics). Between steps, on the thread that trains: the parameters, the
     * optimizer's state and the next step are as if it had not been called.
     */
    public Inspection inspect(int batchSize) {
        return Inspector.inspect(manager, store, net, layers, data.train(), batchSize, settings.loss(), step);
    }

    /** clip_grad_norm_: scales {@code gradients} in place so that their joint L2 norm is at most the settings'. */
    private void clip(java.util.Collection<NDArray> gradients) {
        double total = 0;
        for (NDArray g : gradients) {
            try (NDArray sq = g.square(); NDArray sum = sq.sum()) {
                total += sum.getFloat();
            }
        }
        double norm = Math.sqrt(total);
        if (norm > settings.clipNorm()) {
            float scale = (float) (settings.clipNorm() / (norm + 1e-6));
            for (NDArray g : gradients) {
                g.muli(scale);
            }
        }
    }

    /** clip_grad_norm_ on the parameters' own gradients (autograd's). */
    private void clipOwnGradients() {
        List<NDArray> gradients = new ArrayList<>();
        try {
            for (Parameter p : trainable) {
                gradients.add(p.getArray().getGradient());
            }
            clip(gradients);
        } finally {
            gradients.forEach(NDArray::close);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
