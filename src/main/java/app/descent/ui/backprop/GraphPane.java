package app.descent.ui.backprop;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;

/**
 * Draws a {@link Picture} left to right and paints a {@link Frame} on it: values under each node once the forward
 * pass reached it, gradients once the backward pass did, and on every edge the gradient that flowed back along it.
 */
final class GraphPane extends Pane implements app.descent.ui.fx.Figure {
    static final String NODE = "graph-node";
    static final String NODE_INPUT = "graph-node-input";
    static final String NODE_CONSTANT = "graph-node-constant";
    static final String NODE_OUTPUT = "graph-node-output";
    static final String CURRENT = "current";
    static final String HIGHLIGHT = "pattern-highlight";
    static final String EDGE = "graph-edge";
    static final String EDGE_LABEL = "graph-edge-label";
    static final String FORWARD_LABEL = "graph-edge-value";
    static final String NODE_VALUE = "graph-node-value";
    static final String NODE_GRAD = "graph-node-grad";

    private static final double COLUMN = 190;
    private static final double ROW = 92;
    private static final double NODE_WIDTH = 108;
    private static final double NODE_HEIGHT = 74;
    private static final double MARGIN = 28;

    private final Group content = new Group();
    private final List<VBox> cards = new ArrayList<>();
    private final List<Label> values = new ArrayList<>();
    private final List<Label> grads = new ArrayList<>();
    /** Graphs with more nodes are summarised in a line instead of drawn. */
    static final int MAX_DRAWN = 400;

    private final List<CubicCurve> curves = new ArrayList<>();
    private final List<Polygon> arrows = new ArrayList<>();
    private final List<Label> edgeGrads = new ArrayList<>();
    private final List<Label> edgeValues = new ArrayList<>();
    private Picture picture;
    private String highlighted;

    GraphPane() {
        getStyleClass().add("graph-pane");
        getChildren().add(content);
    }

    void show(Picture p) {
        picture = p;
        content.getChildren().clear();
        cards.clear();
        values.clear();
        grads.clear();
        curves.clear();
        arrows.clear();
        edgeGrads.clear();
        edgeValues.clear();
        if (p == null) {
            setPrefSize(0, 0);
            return;
        }
        if (p.nodes().size() > MAX_DRAWN) {
            // thousands of cards would stall the window: a summary; the steps and the CSV export still cover every node
            picture = null;
            Label summary = new Label(p.nodes().size() + " nodes and " + p.edges().size() + " edges: too many to draw."
                    + " Step through the passes below, or export the steps as CSV.");
            summary.getStyleClass().addAll("hint", "graph-summary");
            summary.relocate(MARGIN, MARGIN);
            content.getChildren().add(summary);
            setPrefSize(MARGIN * 2 + 640, MARGIN * 2 + 40);
            setMinSize(getPrefWidth(), getPrefHeight());
            setMaxSize(getPrefWidth(), getPrefHeight());
            return;
        }
        List<int[]> inputs = new ArrayList<>();
        for (int i = 0; i < p.nodes().size(); i++) {
            inputs.add(new int[0]);
        }
        for (Picture.Edge e : p.edges()) {
            int[] old = inputs.get(e.to());
            int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = e.from();
            inputs.set(e.to(), grown);
        }
        GraphLayout.Result layout = GraphLayout.of(inputs);
        double[] x = new double[p.nodes().size()];
        double[] y = new double[p.nodes().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = MARGIN + layout.cells()[i].column() * COLUMN;
            y[i] = MARGIN + layout.cells()[i].row() * ROW;
        }
        for (Picture.Edge e : p.edges()) {
            addEdge(e, x, y);
        }
        for (Picture.Node n : p.nodes()) {
            addCard(n, x[n.id()], y[n.id()], n.id() == p.outputNode());
        }
        setPrefSize(MARGIN * 2 + (layout.columns() - 1) * COLUMN + NODE_WIDTH,
                MARGIN * 2 + (layout.rows() - 1) * ROW + NODE_HEIGHT + 10);
        setMinSize(getPrefWidth(), getPrefHeight());
        setMaxSize(getPrefWidth(), getPrefHeight());
    }

    private void addEdge(Picture.Edge e, double[] x, double[] y) {
        double sx = x[e.from()] + NODE_WIDTH;
        double sy = y[e.from()] + NODE_HEIGHT / 2;
        double tx = x[e.to()];
        double ty = y[e.to()] + NODE_HEIGHT / 2;
        double bend = (tx - sx) * 0.5;
        CubicCurve c = new CubicCurve(sx, sy, sx + bend, sy, tx - bend, ty, tx - 8, ty);
        c.getStyleClass().add(EDGE);
        Polygon arrow = new Polygon(tx, ty, tx - 10, ty - 5, tx - 10, ty + 5);
        arrow.getStyleClass().add("graph-arrow");
        // labels sit near the input end, where edges into one node are still apart
        double t = 0.32;
        double u = 1 - t;
        double mx = u * u * u * sx + 3 * u * u * t * (sx + bend) + 3 * u * t * t * (tx - bend) + t * t * t * (tx - 8);
        double my = u * u * u * sy + 3 * u * u * t * sy + 3 * u * t * t * ty + t * t * t * ty;
        Label value = label(FORWARD_LABEL, mx, my - 21);
        Label grad = label(EDGE_LABEL, mx, my + 1);
        curves.add(c);
        arrows.add(arrow);
        edgeValues.add(value);
        edgeGrads.add(grad);
        content.getChildren().addAll(c, arrow, value, grad);
    }

