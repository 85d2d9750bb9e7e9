package app.descent.network;

import app.descent.UserInputException;

/**
 * A network that cannot be built, imported or evaluated: unknown layer, bad argument, shapes that do not fit,
 * unreadable file. The message is one line and names the layer (index, dotted name, type) or the code line.
 */
public class NetworkException extends UserInputException {
    public NetworkException(String message) {
        super(message);
    }

    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
