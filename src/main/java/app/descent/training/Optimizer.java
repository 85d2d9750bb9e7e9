package app.descent.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import app.descent.catalog.Optimizers;
import java.util.HashMap;
import java.util.Map;

/**
 * The DJL counterpart of each optimizer of the registry ({@link Optimizers}), keyed by its id: torch.optim's
 * single-tensor update on DJL arrays. DJL's PyTorch engine runs only its fused SGD and Adam, so all of them live here,
 * used by training and by the optimizer paths alike. Updates are in place; temporaries are freed at the end of each
 * update. A test keeps every registry entry paired with an update here.
 */
public final class Optimizer {
    private final OptimizerSpec spec;
    private final Rule rule;
    private final Map<Object, State> states = new HashMap<>();

    private static final class State {
        NDArray first;
        NDArray second;
        int step;
        /** NAdam's product of momentum coefficients, float32 as in torch. */
        float product = 1f;
        /** Adam's moments and the weight and gradient as read, for the one-pass update ({@link #onePassAdam}). */
        float[] m;
        float[] v;
        float[] w;
        float[] g;
        /** The weight whose memory {@code view} is, and the view. */
        NDArray viewed;
        java.nio.FloatBuffer view;
    }

    /** One optimizer's update of {@code w} for the gradient {@code g} (weight decay already added when coupled). */
    @FunctionalInterface
    private interface Update {
        void apply(Optimizer o, State s, NDArray w, NDArray g);
    }

    /** What an update keeps per parameter, whether it adds weight decay to the gradient, and the update. */
    private record Rule(boolean first, boolean second, boolean coupledDecay, Update update) {
    }

