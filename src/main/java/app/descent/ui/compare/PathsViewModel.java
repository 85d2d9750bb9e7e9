package app.descent.ui.compare;

import app.descent.UserInputException;
import app.descent.catalog.Optimizers;
import app.descent.compare.PathRace;
import app.descent.compare.Surface;
import app.descent.graph.ComputationGraph;
import app.descent.training.OptimizerSpec;
import app.descent.training.TrainingThread;
import app.descent.ui.fx.FxThread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Optimizer paths on a 2-D surface: the function (a preset or typed), the start, the racing optimizers with their
 * hyperparameters, and the computed paths, which the view reveals step by step.
 */
public final class PathsViewModel {
    static final int GRID = 120;

    /** One racing optimizer; its hyperparameters are text so that a typo can be shown where it is. */
    public static final class Racer {
        private final String name;
        private final BooleanProperty enabled = new SimpleBooleanProperty();
        private final StringProperty lr = new SimpleStringProperty();
        /** Every hyperparameter of the registry by id; blank for those this optimizer does not have. */
        private final Map<String, StringProperty> hyperparameters = new LinkedHashMap<>();
        private final StringProperty result = new SimpleStringProperty("");

        Racer(String name, boolean on) {
            this.name = name;
            enabled.set(on);
            OptimizerSpec d = OptimizerSpec.of(name, 0.01);
            for (Optimizers.Hyperparameter h : Optimizers.HYPERPARAMETERS) {
                hyperparameters.put(h.id(), new SimpleStringProperty(uses(h.id())
                        ? Cells.hyperparameter(d.get(h.id())) : ""));
            }
        }

        public String name() {
            return name;
        }

        /**
         * Whether this optimizer has that setting: the learning rate, or a hyperparameter of its registry entry (the
         * table leaves the others blank and locked).
         */
        public boolean uses(String parameter) {
            return parameter.equals("lr") || Optimizers.get(name).has(parameter);
        }

        public BooleanProperty enabledProperty() {
            return enabled;
        }

        public StringProperty lrProperty() {
            return lr;
        }

        /** The text of a hyperparameter of the registry by id; an unknown id is an error. */
        public StringProperty hyperparameterProperty(String id) {
            StringProperty p = hyperparameters.get(id);
            if (p == null) {
                throw new UserInputException("the optimizer paths have no hyperparameter '" + id + "'");
            }
            return p;
        }

        public StringProperty resultProperty() {
            return result;
        }

        OptimizerSpec spec() {
            OptimizerSpec s = OptimizerSpec.of(name, number("lr", lr.get()));
            for (Optimizers.Hyperparameter h : Optimizers.get(name).hyperparameters()) {
                String text = hyperparameters.get(h.id()).get();
                if (!(h == Optimizers.MOMENTUM && text.isBlank())) {
                    s = s.with(h.id(), number(h.symbol(), text));
                }
            }
            return s;
        }

