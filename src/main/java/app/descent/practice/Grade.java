package app.descent.practice;

import java.util.List;

/**
 * The verdict on an answer, with a sentence saying what was right or which part was off.
 *
 * @param off the labels ({@link Exercise#labels()}) of the numbers that are off; empty when the answer is right or
 *            when it is not made of numbers
 */
public record Grade(boolean correct, String feedback, List<String> off) {
    public Grade {
        off = List.copyOf(off);
    }

    public Grade(boolean correct, String feedback) {
        this(correct, feedback, List.of());
    }
}
