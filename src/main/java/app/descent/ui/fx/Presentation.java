package app.descent.ui.fx;

import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Presentation mode as a workspace sees it: the shell puts the style class {@value #STYLE} on the window's root;
 * figures follow it to draw their text at least {@link #MIN_FONT_PX} pixels high.
 */
public final class Presentation {
    public static final String STYLE = "presentation";
    /** The smallest text a figure may show on a projector. */
    public static final double MIN_FONT_PX = 18;

    private Presentation() {
    }

    /** True when {@code node} is in a window in presentation mode. */
    public static boolean isOn(Node node) {
        Scene s = node.getScene();
        return s != null && s.getRoot() != null && s.getRoot().getStyleClass().contains(STYLE);
    }

    /**
     * Calls {@code apply} with the node's presentation mode now and whenever it changes (the node joining a window,
     * or the mode switched in it).
     */
    public static void follow(Node node, Consumer<Boolean> apply) {
        boolean[] last = {isOn(node)};
        apply.accept(last[0]);
        Runnable check = () -> {
            boolean now = isOn(node);
            if (now != last[0]) {
                last[0] = now;
                apply.accept(now);
            }
        };
        ListChangeListener<String> classes = c -> check.run();
        ChangeListener<Parent> roots = (o, old, root) -> {
            if (old != null) {
                old.getStyleClass().removeListener(classes);
            }
            if (root != null) {
                root.getStyleClass().addListener(classes);
            }
            check.run();
        };
        ChangeListener<Scene> scenes = (o, old, scene) -> {
            if (old != null) {
                old.rootProperty().removeListener(roots);
                roots.changed(null, old.getRoot(), null);
            }
            if (scene != null) {
                scene.rootProperty().addListener(roots);
                roots.changed(null, null, scene.getRoot());
            }
            check.run();
        };
        node.sceneProperty().addListener(scenes);
        if (node.getScene() != null) {
            scenes.changed(null, null, node.getScene());
        }
    }
}
