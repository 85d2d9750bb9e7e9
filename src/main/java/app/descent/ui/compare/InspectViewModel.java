package app.descent.ui.compare;

import app.descent.UserInputException;
import app.descent.network.PyTorchImporter;
import app.descent.training.Initializer;
import app.descent.training.Inspection;
import app.descent.network.Layer;
import app.descent.training.Losses;
import app.descent.training.OptimizerSpec;
import app.descent.training.Schedule;
import app.descent.training.TrainingException;
import app.descent.training.TrainingRun;
import app.descent.training.TrainingThread;
import app.descent.training.data.DataSplit;
import app.descent.ui.fx.FxThread;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Gradient flow and activation statistics of one batch: at initialization, or live every few steps while the network
 * trains, on the one training thread.
 */
public final class InspectViewModel {
    public static final String DEEP_MLP = "Deep MLP 784-512-256-256-128-10 (UvA)";
    public static final String DEEP_NARROW = "Very deep MLP, 8 × 128 hidden";
    public static final String CNN = "CNN 2 conv + 2 linear";
    public static final String TOY = "2-16-16-16-2 (toy sets)";
    static final Map<String, String> NETWORKS = new LinkedHashMap<>();
    /** Where a network's output size follows the dataset's classes (the toy net: 2 for moons, 3 for spiral). */
    private static final String CLASSES = "CLASSES";
    /** "as written", then every activation of the registry by its torch name. */
    public static final List<String> ACTIVATIONS = java.util.stream.Stream.concat(java.util.stream.Stream.of("as written"),
            java.util.Arrays.stream(app.descent.catalog.Activation.values()).map(app.descent.catalog.Activation::torchName))
            .toList();
    public static final List<String> DATASETS = List.of("fashion-mnist", "mnist", "spiral", "circles", "moons", "xor");
    public static final List<String> INITS = List.of("default", "kaiming", "xavier", "normal:0.01", "normal:1",
            "constant:0.005", "zeros");

    static {
        NETWORKS.put(DEEP_MLP, "nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(),"
                + " nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))");
        StringBuilder deep = new StringBuilder("nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU()");
        for (int i = 0; i < 7; i++) {
            deep.append(", nn.Linear(128, 128), nn.ReLU()");
        }
        NETWORKS.put(DEEP_NARROW, deep.append(", nn.Linear(128, 10))").toString());
        NETWORKS.put(CNN, "nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), "
                + "nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), "
                + "nn.Linear(32 * 7 * 7, 64), nn.ReLU(), nn.Linear(64, 10))");
        NETWORKS.put(TOY, "nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), "
                + "nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, " + CLASSES + "))");
    }

    private final StringProperty dataset = new SimpleStringProperty("fashion-mnist");
    private final StringProperty network = new SimpleStringProperty(DEEP_MLP);
    private final StringProperty activation = new SimpleStringProperty("as written");
    private final StringProperty init = new SimpleStringProperty("default");
    private final IntegerProperty batchSize = new SimpleIntegerProperty(256);
    private final StringProperty seed = new SimpleStringProperty("0");
    private final IntegerProperty every = new SimpleIntegerProperty(25);
    private final StringProperty optimizer = new SimpleStringProperty("sgd");
    private final ObjectProperty<Double> lr = new SimpleObjectProperty<>(0.05);
    private final BooleanProperty stopRequested = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean stop = new AtomicBoolean();
    /** The last split read, by name and options: inspecting again should not read Fashion-MNIST again. Training thread only. */
    private String loadedKey;
    private DataSplit loaded;
    private final ReadOnlyObjectWrapper<app.descent.compare.InitStudy.Result> study = new ReadOnlyObjectWrapper<>();

    /** The initializers compared on the deep net of the study (UvA tutorial 4), with the activation chosen. */
    public ReadOnlyObjectProperty<app.descent.compare.InitStudy.Result> studyProperty() {
        return study.getReadOnlyProperty();
    }

