package app.descent.ui.learn;

import app.descent.lessons.Block;
import app.descent.lessons.Grading;
import app.descent.lessons.Lesson;
import app.descent.lessons.LessonCatalog;
import app.descent.lessons.LessonException;
import app.descent.lessons.LessonParser;
import app.descent.lessons.Step;
import app.descent.ui.fx.Background;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/** The lesson list (loaded off the FX thread after the first frame), the open lesson, its step, and progress. */
public final class LearnViewModel {
    private final LessonProgress progress;
    private final ObservableList<LessonCatalog.Entry> entries = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("Loading the lessons…");
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    private final IntegerProperty step = new SimpleIntegerProperty(-1);
    private final StringProperty fileError = new SimpleStringProperty("");
    /** Lesson files opened by hand this session: on the list too, replacing a lesson with the same id. */
    private final List<LessonCatalog.Entry> opened = new ArrayList<>();

    public LearnViewModel(LessonProgress progress) {
        this.progress = progress;
    }

    /**
     * Reads the shipped lessons, the instructor's (~/.descent/lessons) and those of the folders the window was
     * started with ({@code descent --lessons DIR}) in the background.
     */
    public void load() {
        Task<LessonCatalog> task = new Task<>() {
            @Override
            protected LessonCatalog call() {
                return LessonCatalog.load(LessonCatalog.windowFolders());
            }
        };
        task.setOnSucceeded(e -> {
            entries.setAll(task.getValue().entries());
            opened.forEach(this::add);
            status.set(entries.isEmpty() ? "No lessons found." : "");
        });
        task.setOnFailed(e -> status.set("The lessons could not be read: " + task.getException().getMessage()));
        Background.start(task);
    }

    public ObservableList<LessonCatalog.Entry> entries() {
        return entries;
    }

    /** The lessons by course part, in list order. */
    public Map<String, List<LessonCatalog.Entry>> byCourse() {
        Map<String, List<LessonCatalog.Entry>> groups = new LinkedHashMap<>();
        for (LessonCatalog.Entry e : entries) {
            String course = e.broken() ? "Could not be read" : e.lesson().course();
            groups.computeIfAbsent(course, k -> new ArrayList<>()).add(e);
        }
        return groups;
    }

    /** The one-line error ({@code file:line: what}) of the last lesson file that could not be opened; empty if none. */
    public StringProperty fileErrorProperty() {
        return fileError;
    }

    /**
     * Opens a lesson file chosen by the person (File › Open lesson…): parsed, added to the list (replacing a lesson
     * with the same id), and opened in the lesson panel. A broken file changes nothing but the error line.
     */
    public void openFile(Path file) {
        Lesson l;
        try {
            l = LessonParser.parseFile(file);
        } catch (LessonException e) {
            fileError.set(e.getMessage());
            return;
        }
        fileError.set("");
        LessonCatalog.Entry e = new LessonCatalog.Entry(l.id(), l, null, file.toString());
        opened.removeIf(o -> o.id().equals(l.id()));
        opened.add(e);
        add(e);
        open(l);
    }

    /** A lesson on the list, in place of the one with its id (as an instructor's folder adds or overrides by id). */
    private void add(LessonCatalog.Entry e) {
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).broken() && entries.get(i).id().equals(e.id())) {
                entries.set(i, e);
                return;
            }
        }
        entries.add(e);
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Lesson> lessonProperty() {
        return lesson;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public LessonProgress.State progress(String id) {
        return progress.get(id);
    }

    /** "new", "step 2 of 4" or "done". */
    public String progressText(Lesson l) {
        LessonProgress.State s = progress.get(l.id());
        if (s.done()) {
            return "done";
        }
        return s.step() == 0 ? "new" : "step " + (s.step() + 1) + " of " + l.steps().size();
    }

    /** Opens a lesson where it was left. */
    public void open(Lesson l) {
        LessonProgress.State s = progress.get(l.id());
        step.set(-1);
        lesson.set(l);
        step.set(Math.min(s.done() ? 0 : s.step(), l.steps().size() - 1));
    }

    /** Opens a lesson at {@code at} as a session saved it (the person's progress is left as it is). */
    public void showAt(Lesson l, int at) {
        step.set(-1);
        lesson.set(l);
        step.set(Math.max(0, Math.min(at, l.steps().size() - 1)));
    }

    /** The file a lesson on the list was opened from by hand this session (File › Open lesson…), or null. */
    public Path openedFile(String id) {
        return opened.stream().filter(o -> o.id().equals(id)).map(o -> Path.of(o.origin())).findFirst().orElse(null);
    }

    public void close() {
        lesson.set(null);
        step.set(-1);
    }

    public Step currentStep() {
        Lesson l = lesson.get();
        return l == null || step.get() < 0 ? null : l.steps().get(step.get());
    }

    public boolean hasNext() {
        return lesson.get() != null && step.get() < lesson.get().steps().size() - 1;
    }

    public boolean hasBack() {
        return step.get() > 0;
    }

    public void next() {
        Lesson l = lesson.get();
        if (l == null) {
            return;
        }
        if (hasNext()) {
            int to = step.get() + 1;
            progress.save(l.id(), new LessonProgress.State(to, progress.get(l.id()).done()));
            step.set(to);
        } else {
            progress.save(l.id(), new LessonProgress.State(0, true));
            close();
        }
    }

    public void back() {
        Lesson l = lesson.get();
        if (l != null && hasBack()) {
            int to = step.get() - 1;
            progress.save(l.id(), new LessonProgress.State(to, progress.get(l.id()).done()));
            step.set(to);
        }
    }

    public Grading.Verdict grade(Block.Check c, String typed) {
        return Grading.typed(c, typed);
    }

    public Grading.Verdict grade(Block.Check c, List<Integer> chosen) {
        return Grading.chosen(c, chosen);
    }
}
