package app.descent.training.data;

import app.descent.UserInputException;

/** A dataset that cannot be read: names the file, and the line for text files. */
public final class DatasetException extends UserInputException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
