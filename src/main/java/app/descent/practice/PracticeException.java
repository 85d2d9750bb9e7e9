package app.descent.practice;

import app.descent.UserInputException;

/** An unknown topic or an answer that cannot be read. */
public final class PracticeException extends UserInputException {
    public PracticeException(String message) {
        super(message);
    }
}
