package app.descent.session;

import app.descent.UserInputException;

/** A session file that cannot be opened: damaged, foreign, from a newer Descent, or a state a workspace refuses. */
public class SessionException extends UserInputException {
    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
