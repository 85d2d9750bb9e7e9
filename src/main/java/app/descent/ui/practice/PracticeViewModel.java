package app.descent.ui.practice;

import app.descent.UserInputException;
import app.descent.practice.Exercise;
import app.descent.practice.Grade;
import app.descent.practice.Topic;
import app.descent.practice.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
    private final StringProperty answer = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Grade> grade = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper format = new ReadOnlyStringWrapper("");
    private final ObservableList<String> progress = FXCollections.observableArrayList();
    private final ObservableList<Progress.Missed> missed = FXCollections.observableArrayList();
    private final Progress store;
    private final javafx.beans.property.IntegerProperty examSeconds = new javafx.beans.property.SimpleIntegerProperty(-1);
    private final ReadOnlyStringWrapper examStatus = new ReadOnlyStringWrapper("");
    private int examAnswered;
    private int examRight;
    private final SplittableRandom seeds = new SplittableRandom();
    private long seed;

    public PracticeViewModel(Progress store) {
        this.store = store;
        refreshProgress();
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

    public ObservableList<String> progress() {
        return progress;
    }

    /** Exercises answered wrongly, newest first, to try again. */
    public ObservableList<Progress.Missed> missed() {
        return missed;
    }

    /** Brings back a missed exercise exactly as it was (same topic, same seed). */
    public void retry(Progress.Missed m) {
        seed = m.seed();
        exercise.set(Topics.get(m.topic()).generate(m.seed()));
        answer.set("");
        grade.set(null);
        format.set(formatOf(exercise.get()));
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

    private boolean examCounted;

    public void next(long newSeed) {
        examCounted = false;
        if (examSeconds.get() == 0) {
            // a new exercise after the exam's time is up: back to free practice
            examSeconds.set(-1);
            examStatus.set("");
        }
        Topic t = chosen(newSeed);
        app.descent.practice.Difficulty.Pick pick = difficulty.get().pick(t, newSeed);
        // the seed that regenerates this very exercise, for the missed list
        seed = pick.seed();
        exercise.set(pick.exercise());
        answer.set("");
        grade.set(null);
        format.set(formatOf(exercise.get()));
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
            g = Topics.get(e.topic()).check(e, answer.get());
        } catch (UserInputException ex) {
            grade.set(new Grade(false, ex.getMessage()));
            return;
        }
        grade.set(g);
        if (examSeconds.get() > 0 && !examCounted) {
            examAnswered++;
            examRight += g.correct() ? 1 : 0;
            examCounted = true;
            updateExamStatus();
        }
        store.record(e.topic(), g.correct(), e.question(), seed);
        refreshProgress();
    }

    private void refreshProgress() {
        List<String> lines = new ArrayList<>();
        for (Topic t : Topics.all()) {
            Progress.Tally tally = store.tally(t.id());
            if (tally.attempted() > 0) {
                lines.add(String.format("%s: %d of %d right", t.title(), tally.correct(), tally.attempted()));
            }
        }
        progress.setAll(lines);
        missed.setAll(store.missed());
    }

    /** The answer's numbers in the order the plain-number form expects, e.g. "value, ∂/∂x, ∂/∂y". */
    static String formatOf(Exercise e) {
        if (e.given().has("options")) {
            return "Tick every correct option.";
        }
        List<String> names = new ArrayList<>();
        collect("", e.answer(), names);
        return "Numbers in this order (or the JSON shown by the CLI): " + String.join(", ", names);
    }

    private static void collect(String prefix, JsonNode node, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                collect(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray()) {
            out.add(prefix + "[" + node.size() + "]");
        } else {
            out.add(prefix);
        }
    }
}
