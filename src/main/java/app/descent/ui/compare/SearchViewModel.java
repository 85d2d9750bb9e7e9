package app.descent.ui.compare;

import app.descent.UserInputException;
import app.descent.compare.Search;
import app.descent.network.PyTorchImporter;
import app.descent.training.Initializer;
import app.descent.network.Layer;
import app.descent.training.Losses;
import app.descent.training.OptimizerSpec;
import app.descent.training.Schedule;
import app.descent.training.TrainingEvent;
import app.descent.training.TrainingRun;
import app.descent.training.TrainingThread;
import app.descent.training.data.DataSplit;
import app.descent.ui.fx.FxThread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Hyperparameter search: trials drawn (or gridded) from ranges, trained one after another on the training thread,
 * scored by validation loss, bad ones pruned; the table fills as they run.
 */
public final class SearchViewModel {
    /** A task to search on: a network and the data it fits. */
    public record SearchTask(String dataset, DataSplit.Options data, String code, int epochs) {
    }

    static final Map<String, SearchTask> TASKS = new LinkedHashMap<>();

    static {
        TASKS.put("MLP 784-64-10 on Fashion-MNIST (2,000 images)", new SearchTask("fashion-mnist",
                new DataSplit.Options(500, -1, 0, 2000, 0.2), "nn.Sequential(nn.Flatten(), nn.Linear(784, 64), "
                        + "nn.ReLU(), nn.Linear(64, 10))", 4));
        TASKS.put("2-32-32-2 on noisy moons (300 points)", new SearchTask("moons", new DataSplit.Options(300, 0.3, 0, 0, 0.3),
                "nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 2))", 20));
    }

    private final StringProperty task = new SimpleStringProperty(TASKS.keySet().iterator().next());
    private final StringProperty optimizer = new SimpleStringProperty("adam");
    private final StringProperty lrRange = new SimpleStringProperty("1e-4, 1e-1");
    private final StringProperty weightDecayRange = new SimpleStringProperty("0, 1e-3");
    private final StringProperty batchSizes = new SimpleStringProperty("16, 32, 64");
    private final IntegerProperty trials = new SimpleIntegerProperty(12);
    private final BooleanProperty grid = new SimpleBooleanProperty(false);
    private final StringProperty seed = new SimpleStringProperty("0");
    private final ObservableList<Search.Trial> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Search.Trial> best = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private volatile boolean stop;

    public StringProperty taskProperty() {
        return task;
    }

    public StringProperty optimizerProperty() {
        return optimizer;
    }

    public StringProperty lrRangeProperty() {
        return lrRange;
    }

    public StringProperty weightDecayRangeProperty() {
        return weightDecayRange;
    }

    public StringProperty batchSizesProperty() {
        return batchSizes;
    }

    public IntegerProperty trialsProperty() {
        return trials;
    }

