package app.descent.ui.fx;

import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;

/**
 * A drawing of fixed size shown as large as its view allows: it fits the view unless its smallest text would drop
 * below {@link Presentation#MIN_FONT_PX} pixels in presentation mode (or below 60 % of its size otherwise), then the
 * view pans (drag). Ctrl+wheel zooms, Ctrl+0 fits again.
 */
public final class FittedFigure extends StackPane implements Figure {
    public static final String SCROLL_STYLE = "figure-scroll";
    private final ScrollPane scroll = new ScrollPane();
    private final Group holder = new Group();
    private Node drawing;
    private double zoom = 1;

    public FittedFigure() {
        getStyleClass().add("fitted-figure");
        getChildren().add(holder);
        scroll.setContent(new Group(this));
        scroll.setPannable(true);
        scroll.getStyleClass().add(SCROLL_STYLE);
        scroll.viewportBoundsProperty().addListener(o -> fit());
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0) {
                zoom(e.getDeltaY() > 0 ? zoom * 1.15 : zoom / 1.15);
                e.consume();
            }
        });
        scroll.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> scroll.requestFocus());
        scroll.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN).match(e)) {
                zoom(1);
                e.consume();
            }
        });
        Presentation.follow(scroll, on -> fit());
    }

    /** The scroll pane to put in the window. */
    public ScrollPane view() {
        return scroll;
    }

    /** Shows a new drawing (its texts as {@link javafx.scene.text.Text} or labels). */
    public void show(Node newDrawing) {
        drawing = newDrawing;
        holder.getChildren().setAll(newDrawing);
        fit();
    }

    /** The person's zoom on top of the fit: 1 is the fit. */
    public void zoom(double z) {
        zoom = Math.max(0.2, Math.min(5, z));
        fit();
    }

    @Override
    public double smallestFontPx() {
        return Figure.smallestTextUnder(this);
    }

    private void fit() {
        if (drawing == null) {
            return;
        }
        Bounds size = drawing.getLayoutBounds();
        Bounds view = scroll.getViewportBounds();
        if (size.getWidth() <= 0 || size.getHeight() <= 0 || view.getWidth() <= 0) {
            return;
        }
        double fit = Math.min(view.getWidth() / size.getWidth(), view.getHeight() / size.getHeight());
        double font = smallestFontSize();
        double least = Presentation.isOn(scroll) && font > 0 ? Presentation.MIN_FONT_PX / font : 0.6;
        double scale = Math.max(least, Math.min(3, fit * zoom));
        holder.setScaleX(scale);
        holder.setScaleY(scale);
    }

    private double smallestFontSize() {
        double at = Figure.smallestTextUnder(holder) / Figure.screenScale(holder);
        return Double.isFinite(at) ? at : 0;
    }
}
