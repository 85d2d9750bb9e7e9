package app.descent.training;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How a layer's parameters start, with PyTorch's semantics. {@code default} is what torch.nn gives each layer;
 * every other initializer sets the weights of Linear, convolution and recurrent layers and starts their biases at
 * zero, leaving normalization layers at weight 1 and bias 0.
 */
public record Initializer(Kind kind, double value) {

    public enum Kind { DEFAULT, ZEROS, CONSTANT, NORMAL, UNIFORM, XAVIER, KAIMING }

    public static final List<String> NAMES = List.of("default", "zeros", "constant:V", "normal:STD", "uniform:A",
            "xavier", "kaiming");

    /** What a parameter is, which decides PyTorch's default. */
    public enum Role { WEIGHT, BIAS, NORM_WEIGHT, NORM_BIAS, EMBEDDING, RECURRENT, PRELU }

    public static Initializer parse(String spec) {
        String s = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        String[] parts = s.split(":", 2);
        Kind kind = switch (parts[0]) {
            case "default" -> Kind.DEFAULT;
            case "zeros", "zero" -> Kind.ZEROS;
            case "constant" -> Kind.CONSTANT;
            case "normal" -> Kind.NORMAL;
            case "uniform" -> Kind.UNIFORM;
            case "xavier", "glorot" -> Kind.XAVIER;
            case "kaiming", "he" -> Kind.KAIMING;
            default -> throw new TrainingException("unknown initializer '" + spec + "'; choose one of "
                    + String.join(", ", NAMES));
        };
        boolean needsValue = kind == Kind.CONSTANT || kind == Kind.NORMAL || kind == Kind.UNIFORM;
        if (needsValue != (parts.length == 2)) {
            throw new TrainingException(needsValue ? "initializer " + parts[0] + " needs a value, e.g. " + parts[0]
                    + (kind == Kind.NORMAL ? ":0.01" : ":0.1") : "initializer " + parts[0] + " takes no value");
        }
        double value = 0;
        if (needsValue) {
            try {
                value = Double.parseDouble(parts[1]);
            } catch (NumberFormatException e) {
                throw new TrainingException("initializer " + parts[0] + ": '" + parts[1] + "' is not a number");
            }
            if (!Double.isFinite(value) || (kind != Kind.CONSTANT && value <= 0)) {
                throw new TrainingException("initializer " + parts[0] + ": " + parts[1] + " must be a positive number");
            }
        }
        return new Initializer(kind, value);
    }

    /**
     * Values for a parameter of {@code shape}, PyTorch's (out, in, kernel…) layout. For recurrent layers
     * {@code fanIn} is the hidden size, as PyTorch uses for their default.
     */
    public float[] values(Role role, long[] shape, RandomGenerator random) {
        int n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, (int) d);
        }
        long receptive = 1;
        for (int i = 2; i < shape.length; i++) {
            receptive *= shape[i];
        }
        long fanIn = shape.length > 1 ? shape[1] * receptive : shape[0];
        long fanOut = shape[0] * receptive;
        return values(role, n, fanIn, fanOut, random);
    }

    /** As {@link #values(Role, long[], RandomGenerator)} with the fans given (a bias takes its layer's fans). */
    public float[] values(Role role, int n, long fanIn, long fanOut, RandomGenerator random) {
        float[] out = new float[n];
        switch (role) {
            case NORM_WEIGHT -> java.util.Arrays.fill(out, 1f);
            case NORM_BIAS -> {
            }
            case PRELU -> java.util.Arrays.fill(out, 0.25f);
            default -> {
                if (kind == Kind.DEFAULT) {
                    torchDefault(role, out, fanIn, random);
                } else if (role != Role.BIAS) {
                    fill(out, fanIn, fanOut, random);
                }
            }
        }
        return out;
    }

    private static void torchDefault(Role role, float[] out, long fanIn, RandomGenerator random) {
        if (role == Role.EMBEDDING) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) random.nextGaussian();
            }
            return;
        }
        // kaiming_uniform(a=√5) for weights and the matching bias bound both come to 1/√fan_in
        double bound = 1 / Math.sqrt(Math.max(1, fanIn));
        uniform(out, bound, random);
    }

    private void fill(float[] out, long fanIn, long fanOut, RandomGenerator random) {
        switch (kind) {
            case ZEROS -> {
            }
            case CONSTANT -> java.util.Arrays.fill(out, (float) value);
            case NORMAL -> normal(out, value, random);
            case UNIFORM -> uniform(out, value, random);
            case XAVIER -> uniform(out, Math.sqrt(6.0 / (fanIn + fanOut)), random);
            case KAIMING -> normal(out, Math.sqrt(2.0 / fanIn), random);
            case DEFAULT -> throw new IllegalStateException();
        }
    }

    private static void uniform(float[] out, double bound, RandomGenerator random) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
    }

    private static void normal(float[] out, double std, RandomGenerator random) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (random.nextGaussian() * std);
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CONSTANT, NORMAL, UNIFORM -> kind.name().toLowerCase(Locale.ROOT) + ":" + value;
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
