package app.descent.practice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The perceptron learning algorithm by hand: w starts at zero, the bias is a trailing 1 on each sample, samples are
 * visited in order, and w ← w + y·x whenever y·wᵀx ≤ 0; training stops after an epoch without an update or after
 * {@code maxEpochs} epochs.
 */
public final class PerceptronTopic implements Topic {
    @Override
    public String id() {
        return "perceptron";
    }

    @Override
    public String title() {
        return "Perceptron learning by hand";
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = r.nextInt(3, 6);
        int d = r.nextInt(2, 4);
        double[][] samples = new double[n][d];
        int[] labels = new int[n];
        // a hidden separating direction keeps most exercises converging; an odd one may not within maxEpochs
        double[] truth = new double[d + 1];
        for (int j = 0; j <= d; j++) {
            truth[j] = r.nextInt(-2, 3);
        }
        for (int i = 0; i < n; i++) {
            double dot = truth[d];
            for (int j = 0; j < d; j++) {
                samples[i][j] = r.nextInt(-1, 3);
                dot += truth[j] * samples[i][j];
            }
            labels[i] = dot > 0 ? 1 : dot < 0 ? -1 : (r.nextBoolean() ? 1 : -1);
        }
        return exercise(samples, labels, r.nextInt(4, 11));
    }

    /** The result of a run: the final weights (bias last), the epochs run, and the table's rows. */
    public record Run(double[] w, int epochs, List<String> table) {
    }

    public static Run train(double[][] samples, int[] labels, int maxEpochs) {
        int d = samples[0].length + 1;
        double[] w = new double[d];
        List<String> table = new ArrayList<>();
        table.add("t | x | y | wᵀx | y·wᵀx | w");
        int t = 0;
        int epochs = 0;
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            epochs = epoch;
            boolean updated = false;
            for (int i = 0; i < samples.length; i++) {
                double[] x = new double[d];
                System.arraycopy(samples[i], 0, x, 0, d - 1);
                x[d - 1] = 1;
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += w[j] * x[j];
                }
                int y = labels[i];
                if (y * dot <= 0) {
                    for (int j = 0; j < d; j++) {
                        w[j] += y * x[j];
                    }
                    updated = true;
                }
                t++;
                table.add(t + " | " + Answers.vec(x) + " | " + (y > 0 ? "+1" : "-1") + " | " + Answers.fmt(dot) + " | "
                        + Answers.fmt(y * dot) + (y * dot <= 0 ? " ≤ 0, update" : " > 0") + " | " + Answers.vec(w));
            }
            if (!updated) {
                break;
            }
        }
        return new Run(w, epochs, table);
    }

    public static Exercise exercise(double[][] samples, int[] labels, int maxEpochs) {
        if (samples.length == 0 || samples.length != labels.length) {
            throw new IllegalArgumentException("one label per sample");
        }
        ObjectNode given = Answers.object();
        ArrayNode s = given.putArray("samples");
        for (double[] x : samples) {
            s.add(Answers.array(x));
        }
        ArrayNode l = given.putArray("labels");
        for (int y : labels) {
            l.add(y);
        }
        given.put("maxEpochs", maxEpochs);
        Run run = train(samples, labels, maxEpochs);
        ObjectNode answer = Answers.object();
        answer.set("w", Answers.array(run.w()));
        answer.put("epochs", run.epochs());
        List<String> solution = new ArrayList<>();
        solution.add("Append 1 to every sample for the bias; w starts at " + Answers.vec(new double[run.w().length]) + ".");
        solution.addAll(run.table());
        boolean converged = run.table().size() > 1 && run.epochs() <= maxEpochs
                && run.table().subList(run.table().size() - samples.length, run.table().size()).stream()
                        .noneMatch(row -> row.contains("update"));
        solution.add(converged ? "Epoch " + run.epochs() + " made no update: the data are separated by w = "
                + Answers.vec(run.w()) + "." : "Stopped after " + run.epochs() + " epochs (the limit) with w = "
                + Answers.vec(run.w()) + ".");
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < samples.length; i++) {
            data.append(i == 0 ? "" : ", ").append(Answers.vec(samples[i])).append(" → ").append(labels[i] > 0 ? "+1" : "-1");
        }
        String question = "Train a perceptron on " + data + " (in this order, at most " + maxEpochs + " epochs). Start"
                + " with w = 0, absorb the bias as a trailing 1 on each sample and update w ← w + y·x whenever"
                + " y·wᵀx ≤ 0; stop after an epoch without update. Give the final w (bias last) and the number of"
                + " epochs run.";
        List<String> names = new ArrayList<>();
        for (int j = 0; j < run.w().length; j++) {
            names.add(j == run.w().length - 1 ? "bias" : "w" + (j + 1));
        }
        names.add("epochs");
        return new Exercise("perceptron", question, given, answer, solution, names);
    }
}
