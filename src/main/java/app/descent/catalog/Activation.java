package app.descent.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The activation functions of torch.nn with their derivatives, as PyTorch defines them (GELU exact, not tanh-approximated;
 * LeakyReLU slope 0.01; ELU α = 1; Softplus β = 1), and where each one saturates.
 */
public enum Activation {
    SIGMOID("Sigmoid") {
        @Override
        public double value(double x) {
            return sigmoid(x);
        }

        @Override
        public double derivative(double x) {
            double s = sigmoid(x);
            return s * (1 - s);
        }
    },
    TANH("Tanh") {
        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x) {
            double t = Math.tanh(x);
            return 1 - t * t;
        }
    },
    RELU("ReLU") {
        @Override
        public double value(double x) {
            return Math.max(0, x);
        }

        @Override
        public double derivative(double x) {
            return x > 0 ? 1 : 0;
        }
    },
    LEAKY_RELU("LeakyReLU") {
        @Override
        public double value(double x) {
            return x > 0 ? x : LEAK * x;
        }

        @Override
        public double derivative(double x) {
            return x > 0 ? 1 : LEAK;
        }
    },
    ELU("ELU") {
        @Override
        public double value(double x) {
            return x > 0 ? x : Math.expm1(x);
        }

        @Override
        public double derivative(double x) {
            return x > 0 ? 1 : Math.exp(x);
        }
    },
    GELU("GELU") {
        @Override
        public double value(double x) {
            return x * phi(x);
        }

        @Override
        public double derivative(double x) {
            return phi(x) + x * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
        }
    },
    SILU("SiLU") {
        @Override
        public double value(double x) {
            return x * sigmoid(x);
        }

        @Override
        public double derivative(double x) {
            double s = sigmoid(x);
            return s * (1 + x * (1 - s));
        }
    },
    SOFTPLUS("Softplus") {
        @Override
        public double value(double x) {
            // PyTorch's threshold: above 20 softplus is x to double precision
            return x > 20 ? x : Math.log1p(Math.exp(x));
        }

        @Override
        public double derivative(double x) {
            return x > 20 ? 1 : sigmoid(x);
        }
    };

    static final double LEAK = 0.01;

    /** Below this share of its largest slope a function counts as saturated: it passes almost no gradient back. */
    public static final double SATURATION = 0.05;

    private final String torchName;

    Activation(String torchName) {
        this.torchName = torchName;
    }

    /** The torch.nn class name: Sigmoid, ReLU, SiLU, … */
    public String torchName() {
        return torchName;
    }

    public abstract double value(double x);

    /** f(x) as the slides write it. */
    public String formula() {
        return switch (this) {
            case SIGMOID -> "σ(x) = 1 / (1 + e^−x)";
            case TANH -> "tanh(x) = (e^x − e^−x) / (e^x + e^−x)";
            case RELU -> "max(0, x)";
            case LEAKY_RELU -> "x if x > 0, else 0.01·x";
            case ELU -> "x if x > 0, else e^x − 1";
            case GELU -> "x·Φ(x)  (Φ: normal CDF)";
            case SILU -> "x·σ(x)  (Swish)";
            case SOFTPLUS -> "log(1 + e^x)";
        };
    }

    /** What the shape of f′ means for training, in the course's words. */
    public String lesson() {
        return switch (this) {
            case SIGMOID -> "f′ ≤ 0.25: every layer shrinks the gradient at least 4×, so deep sigmoid nets barely "
                    + "train their first layers (vanishing gradients); outputs are not zero-centred.";
            case TANH -> "zero-centred and f′(0) = 1, but it saturates for |x| > 2 like sigmoid.";
            case RELU -> "f′ = 1 for x > 0: gradients pass unchanged; a unit whose input stays negative never "
                    + "recovers (dead neuron).";
            case LEAKY_RELU -> "like ReLU, but a small slope for x < 0 keeps every unit learning.";
            case ELU -> "smooth, negative outputs push the mean towards zero; saturates only for x ≪ 0.";
            case GELU -> "a smooth ReLU (Transformers); slightly negative for x < 0, f′ peaks above 1.";
            case SILU -> "a smooth ReLU with a dip below zero; non-monotonic, f′ peaks near x = 2.4.";
            case SOFTPLUS -> "a smooth ReLU whose slope is σ(x): never exactly zero, never dead.";
        };
    }

    public abstract double derivative(double x);

    /**
     * Where f′ is largest. {@code plateau}: f′ keeps that value for every x above {@code x}: ReLU's slope is 1 on the
     * whole positive half, Softplus's from 20 on, where PyTorch switches to the identity.
     */
    public record Peak(double x, double value, boolean plateau) {
    }

    /** An interval of x where |f′| is below {@link #SATURATION} of the largest slope. */
    public record Region(double from, double to) {
    }

    public Peak peak() {
        return switch (this) {
            case SIGMOID -> new Peak(0, 0.25, false);
            case TANH -> new Peak(0, 1, false);
            case RELU, LEAKY_RELU, ELU -> new Peak(0, 1, true);
            case SOFTPLUS -> new Peak(20, 1, true);
            case GELU -> new Peak(Math.sqrt(2), derivative(Math.sqrt(2)), false);
            case SILU -> {
                // f″ = 0 where 2 + x − x·tanh(x/2)·… has no closed form: golden-section search on [1, 4]
                double a = 1;
                double b = 4;
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
                yield new Peak(x, derivative(x), false);
            }
        };
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

    /** By torch.nn name or a common short name, case-insensitively: relu, leaky_relu, swish, … */
    public static Activation parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (Activation a : values()) {
            if (a.torchName.toLowerCase(Locale.ROOT).equals(n) || a.name().toLowerCase(Locale.ROOT).replace("_", "").equals(n)) {
                return a;
            }
        }
        if (n.equals("swish")) {
            return SILU;
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'");
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
