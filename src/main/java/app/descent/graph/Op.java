package app.descent.graph;

import app.descent.catalog.Activation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Every operation of the engine, micrograd-style: each constant holds its forward value, its local gradients and the
 * explanation of its backward step side by side (the methods are abstract, so an operation without one of them does
 * not compile), with PyTorch's conventions at the kinks (|x|'(0) = 0, ties in max and min split the gradient equally).
 * The activation gates ({@code relu(x)}, {@code mish(x)}, …) are one per entry of the activations registry, which gives
 * their value, slope and explanation: a new activation is a new gate without a change here.
 */
public abstract class Op {

    /** The gate patterns of the course, shown in the legend. */
    public enum Pattern { ADD_DISTRIBUTES, MUL_SWAPS, MAX_ROUTES, FAN_OUT_ADDS }

    /** How an operation is written: a leaf, an infix operator, unary minus, or a function call. */
    enum Form { LEAF, INFIX, PREFIX, CALL }

    /**
     * What the explanation of a backward step knows: the inputs' short names ({@code who}), whether each needs a
     * gradient, the input values, the local gradients, the upstream gradient and the node's value.
     */
    record Step(String[] who, boolean[] need, double[] in, double[] local, double up, double out) {
        /** The downstream gradient into slot i. */
        double down(int i) {
            return up * local[i];
        }
    }

    public static final Op INPUT = new Op("input", "input", 0, null, Form.LEAF) {
        @Override
        double forward(double[] in) {
            throw new IllegalStateException("leaves have no forward rule");
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[0];
        }

        @Override
        String explain(Step s) {
            throw new IllegalStateException("leaves have no backward step");
        }
    };

    public static final Op CONSTANT = new Op("const", "const", 0, null, Form.LEAF) {
        @Override
        double forward(double[] in) {
            throw new IllegalStateException("leaves have no forward rule");
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[0];
        }

        @Override
        String explain(Step s) {
            throw new IllegalStateException("leaves have no backward step");
        }
    };

    public static final Op ADD = new Op("+", "+", 2, Pattern.ADD_DISTRIBUTES, Form.INFIX) {
        @Override
        double forward(double[] in) {
            return in[0] + in[1];
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[] {1, 1};
        }

        @Override
        String explain(Step s) {
            StringJoiner j = new StringJoiner(" and ");
            int count = 0;
            for (int i = 0; i < s.who().length; i++) {
                if (s.need()[i]) {
                    j.add(s.who()[i]);
                    count++;
                }
            }
            return "add distributes: " + j + (count > 1 ? " both receive " : " receives ") + f(s.up()) + " unchanged.";
        }
    };

    public static final Op SUB = new Op("-", "-", 2, null, Form.INFIX) {
        @Override
        double forward(double[] in) {
            return in[0] - in[1];
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[] {1, -1};
        }

        @Override
        String explain(Step s) {
            StringJoiner parts = new StringJoiner("; ");
            for (int i = 0; i < 2; i++) {
                if (s.need()[i]) {
                    parts.add(s.who()[i] + " receives " + f(s.down(i)));
                }
            }
            return "subtract: " + parts + ".";
        }
    };

    public static final Op MUL = new Op("*", "×", 2, Pattern.MUL_SWAPS, Form.INFIX) {
        @Override
        double forward(double[] in) {
            return in[0] * in[1];
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[] {in[1], in[0]};
        }

        @Override
        String explain(Step s) {
            StringJoiner parts = new StringJoiner("; ");
            for (int i = 0; i < 2; i++) {
                if (s.need()[i]) {
                    parts.add(s.who()[i] + " gets " + f(s.up()) + " × " + f(s.in()[1 - i]) + " = " + f(s.down(i)));
                }
            }
            return "mul swaps: " + parts + ".";
        }
    };

    public static final Op DIV = new Op("/", "÷", 2, null, Form.INFIX) {
        @Override
        double forward(double[] in) {
            return in[0] / in[1];
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[] {1 / in[1], -in[0] / (in[1] * in[1])};
        }

        @Override
        String explain(Step s) {
            StringJoiner parts = new StringJoiner("; ");
            double[] in = s.in();
            if (s.need()[0]) {
                parts.add(s.who()[0] + " gets " + f(s.up()) + " ÷ " + f(in[1]) + " = " + f(s.down(0)));
            }
            if (s.need()[1]) {
                parts.add(s.who()[1] + " gets −" + f(s.up()) + " × " + f(in[0]) + " ÷ " + f(in[1]) + "² = "
                        + f(s.down(1)));
            }
            return "divide: " + parts + ".";
        }
    };

