package app.descent.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import app.descent.UserInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link Optimizer} walking a point (x, y) downhill, exactly as torch.optim would on
 * {@code p = torch.tensor([x, y], requires_grad=True)}: the point is float32, the gradient at it is rounded to
 * float32, then the optimizer's update (Adam op by op, see {@link Optimizer#Optimizer(OptimizerSpec, boolean)}).
 * To follow torch point by point the gradient should be computed as autograd does in float32 (compare.Surface's
 * float32Gradient); a double-precision one drifts where float32 loses digits. Callable from any single thread; an
 * interrupted thread stops the walk with a reason.
 */
public final class OptimizerPath {
    /** The gradient {∂f/∂x, ∂f/∂y} at a point; may throw a {@link UserInputException} where f is undefined. */
    @FunctionalInterface
    public interface Gradient {
        double[] at(double x, double y);
    }

    /**
     * The points visited, the start first. When the walk could not go on, {@code stoppedAt} is the step that failed
     * (so there are {@code stoppedAt} points) and {@code reason} says why; both are null otherwise.
     */
    public record Result(double[][] points, Integer stoppedAt, String reason) {
        public boolean stopped() {
            return stoppedAt != null;
        }

        public double[] last() {
            return points[points.length - 1];
        }
    }

    private static final String KEY = "p";

    private OptimizerPath() {
    }

    public static Result run(OptimizerSpec spec, double x0, double y0, int steps, Gradient gradient) {
        if (steps < 0) {
            throw new TrainingException("the number of steps must be at least 0, not " + steps);
        }
        float[] p = {(float) x0, (float) y0};
        if (!Float.isFinite(p[0]) || !Float.isFinite(p[1])) {
            throw new TrainingException("the start (" + x0 + ", " + y0 + ") is not a finite float32 point");
        }
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            return walk(m, spec, p, steps, gradient);
        }
    }

    /** The walk with its arrays in {@code m}; only the optimizer's moments stay there afterwards. */
    static Result walk(NDManager m, OptimizerSpec spec, float[] start, int steps, Gradient gradient) {
        float[] p = start.clone();
        List<double[]> points = new ArrayList<>(steps + 1);
        points.add(new double[] {p[0], p[1]});
        Optimizer optimizer = new Optimizer(spec, false);
        LibTorch.gradModeOff();
        try (NDArray w = m.create(p)) {
            for (int step = 1; step <= steps; step++) {
                if (Thread.currentThread().isInterrupted()) {
                    return stop(points, step, "interrupted");
                }
                float[] g;
                try {
                    double[] exact = gradient.at(p[0], p[1]);
                    g = new float[] {(float) exact[0], (float) exact[1]};
                } catch (UserInputException e) {
                    return stop(points, step, "f is undefined at (" + p[0] + ", " + p[1] + "): " + e.getMessage());
                }
                if (!Float.isFinite(g[0]) || !Float.isFinite(g[1])) {
                    return stop(points, step, "the gradient at (" + p[0] + ", " + p[1] + ") is not a finite float32 "
                            + "number (" + g[0] + ", " + g[1] + ")" + (Float.isNaN(g[0]) || Float.isNaN(g[1]) ? ""
                            : ": the path diverges, the learning rate " + spec.lr() + " is too large here"));
                }
                try (NDArray grad = m.create(g)) {
                    optimizer.update(KEY, w, grad);
                }
                p = w.toFloatArray();
                if (!Float.isFinite(p[0]) || !Float.isFinite(p[1])) {
                    return stop(points, step, "the point left the float32 range (" + p[0] + ", " + p[1]
                            + "): the learning rate " + spec.lr() + " is too large here");
                }
                points.add(new double[] {p[0], p[1]});
            }
        }
        return new Result(points.toArray(double[][]::new), null, null);
    }

    private static Result stop(List<double[]> points, int step, String reason) {
        return new Result(points.toArray(double[][]::new), step, reason);
    }
}
