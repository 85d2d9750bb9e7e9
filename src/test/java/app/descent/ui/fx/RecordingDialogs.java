package app.descent.ui.fx;

import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * A dialog service for tests: no modal window ever opens; every request is recorded, and files are answered by the
 * test's own choosers (cancel by default).
 */
public final class RecordingDialogs implements Dialogs {
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<CrashReport> crashes = new CopyOnWriteArrayList<>();
    private volatile Function<String, File> openAnswer = pattern -> null;
    private volatile Function<String, File> saveAnswer = name -> null;
    private volatile java.util.function.Predicate<String> confirmAnswer = title -> false;

    /** What the open chooser answers, given the pattern asked for ("*.csv"); null is Cancel. */
    public RecordingDialogs answerOpen(Function<String, File> answer) {
        openAnswer = answer;
        return this;
    }

    /** What the save chooser answers, given the suggested name; null is Cancel. */
    public RecordingDialogs answerSave(Function<String, File> answer) {
        saveAnswer = answer;
        return this;
    }

    /** What a yes/no question answers, given its title ("Discard changes?"); no by default. */
    public RecordingDialogs answerConfirm(java.util.function.Predicate<String> answer) {
        confirmAnswer = answer;
        return this;
    }

    /** What every yes/no question is answered. */
    public RecordingDialogs answerConfirm(boolean yes) {
        return answerConfirm(title -> yes);
    }

    @Override
    public File open(Window owner, String description, String pattern) {
        calls.add("open " + pattern);
        return openAnswer.apply(pattern);
    }

    @Override
    public File save(Window owner, String suggestedName, String description, String pattern) {
        calls.add("save " + suggestedName);
        return saveAnswer.apply(suggestedName);
    }

    @Override
    public void error(Window owner, String message) {
        calls.add("error " + message);
    }

    @Override
    public <R> Optional<R> show(Dialog<R> dialog) {
        calls.add("show " + dialog.getTitle());
        return Optional.empty();
    }

    @Override
    public void crash(Window owner, CrashReport report) {
        calls.add("crash");
        crashes.add(report);
    }

    @Override
    public boolean confirm(Window owner, String title, String question) {
        calls.add("confirm " + title);
        return confirmAnswer.test(title);
    }

    @Override
    public void quit(Window owner) {
        calls.add("quit");
    }

    public long count(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }
}
