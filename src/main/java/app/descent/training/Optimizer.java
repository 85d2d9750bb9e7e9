package app.descent.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;

/**
 * PyTorch's update rules (torch.optim, single-tensor path) on DJL arrays, for every optimizer Descent offers.
 * DJL's PyTorch engine runs only its fused SGD and Adam, so all of them live here, in one place, used by training
 * and by the optimizer paths alike. Updates are in place; temporaries are freed at the end of each update.
 */
public final class Optimizer {
    private final OptimizerSpec spec;
    private final Map<Object, State> states = new HashMap<>();

    private static final class State {
        NDArray first;
        NDArray second;
        int step;
    }

    private double lr;
    /** Adam through libtorch's fused kernel (default), or op by op (tests check both against torch). */
    static volatile boolean FUSED = !Boolean.getBoolean("descent.unfusedAdam");

    private final boolean fused;

    public Optimizer(OptimizerSpec spec) {
        this(spec, FUSED);
    }

    /**
     * {@code fused = false} keeps Adam op by op: the fused kernel takes β₂ as a float, so its 1 − β₂ is off by about
     * 1e-5 of itself and each step by about 6e-6 of its size. Harmless in training, visible on a 2-D path with a
     * large learning rate, which must follow torch.optim point by point.
     */
    Optimizer(OptimizerSpec spec, boolean fused) {
        this.spec = spec;
        this.lr = spec.lr();
        this.fused = fused;
    }

    /** Whether {@link #update} leaves the gradient at zero itself: libtorch's fused Adam kernel does, via DJL. */
    public boolean zeroesGradients() {
        return fused && spec.name().startsWith("adam");
    }

    public OptimizerSpec spec() {
        return spec;
    }

    /** Changes the learning rate from the next update on (schedules), keeping every moment. */
    public void learningRate(double value) {
        lr = value;
    }

    /**
     * One step for one parameter: {@code weight} changes in place. {@code key} identifies the parameter across
     * steps (its moments live with it, in the weight's manager).
     */
    public void update(Object key, NDArray weight, NDArray grad) {
        GradMode.off();
        State s = states.computeIfAbsent(key, k -> new State());
        s.step++;
        // moments live with the weight; zeros make the first momentum step buf = g, as in PyTorch
        if (s.first == null && (spec.momentum() > 0 || spec.name().startsWith("adam"))) {
            s.first = weight.zerosLike();
        }
        if (s.second == null && !spec.name().equals("sgd") && !spec.name().equals("momentum")
                && !spec.name().equals("nesterov")) {
            s.second = weight.zerosLike();
        }
        try (NDManager tmp = NDManager.subManagerOf(weight)) {
            tmp.tempAttachAll(weight, grad);
            if (s.first != null) {
                tmp.tempAttachAll(s.first);
            }
            if (s.second != null) {
                tmp.tempAttachAll(s.second);
            }
            NDArray g = grad;
            if (spec.weightDecay() > 0 && !spec.name().equals("adamw")) {
                g = g.add(weight.mul(spec.weightDecay()));
            }
            switch (spec.name()) {
                case "sgd", "momentum", "nesterov" -> sgd(s, weight, g);
                case "rmsprop" -> rmsprop(s, weight, g);
                case "adagrad" -> adagrad(s, weight, g);
                case "adam", "adamw" -> adam(s, weight, g);
                default -> throw new IllegalStateException(spec.name());
            }
        }
    }

    private void sgd(State s, NDArray w, NDArray g) {
        double m = spec.momentum();
        NDArray d = g;
        if (m > 0) {
            s.first.muli(m).addi(g);
            d = spec.name().equals("nesterov") ? g.add(s.first.mul(m)) : s.first;
        }
        w.subi(d.mul(lr));
    }

    private void rmsprop(State s, NDArray w, NDArray g) {
        double a = spec.alpha();
        s.second.muli(a).addi(g.square().mul(1 - a));
        w.subi(g.div(s.second.sqrt().add(spec.eps())).mul(lr));
    }

    private void adagrad(State s, NDArray w, NDArray g) {
        s.second.addi(g.square());
        w.subi(g.div(s.second.sqrt().add(spec.eps())).mul(lr));
    }

    private void adam(State s, NDArray w, NDArray g) {
        if (fused) {
            fusedAdam(s, w, g);
            return;
        }
        if (spec.name().equals("adamw")) {
            w.muli(1 - lr * spec.weightDecay());
        }
        double b1 = spec.beta1();
        double b2 = spec.beta2();
        s.first.muli(b1).addi(g.mul(1 - b1));
        s.second.muli(b2).addi(g.square().mul(1 - b2));
        double bias1 = 1 - Math.pow(b1, s.step);
        double bias2 = 1 - Math.pow(b2, s.step);
        NDArray denom = s.second.sqrt().div(Math.sqrt(bias2)).add(spec.eps());
        w.subi(s.first.div(denom).mul(lr / bias1));
    }

    /**
     * The same update through libtorch's fused kernel (one call instead of a dozen): DJL's kernel divides by
     * √v + ε and takes the bias corrections in the step size, so ε is scaled by √(1 − β₂ᵗ) to give PyTorch's
     * m̂ / (√v̂ + ε) exactly.
     */
    private void fusedAdam(State s, NDArray w, NDArray g) {
        double bias1 = 1 - Math.pow(spec.beta1(), s.step);
        double bias2 = 1 - Math.pow(spec.beta2(), s.step);
        boolean decoupled = spec.name().equals("adamw");
        if (decoupled && spec.weightDecay() > 0) {
            w.muli(1 - lr * spec.weightDecay());
        }
        w.getNDArrayInternal().adamUpdate(new ai.djl.ndarray.NDList(w, g, s.first, s.second),
                new ai.djl.ndarray.NDList(w), (float) lr, (float) (lr * Math.sqrt(bias2) / bias1), 0f, 1f, Float.MAX_VALUE,
                (float) spec.beta1(), (float) spec.beta2(), (float) (spec.eps() * Math.sqrt(bias2)), false, false);
    }
}