    public static final Op POW = new Op("**", "^", 2, null, Form.INFIX) {
        @Override
        double forward(double[] in) {
            return Math.pow(in[0], in[1]);
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[] {
                in[1] == 0 ? 0 : in[1] * Math.pow(in[0], in[1] - 1),
                in[0] == 0 && in[1] >= 0 ? 0 : out * Math.log(in[0])};
        }

        @Override
        String explain(Step s) {
            StringJoiner parts = new StringJoiner("; ");
            double[] in = s.in();
            if (s.need()[0]) {
                parts.add(s.who()[0] + " gets " + f(s.up()) + " × " + f(in[1]) + " × " + f(in[0]) + "^(" + f(in[1])
                        + " − 1) = " + f(s.down(0)));
            }
            if (s.need()[1]) {
                parts.add("the exponent " + s.who()[1] + " gets " + f(s.up()) + " × " + f(s.out()) + " × ln "
                        + f(in[0]) + " = " + f(s.down(1)));
            }
            return "power: " + parts + ".";
        }
    };

    public static final Op NEG = new Op("neg", "neg", 1, null, Form.PREFIX) {
        @Override
        double forward(double[] in) {
            return -in[0];
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[] {-1};
        }

        @Override
        String explain(Step s) {
            return "negation flips the sign: " + s.who()[0] + " gets " + f(-s.up()) + ".";
        }
    };

    public static final Op MAX = new Op("max", "max", 2, Pattern.MAX_ROUTES, Form.CALL) {
        @Override
        double forward(double[] in) {
            return Math.max(in[0], in[1]);
        }

        @Override
        double[] local(double[] in, double out) {
            return in[0] == in[1] ? new double[] {0.5, 0.5} : in[0] > in[1] ? new double[] {1, 0} : new double[] {0, 1};
        }

        @Override
        String explain(Step s) {
            return route(s, symbol(), "larger", s.in()[0] > s.in()[1]);
        }
    };

    public static final Op MIN = new Op("min", "min", 2, Pattern.MAX_ROUTES, Form.CALL) {
        @Override
        double forward(double[] in) {
            return Math.min(in[0], in[1]);
        }

        @Override
        double[] local(double[] in, double out) {
            return in[0] == in[1] ? new double[] {0.5, 0.5} : in[0] < in[1] ? new double[] {1, 0} : new double[] {0, 1};
        }

        @Override
        String explain(Step s) {
            return route(s, symbol(), "smaller", s.in()[0] < s.in()[1]);
        }
    };

    public static final Op EXP = new Op("exp", "exp", 1, null, Form.CALL) {
        @Override
        double forward(double[] in) {
            return Math.exp(in[0]);
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[] {out};
        }

        @Override
        String explain(Step s) {
            return "exp' = exp = " + f(s.local()[0]) + ", so " + s.who()[0] + " gets " + f(s.down(0)) + ".";
        }
    };

    public static final Op LOG = new Op("log", "log", 1, null, Form.CALL) {
        @Override
        double forward(double[] in) {
            return Math.log(in[0]);
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[] {1 / in[0]};
        }

        @Override
        String explain(Step s) {
            return "log' = 1/x = 1/" + f(s.in()[0]) + " = " + f(s.local()[0]) + ", so " + s.who()[0] + " gets "
                    + f(s.down(0)) + ".";
        }
    };

    public static final Op ABS = new Op("abs", "abs", 1, null, Form.CALL) {
        @Override
        double forward(double[] in) {
            return Math.abs(in[0]);
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[] {Math.signum(in[0])};
        }

        @Override
        String explain(Step s) {
            return "abs' = sign(x) = " + f(s.local()[0]) + ", so " + s.who()[0] + " gets " + f(s.down(0)) + ".";
        }
    };

    public static final Op SIN = new Op("sin", "sin", 1, null, Form.CALL) {
        @Override
        double forward(double[] in) {
            return Math.sin(in[0]);
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[] {Math.cos(in[0])};
        }

        @Override
        String explain(Step s) {
            return "sin' = cos(x) = cos(" + f(s.in()[0]) + ") = " + f(s.local()[0]) + ", so " + s.who()[0] + " gets "
                    + f(s.down(0)) + ".";
        }
    };

