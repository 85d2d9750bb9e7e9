package app.descent.graph;

import java.util.List;

/**
 * One operation during the backward pass: its upstream gradient (∂f/∂node), and for each input that needs a
 * gradient the local gradient, the downstream contribution upstream × local, and the input's gradient so far.
 */
public record BackwardStep(int node, double upstream, List<Flow> flows, String text) {

    /** The gradient flowing back along the edge into slot {@code slot} of the node, from input {@code input}. */
    public record Flow(int slot, int input, double local, double downstream, double accumulated) {
    }
}