        private double number(String what, String text) {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException | NullPointerException e) {
                throw new UserInputException(name + ": " + what + " '" + (text == null ? "" : text.strip())
                        + "' is not a number");
            }
        }
    }

    /** What the view draws: the sampled surface and the paths in the order of the racers shown. */
    public record Race(Surface.Preset window, Surface surface, double[][] grid, List<Racer> racers,
                       List<PathRace.Path> paths, int steps) {
    }

    private final ObjectProperty<Surface.Preset> preset = new SimpleObjectProperty<>(Surface.PRESETS.get(0));
    private final StringProperty expression = new SimpleStringProperty();
    private final StringProperty startX = new SimpleStringProperty();
    private final StringProperty startY = new SimpleStringProperty();
    private final IntegerProperty steps = new SimpleIntegerProperty();
    private final ObservableList<Racer> racers = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Race> race = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper raced = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private int generation;

    public PathsViewModel() {
        for (String name : Optimizers.IDS) {
            racers.add(new Racer(name, name.equals("sgd") || name.equals("momentum") || name.equals("adam")));
        }
        preset.addListener((o, was, p) -> {
            if (p != null) {
                usePreset(p);
            }
        });
        usePreset(preset.get());
    }

    private void usePreset(Surface.Preset p) {
        expression.set(p.expression());
        startX.set(fmt(p.startX()));
        startY.set(fmt(p.startY()));
        steps.set(p.steps());
        for (Racer r : racers) {
            r.lr.set(fmt(p.lr(r.name)));
        }
    }

    public ObjectProperty<Surface.Preset> presetProperty() {
        return preset;
    }

    public StringProperty expressionProperty() {
        return expression;
    }

    public StringProperty startXProperty() {
        return startX;
    }

    public StringProperty startYProperty() {
        return startY;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public ObservableList<Racer> racers() {
        return racers;
    }

    public ReadOnlyObjectProperty<Race> raceProperty() {
        return race.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A mistake in the function, the start or a hyperparameter, said where it is; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Puts a lesson's path action into the tab: {@code descent path}'s options by their long names as text
     * ({@code preset}, {@code function}, {@code start} as x=A,y=B, {@code steps}, {@code optimizer} — the only racer
     * then — with its {@code lr} and its hyperparameters by their options' names in the registry, e.g.
     * {@code momentum}, {@code betas} as B1,B2, {@code eps}).
     * An unknown option, or a hyperparameter without an optimizer, is an error.
     */
    public void apply(java.util.Map<String, String> options) {
        java.util.Map<String, String> o = new java.util.LinkedHashMap<>(options);
        String presetId = o.remove("preset");
        if (presetId != null) {
            preset.set(Surface.preset(presetId));
        }
        String function = o.remove("function");
        if (function != null) {
            expression.set(function);
        }
        String start = o.remove("start");
        if (start != null) {
            for (String part : start.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2 || !(kv[0].strip().equals("x") || kv[0].strip().equals("y"))) {
                    throw new UserInputException("start: write x=A,y=B, not '" + start + "'");
                }
                (kv[0].strip().equals("x") ? startX : startY).set(kv[1].strip());
            }
        }
        String n = o.remove("steps");
        if (n != null) {
            try {
                steps.set(Integer.parseInt(n.strip()));
            } catch (NumberFormatException e) {
                throw new UserInputException("steps must be a whole number, not '" + n + "'");
            }
        }
        String name = o.remove("optimizer");
        Racer racer = null;
        if (name != null) {
            racer = racers.stream().filter(r -> r.name.equals(name)).findFirst()
                    .orElseThrow(() -> new UserInputException("unknown optimizer '" + name + "'"));
            racers.forEach(r -> r.enabled.set(false));
            racer.enabled.set(true);
        }
        for (java.util.Map.Entry<String, String> e : o.entrySet()) {
            if (racer == null) {
                throw new UserInputException("'" + e.getKey() + "' needs an optimizer");
            }
            String v = e.getValue();
            if (e.getKey().equals("lr")) {
                racer.lr.set(v);
                continue;
            }
            List<Optimizers.Hyperparameter> parts = Optimizers.HYPERPARAMETERS.stream()
                    .filter(h -> h.option().equals(e.getKey())).toList();
            if (parts.isEmpty()) {
                throw new UserInputException("the optimizer paths have no setting '" + e.getKey() + "'");
            }
            String[] values = v.split(",");
            if (values.length != parts.size()) {
                throw new UserInputException(e.getKey() + ": write " + parts.size() + " numbers separated by commas, "
                        + "not '" + v + "'");
            }
            for (int i = 0; i < values.length; i++) {
                racer.hyperparameterProperty(parts.get(i).id()).set(values[i].strip());
            }
        }
    }

    /** Starts the race from a point picked on the map. */
    public void startAt(double x, double y) {
        startX.set(ComputationGraph.format(x, 3));
        startY.set(ComputationGraph.format(y, 3));
        race();
    }

    /**
     * True when the shown race was started with Race (or a click on the map); false while the settings are only
     * previewed: the surface and the start, with no path and no "where it ends" yet.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty racedProperty() {
        return raced.getReadOnlyProperty();
    }

    /** Runs the race: the paths are revealed and every optimizer's end is told. */
    public void race() {
        compute(true);
    }

    /** Shows the surface and the start for the current settings, without the race's outcome. */
    public void run() {
        compute(false);
    }

    /** Checks the settings, then computes the surface and every path on the training thread (libtorch's thread). */
    private void compute(boolean race) {
        Surface surface;
        double x0;
        double y0;
        List<Racer> on = new ArrayList<>();
        List<OptimizerSpec> specs = new ArrayList<>();
        try {
            surface = Surface.parse(expression.get());
            x0 = coordinate("x", startX.get());
            y0 = coordinate("y", startY.get());
            if (steps.get() < 1) {
                throw new UserInputException("steps must be at least 1");
            }
            for (Racer r : racers) {
                if (r.enabled.get()) {
                    specs.add(r.spec());
                    on.add(r);
                }
            }
            if (on.isEmpty()) {
                throw new UserInputException("tick at least one optimizer");
            }
        } catch (UserInputException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        Surface.Preset p = preset.get();
        Surface.Preset window = new Surface.Preset("custom", p.title(), expression.get(), p.xMin(), p.xMax(), p.yMin(),
                p.yMax(), x0, y0, p.lesson(), p.learningRates(), steps.get());
        int n = steps.get();
        int mine = ++generation;
        status.set("computing " + on.size() + " paths of " + n + " steps…");
        TrainingThread.submit(() -> {
            try {
                double[][] grid = PathRace.grid(surface, window.xMin(), window.xMax(), window.yMin(), window.yMax(),
                        GRID, GRID);
                List<PathRace.Path> paths = PathRace.run(surface, x0, y0, specs, n);
                FxThread.run(() -> {
                    if (mine == generation) {
                        show(new Race(window, surface, grid, List.copyOf(on), paths, n), race);
                    }
                });
            } catch (RuntimeException e) {
                FxThread.run(() -> {
                    error.set(e.getMessage());
                    status.set("");
                });
            }
        });
    }

    /**
     * Shows a race as a session saved it, without computing it again; computations still under way are dropped.
     * {@code race} null shows none (and previews the settings, as a new tab does).
     */
    void restore(Race r, boolean raced) {
        generation++;
        if (r == null) {
            this.race.set(null);
            this.raced.set(false);
            racers.forEach(x -> x.result.set(""));
            error.set("");
            run();
            return;
        }
        error.set("");
        show(r, raced);
    }

    private void show(Race r, boolean race) {
        racers.forEach(x -> x.result.set(""));
        for (int i = 0; race && i < r.racers().size(); i++) {
            PathRace.Path path = r.paths().get(i);
            r.racers().get(i).result.set(path.stopped()
                    ? "stopped at step " + path.stoppedAt() + ": " + path.reason()
                    : "f = " + ComputationGraph.format(path.finalValue(), 4) + " at (" + ComputationGraph.format(path.last()[0], 3)
                            + ", " + ComputationGraph.format(path.last()[1], 3) + ")");
        }
        status.set(r.paths().size() + " optimizers, " + r.steps() + " steps from (" + fmt(r.window().startX()) + ", "
                + fmt(r.window().startY()) + ")");
        raced.set(race);
        this.race.set(null);
        this.race.set(r);
    }

    /** Every path as CSV: optimizer, step, x, y, f. */
    public String csv() {
        Race r = race.get();
        app.descent.io.Csv.Table b = app.descent.io.Csv.table("optimizer", "step", "x", "y", "f");
        if (r == null) {
            return b.toString();
        }
        Surface s = r.surface();
        for (int i = 0; i < r.paths().size(); i++) {
            double[][] pts = r.paths().get(i).points();
            for (int k = 0; k < pts.length; k++) {
                double f;
                try {
                    f = s.value(pts[k][0], pts[k][1]);
                } catch (RuntimeException e) {
                    f = Double.NaN;
                }
                b.row(r.racers().get(i).name, k, pts[k][0], pts[k][1], f);
            }
        }
        return b.toString();
    }

    /** f at a point of the map, for the readout; NaN where f is undefined. */
    public String readout(double x, double y) {
        Race r = race.get();
        if (r == null) {
            return "";
        }
        String f;
        try {
            f = ComputationGraph.format(r.surface().value(x, y), 4);
        } catch (RuntimeException e) {
            f = "undefined";
        }
        return "x = " + ComputationGraph.format(x, 3) + ", y = " + ComputationGraph.format(y, 3) + ": f = " + f
                + "   (click to start the race here)";
    }

    private static double coordinate(String name, String text) {
        try {
            double v = Double.parseDouble(text == null ? "" : text.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UserInputException("start " + name + ": '" + (text == null ? "" : text.strip())
                    + "' is not a number");
        }
    }

    static String fmt(double v) {
        return ComputationGraph.format(v, 4).toLowerCase(Locale.ROOT);
    }
}
