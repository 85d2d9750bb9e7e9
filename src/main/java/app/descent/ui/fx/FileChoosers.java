package app.descent.ui.fx;

import java.io.File;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.stage.FileChooser;

/**
 * Every file chooser of the window is made here: it offers its own kind of file first and "All files (*.*)" besides,
 * and starts in the folder last used for the same purpose (PNG images, networks, sessions, ...), kept with
 * java.util.prefs under the node tests replace ({@code descent.prefs.node}, as the window's other settings).
 */
public final class FileChoosers {
    /** The filter that shows every file. */
    public static final String ALL_FILES = "All files (*.*)";

    private FileChoosers() {
    }

    /** A chooser for files that {@code description} names, matching {@code pattern} ("*.png"). */
    public static FileChooser chooser(String description, String pattern) {
        FileChooser chooser = new FileChooser();
        FileChooser.ExtensionFilter own = new FileChooser.ExtensionFilter(description + " (" + pattern + ")", pattern);
        chooser.getExtensionFilters().addAll(own, new FileChooser.ExtensionFilter(ALL_FILES, "*"));
        chooser.setSelectedExtensionFilter(own);
        File folder = folder(description);
        if (folder != null) {
            chooser.setInitialDirectory(folder);
        }
        return chooser;
    }

    /** The folder last used for files of this kind, if it still exists. */
    public static File folder(String description) {
        String path = node().get(key(description), null);
        File folder = path == null ? null : new File(path);
        return folder != null && folder.isDirectory() ? folder : null;
    }

    /** Remembers the folder of a chosen file (null: the person cancelled) for the next chooser of its kind. */
    public static File remember(String description, File chosen) {
        if (chosen != null) {
            File parent = chosen.getAbsoluteFile().getParentFile();
            if (parent != null) {
                node().put(key(description), parent.getPath());
            }
        }
        return chosen;
    }

    private static String key(String description) {
        // a preferences key is at most 80 characters
        String k = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return k.length() > 80 ? k.substring(0, 80) : k;
    }

    private static Preferences node() {
        return Preferences.userRoot().node(System.getProperty("descent.prefs.node", "app/descent")).node("folders");
    }
}
