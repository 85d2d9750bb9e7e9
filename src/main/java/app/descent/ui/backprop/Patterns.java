package app.descent.ui.backprop;

/** The gate patterns of the legend, in the words of the course. */
final class Patterns {
    private Patterns() {
    }

    static String explain(String pattern) {
        if (pattern == null) {
            return "Select a pattern to highlight where it occurs in the graph.";
        }
        return switch (pattern) {
            case "add" -> "Add distributes: every input receives the upstream gradient unchanged (local gradient 1).";
            case "mul" -> "Mul swaps: each input receives the upstream gradient times the other input's value.";
            case "max" -> "Max routes: the larger input receives the whole upstream gradient, the other 0; "
                    + "a tie splits it equally.";
            case "fanout" -> "Fan-out adds: a value used several times collects the sum of the gradients "
                    + "flowing back along each use.";
            default -> "";
        };
    }
}
