package app.descent.training;

import app.descent.UserInputException;
import app.descent.catalog.Optimizers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer of the registry ({@link Optimizers}) with its learning rate and a value for each of its
 * hyperparameters (PyTorch's defaults unless changed). A hyperparameter the optimizer does not have is an error.
 */
public record OptimizerSpec(String name, double lr, Map<String, Double> hyperparameters) {

    /** The optimizers' ids, in menu order (the registry's). */
    public static final List<String> NAMES = Optimizers.IDS;

    public OptimizerSpec {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new TrainingException("learning rate " + lr + " is out of range");
        }
        Optimizers.Optimizer o = optimizer(name);
        name = o.id();
        hyperparameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        if (!hyperparameters.keySet().equals(o.defaults().keySet())) {
            throw new TrainingException(name + " takes " + String.join(", ", o.defaults().keySet()) + ", not "
                    + String.join(", ", hyperparameters.keySet()));
        }
        try {
            o.check(hyperparameters);
        } catch (UserInputException e) {
            throw new TrainingException(e.getMessage());
        }
    }

    private static Optimizers.Optimizer optimizer(String name) {
        try {
            return Optimizers.get(name);
        } catch (UserInputException e) {
            throw new TrainingException(e.getMessage());
        }
    }

    /** PyTorch's defaults for {@code name} with learning rate {@code lr}. */
    public static OptimizerSpec of(String name, double lr) {
        return new OptimizerSpec(name, lr, optimizer(name).defaults());
    }

    /** The learning rate Descent starts an optimizer with when none is given (the registry's). */
    public static double defaultLr(String name) {
        return optimizer(name).defaultLr();
    }

    /** The registry's entry. */
    public Optimizers.Optimizer optimizer() {
        return Optimizers.get(name);
    }

    public boolean has(String hyperparameter) {
        return hyperparameters.containsKey(hyperparameter);
    }

    /** A hyperparameter's value; one the optimizer does not have is an error. */
    public double get(String hyperparameter) {
        Double v = hyperparameters.get(hyperparameter);
        if (v == null) {
            throw new TrainingException(name + " has no " + hyperparameter + "; it takes "
                    + String.join(", ", hyperparameters.keySet()));
        }
        return v;
    }

    /** The momentum, 0 for an optimizer without one. */
    public double momentum() {
        return hyperparameters.getOrDefault(Optimizers.MOMENTUM.id(), 0.0);
    }

    public double weightDecay() {
        return get(Optimizers.WEIGHT_DECAY.id());
    }

    public OptimizerSpec withLr(double value) {
        return new OptimizerSpec(name, value, hyperparameters);
    }

    /** The same with one hyperparameter changed; one the optimizer does not have is an error. */
    public OptimizerSpec with(String hyperparameter, double value) {
        get(hyperparameter);
        Map<String, Double> h = new LinkedHashMap<>(hyperparameters);
        h.put(hyperparameter, value);
        return new OptimizerSpec(name, lr, h);
    }

    public OptimizerSpec withMomentum(double value) {
        return with(Optimizers.MOMENTUM.id(), value);
    }

    public OptimizerSpec withWeightDecay(double value) {
        return with(Optimizers.WEIGHT_DECAY.id(), value);
    }
}
