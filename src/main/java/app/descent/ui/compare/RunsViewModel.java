package app.descent.ui.compare;

import app.descent.UserInputException;
import app.descent.compare.CustomGrid;
import app.descent.compare.Grid;
import app.descent.compare.Study;
import app.descent.compare.Variation;
import app.descent.training.Inspection;
import app.descent.training.TrainingEvent;
import app.descent.training.TrainingRun;
import app.descent.training.TrainingThread;
import app.descent.training.data.DataSplit;
import app.descent.ui.fx.Throttle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Side-by-side runs: a study preset of the course, or a grid of one's own, trained interleaved on the training
 * thread; events reach the view in batches, with per-layer inspections of every run and the study's report.
 */
public final class RunsViewModel {
    /** Rounds of the grid between two inspections of every run (histograms) and two reports. */
    static final int INSPECT_EVERY = 40;
    static final int INSPECT_BATCH = 256;
    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "descent-compare-throttle");
        t.setDaemon(true);
        return t;
    });

    /** What the view is handed, in order. */
    public sealed interface Update {
    }

    /** The grid is built: its variants, their batch sizes and the training examples (to draw x in epochs). */
    public record Started(Study study, List<String> labels, List<Integer> batchSizes, int trainExamples,
                          double[] initialLoss) implements Update {
    }

    public record Events(List<TrainingEvent> events) implements Update {
    }

    public record Inspected(int run, Inspection inspection) implements Update {
    }

    /** The study's figures so far ({@code last}: the grid has finished). */
    public record Reported(Study.Report report, boolean last) implements Update {
    }

    public record Failed(String message) implements Update {
    }

    private final ObjectProperty<Study> study = new SimpleObjectProperty<>(Study.PRESETS.get(0));
    private final StringProperty customVary = new SimpleStringProperty("optimizer=sgd,momentum,adam");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Consumer<List<Update>>> listener = new SimpleObjectProperty<>(u -> { });
    private volatile boolean stopRequested;
    /** The person pressed Stop: the final report says "stopped", not "done". */
    private volatile boolean stoppedByPerson;
    /** The grid whose updates reach the view; a session's open moves on from a grid still running. */
    private volatile int generation;

    public ObjectProperty<Study> studyProperty() {
        return study;
    }

    /** For a grid of one's own on the chosen study's network and data: {@code KEY=V1,V2,…}. */
    public StringProperty customVaryProperty() {
        return customVary;
    }

    /** The share of the study's steps done, 0 to 1; negative while its dataset loads and its runs are built. */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    private final javafx.beans.property.ReadOnlyDoubleWrapper progress = new javafx.beans.property.ReadOnlyDoubleWrapper();

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<Consumer<List<Update>>> listenerProperty() {
        return listener;
    }

    /**
     * Puts a lesson's compare action into the tab: {@code study} names a preset (as {@code descent study} does);
     * {@code model} (code), {@code dataset}, {@code vary} and training options make a grid of one's own, with the
     * defaults {@code descent compare} uses ({@link CustomGrid}). A bad setting is an error naming it.
     */
    public void apply(java.util.Map<String, String> settings) {
        if (settings.containsKey("study")) {
            if (settings.size() > 1) {
                throw new UserInputException("give either a study preset or model, dataset and vary, not both");
            }
            study.set(Study.byId(settings.get("study")));
            return;
        }
        CustomGrid grid = CustomGrid.of(settings.get("model"), settings);
        study.set(grid.study());
        customVary.set(grid.varyText());
    }

    /** Runs the chosen study as the course sets it up. */
    public void runStudy() {
        start(study.get());
    }

    /** The chosen study's network, data and settings, varied as typed instead. */
    public void runCustom() {
        Study base = study.get();
        Variation v;
        try {
            v = Variation.parse(customVary.get() == null ? "" : customVary.get());
        } catch (UserInputException e) {
            status.set(e.getMessage());
            return;
        }
        start(new Study("custom", v.key().text() + " varied on: " + base.title(), base.source(),
                "Your own grid: only " + v.key().text() + " differs; everything else, the initial weights included "
                        + "where the network allows, is shared.", Study.Kind.CURVES, base.dataset(), base.data(),
                base.code(), base.settings(), v, base.lrGiven(), Double.NaN));
    }

    public void stop() {
        stopRequested = true;
        stoppedByPerson = true;
    }

    /** Stops a grid still running and drops what it would still report (a session's open shows another result). */
    void forget() {
        stopRequested = true;
        // the result a session brings back ended as it was saved, not by this stop
        stoppedByPerson = false;
        generation++;
    }

    private void start(Study s) {
        if (running.get()) {
            return;
        }
        stopRequested = false;
        stoppedByPerson = false;
        progress.set(-1);
        running.set(true);
        status.set(s.title() + ": loading " + s.dataset() + " and building " + s.variation().size() + " runs…");
        int mine = ++generation;
        Throttle<Update> out = new Throttle<>(20, batch -> {
            if (mine == generation) {
                listener.get().accept(batch);
            }
        }, CLOCK);
        TrainingThread.submit(() -> loop(s, out));
    }

    private void loop(Study s, Throttle<Update> out) {
        try (Grid grid = s.grid()) {
            if (stopRequested) {
                out.offer(new Failed("cancelled: " + s.title() + " stopped before its first step"));
                return;
            }
            List<String> labels = new ArrayList<>();
            List<Integer> batches = new ArrayList<>();
            double[] initial = new double[grid.size()];
            for (int i = 0; i < grid.size(); i++) {
                labels.add(grid.variant(i).label());
                batches.add(grid.variant(i).settings().batchSize());
                initial[i] = grid.initialLoss(i);
            }
            DataSplit data = grid.data();
            out.offer(new Started(s, labels, batches, data.train().count(), initial));
            inspect(grid, out);
            long rounds = 0;
            List<TrainingEvent> pending = new ArrayList<>();
            while (!grid.finished() && !stopRequested) {
                pending.addAll(s.advance(grid));
                boolean inspectNow = ++rounds % INSPECT_EVERY == 0;
                if (rounds % 16 == 0) {
                    double share = grid.progress();
                    app.descent.ui.fx.FxThread.run(() -> progress.set(share));
                }
                if (pending.size() >= 64 || inspectNow) {
                    out.offer(new Events(List.copyOf(pending)));
                    pending.clear();
                }
                if (inspectNow) {
                    inspect(grid, out);
                    out.offer(new Reported(s.report(grid.results()), false));
                }
            }
            out.offer(new Events(List.copyOf(pending)));
            inspect(grid, out);
            out.offer(new Reported(s.report(grid.results()), true));
        } catch (UserInputException e) {
            out.offer(new Failed(e.getMessage()));
        } catch (RuntimeException e) {
            out.offer(new Failed("the study failed: " + e));
        } finally {
            out.close();
            app.descent.ui.fx.FxThread.run(() -> running.set(false));
        }
    }

    private static void inspect(Grid grid, Throttle<Update> out) {
        for (int i = 0; i < grid.size(); i++) {
            TrainingRun run = grid.run(i);
            out.offer(new Inspected(i, run.inspect(INSPECT_BATCH)));
        }
    }

    /** Status line for an update, the arithmetic kept out of the view. */
    void describe(Update u) {
        if (u instanceof Started st) {
            status.set(st.study().title() + ": " + st.labels().size() + " runs from the same seed, interleaved step "
                    + "by step");
        } else if (u instanceof Reported r) {
            status.set((r.last() ? (stoppedByPerson ? "stopped: " : "done: ") : "so far: ") + r.report().headline());
        } else if (u instanceof Failed f) {
            status.set(f.message());
        }
    }
}
