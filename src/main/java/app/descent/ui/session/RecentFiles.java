package app.descent.ui.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The sessions opened or saved last, newest first, at most {@link #MAX}: kept with java.util.prefs under the
 * window's settings node (system property {@code descent.prefs.node}, as {@code ShellSettings}), so that a test's
 * list is its own. Files that are gone are dropped from the list.
 */
public final class RecentFiles {
    public static final int MAX = 8;
    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The list of the window's settings node. */
    public static RecentFiles standard() {
        return new RecentFiles(Preferences.userRoot().node(System.getProperty("descent.prefs.node", "app/descent"))
                .node("recent-sessions"));
    }

    /** The files still there, newest first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String p = prefs.get(Integer.toString(i), null);
            if (p != null && Files.isRegularFile(Path.of(p)) && !out.contains(Path.of(p))) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    /** Puts {@code file} first (once); the oldest beyond {@link #MAX} and files that are gone fall off. */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> files = list();
        files.remove(abs);
        files.add(0, abs);
        store(files);
    }

    /** Drops {@code file} (it could not be opened). */
    public void remove(Path file) {
        List<Path> files = list();
        files.remove(file.toAbsolutePath().normalize());
        store(files);
    }

    private void store(List<Path> files) {
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) {
                prefs.put(Integer.toString(i), files.get(i).toString());
            } else {
                prefs.remove(Integer.toString(i));
            }
        }
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // a convenience: the list is lost, the work is not
        }
    }
}