    public static final Op COS = new Op("cos", "cos", 1, null, Form.CALL) {
        @Override
        double forward(double[] in) {
            return Math.cos(in[0]);
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[] {-Math.sin(in[0])};
        }

        @Override
        String explain(Step s) {
            return "cos' = −sin(x) = −sin(" + f(s.in()[0]) + ") = " + f(s.local()[0]) + ", so " + s.who()[0] + " gets "
                    + f(s.down(0)) + ".";
        }
    };

    /** An activation of the registry as a gate: value, slope and explanation are the registry's. */
    private static final class Gate extends Op {
        private final Activation activation;

        Gate(Activation activation) {
            super(activation.id(), activation.id(), 1, null, Form.CALL);
            this.activation = activation;
        }

        @Override
        double forward(double[] in) {
            return activation.value(in[0]);
        }

        @Override
        double[] local(double[] in, double out) {
            return new double[] {activation.slope(in[0], out)};
        }

        @Override
        String explain(Step s) {
            return activation.gateText(s.in()[0], s.out(), s.local()[0], s.who()[0], s.up(), Op::f);
        }
    }

    private static final Map<Activation, Op> GATES = gates();

    private static Map<Activation, Op> gates() {
        Map<Activation, Op> m = new EnumMap<>(Activation.class);
        for (Activation a : Activation.values()) {
            m.put(a, new Gate(a));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Every operation: leaves, operators, functions, then one gate per activation of the registry. */
    private static final List<Op> ALL = all();

    private static List<Op> all() {
        List<Op> all = new ArrayList<>(List.of(INPUT, CONSTANT, ADD, SUB, MUL, DIV, POW, NEG, MAX, MIN, EXP, LOG, ABS,
                SIN, COS));
        all.addAll(GATES.values());
        return List.copyOf(all);
    }

    private final String symbol;
    private final String glyph;
    private final int arity;
    private final Pattern pattern;
    private final Form form;

    private Op(String symbol, String glyph, int arity, Pattern pattern, Form form) {
        this.symbol = symbol;
        this.glyph = glyph;
        this.arity = arity;
        this.pattern = pattern;
        this.form = form;
    }

    /** The gate of an activation of the registry: {@code gate(Activation.MISH)} is {@code mish(x)}. */
    public static Op gate(Activation a) {
        return GATES.get(a);
    }

    /** Every operation, the registry's gates included. */
    public static List<Op> values() {
        return ALL;
    }

    /** The activation this gate computes, or null for any other operation. */
    public Activation activation() {
        return this instanceof Gate g ? g.activation : null;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator as explanations print it: × for *, ÷ for /, ^ for **. */
    String glyph() {
        return glyph;
    }

    public int arity() {
        return arity;
    }

    /** The gate pattern this operation shows, or null. */
    public Pattern pattern() {
        return pattern;
    }

    /** Written between its operands: + - * / **. */
    public boolean isInfix() {
        return form == Form.INFIX;
    }

    /** Written as a call, {@code name(…)}: max, min, exp, …, and the activation gates. */
    public boolean isFunction() {
        return form == Form.CALL;
    }

    static Op function(String name) {
        for (Op op : ALL) {
            if (op.isFunction() && op.symbol.equals(name)) {
                return op;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return symbol;
    }

    /** The value; NaN or infinity are turned into messages by the graph, which knows where the node is. */
    abstract double forward(double[] in);

    /** ∂out/∂in_i for each input, given the inputs and the output. */
    abstract double[] local(double[] in, double out);

    /** What the backward step through the operation does, in the course's words (after "Backward through …: "). */
    abstract String explain(Step s);

    static String f(double v) {
        return ComputationGraph.format(v);
    }

    private static String route(Step s, String op, String which, boolean first) {
        String a = s.who()[0];
        String b = s.who()[1];
        double[] in = s.in();
        if (in[0] == in[1]) {
            return op + " has a tie (" + f(in[0]) + " = " + f(in[1]) + "): the gradient is split equally, "
                    + a + " and " + b + " get " + f(s.up() / 2) + " each, as in PyTorch.";
        }
        String winner = first ? a : b;
        String loser = first ? b : a;
        return op + " routes the gradient to its " + which + " input " + winner + " (" + f(s.up()) + "); "
                + loser + " gets 0.";
    }
}
