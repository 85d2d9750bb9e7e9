package app.descent.training;

import java.util.List;
import java.util.Locale;

/**
 * An optimizer by name with PyTorch's hyperparameters and defaults. {@code momentum} is SGD with momentum 0.9,
 * {@code nesterov} the same with Nesterov's look-ahead; {@code adamw} decays weights by 0.01 unless told otherwise.
 */
public record OptimizerSpec(String name, double lr, double momentum, double beta1, double beta2, double alpha,
                            double eps, double weightDecay) {

    public static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "rmsprop", "adagrad", "adam", "adamw");

    public OptimizerSpec {
        check("learning rate", lr, lr > 0);
        check("momentum", momentum, momentum >= 0 && momentum < 1);
        check("beta1", beta1, beta1 >= 0 && beta1 < 1);
        check("beta2", beta2, beta2 >= 0 && beta2 < 1);
        check("alpha", alpha, alpha >= 0 && alpha < 1);
        check("eps", eps, eps > 0);
        check("weight decay", weightDecay, weightDecay >= 0);
        if (name.equals("nesterov") && momentum == 0) {
            // as torch.optim.SGD: the look-ahead needs a velocity to look ahead along
            throw new TrainingException("nesterov needs a momentum above 0");
        }
    }

    private static void check(String what, double value, boolean ok) {
        if (!ok || !Double.isFinite(value)) {
            throw new TrainingException(what + " " + value + " is out of range");
        }
    }

    /** PyTorch's defaults for {@code name} with learning rate {@code lr}. */
    public static OptimizerSpec of(String name, double lr) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "sgd" -> new OptimizerSpec(n, lr, 0, 0.9, 0.999, 0.99, 1e-8, 0);
            case "momentum", "nesterov" -> new OptimizerSpec(n, lr, 0.9, 0.9, 0.999, 0.99, 1e-8, 0);
            case "rmsprop" -> new OptimizerSpec(n, lr, 0, 0.9, 0.999, 0.99, 1e-8, 0);
            case "adagrad" -> new OptimizerSpec(n, lr, 0, 0.9, 0.999, 0.99, 1e-10, 0);
            case "adam" -> new OptimizerSpec(n, lr, 0, 0.9, 0.999, 0.99, 1e-8, 0);
            case "adamw" -> new OptimizerSpec(n, lr, 0, 0.9, 0.999, 0.99, 1e-8, 0.01);
            default -> throw new TrainingException("unknown optimizer '" + name + "'; choose one of "
                    + String.join(", ", NAMES));
        };
    }

    /** The learning rate Descent starts an optimizer with when none is given: 1e-3 for the adaptive ones, else 0.01. */
    public static double defaultLr(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return n.equals("adam") || n.equals("adamw") || n.equals("rmsprop") ? 1e-3 : 0.01;
    }

    public OptimizerSpec withLr(double value) {
        return new OptimizerSpec(name, value, momentum, beta1, beta2, alpha, eps, weightDecay);
    }

    public OptimizerSpec withMomentum(double value) {
        return new OptimizerSpec(name, lr, value, beta1, beta2, alpha, eps, weightDecay);
    }

    public OptimizerSpec withBetas(double b1, double b2) {
        return new OptimizerSpec(name, lr, momentum, b1, b2, alpha, eps, weightDecay);
    }

    public OptimizerSpec withAlpha(double value) {
        return new OptimizerSpec(name, lr, momentum, beta1, beta2, value, eps, weightDecay);
    }

    public OptimizerSpec withEps(double value) {
        return new OptimizerSpec(name, lr, momentum, beta1, beta2, alpha, value, weightDecay);
    }

    public OptimizerSpec withWeightDecay(double value) {
        return new OptimizerSpec(name, lr, momentum, beta1, beta2, alpha, eps, value);
    }
}
