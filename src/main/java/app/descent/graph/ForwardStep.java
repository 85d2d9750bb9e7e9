package app.descent.graph;

/** One operation evaluated during the forward pass. */
public record ForwardStep(int node, double[] inputs, double value, String text) {
}