    private static Label label(String style, double cx, double top) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setMouseTransparent(true);
        // centre on cx whatever the text's width
        l.layoutXProperty().bind(l.widthProperty().divide(-2).add(cx));
        l.setLayoutY(top);
        return l;
    }

    private void addCard(Picture.Node n, double x, double y, boolean output) {
        Label op = new Label(n.label());
        op.getStyleClass().add("graph-node-op");
        Label value = new Label();
        value.getStyleClass().add(NODE_VALUE);
        Label grad = new Label();
        grad.getStyleClass().add(NODE_GRAD);
        VBox card = new VBox(1, op, value, grad);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add(NODE);
        card.getStyleClass().add(switch (n.kind()) {
            case INPUT -> NODE_INPUT;
            case CONSTANT -> NODE_CONSTANT;
            case OPERATION -> "graph-node-operation";
        });
        if (output) {
            card.getStyleClass().add(NODE_OUTPUT);
        }
        card.setId("node-" + n.id());
        card.setLayoutX(x);
        card.setLayoutY(y);
        card.setPrefSize(NODE_WIDTH, NODE_HEIGHT);
        card.setMinSize(NODE_WIDTH, NODE_HEIGHT);
        cards.add(card);
        values.add(value);
        grads.add(grad);
        content.getChildren().add(card);
    }

    void paint(Frame f) {
        if (picture == null) {
            return;
        }
        for (Picture.Node n : picture.nodes()) {
            int i = n.id();
            boolean known = f.valued().contains(i) || n.kind() != Picture.Kind.OPERATION;
            values.get(i).setText(known ? Numbers.format(n.value()) : "?");
            Double g = f.gradients().get(i);
            grads.get(i).setText(g == null ? "" : "∂ " + Numbers.format(g));
            toggle(cards.get(i), CURRENT, i == f.currentNode());
            toggle(cards.get(i), HIGHLIGHT, highlighted != null && highlighted.equals(n.pattern()));
        }
        for (int e = 0; e < picture.edges().size(); e++) {
            Picture.Edge edge = picture.edges().get(e);
            boolean valued = f.valued().contains(edge.from())
                    || picture.nodes().get(edge.from()).kind() != Picture.Kind.OPERATION;
            edgeValues.get(e).setText(valued ? Numbers.format(picture.nodes().get(edge.from()).value()) : "");
            Picture.Flow flow = f.flows().get(e);
            edgeGrads.get(e).setText(flow == null ? "" : "∂ " + Numbers.format(flow.downstream()));
            boolean current = f.currentEdges().contains(e);
            toggle(curves.get(e), CURRENT, current);
            toggle(arrows.get(e), CURRENT, current);
            toggle(edgeGrads.get(e), CURRENT, current);
        }
    }

    @Override
    public double smallestFontPx() {
        return app.descent.ui.fx.Figure.smallestTextUnder(this);
    }

    /** The smallest font the graph draws with, at its own size (before it is zoomed); 0 with nothing drawn. */
    double smallestFontSize() {
        if (getScene() != null) {
            applyCss();
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (javafx.scene.Node n : content.getChildren()) {
            for (javafx.scene.Node l : n instanceof javafx.scene.Parent p ? p.getChildrenUnmodifiable()
                    : java.util.List.of(n)) {
                if (l instanceof Label label) {
                    smallest = Math.min(smallest, label.getFont().getSize());
                }
            }
            if (n instanceof Label label) {
                smallest = Math.min(smallest, label.getFont().getSize());
            }
        }
        return Double.isFinite(smallest) ? smallest : 0;
    }

    /** The card drawn for a node, or null. */
    javafx.scene.Node card(int node) {
        return node >= 0 && node < cards.size() ? cards.get(node) : null;
    }

    /** Highlights every node of one gate pattern (legend), or none with null. */
    void highlight(String pattern, Frame f) {
        highlighted = pattern;
        paint(f);
    }

    private static void toggle(javafx.scene.Node node, String style, boolean on) {
        if (on && !node.getStyleClass().contains(style)) {
            node.getStyleClass().add(style);
        } else if (!on) {
            node.getStyleClass().remove(style);
        }
    }
}
