package app.descent.ui.compare;

import app.descent.catalog.Activation;
import app.descent.catalog.Optimizers;
import app.descent.compare.CompareJson;
import app.descent.compare.PathRace;
import app.descent.compare.Study;
import app.descent.compare.Surface;
import app.descent.session.JsonFields;
import app.descent.session.SessionFiles;
import app.descent.training.Inspection;
import app.descent.training.TrainingJson;
import app.descent.ui.session.WorkspaceState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Compare workspace in a session: the selected {@code tab} and one object per tab. {@code runs}: the chosen
 * study and the typed grid ({@code vary}), and {@code result}, the grid last run with every run's curves as drawn,
 * its latest inspection and the study's report ({@code finished} false when it was saved while running: what it had
 * reached then). {@code paths}: the function, start, steps and every optimizer's settings, and {@code race}, the paths
 * computed (every point) and how far they were drawn. {@code inspect}: its settings and {@code result}, the
 * inspection shown (per layer statistics and histograms) or {@code init-study}, the initializers compared (per
 * depth figures of each), with its status line. {@code activations} and {@code search}:
 * their settings; {@code search} also its {@code result} when it has trials: {@code trials} (each trial's parameters,
 * status, validation losses per epoch, reason), {@code best} (the winning trial's number, -1 when none) and
 * {@code status} (the status line). Finished results are shown again on open without running anything.
 */
final class CompareState implements WorkspaceState {
    static final List<String> TABS = List.of("runs", "activations", "inspect", "paths", "search");

    private final CompareView view;
    private ObjectNode defaults;

    CompareState(CompareView view) {
        this.view = view;
    }

    /** Takes the workspace as it is now as what a new session has (called once it is built). */
    CompareState rememberDefaults() {
        defaults = save(new SessionFiles());
        return this;
    }

    @Override
    public String id() {
        return "compare";
    }

    @Override
    public ObjectNode save(SessionFiles files) {
        ObjectNode o = JsonFields.object();
        o.put("tab", view.selectedTab());
        o.set("runs", runs());
        o.set("activations", activations());
        o.set("inspect", inspect());
        o.set("paths", paths());
        o.set("search", search());
        return o;
    }

    // ---------------------------------------------------------------------------------------------------- save

    private ObjectNode runs() {
        RunsView v = view.runs();
        ObjectNode o = JsonFields.object();
        o.set("study", CompareJson.study(v.model().studyProperty().get()));
        o.put("vary", v.model().customVaryProperty().get());
        RunsView.Shown s = v.shown();
        if (s != null) {
            ObjectNode r = o.putObject("result");
            r.set("study", CompareJson.study(s.started().study()));
            r.put("train-examples", s.started().trainExamples());
            ArrayNode runs = r.putArray("runs");
            for (int i = 0; i < s.started().labels().size(); i++) {
                ObjectNode x = runs.addObject();
                x.put("label", s.started().labels().get(i));
                x.put("batch-size", s.started().batchSizes().get(i));
                JsonFields.put(x, "initial-loss", s.started().initialLoss()[i]);
                x.set("loss", JsonFields.rows(s.loss().get(i)));
                x.set("val-loss", JsonFields.rows(s.valLoss().get(i)));
                x.set("val-accuracy", JsonFields.rows(s.valAccuracy().get(i)));
                Inspection in = s.inspections().get(i);
                if (in != null) {
                    x.set("inspection", TrainingJson.inspection(in));
                }
            }
            if (s.report() != null) {
                r.set("report", CompareJson.report(s.report()));
            }
            r.put("finished", s.finished());
        }
        return o;
    }

    private ObjectNode activations() {
        ActivationsView v = view.activations();
        ObjectNode o = JsonFields.object();
        o.put("range", v.model().rangeProperty().get());
        o.put("shade", v.shadeProperty().get());
        o.set("shown", JsonFields.texts(v.model().selected().stream().map(Activation::id).toList()));
        return o;
    }

    private ObjectNode inspect() {
        InspectViewModel m = view.inspect().model();
        ObjectNode o = JsonFields.object();
        o.put("network", m.networkProperty().get());
        o.put("dataset", m.datasetProperty().get());
        o.put("activation", m.activationProperty().get());
        o.put("init", m.initProperty().get());
        o.put("batch-size", m.batchSizeProperty().get());
        o.put("seed", m.seedProperty().get());
        o.put("optimizer", m.optimizerProperty().get());
        if (m.lrProperty().get() != null) {
            o.put("lr", m.lrProperty().get());
        }
        o.put("every", m.everyProperty().get());
        Inspection shown = m.shownInspection();
        app.descent.compare.InitStudy.Result study = m.shownStudy();
        if (shown != null) {
            ObjectNode r = o.putObject("result");
            r.set("inspection", TrainingJson.inspection(shown));
            r.put("status", m.statusProperty().get());
        } else if (study != null) {
            ObjectNode r = o.putObject("result");
            r.set("init-study", CompareJson.initStudy(study));
            r.put("status", m.statusProperty().get());
        }
        return o;
    }

    private ObjectNode search() {
        SearchViewModel m = view.search().model();
        ObjectNode o = JsonFields.object();
        o.put("task", m.taskProperty().get());
        o.put("optimizer", m.optimizerProperty().get());
        o.put("lr", m.lrRangeProperty().get());
        o.put("weight-decay", m.weightDecayRangeProperty().get());
        o.put("batch-size", m.batchSizesProperty().get());
        o.put("trials", m.trialsProperty().get());
        o.put("grid", m.gridProperty().get());
        o.put("seed", m.seedProperty().get());
        if (!m.rows().isEmpty()) {
            ObjectNode r = o.putObject("result");
            ArrayNode trials = r.putArray("trials");
            for (app.descent.compare.Search.Trial t : m.rows()) {
                trials.add(CompareJson.trial(t));
            }
            app.descent.compare.Search.Trial best = m.bestProperty().get();
            r.put("best", best == null ? -1 : best.number());
            r.put("status", m.statusProperty().get());
        }
        return o;
    }

    private ObjectNode paths() {
        PathsView v = view.paths();
        PathsViewModel m = v.model();
        ObjectNode o = JsonFields.object();
        o.put("preset", m.presetProperty().get().id());
        o.put("function", m.expressionProperty().get());
        o.put("start-x", m.startXProperty().get());
        o.put("start-y", m.startYProperty().get());
        o.put("steps", m.stepsProperty().get());
        ArrayNode racers = o.putArray("optimizers");
        for (PathsViewModel.Racer r : m.racers()) {
            ObjectNode x = racers.addObject();
            x.put("optimizer", r.name());
            x.put("on", r.enabledProperty().get());
            x.put("lr", r.lrProperty().get());
            for (Optimizers.Hyperparameter h : Optimizers.HYPERPARAMETERS) {
                if (r.uses(h.id())) {
                    x.put(h.id(), r.hyperparameterProperty(h.id()).get());
                }
            }
        }
        PathsViewModel.Race race = m.raceProperty().get();
        if (race != null) {
            ObjectNode r = o.putObject("race");
            r.put("raced", m.racedProperty().get());
            r.put("shown", v.shownStep());
            r.set("window", CompareJson.window(race.window()));
            r.put("steps", race.steps());
            ArrayNode paths = r.putArray("paths");
            for (PathRace.Path p : race.paths()) {
                paths.add(CompareJson.path(p));
            }
        }
        return o;
    }

    // ---------------------------------------------------------------------------------------------------- restore

    @Override
    public Runnable restore(JsonNode state, SessionFiles files) {
        JsonFields f = JsonFields.of(state, "compare");
        String tab = f.text("tab");
        if (!TABS.contains(tab)) {
            throw f.error("tab", "unknown tab '" + tab + "'; choose one of " + String.join(", ", TABS));
        }
        Runnable runs = restoreRuns(f.object("runs"));
        Runnable activations = restoreActivations(f.object("activations"));
        Runnable inspect = restoreInspect(f.object("inspect"));
        Runnable paths = restorePaths(f.object("paths"));
        Runnable search = restoreSearch(f.object("search"));
        return () -> {
            runs.run();
            activations.run();
            inspect.run();
            paths.run();
            search.run();
            view.selectTab(tab);
        };
    }

    private Runnable restoreRuns(JsonFields f) {
        Study study = CompareJson.study(f.object("study"));
        String vary = f.text("vary");
        RunsView.Shown shown = null;
        if (f.has("result")) {
            JsonFields r = f.object("result");
            Study ran = CompareJson.study(r.object("study"));
            List<String> labels = new ArrayList<>();
            List<Integer> batches = new ArrayList<>();
            List<List<double[]>> loss = new ArrayList<>();
            List<List<double[]>> val = new ArrayList<>();
            List<List<double[]>> accuracy = new ArrayList<>();
            List<Inspection> inspections = new ArrayList<>();
            List<JsonFields> runs = r.objects("runs");
            double[] initial = new double[runs.size()];
            for (int i = 0; i < runs.size(); i++) {
                JsonFields x = runs.get(i);
                labels.add(x.text("label"));
                int batch = x.integer("batch-size");
                if (batch < 1) {
                    throw x.error("batch-size", "must be at least 1, not " + batch);
                }
                batches.add(batch);
                initial[i] = x.number("initial-loss");
                loss.add(List.of(x.rows("loss", 2)));
                val.add(List.of(x.rows("val-loss", 2)));
                accuracy.add(List.of(x.rows("val-accuracy", 2)));
                inspections.add(x.has("inspection") ? TrainingJson.inspection(x.object("inspection")) : null);
            }
            if (runs.isEmpty()) {
                throw r.error("runs", "a grid has at least one run");
            }
            Study.Report report = r.has("report") ? CompareJson.report(r.object("report")) : null;
            if (report != null && report.rows().size() != runs.size()) {
                throw r.error("report", "one row per run expected: " + runs.size() + ", not " + report.rows().size());
            }
            int examples = r.integer("train-examples");
            shown = new RunsView.Shown(new RunsViewModel.Started(ran, labels, batches, examples, initial), loss, val,
                    accuracy, inspections, report, r.bool("finished"));
        }
        RunsView.Shown result = shown;
        return () -> {
            RunsView v = view.runs();
            v.model().studyProperty().set(study);
            v.model().customVaryProperty().set(vary);
            v.show(result);
        };
    }

    private Runnable restoreActivations(JsonFields f) {
        double range = f.number("range");
        if (!ActivationsViewModel.RANGES.contains(range)) {
            throw f.error("range", "expected one of " + ActivationsViewModel.RANGES + ", not " + range);
        }
        boolean shade = f.bool("shade");
        List<Activation> shown = new ArrayList<>();
        for (String id : f.texts("shown")) {
            shown.add(TrainingJson.checked(f, "shown", () -> Activation.ofId(id)));
        }
        return () -> {
            ActivationsView v = view.activations();
            for (Activation a : Activation.values()) {
                v.model().shownProperty(a).set(shown.contains(a));
            }
            v.rangeProperty().set(range);
            v.shadeProperty().set(shade);
        };
    }

    private Runnable restoreInspect(JsonFields f) {
        String network = oneOf(f, "network", List.copyOf(InspectViewModel.NETWORKS.keySet()));
        String dataset = oneOf(f, "dataset", InspectViewModel.DATASETS);
        String activation = oneOf(f, "activation", InspectViewModel.ACTIVATIONS);
        String init = f.text("init");
        TrainingJson.checked(f, "init", () -> app.descent.training.Initializer.parse(init));
        int batch = f.integer("batch-size");
        if (batch < 2 || batch > 4096) {
            throw f.error("batch-size", "must be from 2 to 4096, not " + batch);
        }
        String seed = f.text("seed");
        String optimizer = oneOf(f, "optimizer", Optimizers.IDS);
        Double lr = f.has("lr") ? f.number("lr") : null;
        int every = f.integer("every");
        if (every < 1 || every > 1000) {
            throw f.error("every", "must be from 1 to 1000, not " + every);
        }
        Inspection shown = null;
        app.descent.compare.InitStudy.Result studied = null;
        String statusLine = "";
        if (f.has("result")) {
            JsonFields r = f.object("result");
            if (r.has("init-study")) {
                if (r.has("inspection")) {
                    throw r.error("inspection", "the tab shows an inspection or the initializers compared, not both");
                }
                studied = CompareJson.initStudy(r.object("init-study"));
            } else {
                shown = TrainingJson.inspection(r.object("inspection"));
            }
            statusLine = r.text("status");
        }
        app.descent.compare.InitStudy.Result study = studied;
        Inspection result = shown;
        String resultStatus = statusLine;
        return () -> {
            InspectViewModel m = view.inspect().model();
            m.networkProperty().set(network);
            m.datasetProperty().set(dataset);
            m.activationProperty().set(activation);
            m.initProperty().set(init);
            m.batchSizeProperty().set(batch);
            m.seedProperty().set(seed);
            m.optimizerProperty().set(optimizer);
            m.lrProperty().set(lr);
            m.everyProperty().set(every);
            view.inspect().sync();
            if (study != null) {
                m.restoreStudy(study, resultStatus);
            } else {
                m.restoreInspection(result, resultStatus);
            }
        };
    }

    private Runnable restoreSearch(JsonFields f) {
        String task = oneOf(f, "task", List.copyOf(SearchViewModel.TASKS.keySet()));
        String optimizer = oneOf(f, "optimizer", Optimizers.IDS);
        String lr = f.text("lr");
        String decay = f.text("weight-decay");
        String batches = f.text("batch-size");
        int trials = f.integer("trials");
        if (trials < 1 || trials > 500) {
            throw f.error("trials", "must be from 1 to 500, not " + trials);
        }
        boolean grid = f.bool("grid");
        String seed = f.text("seed");
        List<app.descent.compare.Search.Trial> trialsShown = new ArrayList<>();
        app.descent.compare.Search.Trial best = null;
        String statusLine = "";
        if (f.has("result")) {
            JsonFields r = f.object("result");
            for (JsonFields t : r.objects("trials")) {
                trialsShown.add(CompareJson.trial(t));
            }
            if (trialsShown.isEmpty()) {
                throw r.error("trials", "a search has at least one trial");
            }
            int b = r.integer("best");
            if (b != -1) {
                best = trialsShown.stream().filter(t -> t.number() == b).findFirst()
                        .orElseThrow(() -> r.error("best", "no trial " + b));
                if (best.status() != app.descent.compare.Search.Status.DONE) {
                    throw r.error("best", "trial " + b + " is " + best.status().name().toLowerCase(java.util.Locale.ROOT)
                            + ": only a completed trial wins");
                }
            }
            statusLine = r.text("status");
        }
        app.descent.compare.Search.Trial winner = best;
        String resultStatus = statusLine;
        return () -> {
            SearchViewModel m = view.search().model();
            m.taskProperty().set(task);
            m.optimizerProperty().set(optimizer);
            m.lrRangeProperty().set(lr);
            m.weightDecayRangeProperty().set(decay);
            m.batchSizesProperty().set(batches);
            m.trialsProperty().set(trials);
            m.gridProperty().set(grid);
            m.seedProperty().set(seed);
            view.search().sync();
            m.restoreResult(trialsShown, winner, resultStatus);
        };
    }

    private Runnable restorePaths(JsonFields f) {
        String presetId = f.text("preset");
        Surface.Preset preset = TrainingJson.checked(f, "preset", () -> Surface.preset(presetId));
        String function = f.text("function");
        String x = f.text("start-x");
        String y = f.text("start-y");
        int steps = f.integer("steps");
        if (steps < 1 || steps > 5000) {
            throw f.error("steps", "must be from 1 to 5000, not " + steps);
        }
        record RacerState(String name, boolean on, String lr, java.util.Map<String, String> hyperparameters) {
        }
        List<RacerState> racers = new ArrayList<>();
        for (JsonFields r : f.objects("optimizers")) {
            String name = oneOf(r, "optimizer", Optimizers.IDS);
            java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
            for (Optimizers.Hyperparameter p : Optimizers.HYPERPARAMETERS) {
                if (r.has(p.id())) {
                    if (!Optimizers.get(name).has(p.id())) {
                        throw r.error(p.id(), name + " has no " + p.label());
                    }
                    h.put(p.id(), r.text(p.id()));
                }
            }
            racers.add(new RacerState(name, r.bool("on"), r.text("lr"), h));
        }
        PathsViewModel.Race race = null;
        boolean raced = false;
        int shown = 0;
        if (f.has("race")) {
            JsonFields r = f.object("race");
            raced = r.bool("raced");
            Surface.Preset window = CompareJson.window(r.object("window"));
            int n = r.integer("steps");
            if (n < 1) {
                throw r.error("steps", "must be at least 1, not " + n);
            }
            shown = r.integer("shown");
            if (shown < 0 || shown > n) {
                throw r.error("shown", "must be from 0 to " + n + ", not " + shown);
            }
            List<PathRace.Path> paths = new ArrayList<>();
            List<PathsViewModel.Racer> on = new ArrayList<>();
            for (JsonFields p : r.objects("paths")) {
                PathRace.Path path = CompareJson.path(p);
                PathsViewModel.Racer racer = view.paths().model().racers().stream()
                        .filter(q -> q.name().equals(path.spec().name())).findFirst()
                        .orElseThrow(() -> p.error("optimizer", "no such racer"));
                paths.add(path);
                on.add(racer);
            }
            Surface surface = Surface.parse(window.expression());
            double[][] grid = TrainingJson.checked(r, "window", () -> PathRace.grid(surface, window.xMin(),
                    window.xMax(), window.yMin(), window.yMax(), PathsViewModel.GRID, PathsViewModel.GRID));
            race = new PathsViewModel.Race(window, surface, grid, on, paths, n);
        }
        PathsViewModel.Race saved = race;
        boolean savedRaced = raced;
        int savedShown = shown;
        return () -> {
            PathsViewModel m = view.paths().model();
            m.presetProperty().set(preset);
            for (RacerState s : racers) {
                for (PathsViewModel.Racer r : m.racers()) {
                    if (r.name().equals(s.name())) {
                        r.enabledProperty().set(s.on());
                        r.lrProperty().set(s.lr());
                        s.hyperparameters().forEach((id, text) -> r.hyperparameterProperty(id).set(text));
                    }
                }
            }
            m.expressionProperty().set(function);
            m.startXProperty().set(x);
            m.startYProperty().set(y);
            m.stepsProperty().set(steps);
            m.restore(saved, savedRaced);
            if (saved != null) {
                view.paths().showAt(savedShown);
            }
        };
    }

    private static String oneOf(JsonFields f, String field, List<String> allowed) {
        String v = f.text(field);
        if (!allowed.contains(v)) {
            throw f.error(field, "unknown " + field + " '" + v + "'; choose one of " + String.join(", ", allowed));
        }
        return v;
    }

    @Override
    public void clear() {
        if (defaults != null) {
            restore(defaults, new SessionFiles()).run();
        }
    }
}