    /** The DJL update of every registry id. */
    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("sgd", new Rule(false, false, true, Optimizer::sgd)),
            Map.entry("momentum", new Rule(false, false, true, Optimizer::sgd)),
            Map.entry("nesterov", new Rule(false, false, true, Optimizer::sgd)),
            Map.entry("rmsprop", new Rule(false, true, true, Optimizer::rmsprop)),
            Map.entry("adagrad", new Rule(false, true, true, Optimizer::adagrad)),
            Map.entry("adam", new Rule(true, true, true, Optimizer::adam)),
            Map.entry("adamw", new Rule(true, true, false, Optimizer::adam)),
            Map.entry("nadam", new Rule(true, true, true, Optimizer::nadam)),
            Map.entry("radam", new Rule(true, true, true, Optimizer::radam)),
            Map.entry("adamax", new Rule(true, true, true, Optimizer::adamax)));

    private double lr;
    /** Adam in one pass (default), or op by op (tests check both against torch). */
    static volatile boolean FUSED = !Boolean.getBoolean("descent.unfusedAdam");

    private final boolean fused;

    public Optimizer(OptimizerSpec spec) {
        this(spec, FUSED);
    }

    /**
     * {@code fused = false} keeps Adam op by op on DJL arrays, the form the optimizer paths use and the one a GPU
     * gets; {@code true} updates Adam and AdamW of float32 weights on the CPU in one pass ({@link #onePassAdam}).
     */
    Optimizer(OptimizerSpec spec, boolean fused) {
        this.spec = spec;
        this.rule = RULES.get(spec.name());
        if (rule == null) {
            throw new IllegalStateException("the registry's optimizer '" + spec.name() + "' has no DJL update");
        }
        this.lr = spec.lr();
        this.fused = fused;
    }

    private boolean onePass(NDArray weight) {
        return fused && (spec.name().equals("adam") || spec.name().equals("adamw"))
                && (spec.weightDecay() == 0 || !rule.coupledDecay())
                && weight.getDevice().getDeviceType().equals(ai.djl.Device.Type.CPU)
                && weight.getDataType() == ai.djl.ndarray.types.DataType.FLOAT32;
    }

    public OptimizerSpec spec() {
        return spec;
    }

    /** Changes the learning rate from the next update on (schedules), keeping every moment. */
    public void learningRate(double value) {
        lr = value;
    }

    private double h(Optimizers.Hyperparameter p) {
        return spec.get(p.id());
    }

    /**
     * One step for one parameter: {@code weight} changes in place. {@code key} identifies the parameter across
     * steps (its moments live with it, in the weight's manager).
     */
    public void update(Object key, NDArray weight, NDArray grad) {
        LibTorch.gradModeOff();
        State s = states.computeIfAbsent(key, k -> new State());
        s.step++;
        if (onePass(weight)) {
            onePassAdam(s, weight, grad);
            return;
        }
        // moments live with the weight; zeros make the first momentum step buf = g, as in PyTorch
        if (s.first == null && (rule.first() || spec.momentum() > 0)) {
            s.first = weight.zerosLike();
        }
        if (s.second == null && rule.second()) {
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
            if (spec.weightDecay() > 0 && rule.coupledDecay()) {
                g = g.add(weight.mul(spec.weightDecay()));
            }
            rule.update().apply(this, s, weight, g);
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
        double a = h(Optimizers.ALPHA);
        s.second.muli(a).addi(g.square().mul(1 - a));
        w.subi(g.div(s.second.sqrt().add(h(Optimizers.EPS))).mul(lr));
    }

    private void adagrad(State s, NDArray w, NDArray g) {
        s.second.addi(g.square());
        w.subi(g.div(s.second.sqrt().add(h(Optimizers.EPS))).mul(lr));
    }

    /** Both moments as Adam keeps them. */
    private void moments(State s, NDArray g) {
        double b1 = h(Optimizers.BETA1);
        double b2 = h(Optimizers.BETA2);
        s.first.muli(b1).addi(g.mul(1 - b1));
        s.second.muli(b2).addi(g.square().mul(1 - b2));
    }

    private void adam(State s, NDArray w, NDArray g) {
        if (!rule.coupledDecay()) {
            w.muli(1 - lr * spec.weightDecay());
        }
        moments(s, g);
        double bias1 = 1 - Math.pow(h(Optimizers.BETA1), s.step);
        double bias2 = 1 - Math.pow(h(Optimizers.BETA2), s.step);
        NDArray denom = s.second.sqrt().div(Math.sqrt(bias2)).add(h(Optimizers.EPS));
        w.subi(s.first.div(denom).mul(lr / bias1));
    }

    /**
     * torch.optim's single-tensor Adam and AdamW in one pass over float32 memory: the weight and the gradient are
     * read from libtorch's memory in bulk, the moments live here, and every element takes torch's operations in
     * torch's order, each rounded to float32 as there (scalars computed in double and rounded once, as Python
     * hands them to the kernels): for AdamW w·(1 − lr·λ) first, then m = m·β₁ + (1 − β₁)·g, v = v·β₂ + (1 − β₂)·g·g,
     * w = w − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε). libtorch's op-by-op form makes seven passes and four
     * temporaries of the weight's size, DJL's fused kernel eleven and five, each op a JNI crossing and a dispatch:
     * for the bench's MLP this loop is a fraction of either (docs/performance.md). The gradient is left as it was.
     */
    private void onePassAdam(State s, NDArray weight, NDArray grad) {
        int n = Math.toIntExact(weight.size());
        if (s.m == null) {
            s.m = new float[n];
            s.v = new float[n];
            s.w = new float[n];
            s.g = new float[n];
        }
        if (s.viewed != weight) {
            s.view = LibTorch.floats(weight);
            s.viewed = weight;
        }
        LibTorch.floats(grad).get(0, s.g);
        s.view.get(0, s.w);
        double b1 = h(Optimizers.BETA1);
        double b2 = h(Optimizers.BETA2);
        double bias1 = 1 - Math.pow(b1, s.step);
        double bias2 = 1 - Math.pow(b2, s.step);
        float decay = (float) (1 - lr * (rule.coupledDecay() ? 0 : spec.weightDecay()));
        step(s.w, s.g, s.m, s.v, n, (float) b1, (float) (1 - b1), (float) b2, (float) (1 - b2), decay,
                (float) Math.sqrt(bias2), (float) h(Optimizers.EPS), (float) -(lr / bias1));
        s.view.put(0, s.w);
    }

    /** The loop of {@link #onePassAdam}, on arrays so that the JIT vectorizes it. */
    private static void step(float[] w, float[] g, float[] m, float[] v, int n, float beta1, float oneMinusBeta1,
                             float beta2, float oneMinusBeta2, float decay, float bias2Sqrt, float eps, float minusStep) {
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = m[i] * beta1 + oneMinusBeta1 * gi;
            float vi = v[i] * beta2 + oneMinusBeta2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            float denom = (float) Math.sqrt(vi) / bias2Sqrt + eps;
            w[i] = w[i] * decay + minusStep * (mi / denom);
        }
    }

    /** torch 1.13's NAdam (see {@link Optimizers.NAdam}): the product of μ in float32, μₜ counted twice ahead. */
    private void nadam(State s, NDArray w, NDArray g) {
        double b1 = h(Optimizers.BETA1);
        double psi = h(Optimizers.MOMENTUM_DECAY);
        double bias2 = 1 - Math.pow(h(Optimizers.BETA2), s.step);
        double mu = b1 * (1 - 0.5 * Math.pow(0.96, s.step * psi));
        double muNext = b1 * (1 - 0.5 * Math.pow(0.96, (s.step + 1) * psi));
        s.product = s.product * (float) mu;
        float productNext = s.product * (float) mu * (float) muNext;
        moments(s, g);
        NDArray denom = s.second.div(bias2).sqrt().add(h(Optimizers.EPS));
        w.addi(g.div(denom).mul(-lr * (1 - mu) / (1 - s.product)));
        w.addi(s.first.div(denom).mul(-lr * muNext / (1 - productNext)));
    }

    private void radam(State s, NDArray w, NDArray g) {
        double b1 = h(Optimizers.BETA1);
        double b2 = h(Optimizers.BETA2);
        moments(s, g);
        double bias1 = 1 - Math.pow(b1, s.step);
        double bias2 = 1 - Math.pow(b2, s.step);
        double rhoInf = 2 / (1 - b2) - 1;
        double rho = rhoInf - 2 * s.step * Math.pow(b2, s.step) / bias2;
        NDArray m = s.first.div(bias1);
        if (rho > 5) {
            double rect = Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
            w.subi(m.mul(lr * Math.sqrt(bias2) * rect).div(s.second.sqrt().add(h(Optimizers.EPS))));
        } else {
            w.subi(m.mul(lr));
        }
    }

    private void adamax(State s, NDArray w, NDArray g) {
        double b1 = h(Optimizers.BETA1);
        s.first.muli(b1).addi(g.mul(1 - b1));
        s.second.muli(h(Optimizers.BETA2));
        s.second.maximum(g.abs().add(h(Optimizers.EPS))).copyTo(s.second);
        w.subi(s.first.div(s.second).mul(lr / (1 - Math.pow(b1, s.step))));
    }
}
