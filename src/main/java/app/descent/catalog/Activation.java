package app.descent.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * The activations registry: one constant per torch.nn activation, holding everything the program knows about it:
 * its torch class and constructor arguments (with PyTorch's defaults), value and derivative as PyTorch computes them
 * (GELU exact, not tanh-approximated; LeakyReLU slope 0.01; ELU α = 1; Softplus β = 1; Hardtanh on [−1, 1]; at a kink
 * the slope autograd gives), formula (text and LaTeX), the course's one-line lesson, where the slope peaks, the
 * points where it is not differentiable, and torch.nn.init's gain. The Builder's catalog, training (its DJL block in
 * training.TorchLayers, keyed by this constant), Backprop's gates ({@code mish(x)}), Compare's explorer, variations,
 * the initialization study, Inspect and practice all read it: adding an activation is one constant here and its DJL
 * block there.
 */
public enum Activation {
    SIGMOID("Sigmoid", "σ(x) = 1 / (1 + e^−x)", "\\sigma(x) = \\frac{1}{1 + e^{-x}}",
            "f′ ≤ 0.25: every layer shrinks the gradient at least 4×, so deep sigmoid nets barely "
                    + "train their first layers (vanishing gradients); outputs are not zero-centred.", 1.0) {
        @Override
        public double value(double x) {
            return sigmoid(x);
        }

        @Override
        public double derivative(double x) {
            double s = sigmoid(x);
            return s * (1 - s);
        }

        @Override
        public double slope(double x, double y) {
            return y * (1 - y);
        }

        @Override
        public Peak peak() {
            return new Peak(0, 0.25, false);
        }

        @Override
        public String gateText(double x, double y, double slope, String input, double up, DoubleFunction<String> f) {
            return "sigmoid' = σ(1 − σ) = " + f.apply(y) + " × " + f.apply(1 - y) + " = " + f.apply(slope) + ", so "
                    + input + " gets " + f.apply(up * slope) + ".";
        }
    },
    TANH("Tanh", "tanh(x) = (e^x − e^−x) / (e^x + e^−x)", "\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
            "zero-centred and f′(0) = 1, but it saturates for |x| > 2 like sigmoid.", 5.0 / 3) {
        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x) {
            double t = Math.tanh(x);
            return 1 - t * t;
        }

        @Override
        public double slope(double x, double y) {
            return 1 - y * y;
        }

        @Override
        public Peak peak() {
            return new Peak(0, 1, false);
        }

        @Override
        public String gateText(double x, double y, double slope, String input, double up, DoubleFunction<String> f) {
            return "tanh' = 1 − tanh² = 1 − " + f.apply(y) + "² = " + f.apply(slope) + ", so " + input + " gets "
                    + f.apply(up * slope) + ".";
        }
    },
    RELU("ReLU", "max(0, x)", "\\max(0, x)", "f′ = 1 for x > 0: gradients pass unchanged; a unit whose input stays "
            + "negative never recovers (dead neuron).", Math.sqrt(2), new Arg("inplace", false)) {
        @Override
        public double value(double x) {
            return Math.max(0, x);
        }

        @Override
        public double derivative(double x) {
            return x > 0 ? 1 : 0;
        }

        @Override
        public Peak peak() {
            return new Peak(0, 1, true);
        }

        @Override
        public double[] kinks() {
            return new double[] {0};
        }

        @Override
        public String gateText(double x, double y, double slope, String input, double up, DoubleFunction<String> f) {
            return x > 0 ? "relu passes the gradient through because its input " + f.apply(x) + " > 0: " + input
                    + " gets " + f.apply(up) + "."
                    : "relu blocks the gradient because its input " + f.apply(x) + " ≤ 0: " + input + " gets 0.";
        }
    },
    LEAKY_RELU("LeakyReLU", "x if x > 0, else 0.01·x", "\\begin{cases} x & x > 0 \\\\ 0.01\\,x & x \\le 0 \\end{cases}",
            "like ReLU, but a small slope for x < 0 keeps every unit learning.", Math.sqrt(2 / (1 + 0.01 * 0.01)),
            new Arg("negative_slope", 0.01), new Arg("inplace", false)) {
        @Override
        public double value(double x) {
            return x > 0 ? x : LEAK * x;
        }

        @Override
        public double derivative(double x) {
            return x > 0 ? 1 : LEAK;
        }

        @Override
        public Peak peak() {
            return new Peak(0, 1, true);
        }

        @Override
        public double[] kinks() {
            return new double[] {0};
        }
    },
    ELU("ELU", "x if x > 0, else e^x − 1", "\\begin{cases} x & x > 0 \\\\ e^{x} - 1 & x \\le 0 \\end{cases}",
            "smooth, negative outputs push the mean towards zero; saturates only for x ≪ 0.", Double.NaN,
            new Arg("alpha", 1.0), new Arg("inplace", false)) {
        @Override
        public double value(double x) {
            return x > 0 ? x : Math.expm1(x);
        }

        @Override
        public double derivative(double x) {
            return x > 0 ? 1 : Math.exp(x);
        }

        @Override
        public Peak peak() {
            return new Peak(0, 1, true);
        }
    },
    GELU("GELU", "x·Φ(x)  (Φ: normal CDF)", "x\\,\\Phi(x)",
            "a smooth ReLU (Transformers); slightly negative for x < 0, f′ peaks above 1.", Double.NaN,
            new Arg("approximate", "none")) {
        @Override
        public double value(double x) {
            return x * phi(x);
        }

        @Override
        public double derivative(double x) {
            return phi(x) + x * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
        }

        @Override
        public Peak peak() {
            return new Peak(Math.sqrt(2), derivative(Math.sqrt(2)), false);
        }
    },
    SILU("SiLU", "x·σ(x)  (Swish)", "x\\,\\sigma(x)",
            "a smooth ReLU with a dip below zero; non-monotonic, f′ peaks near x = 2.4.", Double.NaN,
            new Arg("inplace", false)) {
        @Override
        public double value(double x) {
            return x * sigmoid(x);
        }

        @Override
        public double derivative(double x) {
            double s = sigmoid(x);
            return s * (1 + x * (1 - s));
        }

        @Override
        public Peak peak() {
            // f″ = 0 has no closed form
            return largestSlope(1, 4);
        }
    },
    SOFTPLUS("Softplus", "log(1 + e^x)", "\\log(1 + e^{x})",
            "a smooth ReLU whose slope is σ(x): never exactly zero, never dead.", Double.NaN,
            new Arg("beta", 1.0), new Arg("threshold", 20.0)) {
        @Override
        public double value(double x) {
            // PyTorch's threshold: above 20 softplus is x to double precision
            return x > 20 ? x : Math.log1p(Math.exp(x));
        }

        @Override
        public double derivative(double x) {
            return x > 20 ? 1 : sigmoid(x);
        }

        @Override
        public Peak peak() {
            return new Peak(20, 1, true);
        }
    },
    RELU6("ReLU6", "min(max(0, x), 6)", "\\min(\\max(0, x), 6)",
            "ReLU capped at 6 (mobile networks): no gradient below 0 or above 6.", Double.NaN,
            new Arg("inplace", false)) {
        @Override
        public double value(double x) {
            return Math.min(Math.max(0, x), 6);
        }

        @Override
        public double derivative(double x) {
            return x > 0 && x < 6 ? 1 : 0;
        }

        @Override
        public Peak peak() {
            return new Peak(3, 1, false);
        }

        @Override
        public double[] kinks() {
            return new double[] {0, 6};
        }
    },
    IDENTITY("Identity", "x", "x", "no activation: a stack of linear layers is one linear map.", 1.0) {
        @Override
        public double value(double x) {
            return x;
        }

        @Override
        public double derivative(double x) {
            return 1;
        }

        @Override
        public Peak peak() {
            return new Peak(0, 1, true);
        }
    },
    MISH("Mish", "x·tanh(softplus(x))", "x \\tanh(\\log(1 + e^{x}))",
            "a smooth ReLU like SiLU, with a slightly deeper dip; f′ peaks near x = 1.5 and tends to 1 from above.",
            Double.NaN, new Arg("inplace", false)) {
        @Override
        public double value(double x) {
            return x * Math.tanh(Math.log1p(Math.exp(x)));
        }

        @Override
        public double derivative(double x) {
            double t = Math.tanh(Math.log1p(Math.exp(x)));
            return t + x * sigmoid(x) * (1 - t * t);
        }

        @Override
        public Peak peak() {
            return largestSlope(0, 3);
        }
    },
    SOFTSIGN("Softsign", "x / (1 + |x|)", "\\frac{x}{1 + |x|}",
            "like tanh, but its tails flatten polynomially (f′ = 1/(1+|x|)²), not exponentially.", Double.NaN) {
        @Override
        public double value(double x) {
            return x / (1 + Math.abs(x));
        }

        @Override
        public double derivative(double x) {
            double d = 1 + Math.abs(x);
            return 1 / (d * d);
        }

        @Override
        public Peak peak() {
            return new Peak(0, 1, false);
        }
    },
    HARDTANH("Hardtanh", "−1 if x < −1, x if −1 ≤ x ≤ 1, 1 if x > 1",
            "\\begin{cases} -1 & x < -1 \\\\ x & -1 \\le x \\le 1 \\\\ 1 & x > 1 \\end{cases}",
            "tanh cut into straight pieces: slope 1 inside [−1, 1], none outside (0 also at ±1, as in PyTorch).",
            Double.NaN, new Arg("min_val", -1.0), new Arg("max_val", 1.0), new Arg("inplace", false)) {
        @Override
        public double value(double x) {
            return Math.min(Math.max(-1, x), 1);
        }

        @Override
        public double derivative(double x) {
            return x > -1 && x < 1 ? 1 : 0;
        }

        @Override
        public Peak peak() {
            return new Peak(0, 1, false);
        }

        @Override
        public double[] kinks() {
            return new double[] {-1, 1};
        }
    };

    static final double LEAK = 0.01;

    /** Below this share of its largest slope a function counts as saturated: it passes almost no gradient back. */
    public static final double SATURATION = 0.05;

    /** A constructor argument of the torch.nn class with PyTorch's default (Double, Boolean or String). */
    public record Arg(String name, Object defaultValue) {
    }

    private final String torchName;
    private final String formula;
    private final String latex;
    private final String lesson;
    private final double gain;
    private final List<Arg> args;

    Activation(String torchName, String formula, String latex, String lesson, double gain, Arg... args) {
        this.torchName = torchName;
        this.formula = formula;
        this.latex = latex;
        this.lesson = lesson;
        this.gain = gain;
        this.args = List.of(args);
    }

    /** The torch.nn class name: Sigmoid, ReLU, SiLU, … */
    public String torchName() {
        return torchName;
    }

    /** The class as PyTorch code writes it: {@code nn.ReLU}. */
    public String torchClass() {
        return "nn." + torchName;
    }

    /** The id: the lower-case torch name, as the command line, JSON, and Backprop's gates ({@code mish(x)}) write it. */
    public String id() {
        return torchName.toLowerCase(Locale.ROOT);
    }

    /** The torch.nn constructor's arguments in PyTorch's order, with their defaults. */
    public List<Arg> args() {
        return args;
    }

    /** f(x) as the slides write it. */
    public String formula() {
        return formula;
    }

    /** f(x) in LaTeX. */
    public String latex() {
        return latex;
    }

    /** One sentence for a tooltip: the function and its PyTorch name, e.g. "ReLU: max(0, x). PyTorch: nn.ReLU()". */
    public String description() {
        return torchName + ": f(x) = " + formula + ". PyTorch: torch." + torchClass() + "()";
    }

    /** What the shape of f′ means for training, in the course's words (one line). */
    public String lesson() {
        return lesson;
    }

    /** torch.nn.init.calculate_gain for this function, or empty where torch defines none. */
    public OptionalDouble initGain() {
        return Double.isNaN(gain) ? OptionalDouble.empty() : OptionalDouble.of(gain);
    }

    public abstract double value(double x);

    /** f′(x), with autograd's value at a kink (ReLU′(0) = 0, Hardtanh′(±1) = 0). */
    public abstract double derivative(double x);

    /**
     * The local gradient as autograd computes it from the input x and the output y = f(x): tanh and sigmoid use the
     * saved output (1 − y², y(1 − y)), which matters where float32 rounds y.
     */
    public double slope(double x, double y) {
        return derivative(x);
    }

    /** Where f′ is largest. */
    public abstract Peak peak();

    /** The inputs where f is not differentiable (there {@link #derivative} gives autograd's choice). */
    public double[] kinks() {
        return new double[0];
    }

    /**
     * Backprop's explanation of the gate's backward step: the input x, output y, local slope, the input's name, the
     * upstream gradient, and how numbers print.
     */
    public String gateText(double x, double y, double slope, String input, double up, DoubleFunction<String> f) {
        return id() + "'(" + f.apply(x) + ") = " + f.apply(slope) + ", so " + input + " gets " + f.apply(up * slope) + ".";
    }

    /**
     * Where f′ is largest. {@code plateau}: f′ keeps that value for every x above {@code x}: ReLU's slope is 1 on the
     * whole positive half, Softplus's from 20 on, where PyTorch switches to the identity.
     */
    public record Peak(double x, double value, boolean plateau) {
    }

    /** An interval of x where |f′| is below {@link #SATURATION} of the largest slope. */
    public record Region(double from, double to) {
    }

    /** Golden-section search for the largest f′ on [a, b], where f″ = 0 has no closed form. */
    Peak largestSlope(double a, double b) {
        double g = (Math.sqrt(5) - 1) / 2;
        while (b - a > 1e-12) {
            double c = b - g * (b - a);
            double d = a + g * (b - a);
            if (derivative(c) > derivative(d)) {
                b = d;
            } else {
                a = c;
            }
        }
        double x = (a + b) / 2;
        return new Peak(x, derivative(x), false);
    }

    /** The saturated intervals within [lo, hi], found on a fine grid and sharpened by bisection. */
    public List<Region> saturated(double lo, double hi) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("empty range " + lo + " … " + hi);
        }
        double limit = SATURATION * peak().value();
        int n = 4000;
        List<Region> out = new ArrayList<>();
        Double start = saturatedAt(lo, limit) ? lo : null;
        double prev = lo;
        for (int i = 1; i <= n; i++) {
            double x = lo + (hi - lo) * i / n;
            boolean now = saturatedAt(x, limit);
            if (start == null && now) {
                start = edge(prev, x, limit);
            } else if (start != null && !now) {
                out.add(new Region(start, edge(prev, x, limit)));
                start = null;
            }
            prev = x;
        }
        if (start != null) {
            out.add(new Region(start, hi));
        }
        // saturation is flatness towards ±∞; GELU's and SiLU's slopes also cross zero in their dip, which is no tail
        out.removeIf(r -> r.from() > lo && r.to() < hi);
        return out;
    }

    private boolean saturatedAt(double x, double limit) {
        return Math.abs(derivative(x)) < limit;
    }

    private double edge(double a, double b, double limit) {
        boolean left = saturatedAt(a, limit);
        for (int i = 0; i < 60; i++) {
            double m = (a + b) / 2;
            if (saturatedAt(m, limit) == left) {
                a = m;
            } else {
                b = m;
            }
        }
        double x = (a + b) / 2;
        // ReLU's edge is 0 exactly; bisection would leave 1e-21
        return Math.abs(x) < 1e-9 ? 0 : x;
    }

    /** The ids of every activation, in the registry's order: "sigmoid, tanh, relu, …". */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Activation::id).toList());
    }

    /** The activation a gate in an expression names ({@code mish}), or null: gate names are exactly the ids. */
    public static Activation ofId(String id) {
        for (Activation a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        return null;
    }

    /** The activation whose torch.nn class is {@code torchName} exactly (ReLU, Mish, …), or null. */
    public static Activation ofTorchName(String torchName) {
        for (Activation a : values()) {
            if (a.torchName.equals(torchName)) {
                return a;
            }
        }
        return null;
    }

    /**
     * By torch.nn name, id or a common alias, case-insensitively: relu, leaky_relu, leaky-relu, swish, linear, …;
     * an unknown name is an error naming the known ones.
     */
    public static Activation parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (Activation a : values()) {
            if (a.id().equals(n) || a.name().toLowerCase(Locale.ROOT).replace("_", "").equals(n)) {
                return a;
            }
        }
        if (n.equals("swish")) {
            return SILU;
        }
        if (n.equals("linear")) {
            return IDENTITY;
        }
        throw new app.descent.UserInputException("unknown activation '" + (name == null ? "" : name.strip())
                + "'; choose one of " + ids());
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** Φ, the standard normal CDF. */
    static double phi(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** erfc by a Chebyshev fit (Numerical Recipes 3rd ed., 6.2.2), accurate to about 1e-16: Java has no erf. */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 2 / (2 + z);
        double ty = 4 * t - 2;
        double d = 0;
        double dd = 0;
        for (int j = COF.length - 1; j > 0; j--) {
            double tmp = d;
            d = ty * d - dd + COF[j];
            dd = tmp;
        }
        double r = t * Math.exp(-z * z + 0.5 * (COF[0] + ty * d) - dd);
        return x >= 0 ? r : 2 - r;
    }

    private static final double[] COF = {-1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2,
        -9.561514786808631e-3, -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5,
        -1.624290004647e-6, 1.303655835580e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9,
        -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13, 3.13092e-13,
        -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17};
}