    /** Activation std and gradient norm by depth for the five initializers of the tutorial, on Fashion-MNIST. */
    public void compareInitializers() {
        if (busy.get()) {
            return;
        }
        String a = activation.get() == null || activation.get().equals("as written") ? "relu" : activation.get();
        long s;
        try {
            s = seedValue();
            app.descent.compare.InitStudy.network(app.descent.compare.InitStudy.WIDTHS, a);
        } catch (UserInputException e) {
            status.set(e.getMessage());
            return;
        }
        busy.set(true);
        stop.set(false);
        status.set("comparing " + app.descent.compare.InitStudy.INITIALIZERS.size() + " initializers on a "
                + (app.descent.compare.InitStudy.WIDTHS.size() - 2) + "-hidden-layer " + a + " net…");
        TrainingThread.submit(() -> {
            try {
                DataSplit data = load("fashion-mnist", new DataSplit.Options(1000, -1, s, 1024, 0));
                if (stop.get()) {
                    FxThread.run(() -> status.set("cancelled: the initializers were not compared"));
                    return;
                }
                var r = app.descent.compare.InitStudy.run(data, a, s);
                FxThread.run(() -> {
                    inspectionLast = false;
                    study.set(r);
                    status.set("initializers compared: " + r.widths().size() + " widths, " + a + ", batch of "
                            + r.batchSize() + " Fashion-MNIST images (standardized), seed " + r.seed());
                });
            } catch (RuntimeException e) {
                FxThread.run(() -> status.set(e.getMessage()));
            } finally {
                FxThread.run(() -> busy.set(false));
            }
        });
    }

    public StringProperty datasetProperty() {
        return dataset;
    }

    public StringProperty networkProperty() {
        return network;
    }

    public StringProperty activationProperty() {
        return activation;
    }

