package app.descent.lessons;

import app.descent.UserInputException;

/** A malformed lesson file or an unknown lesson: the message names the file, the line and what is wrong. */
public final class LessonException extends UserInputException {
    public LessonException(String message) {
        super(message);
    }

    /** {@code file:line: what}. */
    public static LessonException at(String file, int line, String what) {
        return new LessonException(file + ":" + line + ": " + what);
    }
}
