package app.descent.compare;

import app.descent.UserInputException;
import app.descent.training.OptimizerPath;
import app.descent.training.OptimizerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Several optimizers started at the same point of one surface, each path computed in full up front (the window
 * reveals them step by step), and the surface sampled on a grid for its contour plot. The paths step with the
 * surface's float32 gradient, so they are torch.optim's to float32 rounding (PathReferenceTest). They use DJL
 * through training: call them on training.TrainingThread from the window.
 */
public final class PathRace {
    private PathRace() {
    }

    /**
     * One optimizer's path: the points visited (float32 values, the start first), the step where it stopped and why
     * (both null when it ran every step), and f at its last point.
     */
    public record Path(OptimizerSpec spec, double[][] points, Integer stoppedAt, String reason, double finalValue) {
        public boolean stopped() {
            return stoppedAt != null;
        }

        public double[] last() {
            return points[points.length - 1];
        }
    }

    /** Runs every spec for {@code steps} steps from (x0, y0); a path that fails stops alone, the others go on. */
    public static List<Path> run(Surface surface, double x0, double y0, List<OptimizerSpec> specs, int steps) {
        List<Path> paths = new ArrayList<>(specs.size());
        for (OptimizerSpec spec : specs) {
            paths.add(path(surface, x0, y0, spec, steps));
        }
        return paths;
    }

    public static Path path(Surface surface, double x0, double y0, OptimizerSpec spec, int steps) {
        OptimizerPath.Result r = OptimizerPath.run(spec, x0, y0, steps, surface::float32Gradient);
        double[] last = r.last();
        return new Path(spec, r.points(), r.stoppedAt(), r.reason(), surface.valueOrNaN(last[0], last[1]));
    }

    /** f at every point of a path, for a loss-by-step chart; NaN where f is undefined. */
    public static double[] values(Surface surface, Path path) {
        double[] v = new double[path.points().length];
        for (int k = 0; k < v.length; k++) {
            v[k] = surface.valueOrNaN(path.points()[k][0], path.points()[k][1]);
        }
        return v;
    }

    /**
     * f on an {@code nx} × {@code ny} grid including the corners: {@code grid[j][i]} is f(x_i, y_j) with x_i from
     * xMin to xMax and y_j from yMin to yMax; NaN where f is undefined.
     */
    public static double[][] grid(Surface surface, double xMin, double xMax, double yMin, double yMax, int nx, int ny) {
        if (nx < 2 || ny < 2) {
            throw new UserInputException("a grid needs at least 2 × 2 points, not " + nx + " × " + ny);
        }
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new UserInputException("the window [" + xMin + ", " + xMax + "] × [" + yMin + ", " + yMax
                    + "] is empty");
        }
        double[][] out = new double[ny][nx];
        for (int j = 0; j < ny; j++) {
            double y = yMin + (yMax - yMin) * j / (ny - 1);
            for (int i = 0; i < nx; i++) {
                out[j][i] = surface.valueOrNaN(xMin + (xMax - xMin) * i / (nx - 1), y);
            }
        }
        return out;
    }
}