    public StringProperty initProperty() {
        return init;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public IntegerProperty everyProperty() {
        return every;
    }

    public StringProperty optimizerProperty() {
        return optimizer;
    }

    public ObjectProperty<Double> lrProperty() {
        return lr;
    }

    public ReadOnlyObjectProperty<Inspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The layers to inspect: the chosen network with every activation replaced when asked. */
    List<Layer> layers() {
        return layers(2);
    }

    /** The layers for a dataset of {@code classes} classes. */
    List<Layer> layers(int classes) {
        return layers(network.get(), activation.get(), classes);
    }

    private static List<Layer> layers(String net, String a, int classes) {
        String code = NETWORKS.get(net);
        if (code == null) {
            throw new UserInputException("unknown network '" + net + "'");
        }
        code = code.replace(CLASSES, String.valueOf(classes));
        List<Layer> layers = PyTorchImporter.importCode("import torch.nn as nn\nnet = " + code + "\n")
                .network().sequentialLayers();
        if (a == null || a.equals("as written")) {
            return layers;
        }
        // the activation varied as the Runs tab varies it: hidden layers only, an output Sigmoid stays
        return app.descent.compare.Variation.of(app.descent.compare.Variation.Key.ACTIVATION, a).apply(0, layers,
                TrainingRun.Settings.defaults(Losses.Kind.CE, OptimizerSpec.of("sgd", 0.01)), true).layers();
    }

    private DataSplit load(String name, DataSplit.Options options) {
        String key = name + " " + options;
        if (!key.equals(loadedKey)) {
            loaded = DataSplit.load(name, options);
            loadedKey = key;
        }
        return loaded;
    }

    private long seedValue() {
        try {
            return Long.parseLong(seed.get().strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new UserInputException("seed '" + seed.get() + "' is not a whole number");
        }
    }

    /** One batch through the freshly initialized network. */
    public void inspectAtInitialization() {
        start(false);
    }

    /** Trains and inspects every {@code every} steps until stopped or an epoch is done. */
    public void trainAndWatch() {
        start(true);
    }

    public void stop() {
        stop.set(true);
    }

    private void start(boolean train) {
        if (busy.get()) {
            return;
        }
        List<Layer> checked;
        Initializer initializer;
        long s;
        OptimizerSpec spec;
        try {
            checked = layers();
            initializer = Initializer.parse(init.get());
            s = seedValue();
            spec = OptimizerSpec.of(optimizer.get(), lr.get() == null ? 0.05 : lr.get());
        } catch (UserInputException e) {
            status.set(e.getMessage());
            return;
        }
        String name = dataset.get();
        String net = network.get();
        String act = activation.get();
        int batch = batchSize.get();
        int period = Math.max(1, every.get());
        busy.set(true);
        stop.set(false);
        status.set("loading " + name + "…");
        TrainingThread.submit(() -> {
            try {
                DataSplit data = load(name, new DataSplit.Options(1000, -1, s, train ? 0 : batch, train ? 0.1 : 0));
                if (stop.get()) {
                    FxThread.run(() -> status.set("cancelled: " + name + " was loaded but not inspected"));
                    return;
                }
                TrainingRun.Settings settings = new TrainingRun.Settings(Losses.Kind.CE, spec, initializer,
                        Math.min(batch, 128), 1000, s, Schedule.CONSTANT, 0, 0, "cpu");
                int classes = data.train().classes();
                List<Layer> layers = classes == 2 ? checked : layers(net, act, classes);
                try (TrainingRun run = new TrainingRun(0, layers, data, settings)) {
                    publish(run.inspect(batch), "at initialization");
                    while (train && !stop.get() && !run.finished()) {
                        double loss = Double.NaN;
                        for (int k = 0; k < period && !run.finished(); k++) {
                            for (var e : run.advance()) {
                                if (e instanceof app.descent.training.TrainingEvent.Step st) {
                                    loss = st.loss();
                                }
                            }
                        }
                        publish(run.inspect(batch), "training loss " + app.descent.graph.ComputationGraph.format(loss, 4));
                    }
                    if (train && stop.get()) {
                        FxThread.run(() -> status.set("stopped: " + status.get()));
                    }
                }
            } catch (RuntimeException e) {
                FxThread.run(() -> status.set(e.getMessage()));
            } finally {
                FxThread.run(() -> busy.set(false));
            }
        });
    }

    private void publish(Inspection i, String note) {
        FxThread.run(() -> {
            inspectionLast = true;
            inspection.set(i);
            status.set("step " + i.step() + " · batch of " + i.batchSize() + " · loss on it "
                    + app.descent.graph.ComputationGraph.format(i.loss(), 4) + " · " + note);
        });
    }

    /** True while the tab shows an inspection (not the initializers' comparison). */
    private boolean inspectionLast;

    /** The inspection the tab shows, or null (none yet, or the initializers' comparison shown since). */
    Inspection shownInspection() {
        return inspectionLast ? inspection.get() : null;
    }

    /** Shows an inspection a session saved, with its status line, without computing it again; null shows none. */
    void restoreInspection(Inspection i, String statusLine) {
        inspectionLast = i != null;
        inspection.set(null);
        inspection.set(i);
        status.set(statusLine);
    }

    /** The initializers' comparison the tab shows, or null (none, or an inspection shown since). */
    app.descent.compare.InitStudy.Result shownStudy() {
        return inspectionLast ? null : study.get();
    }

    /** Shows an initializers' comparison a session saved, with its status line, without computing it again. */
    void restoreStudy(app.descent.compare.InitStudy.Result r, String statusLine) {
        inspectionLast = false;
        inspection.set(null);
        study.set(null);
        study.set(r);
        status.set(statusLine);
    }

    /** The per-layer figures as CSV. */
    public String csv() {
        Inspection i = inspection.get();
        app.descent.io.Csv.Table b = app.descent.io.Csv.table("index", "name", "type", "outputMean", "outputStd",
                "deadFraction", "weightMean", "weightStd", "gradMean", "gradStd", "gradNorm");
        if (i == null) {
            return b.toString();
        }
        for (Inspection.Layer l : i.layers()) {
            b.row(l.index(), l.name(), l.type(), l.output().mean(), l.output().std(), l.deadFraction(),
                    l.weight() == null ? null : l.weight().mean(), l.weight() == null ? null : l.weight().std(),
                    l.gradient() == null ? null : l.gradient().mean(), l.gradient() == null ? null : l.gradient().std(),
                    l.gradient() == null ? null : l.gradient().norm());
        }
        return b.toString();
    }
}
