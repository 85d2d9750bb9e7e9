package app.descent.ui.training;

import app.descent.UserInputException;
import app.descent.network.Network;
import app.descent.network.PyTorchImporter;
import app.descent.training.Initializer;
import app.descent.network.Layer;
import app.descent.training.Losses;
import app.descent.training.OptimizerSpec;
import app.descent.training.RunLog;
import app.descent.training.Schedule;
import app.descent.training.TrainingEvent;
import app.descent.training.TrainingRun;
import app.descent.training.TrainingThread;
import app.descent.training.data.DataSplit;
import app.descent.training.data.Examples;
import app.descent.ui.Session;
import app.descent.ui.fx.Throttle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings of the next run, the run in progress, and the history of runs. Training happens on the training thread;
 * its events reach the FX thread in batches through a {@link Throttle}, 30 times a second at most.
 */
public final class TrainingViewModel {
    public static final int GRID = 48;
    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "descent-throttle");
        t.setDaemon(true);
        return t;
    });

    /** Events only the UI needs, made on the training thread. */
    public sealed interface Update {
        record Started(int run, Examples train, int classes, long stepsPerEpoch) implements Update {
        }

        record Boundary(int run, float[] probabilities, int classes) implements Update {
        }

        record Confusion(int run, int[][] counts, List<String> classNames) implements Update {
        }

        record Failed(int run, String message) implements Update {
        }

        /** Test images the finished run got wrong, with what it predicted. */
        record Mistakes(int run, Examples test, int[] indices, int[] predicted) implements Update {
        }

        record Event(TrainingEvent event) implements Update {
        }
    }

    /**
     * A row of the run history, with everything the run was started with: the settings it trained with and the
     * toy data's sample count and noise.
     */
    public record RunRow(int run, String dataset, String network, String optimizer, double lr, int epochs,
                         String result, TrainingRun.Settings settings, int samples, double noise) {
        RunRow withResult(String newResult) {
            return new RunRow(run, dataset, network, optimizer, lr, epochs, newResult, settings, samples, noise);
        }
    }

    private final StringProperty dataset = new SimpleStringProperty("xor");
    private final StringProperty network = new SimpleStringProperty(NetworkChoices.TOY_TANH);
    private final StringProperty loss = new SimpleStringProperty("ce");
    private final StringProperty optimizer = new SimpleStringProperty("adam");
    private final DoubleProperty learningRate = new SimpleDoubleProperty(0.03);
    private final StringProperty init = new SimpleStringProperty("default");
    private final IntegerProperty batchSize = new SimpleIntegerProperty(10);
    private final IntegerProperty epochs = new SimpleIntegerProperty(30);
    private final LongProperty seed = new SimpleLongProperty(1);
    private final StringProperty device = new SimpleStringProperty("cpu");
    private final StringProperty schedule = new SimpleStringProperty("constant");
    private final DoubleProperty clip = new SimpleDoubleProperty(0);
    private final IntegerProperty patience = new SimpleIntegerProperty(0);
    private final IntegerProperty samples = new SimpleIntegerProperty(500);
    private final DoubleProperty noise = new SimpleDoubleProperty(0.05);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Pick a dataset and a network, then Train.");
    private final ObservableList<RunRow> history = FXCollections.observableArrayList();
    private final ObjectProperty<Consumer<List<Update>>> listener = new SimpleObjectProperty<>(u -> { });

    private volatile byte[] lastWeights;
    private final List<TrainingEvent.Epoch> lastEpochs = new java.util.ArrayList<>();
    private Network lastNetwork;
    /** What every run of the history has shown (FX thread). */
    private final Map<Integer, RunLog> logs = new java.util.HashMap<>();
    /** The network each run trained (FX thread). */
    private final Map<Integer, Network> networks = new java.util.HashMap<>();
    /**
     * The weights of every run: its last epoch's checkpoint while it trains, its final weights once it finished. Put
     * by the training thread before it reports the epoch or the end, so that the window sees them with the event.
     */
    private final Map<Integer, byte[]> weights = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stopRequested;
    /** The run the training thread may go on with; another (a session opened meanwhile) ends it. */
    private volatile int activeRun;
    private volatile boolean pauseRequested;
    /** Clicks on Step not yet taken by the training thread: added on the FX thread, taken on the training thread. */
    private final StepRequests stepRequests = new StepRequests();
    /** The run in progress and the last step the window has been told of (FX thread). */
    private int currentRun;
    private long stepShown;
    private int nextRun = 1;
    private Throttle<Update> throttle;
    /** The newest decision boundary, waiting for the window's next frame; null once taken. */
    private final java.util.concurrent.atomic.AtomicReference<Update.Boundary> picture =
            new java.util.concurrent.atomic.AtomicReference<>();

    public StringProperty datasetProperty() {
        return dataset;
    }

    public StringProperty networkProperty() {
        return network;
    }

    public StringProperty lossProperty() {
        return loss;
    }

    public StringProperty optimizerProperty() {
        return optimizer;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public StringProperty initProperty() {
        return init;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public StringProperty deviceProperty() {
        return device;
    }

    public StringProperty scheduleProperty() {
        return schedule;
    }

    public DoubleProperty clipProperty() {
        return clip;
    }

    public IntegerProperty patienceProperty() {
        return patience;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public DoubleProperty noiseProperty() {
        return noise;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<RunRow> history() {
        return history;
    }

    /**
     * The newest decision boundary of a 2-D set if there is one the window has not drawn yet (taking it lets the
     * training thread make the next). Pictures bypass the throttled batches: the window takes one per frame.
     */
    public Update.Boundary takePicture() {
        return picture.getAndSet(null);
    }

    /** Receives every batch of updates on the FX thread (the view's charts). */
    public void onUpdates(Consumer<List<Update>> consumer) {
        listener.set(consumer);
    }

    /** A 2-D set drawn as points with a decision boundary (toy sets; a CSV file is told by its columns later). */
    public static boolean isToy(String dataset) {
        return !dataset.equals("mnist") && !dataset.equals("fashion-mnist") && !dataset.startsWith("csv:")
                && !dataset.startsWith("Your own");
    }

    /** Starts a run with the current settings; a bad setting is reported in the status line and nothing starts. */
    public void train() {
        if (running.get()) {
            return;
        }
        int id = nextRun++;
        List<Layer> layers;
        TrainingRun.Settings settings;
        Network chosen;
        try {
            chosen = LESSON_NETWORK.equals(network.get()) ? lessonNetwork() : networkFor(network.get());
            layers = chosen.sequentialLayers();
            OptimizerSpec opt = OptimizerSpec.of(optimizer.get(), learningRate.get());
            settings = new TrainingRun.Settings(Losses.Kind.parse(loss.get()), opt, Initializer.parse(init.get()),
                    batchSize.get(), epochs.get(), seed.get(), Schedule.parse(schedule.get()), clip.get(), patience.get(),
                    device.get());
        } catch (UserInputException e) {
            status.set(e.getMessage());
            return;
        }
        String datasetName = dataset.get();
        DataSplit.Options options = new DataSplit.Options(samples.get(), noise.get(), seed.get(), 0, 0.1);
        RunRow row = new RunRow(id, datasetName, network.get(), optimizer.get(), learningRate.get(), settings.epochs(),
                "running", settings, options.samples(), options.noise());
        history.add(0, row);
        logs.put(id, new RunLog(id));
        networks.put(id, chosen);
        stopRequested = false;
        lastWeights = null;
        lastEpochs.clear();
        lastNetwork = chosen;
        pauseRequested = paused.get();
        stepRequests.clear();
        currentRun = id;
        activeRun = id;
        stepShown = 0;
        totalSteps = 0;
        runEpochs = settings.epochs();
        progress.set(-1);
        running.set(true);
        status.set(pauseRequested ? "Run " + id + ": paused at step 0" : "Run " + id + ": loading " + datasetName + "…");
        throttle = new Throttle<>(30, this::deliver, CLOCK);
        Throttle<Update> out = throttle;
        TrainingThread.submit(() -> loop(id, datasetName, options, layers, settings, out));
    }

    private void loop(int id, String datasetName, DataSplit.Options options, List<Layer> layers,
                      TrainingRun.Settings settings, Throttle<Update> out) {
        try {
            DataSplit data = DataSplit.load(datasetName, options);
            boolean toy = data.train().shape().length == 1 && data.train().shape()[0] == 2;
            try (TrainingRun run = new TrainingRun(id, layers, data, settings)) {
                out.offer(new Update.Started(id, data.train(), data.train().classes(),
                        (data.train().count() + settings.batchSize() - 1) / settings.batchSize()));
                long lastPicture = 0;
                while (!run.finished() && !stopRequested && activeRun == id && !TrainingThread.closing()) {
                    if (pauseRequested && !stepRequests.take()) {
                        Thread.sleep(15);
                        continue;
                    }
                    for (TrainingEvent e : run.advance()) {
                        if (e instanceof TrainingEvent.Epoch || e instanceof TrainingEvent.Done) {
                            // a checkpoint per epoch: Export gives the latest weights even while training
                            lastWeights = run.weightsNpz();
                            weights.put(id, lastWeights);
                        }
                        out.offer(new Update.Event(e));
                        if (e instanceof TrainingEvent.Epoch && !toy) {
                            out.offer(confusion(id, run, data));
                        }
                    }
                    long now = System.nanoTime();
                    // a new picture once the window has taken the last one, at most 40 a second: the picture
                    // rate follows what the window can draw, and no picture is made that nobody sees
                    if (toy && picture.get() == null && now - lastPicture > 25_000_000L) {
                        picture.set(new Update.Boundary(id, run.boundary(GRID), boundaryClasses(settings, data)));
                        lastPicture = now;
                    }
                }
                if (toy) {
                    out.offer(new Update.Boundary(id, run.boundary(GRID), boundaryClasses(settings, data)));
                } else if (run.finished() && data.train().shape().length == 3) {
                    out.offer(mistakes(id, run, data));
                }
                if (run.finished()) {
                    lastWeights = run.weightsNpz();
                    weights.put(id, lastWeights);
                }
                if ((stopRequested || activeRun != id) && !run.finished()) {
                    out.offer(new Update.Failed(id, "stopped by you after " + run.steps() + " steps"));
                }
            }
        } catch (UserInputException e) {
            out.offer(new Update.Failed(id, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            out.offer(new Update.Failed(id, "training failed: " + e));
        } finally {
            out.close();
        }
    }

    private static Update mistakes(int id, TrainingRun run, DataSplit data) {
        Examples test = data.test();
        int[] predicted = run.evaluate(test).predictions();
        int[] wrong = java.util.stream.IntStream.range(0, predicted.length)
                .filter(i -> predicted[i] != test.labels()[i]).limit(40).toArray();
        int[] guesses = java.util.Arrays.stream(wrong).map(i -> predicted[i]).toArray();
        return new Update.Mistakes(id, test, wrong, guesses);
    }

    private static int boundaryClasses(TrainingRun.Settings settings, DataSplit data) {
        return settings.loss() == Losses.Kind.BCE ? 1 : data.train().classes();
    }

    private static Update confusion(int id, TrainingRun run, DataSplit data) {
        Examples test = data.test();
        int[] predicted = run.evaluate(test).predictions();
        int k = test.classes();
        int[][] counts = new int[k][k];
        for (int i = 0; i < predicted.length; i++) {
            counts[test.labels()[i]][predicted[i]]++;
        }
        return new Update.Confusion(id, counts, test.classNames());
    }

    /** The run's share done: -1 while its dataset loads (an indeterminate bar), then steps over all its steps. */
    private final javafx.beans.property.ReadOnlyDoubleWrapper progress = new javafx.beans.property.ReadOnlyDoubleWrapper(-1);
    /** All steps of the current run, known once its dataset is loaded (0 until then). */
    private long totalSteps;
    private int runEpochs;

    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    private void deliver(List<Update> batch) {
        for (Update u : batch) {
            if (u instanceof Update.Started st && logs.containsKey(st.run())) {
                logs.get(st.run()).stepsPerEpoch(st.stepsPerEpoch());
                if (st.run() == currentRun) {
                    totalSteps = st.stepsPerEpoch() * runEpochs;
                    progress.set(0);
                }
            } else if (u instanceof Update.Confusion c && logs.containsKey(c.run())) {
                logs.get(c.run()).confusion(c.counts(), c.classNames());
            } else if (u instanceof Update.Mistakes m && logs.containsKey(m.run())) {
                logs.get(m.run()).mistakes(m.indices(), m.predicted());
            } else if (u instanceof Update.Boundary b && logs.containsKey(b.run())) {
                logs.get(b.run()).boundary(b.probabilities(), b.classes(), GRID);
            }
            if (u instanceof Update.Event ev) {
                TrainingEvent e = ev.event();
                RunLog log = logs.get(runOf(e));
                if (log == null) {
                    // a run of a history that a session's open has replaced
                    continue;
                }
                log.add(e);
                if (e instanceof TrainingEvent.Step st && st.run() == currentRun) {
                    stepShown = st.step();
                    if (totalSteps > 0) {
                        progress.set(Math.min(1, st.step() / (double) totalSteps));
                    }
                    if (paused.get() && running.get()) {
                        status.set(pausedStatus());
                    }
                } else if (e instanceof TrainingEvent.Epoch ep) {
                    lastEpochs.add(ep);
                    if (paused.get()) {
                        continue;
                    }
                    status.set(String.format("Run %d · epoch %d/%d · train loss %.4f · val loss %.4f · val accuracy %.1f %%",
                            ep.run(), ep.epoch(), epochs.get(), ep.trainLoss(), ep.valLoss(), 100 * ep.valAccuracy()));
                } else if (e instanceof TrainingEvent.Done d) {
                    finish(d.run(), String.format("test accuracy %.1f %% · test loss %.4f · %d steps in %.1f s",
                            100 * d.testAccuracy(), d.testLoss(), d.steps(), d.seconds())
                            + (d.reason() == null ? "" : " · " + d.reason()));
                } else if (e instanceof TrainingEvent.Diverged d) {
                    finish(d.run(), "diverged at step " + d.step() + ": " + d.reason());
                }
            } else if (u instanceof Update.Failed f && logs.containsKey(f.run())) {
                finish(f.run(), f.message());
            }
        }
        listener.get().accept(batch);
    }

    private static int runOf(TrainingEvent e) {
        if (e instanceof TrainingEvent.Step s) {
            return s.run();
        } else if (e instanceof TrainingEvent.Epoch ep) {
            return ep.run();
        } else if (e instanceof TrainingEvent.Done d) {
            return d.run();
        }
        return ((TrainingEvent.Diverged) e).run();
    }

    /** What run {@code run} has shown, or null for a run not in the history. */
    public RunLog log(int run) {
        return logs.get(run);
    }

    /** The weights of run {@code run} (.npz): final once it finished, else its last epoch's; null if none. */
    public byte[] weights(int run) {
        return weights.get(run);
    }

    /** The network run {@code run} trained, or null. */
    public Network network(int run) {
        return networks.get(run);
    }

    /** The number the next run gets. */
    int nextRun() {
        return nextRun;
    }

    /**
     * Replaces the history by restored runs (newest first) with their logs, networks and weights; the newest run
     * with weights becomes the one Export writes. A run still training is stopped and its events are ignored.
     */
    void restore(List<RunRow> rows, Map<Integer, RunLog> restoredLogs, Map<Integer, Network> restoredNetworks,
                 Map<Integer, byte[]> restoredWeights) {
        activeRun = 0;
        history.setAll(rows);
        logs.clear();
        logs.putAll(restoredLogs);
        networks.clear();
        networks.putAll(restoredNetworks);
        weights.clear();
        weights.putAll(restoredWeights);
        nextRun = rows.stream().mapToInt(RunRow::run).max().orElse(0) + 1;
        currentRun = 0;
        running.set(false);
        lastWeights = null;
        lastNetwork = null;
        lastEpochs.clear();
        for (RunRow r : rows) {
            if (restoredWeights.containsKey(r.run()) && restoredNetworks.containsKey(r.run())) {
                lastWeights = restoredWeights.get(r.run());
                lastNetwork = restoredNetworks.get(r.run());
                lastEpochs.addAll(restoredLogs.get(r.run()).epochFigures());
                break;
            }
        }
        status.set(rows.isEmpty() ? "Pick a dataset and a network, then Train."
                : "Run " + rows.get(0).run() + ": " + rows.get(0).result());
    }

    /** The lesson's network code, if a lesson has set one. */
    String lessonCode() {
        return lessonCode;
    }

    void lessonCode(String code) {
        lessonCode = code;
    }

    private void finish(int id, String result) {
        for (int i = 0; i < history.size(); i++) {
            RunRow r = history.get(i);
            if (r.run() == id) {
                history.set(i, r.withResult(result));
            }
        }
        status.set("Run " + id + ": " + result);
        running.set(false);
    }

    /** The weights of the last finished run (.npz keyed like state_dict), or null. */
    public byte[] lastWeights() {
        return lastWeights;
    }

    public Network lastNetwork() {
        return lastNetwork;
    }

    /** Writes the last run's weights and, beside them, a PyTorch script that loads them. */
    public void saveWeights(java.nio.file.Path npz) throws java.io.IOException {
        byte[] w = lastWeights;
        if (w == null || lastNetwork == null) {
            throw new UserInputException("no finished run to export yet");
        }
        app.descent.training.WeightFiles.save(npz, w, lastNetwork);
    }

    /** Per-epoch figures of the last run as CSV. */
    public String lastMetricsCsv() {
        return app.descent.training.MetricsCsv.of(lastEpochs);
    }

    public void stop() {
        stopRequested = true;
    }

    public void setPaused(boolean on) {
        paused.set(on);
        pauseRequested = on;
        if (running.get()) {
            status.set(on ? pausedStatus() : "Run " + currentRun + ": training from step " + stepShown + "…");
        }
    }

    private String pausedStatus() {
        return "Run " + currentRun + ": paused at step " + stepShown;
    }

    /** While paused: one optimizer step. */
    public void step() {
        if (running.get()) {
            stepRequests.request();
        }
    }

    /** The network of a choice: a preset's code, or the Builder's current network. */
    static Network networkFor(String choice) {
        if (choice.equals(NetworkChoices.FROM_BUILDER)) {
            Network n = Session.builderNetwork().get();
            if (n == null || n.root().children().isEmpty()) {
                throw new UserInputException("the Builder has no network yet: build one there, or pick a preset");
            }
            return n;
        }
        String code = NetworkChoices.CODE.get(choice);
        if (code == null) {
            throw new UserInputException("unknown network '" + choice + "'");
        }
        return PyTorchImporter.importCode(code).network();
    }

    /** Settings that suit a dataset: a 2-D toy set or an image set. */
    public void suggestFor(String datasetName) {
        if (datasetName.startsWith("csv:")) {
            network.set(NetworkChoices.FROM_BUILDER);
            batchSize.set(16);
            epochs.set(30);
            learningRate.set(0.01);
        } else if (isToy(datasetName)) {
            int classes = datasetName.startsWith("spiral") || datasetName.startsWith("blobs") ? 3 : 2;
            network.set(classes == 2 ? NetworkChoices.TOY_TANH : NetworkChoices.TOY_RELU_3);
            batchSize.set(10);
            epochs.set(30);
            learningRate.set(0.03);
        } else {
            network.set(NetworkChoices.MLP);
            batchSize.set(64);
            epochs.set(3);
            learningRate.set(0.001);
        }
        optimizer.set("adam");
        loss.set("ce");
    }

    /** The network choice that holds a lesson's own PyTorch code. */
    public static final String LESSON_NETWORK = "The lesson's network";
    private String lessonCode;

    /**
     * Puts a lesson's action into the workspace: its PyTorch code (null keeps the chosen network), its dataset, and
     * {@code descent train}'s options by their long names ({@code lr}, {@code batch-size}, …) as text. An option this
     * workspace has no control for, or a value it cannot read, is an error naming it.
     */
    public void apply(String modelCode, String datasetName, Map<String, String> options) {
        if (datasetName != null) {
            dataset.set(datasetName);
        }
        if (modelCode != null) {
            lessonCode = modelCode;
            network.set(LESSON_NETWORK);
        }
        options.forEach((key, value) -> {
            try {
                switch (key) {
                    case "loss" -> loss.set(value);
                    case "optimizer" -> optimizer.set(value);
                    case "lr" -> learningRate.set(Double.parseDouble(value));
                    case "batch-size" -> batchSize.set(Integer.parseInt(value));
                    case "epochs" -> epochs.set(Integer.parseInt(value));
                    case "init" -> init.set(value);
                    case "schedule" -> schedule.set(value);
                    case "clip" -> clip.set(Double.parseDouble(value));
                    case "patience" -> patience.set(Integer.parseInt(value));
                    case "seed" -> seed.set(Long.parseLong(value));
                    case "samples" -> samples.set(Integer.parseInt(value));
                    case "noise" -> noise.set(Double.parseDouble(value));
                    case "device" -> device.set(value);
                    default -> throw new UserInputException("the Training workspace has no setting '" + key + "'");
                }
            } catch (NumberFormatException e) {
                throw new UserInputException("'" + key + "' must be a number, not '" + value + "'");
            }
        });
    }

    private Network lessonNetwork() {
        if (lessonCode == null) {
            throw new UserInputException("no lesson has set a network: pick a preset");
        }
        try {
            return PyTorchImporter.importCode(lessonCode).network();
        } catch (app.descent.network.NetworkException e) {
            throw new UserInputException("the lesson's network: " + e.getMessage());
        }
    }

    static Map<String, String> choices() {
        return NetworkChoices.CODE;
    }
}
