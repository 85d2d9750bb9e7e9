package app.descent.ui.fx;

import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A workspace's side panel (forms, lists, legends) that gives the figure the window in presentation mode: the panel
 * folds into a narrow strip on the window's edge whose button (a click, or Tab and Space) opens it beside the figure
 * again; outside presentation mode the panel is always shown.
 */
public final class SidePanel {
    public static final String STRIP = "side-strip";

    private SidePanel() {
    }

    /**
     * Makes the panel in {@code host}'s {@code side} (LEFT, RIGHT or BOTTOM) fold away in presentation mode; the
     * strip's button gets the id {@code id} and says {@code title}.
     */
    public static ToggleButton collapsible(BorderPane host, Side side, String id, String title) {
        Node panel = switch (side) {
            case LEFT -> host.getLeft();
            case RIGHT -> host.getRight();
            case BOTTOM -> host.getBottom();
            default -> throw new IllegalArgumentException("no side panel on the " + side);
        };
        ToggleButton open = new ToggleButton();
        open.setId(id);
        open.getStyleClass().add(STRIP);
        Label text = new Label(title);
        if (side != Side.BOTTOM) {
            text.setRotate(side == Side.LEFT ? -90 : 90);
        }
        open.setGraphic(new Group(text));
        open.setTooltip(new Tooltip("Show or hide " + title.toLowerCase(java.util.Locale.ROOT)));
        StackPane holder = new StackPane(panel);
        Node box;
        switch (side) {
            case LEFT -> {
                open.setMaxHeight(Double.MAX_VALUE);
                HBox h = new HBox(open, holder);
                HBox.setHgrow(holder, Priority.ALWAYS);
                box = h;
            }
            case RIGHT -> {
                open.setMaxHeight(Double.MAX_VALUE);
                HBox h = new HBox(holder, open);
                HBox.setHgrow(holder, Priority.ALWAYS);
                box = h;
            }
            default -> {
                open.setMaxWidth(Double.MAX_VALUE);
                open.setAlignment(Pos.CENTER_LEFT);
                VBox v = new VBox(open, holder);
                box = v;
            }
        }
        switch (side) {
            case LEFT -> host.setLeft(box);
            case RIGHT -> host.setRight(box);
            default -> host.setBottom(box);
        }
        Presentation.follow(host, on -> {
            open.setVisible(on);
            open.setManaged(on);
            showPanel(holder, !on || open.isSelected());
        });
        open.selectedProperty().addListener((o, a, show) -> showPanel(holder, !Presentation.isOn(host) || show));
        return open;
    }

    /**
     * A strip (a bar across the window) that shows {@code panel} on demand in presentation mode; outside it the
     * panel is always shown and the strip hidden. The caller puts the strip where it belongs.
     */
    public static ToggleButton fold(Node panel, String id, String title) {
        ToggleButton open = new ToggleButton(title);
        open.setId(id);
        open.getStyleClass().add(STRIP);
        open.setMaxWidth(Double.MAX_VALUE);
        open.setAlignment(Pos.CENTER_LEFT);
        open.setTooltip(new Tooltip("Show or hide " + title.toLowerCase(java.util.Locale.ROOT)));
        Presentation.follow(panel, on -> {
            open.setVisible(on);
            open.setManaged(on);
            showPanel(panel, !on || open.isSelected());
        });
        open.selectedProperty().addListener((o, a, show) -> showPanel(panel, !Presentation.isOn(open) || show));
        return open;
    }

    private static void showPanel(Node holder, boolean show) {
        holder.setVisible(show);
        holder.setManaged(show);
    }
}
