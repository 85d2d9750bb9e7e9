package app.descent.ui.fx;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;

/**
 * A workspace's picture (graph, drawing, chart, map, matrix) that can say how small the text it draws is on screen:
 * presentation mode promises the back row at least {@link Presentation#MIN_FONT_PX} pixels.
 */
public interface Figure {
    /**
     * The smallest font this figure draws with, in pixels on screen (its size times the scale the figure is shown
     * at); {@link Double#POSITIVE_INFINITY} when it draws no text.
     */
    double smallestFontPx();

    /** How many screen pixels one pixel of {@code node} takes (its scale and every parent's). */
    static double screenScale(Node node) {
        Transform t = node.getLocalToSceneTransform();
        return Math.hypot(t.getMxx(), t.getMyx());
    }

    /** The smallest font of the visible labels and texts under {@code root}, in pixels on screen. */
    static double smallestTextUnder(Parent root) {
        double smallest = Double.POSITIVE_INFINITY;
        for (Node n : root.getChildrenUnmodifiable()) {
            if (!n.isVisible()) {
                continue;
            }
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
                smallest = Math.min(smallest, l.getFont().getSize() * screenScale(l));
            } else if (n instanceof Text t && t.getText() != null && !t.getText().isBlank()) {
                smallest = Math.min(smallest, t.getFont().getSize() * screenScale(t));
            } else if (n instanceof Parent p) {
                smallest = Math.min(smallest, smallestTextUnder(p));
            }
        }
        return smallest;
    }
}
