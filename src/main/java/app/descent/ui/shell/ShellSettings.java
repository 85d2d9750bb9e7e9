package app.descent.ui.shell;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between runs. Stored with java.util.prefs under a node that tests replace
 * (system property {@code descent.prefs.node}) so that a test never touches a person's settings.
 */
public final class ShellSettings {
    private static final String DEFAULT_NODE = "app/descent";

    private final Preferences prefs;

    private ShellSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static ShellSettings load() {
        return load(System.getProperty("descent.prefs.node", DEFAULT_NODE));
    }

    /** The settings under another node, as {@code descent bench --startup} prepares them for the windows it opens. */
    public static ShellSettings load(String node) {
        return new ShellSettings(Preferences.userRoot().node(node));
    }

    public record Bounds(double x, double y, double width, double height, boolean maximized) {
        public static final Bounds DEFAULT = new Bounds(Double.NaN, Double.NaN, 1280, 800, false);
    }

    public Bounds bounds() {
        return new Bounds(prefs.getDouble("x", Double.NaN), prefs.getDouble("y", Double.NaN),
                prefs.getDouble("width", Bounds.DEFAULT.width()), prefs.getDouble("height", Bounds.DEFAULT.height()),
                prefs.getBoolean("maximized", false));
    }

    public void saveBounds(Bounds b) {
        prefs.putDouble("x", b.x());
        prefs.putDouble("y", b.y());
        prefs.putDouble("width", b.width());
        prefs.putDouble("height", b.height());
        prefs.putBoolean("maximized", b.maximized());
    }

    public boolean dark() {
        return prefs.getBoolean("dark", false);
    }

    public void saveDark(boolean dark) {
        prefs.putBoolean("dark", dark);
    }

    public boolean presentation() {
        return prefs.getBoolean("presentation", false);
    }

    public void savePresentation(boolean on) {
        prefs.putBoolean("presentation", on);
    }

    public Workspace workspace() {
        return Workspace.byId(prefs.get("workspace", ""), Workspace.LEARN);
    }

    public void saveWorkspace(Workspace w) {
        prefs.put("workspace", w.id());
    }

    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // settings are a convenience: losing them must not stop the app from closing
        }
    }

    public void clear() {
        try {
            prefs.clear();
        } catch (BackingStoreException e) {
            // nothing stored yet
        }
    }
}
