package app.descent.graph;

/**
 * Every operation of the engine: its symbol, its forward value, and its local gradients side by side, with
 * PyTorch's conventions at the kinks (relu'(0) = 0, |x|'(0) = 0, ties in max and min split the gradient equally).
 */
public enum Op {
    INPUT("input", 0, null),
    CONSTANT("const", 0, null),
    ADD("+", 2, Pattern.ADD_DISTRIBUTES),
    SUB("-", 2, null),
    MUL("*", 2, Pattern.MUL_SWAPS),
    DIV("/", 2, null),
    POW("**", 2, null),
    NEG("neg", 1, null),
    MAX("max", 2, Pattern.MAX_ROUTES),
    MIN("min", 2, Pattern.MAX_ROUTES),
    RELU("relu", 1, null),
    TANH("tanh", 1, null),
    SIGMOID("sigmoid", 1, null),
    EXP("exp", 1, null),
    LOG("log", 1, null),
    ABS("abs", 1, null),
    SIN("sin", 1, null),
    COS("cos", 1, null);

    /** The gate patterns of the course, shown in the legend. */
    public enum Pattern { ADD_DISTRIBUTES, MUL_SWAPS, MAX_ROUTES, FAN_OUT_ADDS }

    private final String symbol;
    private final int arity;
    private final Pattern pattern;

    Op(String symbol, int arity, Pattern pattern) {
        this.symbol = symbol;
        this.arity = arity;
        this.pattern = pattern;
    }

    public String symbol() {
        return symbol;
    }

    public int arity() {
        return arity;
    }

    /** The gate pattern this operation shows, or null. */
    public Pattern pattern() {
        return pattern;
    }

    public boolean isFunction() {
        return this == MAX || this == MIN || this == RELU || this == TANH || this == SIGMOID || this == EXP
                || this == LOG || this == ABS || this == SIN || this == COS;
    }

    static Op function(String name) {
        for (Op op : values()) {
            if (op.isFunction() && op.symbol.equals(name)) {
                return op;
            }
        }
        return null;
    }

    /** The value; NaN or infinity are turned into messages by the graph, which knows where the node is. */
    double forward(double[] in) {
        return switch (this) {
            case INPUT, CONSTANT -> throw new IllegalStateException("leaves have no forward rule");
            case ADD -> in[0] + in[1];
            case SUB -> in[0] - in[1];
            case MUL -> in[0] * in[1];
            case DIV -> in[0] / in[1];
            case POW -> Math.pow(in[0], in[1]);
            case NEG -> -in[0];
            case MAX -> Math.max(in[0], in[1]);
            case MIN -> Math.min(in[0], in[1]);
            case RELU -> in[0] > 0 ? in[0] : 0.0;
            case TANH -> Math.tanh(in[0]);
            case SIGMOID -> sigmoid(in[0]);
            case EXP -> Math.exp(in[0]);
            case LOG -> Math.log(in[0]);
            case ABS -> Math.abs(in[0]);
            case SIN -> Math.sin(in[0]);
            case COS -> Math.cos(in[0]);
        };
    }

    /** ∂out/∂in_i for each input, given the inputs and the output. */
    double[] local(double[] in, double out) {
        return switch (this) {
            case INPUT, CONSTANT -> new double[0];
            case ADD -> new double[] {1, 1};
            case SUB -> new double[] {1, -1};
            case MUL -> new double[] {in[1], in[0]};
            case DIV -> new double[] {1 / in[1], -in[0] / (in[1] * in[1])};
            case POW -> new double[] {
                in[1] == 0 ? 0 : in[1] * Math.pow(in[0], in[1] - 1),
                in[0] == 0 && in[1] >= 0 ? 0 : out * Math.log(in[0])};
            case NEG -> new double[] {-1};
            case MAX -> in[0] == in[1] ? new double[] {0.5, 0.5} : in[0] > in[1] ? new double[] {1, 0} : new double[] {0, 1};
            case MIN -> in[0] == in[1] ? new double[] {0.5, 0.5} : in[0] < in[1] ? new double[] {1, 0} : new double[] {0, 1};
            case RELU -> new double[] {in[0] > 0 ? 1 : 0};
            case TANH -> new double[] {1 - out * out};
            case SIGMOID -> new double[] {out * (1 - out)};
            case EXP -> new double[] {out};
            case LOG -> new double[] {1 / in[0]};
            case ABS -> new double[] {Math.signum(in[0])};
            case SIN -> new double[] {Math.cos(in[0])};
            case COS -> new double[] {-Math.sin(in[0])};
        };
    }

    static double sigmoid(double x) {
        // two forms so that neither overflows
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
