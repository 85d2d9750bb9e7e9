package app.descent.compare;

import app.descent.UserInputException;

/** A comparison that cannot be set up: unknown setting to vary, a bad value, a variant whose network cannot work. */
public final class CompareException extends UserInputException {
    public CompareException(String message) {
        super(message);
    }
}
