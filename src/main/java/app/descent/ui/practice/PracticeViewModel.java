package app.descent.ui.practice;

import app.descent.UserInputException;
import app.descent.practice.Exercise;
import app.descent.practice.Grade;
import app.descent.practice.Topic;
import app.descent.practice.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The exercise on screen, the answer being typed, its grade, and the progress per topic. */
public final class PracticeViewModel {
    public static final String MIX = "Exam mix";

    private final ObjectProperty<String> topic = new SimpleObjectProperty<>(MIX);
    private final ObjectProperty<app.descent.practice.Difficulty> difficulty =
            new SimpleObjectProperty<>(app.descent.practice.Difficulty.NORMAL);
    private final ReadOnlyObjectWrapper<Exercise> exercise = new ReadOnlyObjectWrapper<>();
    /** The options ticked in a multiple-choice exercise, e.g. "0,2". */
    private final StringProperty answer = new SimpleStringProperty("");
    /** One text per number of the answer, in the order of {@link Exercise#labels()}. */
    private final ObservableList<StringProperty> fields = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyBooleanWrapper solutionShown = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper examRunning = new javafx.beans.property.ReadOnlyBooleanWrapper();
    /** Whether this exercise's first check has been counted (progress, exam score): retries do not count again. */
    private boolean counted;
    /** Whether the solution was opened before the first check: a check after that is not counted as right. */
    private boolean peeked;
    private final ReadOnlyObjectWrapper<Grade> grade = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper format = new ReadOnlyStringWrapper("");
    private final ObservableList<TopicProgress> progress = FXCollections.observableArrayList();
    private final ObservableList<Progress.Missed> missed = FXCollections.observableArrayList();
    private final Progress store;
    private final javafx.beans.property.IntegerProperty examSeconds = new javafx.beans.property.SimpleIntegerProperty(-1);
    private final ReadOnlyStringWrapper examStatus = new ReadOnlyStringWrapper("");
    private int examAnswered;
    private int examRight;
    private final SplittableRandom seeds = new SplittableRandom();
    private long seed;

    /** One line of "Your progress". */
    public record TopicProgress(String title, int correct, int attempted) {
        public String count() {
            return correct + " of " + attempted + " right";
        }

        @Override
        public String toString() {
            return title + ": " + count();
        }
    }

    public PracticeViewModel(Progress store) {
        this.store = store;
        examSeconds.addListener((o, a, s) -> {
            examRunning.set(s.intValue() > 0);
            if (s.intValue() > 0) {
                solutionShown.set(false);
            }
        });
        refreshProgress();
    }

    /** The answer's fields, one per number, in the order of the exercise's labels (empty for a quiz). */
    public ObservableList<StringProperty> fields() {
        return fields;
    }

    /** Whether the worked solution is shown; it is shown only on request, and never during a mock exam. */
    public javafx.beans.property.ReadOnlyBooleanProperty solutionShownProperty() {
        return solutionShown.getReadOnlyProperty();
    }

    /** Whether a mock exam's clock is running: no solutions and no workspace that computes the answer until it ends. */
    public javafx.beans.property.ReadOnlyBooleanProperty examRunningProperty() {
        return examRunning.getReadOnlyProperty();
    }

    /** Shows the worked solution, unless an exam is running. */
    public void showSolution(boolean show) {
        if (show && examRunning.get()) {
            return;
        }
        if (show && !counted) {
            peeked = true;
        }
        solutionShown.set(show);
    }

    /**
     * After a wrong answer: the numbers that were off are cleared for another try, the others stay; the grade goes.
     * Returns the index of the first field to fill in again (-1 when none).
     */
    public int tryAgain() {
        Grade g = grade.get();
        if (g == null || g.correct()) {
            return -1;
        }
        int first = -1;
        List<String> labels = exercise.get().labels();
        for (int i = 0; i < fields.size(); i++) {
            if (g.off().contains(labels.get(i))) {
                fields.get(i).set("");
                first = first < 0 ? i : first;
            }
        }
        grade.set(null);
        if (first < 0) {
            // an answer that could not be read: start again at the first empty or unreadable field
            for (int i = 0; i < fields.size() && first < 0; i++) {
                first = fields.get(i).get().isBlank() ? i : -1;
            }
        }
        return Math.max(first, 0);
    }

    public ObjectProperty<String> topicProperty() {
        return topic;
    }

    public ObjectProperty<app.descent.practice.Difficulty> difficultyProperty() {
        return difficulty;
    }

    public ReadOnlyObjectProperty<Exercise> exerciseProperty() {
        return exercise.getReadOnlyProperty();
    }

    public StringProperty answerProperty() {
        return answer;
    }

    public ReadOnlyObjectProperty<Grade> gradeProperty() {
        return grade.getReadOnlyProperty();
    }

    /** How to type the answer: the numbers it expects, in order. */
    public ReadOnlyStringProperty formatProperty() {
        return format.getReadOnlyProperty();
    }

    public ObservableList<TopicProgress> progress() {
        return progress;
    }

    /** Exercises answered wrongly, newest first, to try again. */
    public ObservableList<Progress.Missed> missed() {
        return missed;
    }

    /** Brings back a missed exercise exactly as it was (same topic, same seed). */
    public void retry(Progress.Missed m) {
        seed = m.seed();
        present(Topics.get(m.topic()).generate(m.seed()));
    }