    public BooleanProperty gridProperty() {
        return grid;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** Every trial, in order of number; waiting ones too. */
    public ObservableList<Search.Trial> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Search.Trial> bestProperty() {
        return best.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The share of the trials that have ended, 0 to 1; negative while the dataset loads. */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    private final javafx.beans.property.ReadOnlyDoubleWrapper progress = new javafx.beans.property.ReadOnlyDoubleWrapper();

    public void stop() {
        stop = true;
    }

    /**
     * Shows a search's trials, best and status line as a session saved them (nothing runs); {@code trials} empty
     * clears the table.
     */
    void restoreResult(List<Search.Trial> trials, Search.Trial winner, String statusLine) {
        rows.setAll(trials);
        best.set(winner);
        status.set(statusLine);
        progress.set(trials.isEmpty() ? 0 : 1);
    }

    private static double[] pair(String what, String text) {
        String[] parts = (text == null ? "" : text).split(",");
        if (parts.length != 2) {
            throw new UserInputException(what + ": write two numbers, from and to, e.g. 1e-4, 1e-1");
        }
        double[] out = new double[2];
        for (int i = 0; i < 2; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new UserInputException(what + ": '" + parts[i].strip() + "' is not a number");
            }
        }
        return out;
    }

    private static List<Integer> integers(String what, String text) {
        List<Integer> out = new ArrayList<>();
        for (String p : (text == null ? "" : text).split(",")) {
            try {
                out.add(Integer.parseInt(p.strip()));
            } catch (NumberFormatException e) {
                throw new UserInputException(what + ": '" + p.strip() + "' is not a whole number");
            }
        }
        return out;
    }

    public void run() {
        if (running.get()) {
            return;
        }
        SearchTask t = TASKS.get(task.get());
        Search.Config config;
        List<Layer> layers;
        TrainingRun.Settings base;
        try {
            double[] lr = pair("learning rate range", lrRange.get());
            double[] wd = pair("weight decay range", weightDecayRange.get());
            Search.Space space = new Search.Space(lr[0], lr[1], wd[0], wd[1], integers("batch sizes", batchSizes.get()));
            long s;
            try {
                s = Long.parseLong(seed.get().strip());
            } catch (NumberFormatException e) {
                throw new UserInputException("seed '" + seed.get().strip() + "' is not a whole number");
            }
            config = grid.get() ? new Search.Config(space, 1, true, 3, s, 2, 1)
                    : Search.Config.random(space, trials.get(), s);
            layers = PyTorchImporter.importCode("import torch.nn as nn\nnet = " + t.code() + "\n").network().sequentialLayers();
            base = new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of(optimizer.get(), 1e-3),
                    Initializer.parse("default"), 32, t.epochs(), s, Schedule.CONSTANT, 0, 0, "cpu");
        } catch (UserInputException e) {
            status.set(e.getMessage());
            return;
        }
        stop = false;
        progress.set(-1);
        running.set(true);
        rows.clear();
        best.set(null);
        status.set("loading " + t.dataset() + "…");
        TrainingThread.submit(() -> {
            try {
                DataSplit data = DataSplit.load(t.dataset(), t.data());
                if (stop) {
                    FxThread.run(() -> status.set("cancelled: the search stopped before its first trial"));
                    return;
                }
                try (Search search = new Search(layers, data, base, config)) {
                    publish(search, false);
                    long last = System.nanoTime();
                    while (!search.finished() && !stop) {
                        boolean epoch = false;
                        for (TrainingEvent e : search.advance()) {
                            epoch |= !(e instanceof TrainingEvent.Step);
                        }
                        // a table is redrawn 10 times a second at most, and whenever a trial ends an epoch
                        if (epoch || System.nanoTime() - last > 100_000_000L) {
                            publish(search, false);
                            last = System.nanoTime();
                        }
                    }
                    publish(search, true);
                }
            } catch (UserInputException e) {
                FxThread.run(() -> status.set(e.getMessage()));
            } catch (RuntimeException e) {
                FxThread.run(() -> status.set("the search failed: " + e));
            } finally {
                FxThread.run(() -> running.set(false));
            }
        });
    }

    private void publish(Search search, boolean last) {
        List<Search.Trial> trials = search.trials();
        Optional<Search.Trial> winner = search.best();
        long pruned = trials.stream().filter(Search.Trial::pruned).count();
        long done = trials.stream().filter(tr -> tr.status() == Search.Status.DONE).count();
        double share = search.progress();
        FxThread.run(() -> {
            progress.set(share);
            rows.setAll(trials);
            best.set(winner.orElse(null));
            status.set((last ? (stop ? "stopped: " : "done: ") : "trial " + (search.current() + 1) + " of "
                    + trials.size() + ": ") + done + " completed, " + pruned + " pruned"
                    + winner.map(w -> "; best so far #" + w.number() + " with validation loss "
                            + app.descent.graph.ComputationGraph.format(w.valLoss(), 4)).orElse(""));
        });
    }
}
