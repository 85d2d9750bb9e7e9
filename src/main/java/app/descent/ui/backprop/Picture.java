package app.descent.ui.backprop;

import java.util.List;

/**
 * What the graph view draws, independent of the engine's types: nodes, the edges between them, and the steps
 * that replay the forward and the backward pass.
 */
record Picture(List<Node> nodes, List<Edge> edges, List<Step> steps, int outputNode) {

    enum Kind { INPUT, CONSTANT, OPERATION }

    enum Phase { FORWARD, BACKWARD }

    /** {@code pattern}: the gate pattern the node shows in the legend (add, mul, max, fan-out), or null. */
    record Node(int id, String label, String name, Kind kind, double value, double gradient, String pattern) {
    }

    /** An edge from an input node into slot {@code slot} of a consumer. */
    record Edge(int from, int to, int slot) {
    }

    /** One gradient flowing back along an edge: upstream × local = downstream. */
    record Flow(int edge, double upstream, double local, double downstream) {
    }

    record Step(Phase phase, int node, String text, List<Flow> flows) {
    }

    int forwardSteps() {
        return (int) steps.stream().filter(s -> s.phase() == Phase.FORWARD).count();
    }
}
