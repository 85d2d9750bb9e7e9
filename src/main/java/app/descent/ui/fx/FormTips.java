package app.descent.ui.fx;

import app.descent.catalog.Optimizers;
import app.descent.catalog.Settings;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The tooltips of the workspaces' form controls, by the control's id: one sentence of what a setting does and its
 * PyTorch name. Settings, hyperparameters, activations and layer arguments take their text from their registry
 * ({@link Settings}, {@link Optimizers}, catalog.Activation, network.Layers); only the window's own options (a chart's
 * log scale, a play button) are written here. Installed once on each workspace as it loads.
 */
public final class FormTips {
    private FormTips() {
    }

    private static final Map<String, String> BY_ID = Map.ofEntries(
            // Training
            Map.entry("dataset", Settings.DATASET.description()),
            Map.entry("samples", Settings.SAMPLES.description()),
            Map.entry("noise", Settings.NOISE.description()),
            Map.entry("network", Settings.NETWORK.description()),
            Map.entry("loss", Settings.LOSS.description()),
            Map.entry("optimizer", Settings.OPTIMIZER.description()),
            Map.entry("lr", Settings.LEARNING_RATE.description()),
            Map.entry("init", Settings.INITIALIZER.description()),
            Map.entry("batch-size", Settings.BATCH_SIZE.description()),
            Map.entry("epochs", Settings.EPOCHS.description()),
            Map.entry("seed", Settings.SEED.description()),
            Map.entry("device", Settings.DEVICE.description()),
            Map.entry("schedule", Settings.SCHEDULE.description()),
            Map.entry("clip", Settings.CLIP_NORM.description()),
            Map.entry("patience", Settings.PATIENCE.description()),
            Map.entry("pause", "Pauses training after the current step; press again to go on."),
            Map.entry("log-scale", "Draws the loss on a logarithmic axis, where small late improvements stay visible."),
            Map.entry("x-epochs", "Counts the x axis in epochs instead of steps."),
            // Compare: runs side by side
            Map.entry("study", Settings.STUDY.description()),
            Map.entry("vary", Settings.VARY.description()),
            // Compare: activations
            Map.entry("activation-range", "The range of x the functions and their slopes are drawn over."),
            Map.entry("shade-saturated", "Shades where a function passes almost no gradient back (|f′| below 5 % of "
                    + "its largest slope)."),
            // Compare: inspect
            Map.entry("inspect-network", Settings.NETWORK.description()),
            Map.entry("inspect-activation", Settings.ACTIVATION.description()),
            Map.entry("inspect-init", Settings.INITIALIZER.description()),
            Map.entry("inspect-dataset", Settings.DATASET.description()),
            Map.entry("inspect-batch", Settings.BATCH_SIZE.description()),
            Map.entry("inspect-seed", Settings.SEED.description()),
            Map.entry("inspect-optimizer", Settings.OPTIMIZER.description()),
            Map.entry("inspect-lr", Settings.LEARNING_RATE.description()),
            Map.entry("inspect-every", Settings.INSPECT_EVERY.description()),
            // Compare: optimizer paths
            Map.entry("surface-preset", Settings.SURFACE.description()),
            Map.entry("surface-expression", Settings.SURFACE.description()),
            Map.entry("start-x", Settings.START.description()),
            Map.entry("start-y", Settings.START.description()),
            Map.entry("path-steps", Settings.STEPS.description()),
            Map.entry("path-play", "Plays the paths step by step; press again to pause."),
            Map.entry("path-speed", "How many steps per second the paths are played at."),
            // Compare: hyperparameter search
            Map.entry("search-task", Settings.SEARCH_TASK.description()),
            Map.entry("search-optimizer", Settings.OPTIMIZER.description()),
            Map.entry("search-lr", Settings.LEARNING_RATE_RANGE.description()),
            Map.entry("search-decay", Settings.WEIGHT_DECAY_RANGE.description()),
            Map.entry("search-batches", Settings.BATCH_SIZES.description()),
            Map.entry("search-trials", Settings.TRIALS.description()),
            Map.entry("search-seed", Settings.SEED.description()),
            Map.entry("search-grid", Settings.GRID_SEARCH.description()),
            // Backprop
            Map.entry("presets", "Expressions of the course's exercises, ready to step through."),
            Map.entry("pattern-add", "Highlights the add gates: they pass the upstream gradient unchanged to every input."),
            Map.entry("pattern-mul", "Highlights the mul gates: each input gets the upstream gradient times the other "
                    + "input."),
            Map.entry("pattern-max", "Highlights the max gates: the whole gradient goes to the larger input."),
            Map.entry("pattern-fanout", "Highlights values used more than once: their gradients add up."),
            Map.entry("play", "Plays the forward and backward pass step by step; press again to pause."),
            Map.entry("speed", "How many steps per second Play takes."),
            Map.entry("graph-only", "Hides the side panels so that the graph fills the window."),
            Map.entry("predict", "Before each backward step, type the gradient you expect; the step shows whether "
                    + "you were right."),
            Map.entry("prediction", "Your prediction of the downstream gradient of the next step."),
            // Practice
            Map.entry("difficulty", "How hard the next exercises are."),
            Map.entry("exam-minutes", "How long the mock exam lasts, in minutes."),
            Map.entry("mock-exam", "A timed run of exercises from every topic, graded at the end."),
            Map.entry("show-solution", "Shows the worked solution of this exercise."),
            // Builder
            Map.entry("input-shape", "Input shape: the shape of one batch the network receives, e.g. 1, 3, 32, 32. "
                    + "PyTorch: x = torch.randn(1, 3, 32, 32)"),
            Map.entry("builder-presets", "Networks of the course and the exams, ready to inspect and change."),
            Map.entry("palette-search", "Finds a layer type by name or kind; Enter adds the first one."));

