package app.descent.practice;

/** A generator of exercises of one kind, and the grader of their answers. */
public interface Topic {
    /** The id used on the command line, e.g. {@code backprop}. */
    String id();

    /** A short human title. */
    String title();

    /** The same seed always gives the same exercise; different seeds give different numbers. */
    Exercise generate(long seed);

    /**
     * Grades an answer given as JSON (same shape as {@link Exercise#answer()}) or as plain numbers separated by commas
     * or spaces in the answer's natural order. Throws {@link PracticeException} when the text cannot be read.
     */
    default Grade check(Exercise exercise, String answerText) {
        return Answers.compare(exercise, answerText);
    }

    /**
     * Grades an answer typed one number per field, in the order of {@link Exercise#labels()}. Throws
     * {@link PracticeException} naming the field (by its label) that is empty or not a number.
     */
    default Grade check(Exercise exercise, java.util.List<String> fields) {
        return Answers.compare(exercise, fields);
    }
}
