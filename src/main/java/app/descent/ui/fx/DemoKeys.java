package app.descent.ui.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A workspace's keyboard demo path: keys that act on the workspace while it is on screen, wherever the focus is,
 * except in a text field (where they type) — a presenter's clicker sends PageDown and PageUp. Space is left to a
 * focused button or box of the workspace's own (the rail's and the app bar's buttons do not keep it).
 */
public final class DemoKeys {
    private final Node view;
    private final List<KeyCombination> keys = new ArrayList<>();
    private final List<Runnable> actions = new ArrayList<>();
    private final List<Boolean> inText = new ArrayList<>();
    private final List<Scene> scenes = new ArrayList<>();

    private DemoKeys(Node view) {
        this.view = view;
        view.sceneProperty().addListener((o, old, scene) -> install(scene));
        install(view.getScene());
    }

    /** The demo keys of the workspace whose root is {@code view}. */
    public static DemoKeys of(Node view) {
        return new DemoKeys(view);
    }

    /** {@code action} on each of the keys (plain, without modifiers), unless a text field has the focus. */
    public DemoKeys on(Runnable action, KeyCode... codes) {
        for (KeyCode c : codes) {
            keys.add(new KeyCodeCombination(c));
            actions.add(action);
            inText.add(false);
        }
        return this;
    }

    /** {@code action} on a shortcut such as Ctrl+Enter, wherever the focus is inside the window. */
    public DemoKeys shortcut(Runnable action, KeyCombination key) {
        keys.add(key);
        actions.add(action);
        inText.add(true);
        return this;
    }

    private void install(Scene scene) {
        if (scene == null || scenes.contains(scene)) {
            return;
        }
        scenes.add(scene);
        EventHandler<KeyEvent> filter = e -> {
            if (view.getScene() != scene || !shown(view)) {
                return;
            }
            Node focus = scene.getFocusOwner();
            for (int i = 0; i < keys.size(); i++) {
                if (!keys.get(i).match(e)) {
                    continue;
                }
                if (!inText.get(i) && (typing(focus) || e.getCode() == KeyCode.SPACE && usesSpace(focus) && inside(focus))) {
                    return;
                }
                e.consume();
                actions.get(i).run();
                return;
            }
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
    }

    /** On screen: the view and every parent visible (a workspace's tab that is not selected is not). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean typing(Node focus) {
        return focus instanceof TextInputControl
                || focus instanceof ComboBoxBase<?> c && c.isEditable()
                || focus instanceof Spinner<?> s && s.isEditable();
    }

    private boolean inside(Node focus) {
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n == view) {
                return true;
            }
        }
        return false;
    }

    /** A button or box that Space works; a side panel's strip is not one (it only opens and closes the panel). */
    private static boolean usesSpace(Node focus) {
        return focus instanceof ButtonBase && !focus.getStyleClass().contains(SidePanel.STRIP)
                || focus instanceof ComboBoxBase<?>;
    }
}
