package app.descent.ui.fx;

import app.descent.io.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Window;

/** "Save as" for pictures and tables: asks where (through {@link Dialogs}), writes atomically, and reports a failure in a dialog. */
public final class FileExport {
    private FileExport() {
    }

    public static void savePng(Node node, String suggestedName) {
        savePng(node.getScene().getWindow(), node, suggestedName);
    }

    /** {@code node} need not be shown: a drawing made for the file only. */
    public static void savePng(Window owner, Node node, String suggestedName) {
        File file = choose(owner, suggestedName, "PNG image", "*.png");
        if (file != null) {
            // at twice the figure's size on screen, sharp on a slide
            byte[] png = FigureExport.png(node);
            write(owner, file, () -> png);
        }
    }

    public static void saveText(Window owner, String suggestedName, Supplier<String> text) {
        saveText(owner, suggestedName, "CSV table", "*.csv", text);
    }

    public static void saveText(Window owner, String suggestedName, String description, String pattern,
                                Supplier<String> text) {
        File file = choose(owner, suggestedName, description, pattern);
        if (file != null) {
            write(owner, file, () -> text.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Asks for a file to open; null when the person cancels. */
    public static File open(Window owner, String description, String pattern) {
        return Dialogs.get().open(owner, description, pattern);
    }

    public static File chooseSave(Window owner, String name, String description, String pattern) {
        return choose(owner, name, description, pattern);
    }

    private static File choose(Window owner, String name, String description, String pattern) {
        return Dialogs.get().save(owner, name, description, pattern);
    }

    interface Content {
        byte[] bytes() throws IOException;
    }

    static void write(Window owner, File file, Content content) {
        try {
            AtomicFiles.write(file.toPath(), content.bytes());
        } catch (IOException | RuntimeException e) {
            Dialogs.get().error(owner, "Could not save " + file + ": " + e.getMessage());
        }
    }
}
