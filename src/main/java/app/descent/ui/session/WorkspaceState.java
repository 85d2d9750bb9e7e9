package app.descent.ui.session;

import app.descent.session.SessionFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One workspace's part of a session: what File ▸ Save writes and File ▸ Open puts back. Settings use the command
 * line's names ({@code optimizer}, {@code lr}, {@code batch-size}, …) so that {@code descent session show} reads like
 * the CLI. Implemented by each workspace's view model; called on the FX thread.
 */
public interface WorkspaceState {
    /** The key under {@code workspaces}: "backprop", "builder", "training", "compare", "practice" or "lessons". */
    String id();

    /** The workspace as it is now; large binary data (weights) goes into {@code files}, its name into the JSON. */
    ObjectNode save(SessionFiles files);

    /**
     * Reads and checks {@code state} without changing anything, and returns what puts the workspace into it. A state
     * it cannot take throws {@link app.descent.session.SessionException} naming the field, so that a damaged file
     * changes nothing in any workspace; the returned action must not fail.
     */
    Runnable restore(JsonNode state, SessionFiles files);

    /** Back to the workspace as a new session has it (File ▸ New). */
    void clear();

    /** True when the workspace holds work that a New or Open would lose and that is not in a saved session. */
    default boolean dirty() {
        return false;
    }
}
