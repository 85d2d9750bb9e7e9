package app.descent.training;

import app.descent.UserInputException;

/** A training setting that cannot work (unknown optimizer, negative learning rate, …), named with its value. */
public final class TrainingException extends UserInputException {
    public TrainingException(String message) {
        super(message);
    }
}
