package app.descent.training;

/** What a run reports, as plain numbers (never arrays of the engine) so any thread may read them. */
public sealed interface TrainingEvent {

    /** After each optimizer step. */
    record Step(int run, long step, int epoch, double loss, double learningRate) implements TrainingEvent {
    }

    /** After each epoch: training figures are averages over the epoch, validation figures on the held-out set. */
    record Epoch(int run, int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                 double seconds) implements TrainingEvent {
    }

    /** The run finished: figures on the test set. {@code reason} says why it stopped early, or is null. */
    record Done(int run, double testLoss, double testAccuracy, long steps, double seconds, String reason)
            implements TrainingEvent {
    }

    /** The run stopped because the loss diverged. */
    record Diverged(int run, long step, String reason) implements TrainingEvent {
    }
}
