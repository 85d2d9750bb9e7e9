package app.descent.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.SplittableRandom;

/** Epochs, batches and iterations: how many optimizer steps a training run makes. */
public final class IterationsTopic implements Topic {
    private static final int[] SAMPLES = {1000, 2500, 5000, 8000, 10000, 50000, 60000};
    private static final int[] BATCHES = {16, 32, 50, 64, 100, 128, 250, 256};

    @Override
    public String id() {
        return "iterations";
    }

    @Override
    public String title() {
        return "Epochs, batches and iterations";
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return exercise(SAMPLES[r.nextInt(SAMPLES.length)], BATCHES[r.nextInt(BATCHES.length)], r.nextInt(1, 21),
                r.nextBoolean());
    }

    public static Exercise exercise(int samples, int batch, int epochs, boolean dropLast) {
        long perEpoch = dropLast ? samples / batch : (samples + batch - 1L) / batch;
        ObjectNode given = Answers.object();
        given.put("samples", samples);
        given.put("batchSize", batch);
        given.put("epochs", epochs);
        given.put("dropLast", dropLast);
        ObjectNode answer = Answers.object();
        answer.put("iterationsPerEpoch", perEpoch);
        answer.put("iterations", perEpoch * epochs);
        String rounding = dropLast ? "⌊" + samples + " / " + batch + "⌋ = " + perEpoch
                + " (drop_last=True throws away the last, incomplete batch)"
                : "⌈" + samples + " / " + batch + "⌉ = " + perEpoch + " (the last batch may be smaller)";
        List<String> solution = List.of(
                "An iteration is one optimizer step on one batch; an epoch is one pass over all " + samples + " samples.",
                "Iterations per epoch: " + rounding + ".",
                "In " + epochs + " epochs: " + perEpoch + " · " + epochs + " = " + perEpoch * epochs + " iterations.");
        String question = "A training set of " + samples + " samples is trained for " + epochs + " epochs with batch size "
                + batch + (dropLast ? " and drop_last=True" : "") + ". How many iterations (optimizer steps) are there "
                + "per epoch, and in all?";
        return new Exercise("iterations", question, given, answer, solution);
    }
}
