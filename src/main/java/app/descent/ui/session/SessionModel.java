package app.descent.ui.session;

import app.descent.session.SessionDocument;
import app.descent.session.SessionException;
import app.descent.session.SessionFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The session of one window: the file it was opened from or saved to, whether it holds unsaved work, and New, Open
 * and Save over every workspace that registered its {@link WorkspaceState}. A workspace not built yet keeps the
 * state the opened file gave it until it is built (then it gets it) and is saved again unchanged. It also owns the
 * window's hand-overs ({@link app.descent.ui.Session}): a new model starts them afresh. Used on the FX thread.
 */
public final class SessionModel {
    /** The pending state of a workspace that New (or a file without it) leaves as new. */
    private static final JsonNode CLEAR = NullNode.getInstance();
    private static SessionModel current;

    private final RecentFiles recent;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    /** States of workspaces not built yet: from the opened file, or CLEAR after New. */
    private final Map<String, JsonNode> pending = new LinkedHashMap<>();
    private SessionFiles pendingFiles = new SessionFiles();
    /** Each built workspace's state as last saved, opened or built: a difference is unsaved work. */
    private final Map<String, JsonNode> baseline = new HashMap<>();
    /** Workspaces registered whose opened state is still to be put in (done at once by {@link #settle()}). */
    private final List<WorkspaceState> arrived = new ArrayList<>();
    /** Work restored from an autosave is unsaved until saved. */
    private boolean unsaved;
    private Consumer<String> problems = message -> { };

    /** A new window's session (made after the window's {@code Session.reset()}). */
    public SessionModel(RecentFiles recent) {
        this.recent = recent;
        Sessions.listen(this::registered);
        current = this;
    }

    /** The model of the window open now (null before the first window). */
    public static SessionModel current() {
        return current;
    }

    /** Where a workspace's state that cannot be put in (when the workspace is built later) is told. */
    public void onProblem(Consumer<String> report) {
        problems = report;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }

    /** Last computed by {@link #refresh()}. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public RecentFiles recent() {
        return recent;
    }

    /** "Descent — name.descent", with "*" while there is unsaved work. */
    public String title() {
        Path f = file.get();
        String name = f == null ? (dirty.get() ? "Untitled" : null) : f.getFileName().toString();
        return "Descent" + (name == null ? "" : " — " + name) + (dirty.get() ? "*" : "");
    }

    // ------------------------------------------------------------------------------------------ workspaces

    private void registered(WorkspaceState ws) {
        arrived.add(ws);
        // the view registers in its initialize(): the rest of it is built before its state is put in
        javafx.application.Platform.runLater(this::settle);
    }

    /** Puts the opened state into the workspaces registered since the last call (the shell calls it after a build). */
    public void settle() {
        List<WorkspaceState> now = new ArrayList<>(arrived);
        arrived.clear();
        for (WorkspaceState ws : now) {
            if (Sessions.registered().get(ws.id()) != ws) {
                continue;
            }
            JsonNode state = pending.remove(ws.id());
            if (state == CLEAR) {
                ws.clear();
            } else if (state != null) {
                try {
                    ws.restore(state, pendingFiles).run();
                } catch (SessionException e) {
                    ws.clear();
                    problems.accept("The session's " + ws.id() + " state could not be opened: " + e.getMessage());
                }
            }
            baseline.put(ws.id(), snapshot(ws));
        }
    }

    private static JsonNode snapshot(WorkspaceState ws) {
        return ws.save(new SessionFiles());
    }

    /** Recomputes whether there is unsaved work (any workspace's own dirty(), or a change since save or open). */
    public boolean refresh() {
        settle();
        boolean d = unsaved;
        for (WorkspaceState ws : Sessions.registered().values()) {
            if (d) {
                break;
            }
            JsonNode base = baseline.get(ws.id());
            d = ws.dirty() || base != null && !base.equals(snapshot(ws));
        }
        dirty.set(d);
        return d;
    }

    // ------------------------------------------------------------------------------------------ commands

    /** File ▸ New: every workspace as a new session has it, built or not; no file. */
    public void newSession() {
        settle();
        for (WorkspaceState ws : Sessions.registered().values()) {
            ws.clear();
        }
        pending.clear();
        for (String id : SessionDocument.WORKSPACES) {
            if (!Sessions.registered().containsKey(id)) {
                pending.put(id, CLEAR);
            }
        }
        pendingFiles = new SessionFiles();
        file.set(null);
        unsaved = false;
        rebase();
    }

    /** The session as it is now (on the FX thread): built workspaces' states and the kept states of the others. */
    public SessionDocument document() {
        settle();
        SessionFiles files = new SessionFiles();
        Map<String, ObjectNode> states = new LinkedHashMap<>();
        boolean kept = pending.values().stream().anyMatch(s -> s != CLEAR);
        if (kept) {
            // the entries of the opened file, for the states kept unchanged (before new entries take names)
            pendingFiles.all().forEach(files::put);
        }
        pending.forEach((id, s) -> {
            if (s != CLEAR) {
                states.put(id, (ObjectNode) s);
            }
        });
        for (WorkspaceState ws : Sessions.registered().values()) {
            states.put(ws.id(), ws.save(files));
        }
        return new SessionDocument(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), states, files);
    }

    /** File ▸ Save (As): writes the session to {@code target} atomically; it becomes the window's file. */
    public void save(Path target) throws IOException {
        SessionDocument doc = document();
        doc.write(target);
        file.set(target);
        unsaved = false;
        recent.add(target);
        rebase();
    }

    /**
     * File ▸ Open: reads the file, asks every built workspace to check its state first, and only when all of them
     * take it, puts it in. A file or state that cannot be taken throws with one line and changes nothing.
     */
    public void open(Path source) {
        SessionDocument doc = SessionDocument.read(source);
        try {
            put(doc);
        } catch (SessionException e) {
            throw new SessionException(source.getFileName() + ": " + e.getMessage(), e);
        }
        file.set(source);
        unsaved = false;
        recent.add(source);
        rebase();
    }

    /** Puts an autosaved session in: the work is back, but not in any file. */
    public void restoreAutosave(Path autosave) {
        SessionDocument doc = SessionDocument.read(autosave);
        put(doc);
        file.set(null);
        unsaved = true;
        rebase();
        dirty.set(true);
    }

    private void put(SessionDocument doc) {
        settle();
        Map<String, Runnable> actions = new LinkedHashMap<>();
        for (WorkspaceState ws : Sessions.registered().values()) {
            ObjectNode state = doc.workspaces().get(ws.id());
            try {
                actions.put(ws.id(), state == null ? ws::clear : ws.restore(state, doc.files()));
            } catch (SessionException e) {
                throw new SessionException(ws.id() + ": " + e.getMessage(), e);
            }
        }
        actions.values().forEach(Runnable::run);
        pending.clear();
        for (String id : SessionDocument.WORKSPACES) {
            if (!Sessions.registered().containsKey(id)) {
                ObjectNode state = doc.workspaces().get(id);
                pending.put(id, state == null ? CLEAR : state);
            }
        }
        pendingFiles = doc.files();
    }

    private void rebase() {
        baseline.clear();
        for (WorkspaceState ws : Sessions.registered().values()) {
            baseline.put(ws.id(), snapshot(ws));
        }
        refresh();
    }
}
