package app.descent.ui.fx;

import java.io.File;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * Every file chooser, modal dialog and Quit of the window goes through here, so that a test can put in its own
 * service (no real modal window then blocks a robot) and see what the window asked. The real one is {@link FxDialogs}.
 * Called on the FX thread.
 */
public interface Dialogs {

    /** A file to open; null when the person cancels. */
    File open(Window owner, String description, String pattern);

    /** Where to save; null when the person cancels. */
    File save(Window owner, String suggestedName, String description, String pattern);

    /** A message about something that did not work (a save that failed); the person reads it and closes it. */
    void error(Window owner, String message);

    /** Shows a dialog of the window's own (About …) and waits until it is closed. */
    <R> Optional<R> show(Dialog<R> dialog);

    /** Tells the person that something unexpected failed; does not wait (it may come in the middle of a layout). */
    void crash(Window owner, CrashReport report);

    /** Asks a yes/no question (quit while training?); true for yes. */
    boolean confirm(Window owner, String title, String question);

    /** Ends the application by closing its window (its place is saved and the process ends when it goes). */
    void quit(Window owner);

    /** The service in use. */
    static Dialogs get() {
        return Holder.current;
    }

    /** Puts in another service (a test's); {@code null} goes back to the real one. */
    static void use(Dialogs dialogs) {
        Holder.current = dialogs == null ? new FxDialogs() : dialogs;
    }

    /** The swappable instance (an interface can hold no mutable field of its own). */
    final class Holder {
        private static volatile Dialogs current = new FxDialogs();

        private Holder() {
        }

        static Dialogs current() {
            return Objects.requireNonNull(current);
        }
    }
}
