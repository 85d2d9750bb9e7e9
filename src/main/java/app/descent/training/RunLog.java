package app.descent.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one run of the Training workspace has shown so far, as plain numbers: the training loss of every step, the
 * figures of every epoch (with the step it ended on, where the charts draw it), the test figures or the divergence,
 * and its last confusion matrix or decision boundary. Filled from the run's events on one thread (the window's);
 * written to and read from a session by {@link TrainingJson}.
 */
public final class RunLog {
    /** An epoch's figures and the step it ended on. */
    public record EpochAt(long step, TrainingEvent.Epoch epoch) {
    }

    private final int run;
    private long stepsPerEpoch = 1;
    private long lastStep;
    private final List<double[]> steps = new ArrayList<>();
    private final List<EpochAt> epochs = new ArrayList<>();
    private TrainingEvent.Done done;
    private TrainingEvent.Diverged diverged;
    private int[][] confusion;
    private List<String> classNames = List.of();
    private float[] boundary;
    private int boundaryClasses;
    private int boundaryGrid;
    private int[] mistakes;
    private int[] mistakesPredicted;

    public RunLog(int run) {
        this.run = run;
    }

    /** Takes an event of this run. */
    public void add(TrainingEvent e) {
        if (e instanceof TrainingEvent.Step s) {
            steps.add(new double[] {s.step(), s.loss()});
            lastStep = s.step();
        } else if (e instanceof TrainingEvent.Epoch ep) {
            epochs.add(new EpochAt(lastStep, ep));
        } else if (e instanceof TrainingEvent.Done d) {
            done = d;
        } else if (e instanceof TrainingEvent.Diverged d) {
            diverged = d;
        }
    }

    public int run() {
        return run;
    }

    public long stepsPerEpoch() {
        return stepsPerEpoch;
    }

    public void stepsPerEpoch(long n) {
        stepsPerEpoch = Math.max(1, n);
    }

    /** The last step reported. */
    public long lastStep() {
        return lastStep;
    }

    /** (step, training loss of its batch) for every step so far. */
    public List<double[]> steps() {
        return Collections.unmodifiableList(steps);
    }

    public List<EpochAt> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** The epochs' figures alone (for the metrics CSV). */
    public List<TrainingEvent.Epoch> epochFigures() {
        return epochs.stream().map(EpochAt::epoch).toList();
    }

    public TrainingEvent.Done done() {
        return done;
    }

    public TrainingEvent.Diverged diverged() {
        return diverged;
    }

    /** counts[true class][predicted class] on the test set, or null. */
    public int[][] confusion() {
        return confusion;
    }

    public List<String> classNames() {
        return classNames;
    }

    public void confusion(int[][] counts, List<String> names) {
        confusion = counts;
        classNames = List.copyOf(names);
    }

    /** The decision boundary's probabilities on a grid × grid raster, or null. */
    public float[] boundary() {
        return boundary;
    }

    public int boundaryClasses() {
        return boundaryClasses;
    }

    public int boundaryGrid() {
        return boundaryGrid;
    }

    public void boundary(float[] probabilities, int classes, int grid) {
        boundary = probabilities;
        boundaryClasses = classes;
        boundaryGrid = grid;
    }

    /** The misclassified test examples shown (their indices in the run's test set), or null. */
    public int[] mistakes() {
        return mistakes;
    }

    /** What the run predicted for each of {@link #mistakes()}, or null. */
    public int[] mistakesPredicted() {
        return mistakesPredicted;
    }

    public void mistakes(int[] indices, int[] predicted) {
        if (indices.length != predicted.length) {
            throw new IllegalArgumentException("one prediction per index");
        }
        mistakes = indices.clone();
        mistakesPredicted = predicted.clone();
    }
}