    /** Choice boxes whose items are registry entries: each item of the list says what it is when pointed at. */
    private static final Map<String, java.util.function.Function<String, String>> ITEMS = Map.of(
            "optimizer", FormTips::optimizer,
            "inspect-optimizer", FormTips::optimizer,
            "search-optimizer", FormTips::optimizer,
            "inspect-activation", FormTips::activation);

    private static String optimizer(String id) {
        return Optimizers.IDS.contains(id) ? Optimizers.get(id).description() : null;
    }

    private static String activation(String id) {
        try {
            return app.descent.catalog.Activation.ofId(id).description();
        } catch (RuntimeException e) {
            // "as written": the network's own activations
            return null;
        }
    }

    /** The text for the control with this id, or null. */
    public static String forId(String id) {
        return id == null ? null : BY_ID.get(id);
    }

    /** Gives every control below {@code root} with a known id its tooltip (one it already has is kept). */
    public static void install(Node root) {
        if (root instanceof Control c && c.getTooltip() == null) {
            String text = forId(c.getId());
            if (text != null) {
                lazy(c, text);
            }
        }
        if (root instanceof javafx.scene.control.ComboBox<?> box && ITEMS.containsKey(box.getId())
                && box.getCellFactory() == null) {
            itemTips(box, ITEMS.get(box.getId()));
        }
        // before their skins exist (a view just loaded), these hold their content outside their children
        if (root instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            install(sp.getContent());
        } else if (root instanceof javafx.scene.control.TabPane tp) {
            tp.getTabs().forEach(t -> {
                if (t.getContent() != null) {
                    install(t.getContent());
                }
            });
        } else if (root instanceof javafx.scene.control.SplitPane sp) {
            sp.getItems().forEach(FormTips::install);
        } else if (root instanceof javafx.scene.control.TitledPane tp && tp.getContent() != null) {
            install(tp.getContent());
        } else if (root instanceof javafx.scene.control.ToolBar tb) {
            tb.getItems().forEach(FormTips::install);
        } else if (root instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                install(child);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void itemTips(javafx.scene.control.ComboBox<T> box,
                                     java.util.function.Function<String, String> describe) {
        box.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                String text = empty || item == null ? null : describe.apply(item.toString());
                if (text == null) {
                    setTooltip(null);
                } else if (getTooltip() == null) {
                    setTooltip(tip(text));
                } else {
                    getTooltip().setText(text);
                }
            }
        });
    }

    private static Tooltip tip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(460);
        tip.setShowDelay(Duration.millis(400));
        tip.setShowDuration(Duration.seconds(30));
        return tip;
    }

    private static final String PENDING = "descent.tooltip";

    /**
     * Gives {@code control} its tooltip when the pointer first comes over it: a Tooltip costs a few milliseconds to
     * make, and a workspace has dozens of controls, so none is made before a person points at one.
     */
    public static void lazy(Control control, String text) {
        control.getProperties().put(PENDING, text);
        javafx.event.EventHandler<javafx.scene.input.MouseEvent> first = new javafx.event.EventHandler<>() {
            @Override
            public void handle(javafx.scene.input.MouseEvent e) {
                control.removeEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, this);
                Object pending = control.getProperties().remove(PENDING);
                if (pending != null && control.getTooltip() == null) {
                    set(control, pending.toString());
                }
            }
        };
        control.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, first);
    }

    /** The tooltip text a control shows (or will show when pointed at), or null when it has none. */
    public static String textOf(Control control) {
        if (control.getTooltip() != null) {
            return control.getTooltip().getText();
        }
        Object pending = control.getProperties().get(PENDING);
        return pending == null ? null : pending.toString();
    }

    /** A tooltip that wraps long sentences and shows soon. */
    public static Tooltip set(Control control, String text) {
        Tooltip tip = tip(text);
        control.setTooltip(tip);
        return tip;
    }
}
