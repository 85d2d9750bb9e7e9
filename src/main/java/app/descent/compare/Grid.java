package app.descent.compare;

import app.descent.UserInputException;
import app.descent.network.Layer;
import app.descent.training.TrainingEvent;
import app.descent.training.TrainingRun;
import app.descent.training.data.DataSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs that differ in one setting, trained side by side: run {@code i} is variant {@code i}, and its events carry
 * id {@code i}. All runs share the data (loaded once) and the seed, so where the architecture is the same they
 * start from the same weights (layers without parameters, such as activations and dropout, do not count): varying
 * only the optimizer or the learning rate gives the same initial loss to the last bit.
 * <p>Runs advance by samples seen, not by steps: each {@link #advance()} steps every unfinished run that has seen
 * the fewest training examples. Runs with the same batch size so step in turn, one step each; a run with batch
 * size 8 takes four steps for each step of one with 32, and all curves reach an epoch at the same moment.
 * <p>Not thread-safe and not tied to a thread: call it from the one training thread.
 */
public final class Grid implements AutoCloseable {

    /** STOPPED: taken out by {@link #stop(int)} (a study's target reached, a search's trial pruned). */
    public enum Status { RUNNING, DONE, DIVERGED, STOPPED }

    /**
     * What a run has done so far.
     *
     * @param initialLoss the loss on the training split at initialization, in evaluation mode (dropout off): the
     *                    same examples and mode as every later evaluation, so the curves start where they should
     * @param stepLosses  the training loss of each step (of its batch, in training mode)
     * @param done        the test figures once it finished normally, else null
     * @param diverged    why and where it stopped if the loss diverged, else null
     */
    public record Result(Variation.Variant variant, double initialLoss, double[] stepLosses,
                         List<TrainingEvent.Epoch> epochs, TrainingEvent.Done done, TrainingEvent.Diverged diverged,
                         long samplesSeen, boolean stopped) {
        public Status status() {
            return diverged != null ? Status.DIVERGED : done != null ? Status.DONE
                    : stopped ? Status.STOPPED : Status.RUNNING;
        }

        /** The last epoch's figures, or null before the first epoch ended. */
        public TrainingEvent.Epoch last() {
            return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
        }

        public long steps() {
            return stepLosses.length;
        }
    }

    private final List<Variation.Variant> variants;
    private final DataSplit data;
    private final List<TrainingRun> runs = new ArrayList<>();
    private final double[] initialLoss;
    private final double[][] losses;
    private final int[] stepCount;
    private final List<List<TrainingEvent.Epoch>> epochs = new ArrayList<>();
    private final TrainingEvent.Done[] done;
    private final TrainingEvent.Diverged[] diverged;
    private final boolean[] stopped;

    /** The variants of {@code variation} applied to one base network and settings, on {@code data}. */
    public static Grid of(List<Layer> layers, DataSplit data, TrainingRun.Settings settings, Variation variation,
                          boolean lrGiven) {
        return new Grid(variation.apply(layers, settings, lrGiven), data);
    }

    /**
     * Builds every run and measures its initial loss before any step. A variant that cannot be built fails the
     * whole grid with its label in the message ("hidden=0: …"), and the runs built so far are closed.
     */
    public Grid(List<Variation.Variant> variants, DataSplit data) {
        if (variants.isEmpty()) {
            throw new CompareException("nothing to compare: no variants");
        }
        this.variants = List.copyOf(variants);
        this.data = data;
        int n = variants.size();
        initialLoss = new double[n];
        losses = new double[n][];
        stepCount = new int[n];
        done = new TrainingEvent.Done[n];
        diverged = new TrainingEvent.Diverged[n];
        stopped = new boolean[n];
        try {
            for (int i = 0; i < n; i++) {
                Variation.Variant v = variants.get(i);
                try {
                    runs.add(new TrainingRun(i, v.layers(), data, v.settings()));
                } catch (UserInputException e) {
                    throw new CompareException(v.label() + ": " + e.getMessage());
                }
                losses[i] = new double[64];
                epochs.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                initialLoss[i] = runs.get(i).evaluate(data.train()).loss();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public int size() {
        return runs.size();
    }

    public Variation.Variant variant(int i) {
        return variants.get(i);
    }

    public List<Variation.Variant> variants() {
        return variants;
    }

    public DataSplit data() {
        return data;
    }

    /** The run itself, e.g. for a decision-boundary picture; do not advance it behind the grid's back. */
    public TrainingRun run(int i) {
        return runs.get(i);
    }

    public double initialLoss(int i) {
        return initialLoss[i];
    }

    /** Training examples run {@code i} has stepped through, over all its epochs. */
    public long samplesSeen(int i) {
        TrainingRun r = runs.get(i);
        long n = data.train().count();
        int batch = r.settings().batchSize();
        long perEpoch = (n + batch - 1) / batch;
        long steps = r.steps();
        return steps / perEpoch * n + Math.min(n, steps % perEpoch * batch);
    }

    private boolean over(int i) {
        return stopped[i] || runs.get(i).finished();
    }

    public boolean finished(int i) {
        return over(i);
    }

    /** The share of the grid's steps done, 0 to 1; a run stopped early or finished counts as done. */
    public double progress() {
        if (runs.isEmpty()) {
            return 1;
        }
        double sum = 0;
        for (int i = 0; i < runs.size(); i++) {
            TrainingRun r = runs.get(i);
            long perEpoch = (data.train().count() + r.settings().batchSize() - 1) / r.settings().batchSize();
            long total = Math.max(1, perEpoch * r.settings().epochs());
            sum += over(i) ? 1 : Math.min(1.0, (double) r.steps() / total);
        }
        return sum / runs.size();
    }

    public boolean finished() {
        for (int i = 0; i < runs.size(); i++) {
            if (!over(i)) {
                return false;
            }
        }
        return true;
    }

    /** Takes run {@code i} out of the race where it stands; it keeps its figures so far (and its weights). */
    public void stop(int i) {
        if (!runs.get(i).finished()) {
            stopped[i] = true;
        }
    }

    /** One step of each unfinished run that is furthest behind in samples seen; their events, by run id. */
    public List<TrainingEvent> advance() {
        List<TrainingEvent> events = new ArrayList<>();
        long behind = Long.MAX_VALUE;
        for (int i = 0; i < runs.size(); i++) {
            if (!over(i)) {
                behind = Math.min(behind, samplesSeen(i));
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            TrainingRun r = runs.get(i);
            if (over(i) || samplesSeen(i) != behind) {
                continue;
            }
            for (TrainingEvent e : r.advance()) {
                record(i, e);
                events.add(e);
            }
        }
        return events;
    }

    /** Advances until every run has finished, handing each event to {@code sink}. */
    public void runToEnd(java.util.function.Consumer<TrainingEvent> sink) {
        while (!finished()) {
            advance().forEach(sink);
        }
    }

    private void record(int i, TrainingEvent e) {
        if (e instanceof TrainingEvent.Step s) {
            if (stepCount[i] == losses[i].length) {
                losses[i] = Arrays.copyOf(losses[i], losses[i].length * 2);
            }
            losses[i][stepCount[i]++] = s.loss();
        } else if (e instanceof TrainingEvent.Epoch ep) {
            epochs.get(i).add(ep);
        } else if (e instanceof TrainingEvent.Done d) {
            done[i] = d;
        } else if (e instanceof TrainingEvent.Diverged d) {
            diverged[i] = d;
        }
    }

    /** A snapshot of run {@code i}. */
    public Result result(int i) {
        return new Result(variants.get(i), initialLoss[i], Arrays.copyOf(losses[i], stepCount[i]),
                List.copyOf(epochs.get(i)), done[i], diverged[i], samplesSeen(i), stopped[i]);
    }

    public List<Result> results() {
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            out.add(result(i));
        }
        return out;
    }

    @Override
    public void close() {
        for (TrainingRun r : runs) {
            r.close();
        }
    }
}
