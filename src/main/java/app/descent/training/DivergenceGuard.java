package app.descent.training;

/**
 * Stops a run that has gone wrong: a loss that is not finite, or one that climbs past 100× its lowest value over
 * the first steps. The second rule matters: with a huge learning rate an MLP's loss can stay finite while the
 * weights explode (often from the second step on, so the reference is the lowest early loss, not their mean).
 */
public final class DivergenceGuard {
    static final int REFERENCE_STEPS = 10;
    static final double FACTOR = 100;

    private double reference = Double.POSITIVE_INFINITY;
    private int seen;
    private String reason;

    /** @return null while the run is healthy, else why it diverged */
    public String check(long step, double loss) {
        if (reason != null) {
            return reason;
        }
        if (!Double.isFinite(loss)) {
            reason = "the loss became " + (Double.isNaN(loss) ? "NaN" : "infinite") + " at step " + step
                    + "; try a lower learning rate";
        } else {
            if (seen++ < REFERENCE_STEPS) {
                reference = Math.min(reference, loss);
            }
            if (loss > FACTOR * Math.max(reference, 1e-3)) {
                reason = String.format("the loss climbed to %.4g at step %d, over %d× its lowest value in the first %d "
                        + "steps (%.4g); try a lower learning rate", loss, step, (int) FACTOR, REFERENCE_STEPS, reference);
            }
        }
        return reason;
    }
}
