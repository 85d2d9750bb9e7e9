package app.descent.catalog;

import app.descent.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every optimizer Descent offers, one class each: its id, its PyTorch name, its hyperparameters with PyTorch's
 * defaults, the learning rate Descent starts it with, its update rule on plain doubles (torch.optim 1.13's
 * single-tensor rule) and the learning rates of the surface presets it takes after. The DJL update that training runs
 * lives in {@code training.Optimizer}, keyed by {@link Optimizer#id()}; a test keeps the two in step.
 *
 * <p>To add an optimizer: write its class here and add it to {@link #ALL}, then its DJL update in training.
 */
public final class Optimizers {

    /**
     * A hyperparameter: its id, command-line option (two share {@code --betas}), symbol, valid range, meaning and
     * how PyTorch writes it.
     */
    public record Hyperparameter(String id, String option, int part, String symbol, double min, boolean minIncluded,
                                 double max, boolean maxIncluded, String help, String pytorch) {

        /** One sentence for a tooltip: what it does and its PyTorch name. */
        public String description() {
            String what = help.startsWith(id + ":") ? help.substring(id.length() + 1).strip() : help;
            String name = Character.toUpperCase(label().charAt(0)) + label().substring(1)
                    + (symbol.equals(label()) || symbol.equals(id) ? "" : " (" + symbol + ")");
            return name + ": " + what
                    + ". PyTorch: " + pytorch;
        }

        /** Whether {@code value} is in range (and finite). */
        public boolean accepts(double value) {
            return Double.isFinite(value) && (minIncluded ? value >= min : value > min)
                    && (maxIncluded ? value <= max : value < max);
        }

        /** How messages name it: weightDecay is "weight decay". */
        public String label() {
            return id.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
        }

        /** The range as a reader writes it, e.g. [0, 1). */
        public String range() {
            return (minIncluded ? "[" : "(") + fmt(min) + ", " + (Double.isInfinite(max) ? "∞" : fmt(max))
                    + (maxIncluded ? "]" : ")");
        }
    }

    public static final Hyperparameter MOMENTUM = new Hyperparameter("momentum", "momentum", 0, "momentum", 0, true, 1,
            false, "momentum: the velocity's decay", "momentum in torch.optim.SGD(params, lr, momentum=0.9)");
    public static final Hyperparameter BETA1 = new Hyperparameter("beta1", "betas", 0, "β1", 0, true, 1, false,
            "decay of the first moment", "betas[0] in torch.optim.Adam(params, betas=(0.9, 0.999))");
    public static final Hyperparameter BETA2 = new Hyperparameter("beta2", "betas", 1, "β2", 0, true, 1, false,
            "decay of the second moment", "betas[1] in torch.optim.Adam(params, betas=(0.9, 0.999))");
    public static final Hyperparameter ALPHA = new Hyperparameter("alpha", "alpha", 0, "α", 0, true, 1, false,
            "smoothing constant of the squared gradients", "alpha in torch.optim.RMSprop(params, alpha=0.99)");
    public static final Hyperparameter EPS = new Hyperparameter("eps", "eps", 0, "ε", 0, false,
            Double.POSITIVE_INFINITY, false, "added to the denominator", "eps in torch.optim.Adam(params, eps=1e-8)");
    public static final Hyperparameter WEIGHT_DECAY = new Hyperparameter("weightDecay", "weight-decay", 0,
            "weight decay", 0, true, Double.POSITIVE_INFINITY, false,
            "L2 penalty added to the gradient (adamw decays the weights themselves)",
            "weight_decay in torch.optim.AdamW(params, weight_decay=0.01)");
    public static final Hyperparameter MOMENTUM_DECAY = new Hyperparameter("momentumDecay", "momentum-decay", 0,
            "ψ", 0, true, Double.POSITIVE_INFINITY, false, "NAdam's momentum decay ψ",
            "momentum_decay in torch.optim.NAdam(params, momentum_decay=4e-3)");

    /** The moments of one parameter (of n numbers) across steps. */
    public static final class State {
        public final double[] first;
        public final double[] second;
        public int step;
        /** NAdam's product of momentum coefficients, kept in float32 as torch keeps it. */
        public float product = 1f;

        public State(int n) {
            first = new double[n];
            second = new double[n];
        }
    }

    /** One optimizer. */
    public abstract static class Optimizer {
        private final String id;
        private final String torchName;
        private final double defaultLr;
        private final String pathsLike;
        private final Map<String, Double> defaults = new LinkedHashMap<>();
        private final List<Hyperparameter> hyperparameters = new ArrayList<>();

        /**
         * {@code pathsLike}: the optimizer whose learning rate a surface preset gives this one (presets name five
         * families: sgd, momentum, rmsprop, adagrad, adam).
         */
        Optimizer(String id, String torchName, double defaultLr, String pathsLike) {
            this.id = id;
            this.torchName = torchName;
            this.defaultLr = defaultLr;
            this.pathsLike = pathsLike;
        }

        Optimizer with(Hyperparameter h, double defaultValue) {
            hyperparameters.add(h);
            defaults.put(h.id(), defaultValue);
            return this;
        }

        public String id() {
            return id;
        }

        /** How PyTorch writes it, e.g. {@code torch.optim.SGD(momentum=0.9)}. */
        public String torchName() {
            return torchName;
        }

        /** The learning rate Descent starts it with when none is given. */
        public double defaultLr() {
            return defaultLr;
        }

        /** The family a surface preset's learning rate is given for: sgd, momentum, rmsprop, adagrad or adam. */
        public String pathsLike() {
            return pathsLike;
        }

        public List<Hyperparameter> hyperparameters() {
            return List.copyOf(hyperparameters);
        }

        /** PyTorch's defaults by hyperparameter id, in the order of {@link #hyperparameters()}. */
        public Map<String, Double> defaults() {
            return java.util.Collections.unmodifiableMap(defaults);
        }

        /**
         * One sentence for a tooltip, e.g. "adam: torch.optim.Adam, started at lr 0.001, with β1, β2, ε and weight
         * decay. PyTorch: torch.optim.Adam".
         */
        public String description() {
            List<String> names = hyperparameters.stream()
                    .map(h -> h.symbol().equals(h.label()) || h.symbol().equals(h.id()) ? h.label() : h.symbol()).toList();
            String with = names.isEmpty() ? "" : names.size() == 1 ? ", with " + names.get(0)
                    : ", with " + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
            String cls = torchName.contains("(") ? torchName.substring(0, torchName.indexOf('(')) : torchName;
            return id + ": the update rule of " + cls + ", started at lr " + fmt(defaultLr) + with + ". PyTorch: "
                    + torchName;
        }

        public boolean has(String hyperparameter) {
            return defaults.containsKey(hyperparameter);
        }

        /** Checks a full set of values; throws naming the one out of range. */
        public void check(Map<String, Double> values) {
            for (Hyperparameter h : hyperparameters) {
                Double v = values.get(h.id());
                if (v == null || !h.accepts(v)) {
                    throw new UserInputException(id + ": " + h.label() + " " + v + " is out of range " + h.range());
                }
            }
        }

        /**
         * One step of torch.optim's rule on {@code w} in place, for the gradient {@code g} (weight decay not yet
         * added), with the hyperparameters {@code h} (every one of {@link #hyperparameters()}).
         */
        public void step(double[] w, double[] g, State s, Map<String, Double> h, double lr) {
            s.step++;
            double wd = h.get(WEIGHT_DECAY.id());
            double[] grad = g.clone();
            if (wd != 0 && couplesWeightDecay()) {
                for (int i = 0; i < w.length; i++) {
                    grad[i] += wd * w[i];
                }
            }
            update(w, grad, s, h, lr);
        }

        /** Whether weight decay is added to the gradient (all but AdamW, which decays the weights). */
        boolean couplesWeightDecay() {
            return true;
        }

        abstract void update(double[] w, double[] g, State s, Map<String, Double> h, double lr);

        @Override
        public String toString() {
            return id;
        }
    }

    // ------------------------------------------------------------------------------------------------ the optimizers

    /** torch.optim.SGD, with heavy-ball momentum when momentum > 0. */
    public static class Sgd extends Optimizer {
        Sgd() {
            this("sgd", "torch.optim.SGD", 0.0);
        }

        Sgd(String id, String torchName, double momentum) {
            super(id, torchName, 0.01, momentum > 0 ? "momentum" : "sgd");
            with(MOMENTUM, momentum).with(WEIGHT_DECAY, 0);
        }

        boolean nesterov() {
            return false;
        }

        @Override
        void update(double[] w, double[] g, State s, Map<String, Double> h, double lr) {
            double m = h.get(MOMENTUM.id());
            for (int i = 0; i < w.length; i++) {
                double d = g[i];
                if (m > 0) {
                    s.first[i] = m * s.first[i] + g[i];
                    d = nesterov() ? g[i] + m * s.first[i] : s.first[i];
                }
                w[i] -= lr * d;
            }
        }
    }

    /** SGD with momentum 0.9. */
    public static final class Momentum extends Sgd {
        Momentum() {
            super("momentum", "torch.optim.SGD(momentum=0.9)", 0.9);
        }
    }

    /** SGD with Nesterov's look-ahead; needs a momentum above 0, as torch.optim.SGD. */
    public static final class Nesterov extends Sgd {
        Nesterov() {
            super("nesterov", "torch.optim.SGD(momentum=0.9, nesterov=True)", 0.9);
        }

        @Override
        boolean nesterov() {
            return true;
        }

        @Override
        public void check(Map<String, Double> values) {
            super.check(values);
            if (values.get(MOMENTUM.id()) == 0) {
                throw new UserInputException("nesterov needs a momentum above 0");
            }
        }
    }

    /** torch.optim.RMSprop. */
    public static final class RmsProp extends Optimizer {
        RmsProp() {
            super("rmsprop", "torch.optim.RMSprop", 1e-3, "rmsprop");
            with(ALPHA, 0.99).with(EPS, 1e-8).with(WEIGHT_DECAY, 0);
        }

        @Override
        void update(double[] w, double[] g, State s, Map<String, Double> h, double lr) {
            double a = h.get(ALPHA.id());
            for (int i = 0; i < w.length; i++) {
                s.second[i] = a * s.second[i] + (1 - a) * g[i] * g[i];
                w[i] -= lr * g[i] / (Math.sqrt(s.second[i]) + h.get(EPS.id()));
            }
        }
    }

    /** torch.optim.Adagrad. */
    public static final class Adagrad extends Optimizer {
        Adagrad() {
            super("adagrad", "torch.optim.Adagrad", 0.01, "adagrad");
            with(EPS, 1e-10).with(WEIGHT_DECAY, 0);
        }

        @Override
        void update(double[] w, double[] g, State s, Map<String, Double> h, double lr) {
            for (int i = 0; i < w.length; i++) {
                s.second[i] += g[i] * g[i];
                w[i] -= lr * g[i] / (Math.sqrt(s.second[i]) + h.get(EPS.id()));
            }
        }
    }

    /** torch.optim.Adam. */
    public static class Adam extends Optimizer {
        Adam() {
            this("adam", "torch.optim.Adam", 0.0);
        }

        Adam(String id, String torchName, double weightDecay) {
            super(id, torchName, 1e-3, "adam");
            with(BETA1, 0.9).with(BETA2, 0.999).with(EPS, 1e-8).with(WEIGHT_DECAY, weightDecay);
        }

        @Override
        void update(double[] w, double[] g, State s, Map<String, Double> h, double lr) {
            double b1 = h.get(BETA1.id());
            double b2 = h.get(BETA2.id());
            double bias1 = 1 - Math.pow(b1, s.step);
            double bias2 = 1 - Math.pow(b2, s.step);
            for (int i = 0; i < w.length; i++) {
                s.first[i] = b1 * s.first[i] + (1 - b1) * g[i];
                s.second[i] = b2 * s.second[i] + (1 - b2) * g[i] * g[i];
                w[i] -= lr / bias1 * s.first[i] / (Math.sqrt(s.second[i]) / Math.sqrt(bias2) + h.get(EPS.id()));
            }
        }
    }

    /** torch.optim.AdamW: Adam that decays the weights themselves (default 0.01). */
    public static final class AdamW extends Adam {
        AdamW() {
            super("adamw", "torch.optim.AdamW", 0.01);
        }

        @Override
        boolean couplesWeightDecay() {
            return false;
        }

        @Override
        void update(double[] w, double[] g, State s, Map<String, Double> h, double lr) {
            double decay = 1 - lr * h.get(WEIGHT_DECAY.id());
            for (int i = 0; i < w.length; i++) {
                w[i] *= decay;
            }
            super.update(w, g, s, h, lr);
        }
    }

    /**
     * torch.optim.NAdam as in torch 1.13: momentum coefficients μₜ = β1(1 − ½·0.96^(tψ)), their product kept in
     * float32; 1.13 takes the next product as ∏μ · μₜ · μₜ₊₁ (μₜ twice; torch 2.0 dropped the second).
     */
    public static final class NAdam extends Optimizer {
        NAdam() {
            super("nadam", "torch.optim.NAdam", 2e-3, "adam");
            with(BETA1, 0.9).with(BETA2, 0.999).with(EPS, 1e-8).with(WEIGHT_DECAY, 0).with(MOMENTUM_DECAY, 4e-3);
        }

        @Override
        void update(double[] w, double[] g, State s, Map<String, Double> h, double lr) {
            double b1 = h.get(BETA1.id());
            double b2 = h.get(BETA2.id());
            double psi = h.get(MOMENTUM_DECAY.id());
            double bias2 = 1 - Math.pow(b2, s.step);
            double mu = b1 * (1 - 0.5 * Math.pow(0.96, s.step * psi));
            double muNext = b1 * (1 - 0.5 * Math.pow(0.96, (s.step + 1) * psi));
            s.product = s.product * (float) mu;
            float productNext = s.product * (float) mu * (float) muNext;
            double c1 = -lr * (1 - mu) / (1 - s.product);
            double c2 = -lr * muNext / (1 - productNext);
            for (int i = 0; i < w.length; i++) {
                s.first[i] = b1 * s.first[i] + (1 - b1) * g[i];
                s.second[i] = b2 * s.second[i] + (1 - b2) * g[i] * g[i];
                double denom = Math.sqrt(s.second[i] / bias2) + h.get(EPS.id());
                w[i] += c1 * g[i] / denom + c2 * s.first[i] / denom;
            }
        }
    }

    /**
     * torch.optim.RAdam: Adam with its variance rectified, plain momentum SGD while ρₜ ≤ 5 (so its first steps take
     * a momentum-sized learning rate on the surfaces).
     */
    public static final class RAdam extends Optimizer {
        RAdam() {
            super("radam", "torch.optim.RAdam", 1e-3, "momentum");
            with(BETA1, 0.9).with(BETA2, 0.999).with(EPS, 1e-8).with(WEIGHT_DECAY, 0);
        }

        @Override
        void update(double[] w, double[] g, State s, Map<String, Double> h, double lr) {
            double b1 = h.get(BETA1.id());
            double b2 = h.get(BETA2.id());
            double bias1 = 1 - Math.pow(b1, s.step);
            double bias2 = 1 - Math.pow(b2, s.step);
            double rhoInf = 2 / (1 - b2) - 1;
            double rho = rhoInf - 2 * s.step * Math.pow(b2, s.step) / bias2;
            double rect = rho > 5 ? Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho)) : 0;
            for (int i = 0; i < w.length; i++) {
                s.first[i] = b1 * s.first[i] + (1 - b1) * g[i];
                s.second[i] = b2 * s.second[i] + (1 - b2) * g[i] * g[i];
                double m = s.first[i] / bias1;
                w[i] -= rho > 5 ? m * lr * Math.sqrt(bias2) / (Math.sqrt(s.second[i]) + h.get(EPS.id())) * rect
                        : m * lr;
            }
        }
    }

    /** torch.optim.Adamax: Adam with the infinity norm, uₜ = max(β2·uₜ₋₁, |g| + ε). */
    public static final class Adamax extends Optimizer {
        Adamax() {
            super("adamax", "torch.optim.Adamax", 2e-3, "adam");
            with(BETA1, 0.9).with(BETA2, 0.999).with(EPS, 1e-8).with(WEIGHT_DECAY, 0);
        }

        @Override
        void update(double[] w, double[] g, State s, Map<String, Double> h, double lr) {
            double b1 = h.get(BETA1.id());
            double b2 = h.get(BETA2.id());
            double clr = lr / (1 - Math.pow(b1, s.step));
            for (int i = 0; i < w.length; i++) {
                s.first[i] = b1 * s.first[i] + (1 - b1) * g[i];
                s.second[i] = Math.max(b2 * s.second[i], Math.abs(g[i]) + h.get(EPS.id()));
                w[i] -= clr * s.first[i] / s.second[i];
            }
        }
    }

    // -------------------------------------------------------------------------------------------------- the registry

    /** Every optimizer, in the order menus and tables show them. */
    public static final List<Optimizer> ALL = List.of(new Sgd(), new Momentum(), new Nesterov(), new RmsProp(),
            new Adagrad(), new Adam(), new AdamW(), new NAdam(), new RAdam(), new Adamax());

    /** The ids in menu order. */
    public static final List<String> IDS = ALL.stream().map(Optimizer::id).toList();

    /** Every hyperparameter, in the order of the paths table's columns and of the help. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(MOMENTUM, BETA1, BETA2, ALPHA, EPS,
            WEIGHT_DECAY, MOMENTUM_DECAY);

    static {
        for (Optimizer o : ALL) {
            if (!HYPERPARAMETERS.containsAll(o.hyperparameters())) {
                throw new IllegalStateException(o.id() + " has a hyperparameter missing from HYPERPARAMETERS");
            }
        }
    }

    private Optimizers() {
    }

    /** The optimizer with that id (any case, spaces around ignored); an unknown one is an error naming the ids. */
    public static Optimizer get(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(o -> o.id().equals(n)).findFirst().orElseThrow(() -> new UserInputException(
                "unknown optimizer '" + name + "'; choose one of " + String.join(", ", IDS)));
    }

    /** The hyperparameter with that id; an unknown one is an error. */
    public static Hyperparameter hyperparameter(String id) {
        return HYPERPARAMETERS.stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow(() ->
                new UserInputException("unknown hyperparameter '" + id + "'; choose one of "
                        + String.join(", ", HYPERPARAMETERS.stream().map(Hyperparameter::id).toList())));
    }

    /** The hyperparameters' option names (β1 and β2 share "betas"), as the command line and the lessons name them. */
    public static List<String> options() {
        return HYPERPARAMETERS.stream().map(Hyperparameter::option).distinct().toList();
    }

    /** How an option of several values is written: "B1,B2" for betas. */
    public static String form(String option) {
        return HYPERPARAMETERS.stream().filter(h -> h.option().equals(option))
                .map(h -> h.id().substring(0, 1).toUpperCase(Locale.ROOT) + h.id().replaceAll("\\D", ""))
                .collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * The values an option sets, as written ("0.9,0.999" for betas), by hyperparameter id; a wrong count, a word or
     * an unknown option is an error naming the option.
     */
    public static Map<String, Double> parse(String option, String text) {
        // "--betas" on the command line, "betas" in a lesson
        String name = option.startsWith("--") ? option.substring(2) : option;
        List<Hyperparameter> parts = HYPERPARAMETERS.stream().filter(h -> h.option().equals(name)).toList();
        if (parts.isEmpty()) {
            throw new UserInputException("unknown optimizer option '" + option + "'; choose one of "
                    + String.join(", ", options()));
        }
        String form = parts.size() == 1 ? "a number" : form(name);
        String[] values = String.valueOf(text).split(",", -1);
        if (values.length != parts.size()) {
            throw new UserInputException(option + " must be " + form + ", not '" + text + "'");
        }
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            try {
                out.put(parts.get(i).id(), Double.parseDouble(values[i].strip()));
            } catch (NumberFormatException e) {
                throw new UserInputException(option + " must be " + form + ": '" + values[i].strip()
                        + "' is not a number");
            }
        }
        return out;
    }

    /** The ids of the optimizers that have {@code h}, e.g. "adam, adamw" for a help text. */
    public static List<String> having(Hyperparameter h) {
        return ALL.stream().filter(o -> o.has(h.id())).map(Optimizer::id).toList();
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
