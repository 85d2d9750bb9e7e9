package app.descent.practice;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Easy, normal or hard exercises of a topic, judged by how much working they take: the number of solution steps
 * and of numbers in the answer. Each level takes the matching third of what the topic's generator produces.
 */
public enum Difficulty {
    EASY, NORMAL, HARD;

    private static final int SAMPLE = 60;
    private static final int TRIES = 200;
    private static final Map<String, double[]> CUTS = new HashMap<>();

    public static Difficulty parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PracticeException("unknown difficulty '" + text + "' (easy, normal or hard)");
        }
    }

    /** How much working an exercise takes. */
    static double effort(Exercise e) {
        int numbers = e.answer().toString().split("[-0-9.]+").length;
        int text = e.solution().stream().mapToInt(String::length).sum();
        return e.solution().size() * 10 + numbers + text / 200.0;
    }

    /** An exercise and the seed that makes it again with {@link Topic#generate(long)}. */
    public record Pick(Exercise exercise, long seed) {
    }

    public Exercise generate(Topic topic, long seed) {
        return pick(topic, seed).exercise();
    }

    /** The first exercise from {@code seed} on whose effort falls in this level's third for the topic. */
    public Pick pick(Topic topic, long seed) {
        double[] cut = cuts(topic);
        for (long s = seed; s < seed + TRIES; s++) {
            Exercise e = topic.generate(s);
            double effort = effort(e);
            boolean fits = switch (this) {
                case EASY -> effort <= cut[0];
                case NORMAL -> effort > cut[0] && effort <= cut[1] || cut[0] == cut[1];
                case HARD -> effort > cut[1] || cut[1] == cut[2];
            };
            if (fits) {
                return new Pick(e, s);
            }
        }
        return new Pick(topic.generate(seed), seed);
    }

    /** The topic's efforts at one and two thirds (and the maximum), from a fixed sample of seeds. */
    private static synchronized double[] cuts(Topic topic) {
        return CUTS.computeIfAbsent(topic.id(), id -> {
            double[] efforts = new double[SAMPLE];
            for (int i = 0; i < SAMPLE; i++) {
                efforts[i] = effort(topic.generate(1_000_003L * i + 17));
            }
            java.util.Arrays.sort(efforts);
            return new double[] {efforts[SAMPLE / 3], efforts[2 * SAMPLE / 3], efforts[SAMPLE - 1]};
        });
    }
}
