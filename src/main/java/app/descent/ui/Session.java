package app.descent.ui;

import app.descent.network.Network;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** What one workspace hands to another in this window: the network being built in the Builder. */
public final class Session {
    private static final ObjectProperty<Network> BUILDER_NETWORK = new SimpleObjectProperty<>();
    private static final ObjectProperty<BackpropRequest> BACKPROP_REQUEST = new SimpleObjectProperty<>();
    private static final ObjectProperty<String> BUILDER_CODE = new SimpleObjectProperty<>();
    private static final ObjectProperty<String> WORKSPACE_REQUEST = new SimpleObjectProperty<>();
    private static final ObjectProperty<javafx.scene.Node> LESSON_PANEL = new SimpleObjectProperty<>();
    private static final ObjectProperty<Setup> SETUP_REQUEST = new SimpleObjectProperty<>();
    /** Listeners of this window's workspaces, dropped with the window: a gone window must not act on requests. */
    private static final java.util.List<Runnable> UNLISTEN = new java.util.ArrayList<>();

    /**
     * A lesson's action for one workspace ("training", "compare", "paths" or "practice"): its settings named as the
     * command line names them, values as plain text (lists comma-separated, maps as key=value pairs). With run, the
     * workspace also presses its main button. A setting the workspace cannot take goes to problem, not ignored.
     */
    public record Setup(String workspace, java.util.Map<String, String> settings, boolean run,
            java.util.function.Consumer<String> problem) {
        /** The setting, or null when the action leaves it out. */
        public String get(String key) {
            return settings.get(key);
        }

        /**
         * For {@code workspace}'s request only: {@code apply} takes the settings (a setting it refuses goes to
         * problem), then with run, {@code press} presses the workspace's main button.
         */
        public static void handle(Setup r, String workspace,
                java.util.function.Consumer<java.util.Map<String, String>> apply, Runnable press) {
            if (r == null || !r.workspace().equals(workspace)) {
                return;
            }
            try {
                apply.accept(r.settings());
            } catch (app.descent.UserInputException e) {
                r.problem().accept(e.getMessage());
                return;
            }
            if (r.run()) {
                press.run();
            }
        }
    }

    /** Set to put a workspace into a lesson action's state (the workspace reads it also when it opens later). */
    public static ObjectProperty<Setup> setupRequest() {
        return SETUP_REQUEST;
    }

    /** An expression with its values, to be shown in the Backprop workspace; toEnd: stepped to the end at once. */
    public record BackpropRequest(String expression, java.util.Map<String, Double> values, String note,
            boolean toEnd) {
        public BackpropRequest(String expression, java.util.Map<String, Double> values, String note) {
            this(expression, values, note, false);
        }
    }

    /** Set to open an expression in Backprop (the workspace reads it also when it opens later). */
    public static ObjectProperty<BackpropRequest> backpropRequest() {
        return BACKPROP_REQUEST;
    }

    /** Set to PyTorch code to open it in the Builder. */
    public static ObjectProperty<String> builderCode() {
        return BUILDER_CODE;
    }

    /** Set to a workspace id ("backprop", …) to switch to it. */
    public static ObjectProperty<String> workspaceRequest() {
        return WORKSPACE_REQUEST;
    }

    /** The open lesson's panel, docked by the shell beside every workspace (null: no lesson open). */
    public static ObjectProperty<javafx.scene.Node> lessonPanel() {
        return LESSON_PANEL;
    }

    private Session() {
    }

    /** Hands something to another workspace: null first, so that asking twice for the same still notifies. */
    public static <T> void request(ObjectProperty<T> property, T value) {
        property.set(null);
        property.set(value);
    }

    /**
     * Listens to a hand-over for the window that is open now. Once a new window opens ({@link #reset()}), the old
     * window's workspaces hear nothing: a request meant for the new window must not start work in a gone one (a
     * lesson's "Show me" once started a run in every Training workspace ever opened, one of them paused).
     */
    public static <T> void listen(ObjectProperty<T> property, javafx.beans.value.ChangeListener<? super T> listener) {
        property.addListener(listener);
        UNLISTEN.add(() -> property.removeListener(listener));
    }

    /**
     * Runs {@code stop} when a new window opens: a gone window's clocks and threads must not keep it, and every
     * workspace it holds, alive (tests open a hundred windows in one JVM; their datasets filled the heap).
     */
    public static void whenReplaced(Runnable stop) {
        UNLISTEN.add(stop);
    }

    /**
     * Runs {@code action} when {@code window} is hidden, until a new window opens in it: the stage outlives the
     * window when a new one is built on it, and its handlers must not keep the old one alive.
     */
    public static void whenHidden(javafx.stage.Window window, Runnable action) {
        javafx.event.EventHandler<javafx.stage.WindowEvent> h = e -> action.run();
        window.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, h);
        UNLISTEN.add(() -> window.removeEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, h));
    }

    /** Forgets every hand-over and every listener to them (a new window). */
    public static void reset() {
        app.descent.ui.session.Sessions.reset();
        UNLISTEN.forEach(Runnable::run);
        UNLISTEN.clear();
        BACKPROP_REQUEST.set(null);
        BUILDER_CODE.set(null);
        WORKSPACE_REQUEST.set(null);
        LESSON_PANEL.set(null);
        SETUP_REQUEST.set(null);
    }

    /** The Builder's current network (null until something is built). Set on the FX thread. */
    public static ObjectProperty<Network> builderNetwork() {
        return BUILDER_NETWORK;
    }
}
