package app.descent.graph;

import java.util.List;
import java.util.Map;

/**
 * Everything one run of the engine computes: the value, ∂f/∂x for every given input (0 for an input the
 * expression does not use), central-difference checks, and the steps of both passes.
 */
public record GradResult(ComputationGraph graph, double value, Map<String, Double> gradients,
                         Map<String, Double> numericGradients, double[] values, double[] nodeGradients,
                         List<ForwardStep> forward, List<BackwardStep> backward) {
}