    private void present(Exercise e) {
        counted = false;
        peeked = false;
        solutionShown.set(false);
        grade.set(null);
        answer.set("");
        List<StringProperty> fresh = new ArrayList<>();
        if (!e.given().has("options")) {
            e.labels().forEach(l -> fresh.add(new SimpleStringProperty("")));
        }
        // fields before the exercise: the view builds its fields when the exercise changes
        fields.setAll(fresh);
        format.set(formatOf(e));
        exercise.set(e);
    }

    public long seed() {
        return seed;
    }

    public static List<String> topicChoices() {
        List<String> out = new ArrayList<>();
        out.add(MIX);
        Topics.all().forEach(t -> out.add(t.title()));
        return out;
    }

    /** A fresh exercise of the chosen topic (any topic for the exam mix). */
    public void next() {
        next(seeds.nextLong(1, 1_000_000));
    }

    public void next(long newSeed) {
        if (examSeconds.get() == 0) {
            // a new exercise after the exam's time is up: back to free practice
            examSeconds.set(-1);
            examStatus.set("");
        }
        Topic t = chosen(newSeed);
        app.descent.practice.Difficulty.Pick pick = difficulty.get().pick(t, newSeed);
        // the seed that regenerates this very exercise, for the missed list
        seed = pick.seed();
        present(pick.exercise());
    }

    /** The title of a topic named by its command-line id; an unknown id is an error. */
    public static String titleOf(String topicId) {
        return Topics.get(topicId).title();
    }

    /**
     * Opens exactly the exercise that {@code descent practice --topic ID --seed N [--difficulty LEVEL]} prints (a
     * lesson's action); difficulty may be null.
     */
    public void open(String topicId, long exerciseSeed, String difficultyName) {
        Topic t = Topics.get(topicId);
        topic.set(t.title());
        if (difficultyName != null) {
            difficulty.set(app.descent.practice.Difficulty.parse(difficultyName));
        }
        app.descent.practice.Difficulty.Pick pick = difficultyName == null
                ? new app.descent.practice.Difficulty.Pick(t.generate(exerciseSeed), exerciseSeed)
                : difficulty.get().pick(t, exerciseSeed);
        seed = pick.seed();
        present(pick.exercise());
    }

    /** Shows exactly the exercise {@code t.generate(exerciseSeed)} of topic {@code topicId}, the chosen topic kept. */
    public void show(String topicId, long exerciseSeed) {
        Topic t = Topics.get(topicId);
        seed = exerciseSeed;
        present(t.generate(exerciseSeed));
    }

    private Topic chosen(long s) {
        String title = topic.get();
        List<Topic> all = Topics.all();
        for (Topic t : all) {
            if (t.title().equals(title)) {
                return t;
            }
        }
        return all.get((int) Math.floorMod(s, all.size()));
    }

    /** Seconds left in a mock exam, or -1 when none runs. */
    public javafx.beans.property.ReadOnlyIntegerProperty examSecondsProperty() {
        return examSeconds;
    }

    public ReadOnlyStringProperty examStatusProperty() {
        return examStatus.getReadOnlyProperty();
    }

    /** A timed exam over the exam mix; answers count once each. */
    public void startExam(int minutes) {
        topic.set(MIX);
        examAnswered = 0;
        examRight = 0;
        examSeconds.set(minutes * 60);
        next();
        updateExamStatus();
    }

    /** One second of the exam's clock (the view calls it once a second). */
    public void tick() {
        if (examSeconds.get() > 0) {
            examSeconds.set(examSeconds.get() - 1);
            if (examSeconds.get() == 0) {
                examStatus.set(String.format("Time is up: %d of %d right.", examRight, examAnswered));
                return;
            }
            updateExamStatus();
        }
    }

    public void stopExam() {
        if (examSeconds.get() > 0) {
            examStatus.set(String.format("Exam stopped: %d of %d right.", examRight, examAnswered));
            examSeconds.set(-1);
        }
    }

    private void updateExamStatus() {
        int s = examSeconds.get();
        examStatus.set(String.format("Mock exam · %d:%02d left · %d of %d right", s / 60, s % 60, examRight,
                examAnswered));
    }

    public void check() {
        Exercise e = exercise.get();
        if (e == null || examSeconds.get() == 0) {
            return;
        }
        Grade g;
        try {
            Topic t = Topics.get(e.topic());
            g = fields.isEmpty() ? t.check(e, answer.get()) : t.check(e, fields.stream().map(StringProperty::get).toList());
        } catch (UserInputException ex) {
            grade.set(new Grade(false, ex.getMessage()));
            return;
        }
        grade.set(g);
        if (counted) {
            return;
        }
        counted = true;
        boolean right = g.correct() && !peeked;
        if (examSeconds.get() > 0) {
            examAnswered++;
            examRight += right ? 1 : 0;
            updateExamStatus();
        }
        store.record(e.topic(), right, e.question(), seed);
        refreshProgress();
    }

    private void refreshProgress() {
        List<TopicProgress> lines = new ArrayList<>();
        for (Topic t : Topics.all()) {
            Progress.Tally tally = store.tally(t.id());
            if (tally.attempted() > 0) {
                lines.add(new TopicProgress(t.title(), tally.correct(), tally.attempted()));
            }
        }
        progress.setAll(lines);
        missed.setAll(store.missed());
    }

    /** How to give the answer. */
    static String formatOf(Exercise e) {
        if (e.given().has("options")) {
            return "Tick every correct option.";
        }
        return e.labels().size() == 1 ? "Type the number, then press Enter to check."
                : "Type one number per field (Tab moves to the next), then press Enter to check.";
    }
}
