package app.descent;

/**
 * A mistake in what a person gave Descent (an expression, a snippet, a file, a hyperparameter), as opposed to a bug.
 * Each core package throws its own subclass; the CLI prints the message on one line and exits 2, the UI shows it
 * next to the field it concerns. The message must name what and where (column, line, layer, file).
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Lines that show where the mistake is (a caret under a column), printed after the message; may be empty. */
    public String detail() {
        return "";
    }
}
