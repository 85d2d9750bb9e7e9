package app.descent.ui.shell;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The window's icon in every size the desktop may ask for (title bar, task switcher, dock), drawn once by
 * tools/icon/MakeIcons.java into src/main/resources/icons/.
 */
public final class AppIcon {
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    /** The icons, smallest first; a size whose file is missing is left out (the window keeps the default then). */
    public static List<Image> images() {
        List<Image> out = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcon.class.getResourceAsStream("/icons/descent-" + size + ".png")) {
                if (in != null) {
                    out.add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // a resource of the jar that cannot be read: the default icon is no reason to fail
            }
        }
        return out;
    }

    /** Sets the window's icons (after its first frame: they are not on the start-up path). */
    public static void install(Stage stage) {
        stage.getIcons().setAll(images());
    }
}
