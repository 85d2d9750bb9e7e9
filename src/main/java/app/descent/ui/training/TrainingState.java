package app.descent.ui.training;

import app.descent.UserInputException;
import app.descent.network.Network;
import app.descent.network.PyTorchExporter;
import app.descent.network.PyTorchImporter;
import app.descent.session.JsonFields;
import app.descent.session.SessionException;
import app.descent.session.SessionFiles;
import app.descent.training.RunLog;
import app.descent.training.TrainingJson;
import app.descent.training.TrainingRun;
import app.descent.ui.session.WorkspaceState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Training workspace in a session: {@code settings} (the form, by descent train's option names, with
 * {@code dataset}, {@code samples}, {@code noise} and {@code network}) and {@code runs}, the history newest first:
 * each run's number, data, network (its choice and its PyTorch code as {@code model}), the settings it trained with,
 * its result line and {@code state}, its figures ({@link TrainingJson#log}) and its weights as an {@code .npz} entry.
 * <p>A run still training when the session is saved is saved as far as it got: {@code state} is
 * {@code "interrupted"}, its result says "stopped at step N when the session was saved", its curves end there and its
 * weights are those of its last finished epoch (none before one); it is not resumed on open.
 */
final class TrainingState implements WorkspaceState {
    /** The form's keys besides the training settings. */
    private static final List<String> DATA = List.of("dataset", "samples", "noise", "network", "model");

    private final TrainingView view;
    private final ObjectNode defaults;
    /** The history as last saved or opened: more or other runs since are work a New or Open would lose. */
    private List<TrainingViewModel.RunRow> saved = List.of();
    /** Runs opened from a session that had saved them while they trained: they stay "interrupted". */
    private Set<Integer> interrupted = Set.of();

    TrainingState(TrainingView view) {
        this.view = view;
        this.defaults = form(view.model());
    }

    @Override
    public String id() {
        return "training";
    }

    private static ObjectNode form(TrainingViewModel m) {
        ObjectNode o = JsonFields.object();
        o.put("dataset", m.datasetProperty().get());
        o.put("samples", m.samplesProperty().get());
        o.put("noise", m.noiseProperty().get());
        o.put("network", m.networkProperty().get());
        if (TrainingViewModel.LESSON_NETWORK.equals(m.networkProperty().get()) && m.lessonCode() != null) {
            o.put("model", m.lessonCode());
        }
        o.put("loss", m.lossProperty().get());
        o.put("optimizer", m.optimizerProperty().get());
        o.put("lr", m.learningRateProperty().get());
        o.put("batch-size", m.batchSizeProperty().get());
        o.put("epochs", m.epochsProperty().get());
        o.put("init", m.initProperty().get());
        o.put("schedule", m.scheduleProperty().get());
        o.put("clip", m.clipProperty().get());
        o.put("patience", m.patienceProperty().get());
        o.put("seed", m.seedProperty().get());
        o.put("device", m.deviceProperty().get());
        return o;
    }

    @Override
    public ObjectNode save(SessionFiles files) {
        TrainingViewModel m = view.model();
        saved = List.copyOf(m.history());
        ObjectNode o = JsonFields.object();
        o.set("settings", form(m));
        ArrayNode runs = o.putArray("runs");
        for (TrainingViewModel.RunRow row : m.history()) {
            RunLog log = m.log(row.run());
            ObjectNode r = runs.addObject();
            r.put("run", row.run());
            r.put("dataset", row.dataset());
            r.put("samples", row.samples());
            r.put("noise", row.noise());
            r.put("network", row.network());
            Network net = m.network(row.run());
            if (net != null) {
                try {
                    r.put("model", PyTorchExporter.export(net));
                } catch (UserInputException e) {
                    // a network that PyTorch code cannot say: its weights stay without a model
                }
            }
            r.set("settings", TrainingJson.settings(row.settings()));
            boolean running = row.result().equals("running");
            r.put("state", running || interrupted.contains(row.run()) ? "interrupted"
                    : log != null && log.diverged() != null ? "diverged"
                    : log != null && log.done() != null ? "finished" : "stopped");
            r.put("result", running ? "stopped at step " + (log == null ? 0 : log.lastStep())
                    + " when the session was saved" : row.result());
            if (log != null) {
                TrainingJson.log(log, r);
            }
            byte[] w = m.weights(row.run());
            if (w != null && r.has("model")) {
                r.put("weights", files.put("training-run-" + row.run() + ".npz", w));
            }
        }
        return o;
    }

    @Override
    public Runnable restore(JsonNode state, SessionFiles files) {
        JsonFields f = JsonFields.of(state, "training");
        JsonFields form = f.object("settings");
        Form checked = form(form);
        List<TrainingViewModel.RunRow> rows = new ArrayList<>();
        Map<Integer, RunLog> logs = new HashMap<>();
        Map<Integer, Network> networks = new HashMap<>();
        Map<Integer, byte[]> weights = new HashMap<>();
        Set<Integer> seen = new HashSet<>();
        Set<Integer> cut = new HashSet<>();
        for (JsonFields r : f.objects("runs")) {
            int id = r.integer("run");
            if (id < 1 || !seen.add(id)) {
                throw r.error("run", id < 1 ? "must be at least 1, not " + id : "run " + id + " appears twice");
            }
            TrainingRun.Settings settings = TrainingJson.settings(r.object("settings"));
            String dataset = r.text("dataset");
            int samples = r.integer("samples");
            double noise = r.number("noise");
            String state2 = r.text("state");
            if (!List.of("finished", "diverged", "stopped", "interrupted").contains(state2)) {
                throw r.error("state", "expected finished, diverged, stopped or interrupted, not '" + state2 + "'");
            }
            String result = r.text("result");
            if (state2.equals("interrupted")) {
                cut.add(id);
            }
            rows.add(new TrainingViewModel.RunRow(id, dataset, r.text("network"), settings.optimizer().name(),
                    settings.optimizer().lr(), settings.epochs(), result, settings, samples, noise));
            logs.put(id, TrainingJson.log(id, r));
            if (r.has("model")) {
                String code = r.text("model");
                networks.put(id, TrainingJson.checked(r, "model", () -> PyTorchImporter.importCode(code).network()));
            }
            if (r.has("weights")) {
                if (!networks.containsKey(id)) {
                    throw r.error("model", "missing: the weights need the network they belong to");
                }
                String name = r.text("weights");
                byte[] w;
                try {
                    w = files.get(name);
                } catch (SessionException e) {
                    throw r.error("weights", e.getMessage());
                }
                TrainingJson.checked(r, "weights", () -> {
                    app.descent.training.WeightFiles.check(w);
                    return w;
                });
                weights.put(id, w);
            }
        }
        return () -> {
            apply(checked);
            interrupted = Set.copyOf(cut);
            view.model().restore(rows, logs, networks, weights);
            view.syncFields();
            view.showRestored();
            saved = List.copyOf(view.model().history());
        };
    }

    /** The form's values, checked. */
    private record Form(String dataset, int samples, double noise, String network, String model, String loss,
                        String optimizer, double lr, int batchSize, int epochs, String init, String schedule,
                        double clip, int patience, long seed, String device) {
    }

    private static Form form(JsonFields form) {
        ObjectNode training = form.node().deepCopy();
        DATA.forEach(training::remove);
        // the same checks as a run's settings: an unknown optimizer, a negative lr, a bad schedule are refused
        TrainingRun.Settings s = TrainingJson.settings(JsonFields.of(training, form.path()));
        String dataset = form.text("dataset");
        if (!TrainingView.DATASETS.contains(dataset) && !dataset.startsWith("csv:")) {
            throw form.error("dataset", "unknown dataset '" + dataset + "'; choose one of "
                    + String.join(", ", TrainingView.DATASETS) + " or csv:PATH");
        }
        int samples = form.integer("samples");
        if (samples < 20 || samples > 20_000) {
            throw form.error("samples", "must be from 20 to 20000, not " + samples);
        }
        double noise = form.number("noise");
        if (!(noise >= 0 && noise <= 0.5)) {
            throw form.error("noise", "must be from 0 to 0.5, not " + noise);
        }
        String network = form.text("network");
        String model = form.optionalText("model");
        if (network.equals(TrainingViewModel.LESSON_NETWORK)) {
            if (model == null) {
                throw form.error("model", "missing: the lesson's network needs its code");
            }
            TrainingJson.checked(form, "model", () -> PyTorchImporter.importCode(model).network());
        } else if (!TrainingViewModel.choices().containsKey(network) && !network.equals(NetworkChoices.FROM_BUILDER)) {
            throw form.error("network", "unknown network '" + network + "'");
        }
        return new Form(dataset, samples, noise, network, model, form.text("loss"), s.optimizer().name(),
                s.optimizer().lr(), s.batchSize(), s.epochs(), form.text("init"), form.text("schedule"), s.clipNorm(),
                s.patience(), s.seed(), s.device());
    }

    private void apply(Form v) {
        TrainingViewModel m = view.model();
        // the dataset first: choosing one suggests settings, which the saved ones then replace
        m.datasetProperty().set(v.dataset());
        if (v.model() != null) {
            m.lessonCode(v.model());
        }
        m.samplesProperty().set(v.samples());
        m.noiseProperty().set(v.noise());
        m.networkProperty().set(v.network());
        m.lossProperty().set(v.loss());
        m.optimizerProperty().set(v.optimizer());
        m.learningRateProperty().set(v.lr());
        m.batchSizeProperty().set(v.batchSize());
        m.epochsProperty().set(v.epochs());
        m.initProperty().set(v.init());
        m.scheduleProperty().set(v.schedule());
        m.clipProperty().set(v.clip());
        m.patienceProperty().set(v.patience());
        m.seedProperty().set(v.seed());
        m.deviceProperty().set(v.device());
    }

    @Override
    public void clear() {
        ObjectNode empty = JsonFields.object();
        empty.set("settings", defaults.deepCopy());
        empty.putArray("runs");
        restore(empty, new SessionFiles()).run();
    }

    @Override
    public boolean dirty() {
        return !view.model().history().equals(saved);
    }
}
