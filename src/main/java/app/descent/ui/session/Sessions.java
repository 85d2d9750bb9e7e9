package app.descent.ui.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workspaces of the open window that take part in sessions. Each workspace registers its state when it is built;
 * a new window starts with none ({@link #reset()}).
 */
public final class Sessions {
    private static final Map<String, WorkspaceState> OPEN = new LinkedHashMap<>();
    /** The window's session model, told of every registration (null: no window listens). */
    private static java.util.function.Consumer<WorkspaceState> listener;

    private Sessions() {
    }

    /** Called by a workspace's view when it is built (on the FX thread); a later one with the same id replaces it. */
    public static void register(WorkspaceState state) {
        OPEN.put(state.id(), state);
        if (listener != null) {
            listener.accept(state);
        }
    }

    /** The registered workspaces by id, in the order they were built. */
    public static Map<String, WorkspaceState> registered() {
        return Collections.unmodifiableMap(OPEN);
    }

    /** Forgets every workspace (a new window). */
    public static void reset() {
        OPEN.clear();
        listener = null;
    }

    /** The open window's session model hears of each workspace registered, before and after this (until {@link #reset()}). */
    static void listen(java.util.function.Consumer<WorkspaceState> onRegister) {
        listener = onRegister;
        // a workspace built before the model (the model comes after the first frame) is heard of too
        java.util.List.copyOf(OPEN.values()).forEach(onRegister);
    }
}
