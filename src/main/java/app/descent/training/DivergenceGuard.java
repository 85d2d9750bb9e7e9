package app.descent.training;

/**
 * Stops a run that has gone wrong: a loss that is not finite, or one that climbs past 100× its typical value over
 * the first steps. The second rule matters: with a huge learning rate an MLP's loss can stay finite while the
 * weights explode.
 */
public final class DivergenceGuard {
    static final int REFERENCE_STEPS = 10;
    static final double FACTOR = 100;

    private double referenceSum;
    private int referenceCount;
    private String reason;

    /** @return null while the run is healthy, else why it diverged */
    public String check(long step, double loss) {
        if (reason != null) {
            return reason;
        }
        if (!Double.isFinite(loss)) {
            reason = "the loss became " + (Double.isNaN(loss) ? "NaN" : "infinite") + " at step " + step
                    + "; try a lower learning rate";
        } else if (referenceCount < REFERENCE_STEPS) {
            referenceSum += loss;
            referenceCount++;
        } else {
            double reference = referenceSum / referenceCount;
            if (loss > FACTOR * Math.max(reference, 1e-3)) {
                reason = String.format("the loss climbed to %.4g at step %d, over %d× its value in the first %d steps "
                        + "(%.4g); try a lower learning rate", loss, step, (int) FACTOR, REFERENCE_STEPS, reference);
            }
        }
        return reason;
    }
}
