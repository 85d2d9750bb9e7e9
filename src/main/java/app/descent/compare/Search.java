package app.descent.compare;

import app.descent.UserInputException;
import app.descent.network.Layer;
import app.descent.training.Losses;
import app.descent.training.TrainingEvent;
import app.descent.training.TrainingRun;
import app.descent.training.data.DataSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Hyperparameter search done soundly: every trial is scored by its loss on the validation set (minimized), the
 * validation set is evaluated in a fixed order and never trained on, and a classifier is scored by cross-entropy.
 * Trials run one after the other, a step per {@link #advance()}, on the caller's thread; all start from the same
 * seed. A trial is pruned (median rule, as Optuna's MedianPruner) when after an epoch its validation loss is worse
 * than the median of the completed trials' validation losses at that epoch.
 */
public final class Search implements AutoCloseable {

    /**
     * Where to search: the learning rate log-uniformly in [lrMin, lrMax], the weight decay uniformly in
     * [weightDecayMin, weightDecayMax], the batch size among {@code batchSizes}.
     */
    public record Space(double lrMin, double lrMax, double weightDecayMin, double weightDecayMax,
                        List<Integer> batchSizes) {
        public Space {
            batchSizes = List.copyOf(batchSizes);
            if (!(lrMin > 0 && lrMax >= lrMin && Double.isFinite(lrMax))) {
                throw new CompareException("the learning rate range must be two positive numbers, the smaller first, "
                        + "not " + lrMin + ", " + lrMax);
            }
            if (!(weightDecayMin >= 0 && weightDecayMax >= weightDecayMin && Double.isFinite(weightDecayMax))) {
                throw new CompareException("the weight decay range must be two numbers of at least 0, the smaller "
                        + "first, not " + weightDecayMin + ", " + weightDecayMax);
            }
            if (batchSizes.isEmpty() || batchSizes.stream().anyMatch(b -> b < 1)) {
                throw new CompareException("give batch sizes of at least 1, not " + batchSizes);
            }
        }
    }

    /**
     * @param grid           every combination of {@code gridPoints} learning rates (log-spaced), as many weight
     *                       decays (evenly spaced) and every batch size, instead of {@code trials} random draws
     * @param startupTrials  completed trials before pruning starts
     * @param warmupEpochs   epochs a trial always runs before it may be pruned
     */
    public record Config(Space space, int trials, boolean grid, int gridPoints, long seed, int startupTrials,
                         int warmupEpochs) {
        public Config {
            if (trials < 1) {
                throw new CompareException("a search needs at least 1 trial, not " + trials);
            }
            if (gridPoints < 1) {
                throw new CompareException("a grid needs at least 1 point per range, not " + gridPoints);
            }
            if (startupTrials < 0 || warmupEpochs < 0) {
                throw new CompareException("startup trials and warm-up epochs must be at least 0");
            }
        }

        public static Config random(Space space, int trials, long seed) {
            return new Config(space, trials, false, 3, seed, 2, 1);
        }
    }

    public record Params(double lr, double weightDecay, int batchSize) {
    }

    public enum Status { WAITING, RUNNING, DONE, PRUNED, DIVERGED }

    /**
     * One trial so far. {@code valLoss} and {@code valAccuracy} are its last epoch's (NaN before the first epoch
     * ended, or when it diverged); {@code valLosses} has one entry per epoch run.
     */
    public record Trial(int number, Params params, Status status, double valLoss, double valAccuracy, int epochs,
                        List<Double> valLosses, String reason) {
        public boolean pruned() {
            return status == Status.PRUNED;
        }
    }

    private final List<Layer> layers;
    private final DataSplit data;
    private final TrainingRun.Settings base;
    private final Config config;
    private final List<Params> plan;
    private final Status[] status;
    private final List<List<Double>> valLosses = new ArrayList<>();
    private final double[] valAccuracy;
    private final String[] reason;
    private int current = -1;
    private TrainingRun run;

    public Search(List<Layer> layers, DataSplit data, TrainingRun.Settings base, Config config) {
        if (data.validation().count() == 0) {
            throw new CompareException("a search scores every trial on the validation set, and there is none: "
                    + "give a validation fraction above 0");
        }
        if (base.loss() == Losses.Kind.MSE) {
            throw new CompareException("score a classifier by cross-entropy, not by the mean squared error of its "
                    + "outputs: use loss ce (or bce for two classes)");
        }
        this.layers = List.copyOf(layers);
        this.data = data;
        this.base = base;
        this.config = config;
        this.plan = plan(config);
        status = new Status[plan.size()];
        Arrays.fill(status, Status.WAITING);
        valAccuracy = new double[plan.size()];
        Arrays.fill(valAccuracy, Double.NaN);
        reason = new String[plan.size()];
        for (int i = 0; i < plan.size(); i++) {
            valLosses.add(new ArrayList<>());
        }
        settings(0);
    }

    /** The trials' parameters, fixed before any trial runs: a pure function of the config. */
    public static List<Params> plan(Config c) {
        Space s = c.space();
        List<Params> out = new ArrayList<>();
        if (c.grid()) {
            for (double lr : points(s.lrMin(), s.lrMax(), c.gridPoints(), true)) {
                for (double wd : points(s.weightDecayMin(), s.weightDecayMax(), c.gridPoints(), false)) {
                    for (int b : s.batchSizes()) {
                        out.add(new Params(lr, wd, b));
                    }
                }
            }
            return out;
        }
        SplittableRandom r = new SplittableRandom(c.seed());
        for (int t = 0; t < c.trials(); t++) {
            double lr = Math.exp(Math.log(s.lrMin()) + r.nextDouble() * (Math.log(s.lrMax()) - Math.log(s.lrMin())));
            double wd = s.weightDecayMin() + r.nextDouble() * (s.weightDecayMax() - s.weightDecayMin());
            out.add(new Params(lr, wd, s.batchSizes().get(r.nextInt(s.batchSizes().size()))));
        }
        return out;
    }

    private static double[] points(double from, double to, int n, boolean log) {
        if (from == to || n == 1) {
            return new double[] {n == 1 && from != to ? (log ? Math.sqrt(from * to) : (from + to) / 2) : from};
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / (n - 1);
            p[i] = log ? Math.exp(Math.log(from) + t * (Math.log(to) - Math.log(from))) : from + t * (to - from);
        }
        // the ends exactly as given, so that 1e-4 shows as 1e-4 and not 1.0000000000000003e-4
        p[0] = from;
        p[n - 1] = to;
        return p;
    }

    private TrainingRun.Settings settings(int trial) {
        Params p = plan.get(trial);
        try {
            return new TrainingRun.Settings(base.loss(), base.optimizer().withLr(p.lr()).withWeightDecay(p.weightDecay()),
                    base.init(), p.batchSize(), base.epochs(), base.seed(), base.schedule(), base.clipNorm(),
                    base.patience(), base.device());
        } catch (UserInputException e) {
            throw new CompareException("trial " + trial + ": " + e.getMessage());
        }
    }

    public int size() {
        return plan.size();
    }

    public List<Params> plan() {
        return plan;
    }

    public boolean finished() {
        return current == plan.size() - 1 && run == null;
    }

    /** The share of the trials that have ended (done, pruned or diverged), 0 to 1. */
    public double progress() {
        if (plan.isEmpty()) {
            return 1;
        }
        int ended = 0;
        for (Status st : status) {
            ended += st == Status.DONE || st == Status.PRUNED || st == Status.DIVERGED ? 1 : 0;
        }
        return (double) ended / plan.size();
    }

    /** The trial being trained, or -1 before the first step. */
    public int current() {
        return current;
    }

    /** One step of the current trial (starting the next one when it ended); its events carry the trial number. */
    public List<TrainingEvent> advance() {
        if (finished()) {
            return List.of();
        }
        if (run == null) {
            current++;
            try {
                run = new TrainingRun(current, layers, data, settings(current));
            } catch (UserInputException e) {
                throw new CompareException("trial " + current + ": " + e.getMessage());
            }
            status[current] = Status.RUNNING;
        }
        List<TrainingEvent> events = run.advance();
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Epoch ep) {
                valLosses.get(current).add(ep.valLoss());
                valAccuracy[current] = ep.valAccuracy();
                if (!run.finished() && shouldPrune(ep.epoch(), ep.valLoss())) {
                    status[current] = Status.PRUNED;
                    reason[current] = String.format(java.util.Locale.ROOT, "pruned after epoch %d: validation loss "
                            + "%.4g above the median %.4g of the completed trials", ep.epoch(), ep.valLoss(),
                            median(ep.epoch()));
                }
            } else if (e instanceof TrainingEvent.Done d) {
                status[current] = Status.DONE;
                reason[current] = d.reason();
            } else if (e instanceof TrainingEvent.Diverged d) {
                status[current] = Status.DIVERGED;
                reason[current] = d.reason();
            }
        }
        if (status[current] != Status.RUNNING) {
            run.close();
            run = null;
        }
        return events;
    }

    private boolean shouldPrune(int epoch, double valLoss) {
        if (epoch <= config.warmupEpochs()) {
            return false;
        }
        double m = median(epoch);
        return !Double.isNaN(m) && valLoss > m;
    }

    /** The median validation loss at {@code epoch} of the completed trials that reached it, NaN if too few. */
    private double median(int epoch) {
        List<Double> at = new ArrayList<>();
        for (int t = 0; t < current; t++) {
            if (status[t] == Status.DONE && valLosses.get(t).size() >= epoch) {
                at.add(valLosses.get(t).get(epoch - 1));
            }
        }
        long completed = Arrays.stream(status, 0, Math.max(0, current)).filter(s -> s == Status.DONE).count();
        if (at.isEmpty() || completed < Math.max(1, config.startupTrials())) {
            return Double.NaN;
        }
        at.sort(null);
        int n = at.size();
        return n % 2 == 1 ? at.get(n / 2) : (at.get(n / 2 - 1) + at.get(n / 2)) / 2;
    }

    /** Runs every trial on the calling thread. */
    public List<Trial> runToEnd() {
        while (!finished()) {
            advance();
        }
        return trials();
    }

    public Trial trial(int t) {
        List<Double> v = List.copyOf(valLosses.get(t));
        double last = status[t] == Status.DIVERGED || v.isEmpty() ? Double.NaN : v.get(v.size() - 1);
        return new Trial(t, plan.get(t), status[t], last, status[t] == Status.DIVERGED ? Double.NaN : valAccuracy[t],
                v.size(), v, reason[t]);
    }

    /** Every trial in order of number, waiting ones included. */
    public List<Trial> trials() {
        List<Trial> out = new ArrayList<>();
        for (int t = 0; t < plan.size(); t++) {
            out.add(trial(t));
        }
        return out;
    }

    /** The completed trial with the lowest validation loss (pruned and diverged trials never win). */
    public Optional<Trial> best() {
        Trial best = null;
        for (Trial t : trials()) {
            if (t.status() == Status.DONE && (best == null || t.valLoss() < best.valLoss())) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public void close() {
        if (run != null) {
            run.close();
            run = null;
        }
    }

    /**
     * Tutorial 8 Q7's Optuna search, corrected: the three fixes are marked FIX 1–3. To show beside the buggy
     * version.
     */
    public static final String SOUND_OPTUNA = """
            import optuna
            import torch
            from torch import nn
            from torch.utils.data import DataLoader

            def objective(trial):
                lr = trial.suggest_float("lr", 1e-4, 1e-1, log=True)
                weight_decay = trial.suggest_float("weight_decay", 0.0, 1e-3)
                batch_size = trial.suggest_categorical("batch_size", [16, 32, 64])

                model = make_model()
                optimizer = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
                # FIX 3: a classifier is trained and scored by cross-entropy on its logits,
                #        not by MSELoss between logits and class numbers
                loss_fn = nn.CrossEntropyLoss()
                train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True)
                # FIX 2: the validation data is only evaluated, in a fixed order (shuffle=False),
                #        never trained on, and kept apart from the test set
                val_loader = DataLoader(val_set, batch_size=256, shuffle=False)

                for epoch in range(EPOCHS):
                    model.train()
                    for x, y in train_loader:
                        optimizer.zero_grad()
                        loss_fn(model(x), y).backward()
                        optimizer.step()

                    model.eval()
                    total, count = 0.0, 0
                    with torch.no_grad():
                        for x, y in val_loader:
                            total += loss_fn(model(x), y).item() * len(y)
                            count += len(y)
                    val_loss = total / count

                    trial.report(val_loss, epoch)
                    if trial.should_prune():      # early stop of a bad trial
                        raise optuna.TrialPruned()

                # FIX 1: the score is the validation loss, not the training loss
                return val_loss

            # FIX 1: a loss is minimized (direction="minimize"), not maximized
            study = optuna.create_study(direction="minimize",
                                        sampler=optuna.samplers.TPESampler(seed=0),
                                        pruner=optuna.pruners.MedianPruner(n_startup_trials=2, n_warmup_steps=1))
            study.optimize(objective, n_trials=20)
            print(study.best_params, study.best_value)
            """;
}
