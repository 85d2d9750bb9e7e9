package app.descent.practice;

/** The verdict on an answer, with a sentence saying what was right or which part was off. */
public record Grade(boolean correct, String feedback) {
}
