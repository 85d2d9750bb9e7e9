package app.descent.training;

import java.util.Locale;

/**
 * Learning rate by step: constant, step decay ({@code step:EVERY:GAMMA}), cosine annealing to zero over the run
 * ({@code cosine}), each optionally after a linear warm-up ({@code warmup:N}, combined as {@code cosine+warmup:100}).
 */
public record Schedule(Kind kind, int every, double gamma, int warmup) {

    public enum Kind { CONSTANT, STEP, COSINE }

    public static final Schedule CONSTANT = new Schedule(Kind.CONSTANT, 0, 1, 0);

    public static Schedule parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return CONSTANT;
        }
        Schedule s = CONSTANT;
        for (String part : spec.strip().toLowerCase(Locale.ROOT).split("\\+")) {
            String[] f = part.split(":");
            switch (f[0]) {
                case "constant" -> {
                }
                case "cosine" -> s = new Schedule(Kind.COSINE, 0, 1, s.warmup);
                case "step" -> {
                    if (f.length != 3) {
                        throw new TrainingException("schedule '" + part + "': write step:EVERY:GAMMA, e.g. step:1000:0.1");
                    }
                    int every = positiveInt(part, f[1]);
                    double gamma = number(part, f[2]);
                    if (!(gamma > 0 && gamma <= 1)) {
                        throw new TrainingException("schedule '" + part + "': gamma must be in (0, 1]");
                    }
                    s = new Schedule(Kind.STEP, every, gamma, s.warmup);
                }
                case "warmup" -> {
                    if (f.length != 2) {
                        throw new TrainingException("schedule '" + part + "': write warmup:STEPS, e.g. warmup:100");
                    }
                    s = new Schedule(s.kind, s.every, s.gamma, positiveInt(part, f[1]));
                }
                default -> throw new TrainingException("unknown schedule '" + part
                        + "'; use constant, step:EVERY:GAMMA, cosine, warmup:N or a combination like cosine+warmup:100");
            }
        }
        return s;
    }

    /** The schedule as {@link #parse} reads it and the command line's {@code --schedule} writes it. */
    public String text() {
        String base = switch (kind) {
            case CONSTANT -> "constant";
            case COSINE -> "cosine";
            case STEP -> "step:" + every + ":" + gamma;
        };
        return warmup > 0 ? (kind == Kind.CONSTANT ? "" : base + "+") + "warmup:" + warmup : base;
    }

    private static int positiveInt(String part, String text) {
        try {
            int v = Integer.parseInt(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TrainingException("schedule '" + part + "': '" + text + "' is not a positive whole number");
    }

    private static double number(String part, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new TrainingException("schedule '" + part + "': '" + text + "' is not a number");
        }
    }

    /** The learning rate for 0-based {@code step} of {@code totalSteps}, from the base rate. */
    public double rate(double base, long step, long totalSteps) {
        double lr = switch (kind) {
            case CONSTANT -> base;
            case STEP -> base * Math.pow(gamma, step / every);
            case COSINE -> {
                long span = Math.max(1, totalSteps - warmup);
                double t = Math.min(1, Math.max(0, (double) (step - warmup) / span));
                yield base * 0.5 * (1 + Math.cos(Math.PI * t));
            }
        };
        if (step < warmup) {
            lr = base * (step + 1) / (double) warmup;
        }
        return lr;
    }
}
