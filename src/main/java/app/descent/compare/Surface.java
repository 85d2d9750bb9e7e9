package app.descent.compare;

import app.descent.UserInputException;
import app.descent.catalog.Optimizers;
import app.descent.graph.Formula;
import java.util.List;
import java.util.Map;

/**
 * A loss surface f(x, y) written in the Backprop expression language, parsed once. Where f is undefined (log of a
 * negative number, division by zero, overflow) value and gradient raise the graph's {@link
 * app.descent.graph.ExpressionException} naming the part that failed.
 */
public final class Surface {
    private static final List<String> XY = List.of("x", "y");

    private final String expression;
    private final Formula formula;
    private final Formula float32;

    private Surface(String expression, Formula formula) {
        this.expression = expression;
        this.formula = formula;
        this.float32 = formula.float32();
    }

    /** A function of x and y (one of them may be missing); any other name is a mistake at its column. */
    public static Surface parse(String expression) {
        return new Surface(expression, Formula.parse(expression, XY));
    }

    public String expression() {
        return expression;
    }

    public double value(double x, double y) {
        return formula.value(x, y);
    }

    /** The value, or NaN where f is undefined. */
    public double valueOrNaN(double x, double y) {
        return formula.valueOrNaN(x, y);
    }

    /** {∂f/∂x, ∂f/∂y}. */
    public double[] gradient(double x, double y) {
        return formula.gradient(x, y);
    }

    /**
     * The gradient as autograd computes it for {@code torch.tensor([x, y])} in float32, every operation rounded to
     * float32: what the optimizer paths step with, so that they follow torch.optim where float32 loses digits.
     */
    public double[] float32Gradient(double x, double y) {
        return float32.gradient(x, y);
    }

    /**
     * A surface of the course with the window to draw it in, the start of the race, what it teaches, how many steps
     * show it, and a learning rate per optimizer that makes the point (see {@link #lr(String)}).
     */
    public record Preset(String id, String title, String expression, double xMin, double xMax, double yMin,
                         double yMax, double startX, double startY, String lesson, Map<String, Double> learningRates,
                         int steps) {
        public Preset {
            learningRates = Map.copyOf(learningRates);
        }

        /**
         * The suggested learning rate for an optimizer of the registry by id: the preset's rate for the family it
         * takes after ({@link Optimizers.Optimizer#pathsLike()}); an unknown optimizer is an error.
         */
        public double lr(String optimizer) {
            String family = Optimizers.get(optimizer).pathsLike();
            Double rate = learningRates.get(family);
            if (rate == null) {
                throw new UserInputException("the preset " + id + " has no learning rate for " + family);
            }
            return rate;
        }

        public Surface surface() {
            return Surface.parse(expression);
        }
    }

    /** A preset's learning rates by the families of {@link Optimizers.Optimizer#pathsLike()}. */
    private static Map<String, Double> rates(double sgd, double momentum, double rmsprop, double adagrad, double adam) {
        Map<String, Double> rates = Map.of("sgd", sgd, "momentum", momentum, "rmsprop", rmsprop, "adagrad", adagrad,
                "adam", adam);
        for (Optimizers.Optimizer o : Optimizers.ALL) {
            if (!rates.containsKey(o.pathsLike())) {
                throw new IllegalStateException(o.id() + " takes after " + o.pathsLike() + ", which has no rate");
            }
        }
        return rates;
    }

    public static final List<Preset> PRESETS = List.of(
            new Preset("valley", "Pathological curvature", "tanh(x)**2 + 0.01*abs(x) + sigmoid(y)",
                    -5, 5, -15, 6, 5, 5,
                    "A steep ravine along y with a gentle slope down it: plain SGD crawls on the flat rim, momentum "
                            + "and Adam run down the valley floor.",
                    rates(10, 1, 0.1, 1, 1), 100),
            new Preset("steep-optimum", "Steep optimum",
                    "-(exp(-((x-1)**2+(y+0.5)**2)/0.08) + exp(-((x+1)**2+(y-0.5)**2)/0.08)"
                            + " + exp(-((x+0.5)**2+(y+0.8)**2)/0.08))/(2*3.14159265*0.04)",
                    -2, 2, -2, 2, 0, 0,
                    "Three narrow wells on a flat plain: the gradient there is almost zero, so SGD hardly moves while "
                            + "Adam, which scales each step by the gradient's size, walks into a well.",
                    rates(0.5, 0.05, 0.01, 0.1, 0.01), 100),
            new Preset("rosenbrock", "Rosenbrock", "(1-x)**2 + 100*(y-x**2)**2", -2, 2, -1, 3, -1.5, 2,
                    "A curved, flat-bottomed valley: finding it takes a few steps, following it to the minimum at (1, 1) "
                            + "takes hundreds, and momentum carries furthest along the floor.",
                    rates(1e-3, 1e-3, 1e-2, 0.5, 0.05), 300),
            new Preset("saddle", "Saddle point", "x**2 - y**2", -1.5, 1.5, -3, 3, 1, 0.001,
                    "Near a saddle the gradient vanishes: SGD lingers on the ridge for many steps, while momentum and "
                            + "Adam leave it along the descending direction y.",
                    rates(0.05, 0.02, 0.01, 0.1, 0.05), 50),
            new Preset("bumpy-bowl", "Bowl with bumps", "x**2 + y**2 + 0.3*sin(8*x)*sin(8*y)", -2, 2, -2, 2, 1.4, 1.1,
                    "A bowl covered in small dips, as noise makes a loss: SGD settles in the first dip it meets, "
                            + "momentum rolls over the bumps to the bottom.",
                    rates(0.05, 0.05, 0.02, 0.3, 0.05), 100));

    /** The preset with that id, or an exception naming the ids there are. */
    public static Preset preset(String id) {
        return PRESETS.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
                new UserInputException("no surface preset '" + id + "'; choose one of "
                        + String.join(", ", PRESETS.stream().map(Preset::id).toList())));
    }
}
