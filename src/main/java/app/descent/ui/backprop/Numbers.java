package app.descent.ui.backprop;

import app.descent.graph.ComputationGraph;

/** Numbers on the graph: four significant digits, as a student writes them (-20, 0.5, 0.002473). */
final class Numbers {
    private Numbers() {
    }

    static String format(double v) {
        return ComputationGraph.format(v, 4);
    }
}
