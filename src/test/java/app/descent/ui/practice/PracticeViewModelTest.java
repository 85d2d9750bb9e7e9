package app.descent.ui.practice;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.practice.Exercise;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PracticeViewModelTest {
    @TempDir
    Path dir;

    /** The expected numbers in the answer's natural order, or the ticked options of a quiz. */
    private static void answerRightly(PracticeViewModel m) {
        Exercise e = m.exerciseProperty().get();
        if (m.fields().isEmpty()) {
            List<String> picks = new ArrayList<>();
            e.answer().get("correct").forEach(n -> picks.add(n.asText()));
            m.answerProperty().set(String.join(",", picks));
            return;
        }
        List<Double> numbers = new ArrayList<>();
        collect(e.answer(), numbers);
        for (int i = 0; i < numbers.size(); i++) {
            m.fields().get(i).set(String.valueOf(numbers.get(i)));
        }
    }

    private static void collect(JsonNode n, List<Double> out) {
        if (n.isContainerNode()) {
            n.forEach(c -> collect(c, out));
        } else if (n.isNumber()) {
            out.add(n.asDouble());
        } else if (n.isBoolean()) {
            out.add(n.asBoolean() ? 1.0 : 0.0);
        }
    }

    @Test
    void aMissedExerciseComesBackTheSameAndProgressLasts() {
        Path file = dir.resolve("progress.json");
        PracticeViewModel m = new PracticeViewModel(new Progress(file));
        m.topicProperty().set("Unroll a scalar RNN");
        m.next(42);
        String question = m.exerciseProperty().get().question();
        m.fields().forEach(f -> f.set("1e9"));
        m.check();
        assertThat(m.gradeProperty().get().correct()).isFalse();
        m.next(43);
        assertThat(m.missed()).hasSize(1);
        m.retry(m.missed().get(0));
        assertThat(m.exerciseProperty().get().question()).isEqualTo(question);
        PracticeViewModel later = new PracticeViewModel(new Progress(file));
        assertThat(later.missed()).hasSize(1);
        assertThat(later.progress()).extracting(Object::toString).containsExactly("Unroll a scalar RNN: 0 of 1 right");
    }

    @Test
    void aRetryKeepsTheRightNumbersAndCountsOnlyTheFirstCheck() {
        PracticeViewModel m = new PracticeViewModel(new Progress(dir.resolve("p.json")));
        m.topicProperty().set("Unroll a scalar RNN");
        m.next(42);
        answerRightly(m);
        String h1 = m.fields().get(0).get();
        m.fields().get(1).set("1000");
        m.check();
        assertThat(m.gradeProperty().get().off()).containsExactly("h2");
        assertThat(m.solutionShownProperty().get()).isFalse();
        assertThat(m.tryAgain()).isEqualTo(1);
        assertThat(m.fields().get(0).get()).isEqualTo(h1);
        assertThat(m.fields().get(1).get()).isEmpty();
        assertThat(m.gradeProperty().get()).isNull();
        answerRightly(m);
        m.check();
        assertThat(m.gradeProperty().get().correct()).isTrue();
        assertThat(m.progress()).extracting(Object::toString).containsExactly("Unroll a scalar RNN: 0 of 1 right");
    }

    @Test
    void aSolutionSeenBeforeTheFirstCheckMakesItNotCountAsRight() {
        PracticeViewModel m = new PracticeViewModel(new Progress(dir.resolve("p.json")));
        m.topicProperty().set("Epochs, batches and iterations");
        m.next(5);
        m.showSolution(true);
        answerRightly(m);
        m.check();
        assertThat(m.gradeProperty().get().correct()).isTrue();
        assertThat(m.progress()).extracting(Object::toString).containsExactly("Epochs, batches and iterations: 0 of 1 right");
    }

    @Test
    void aMockExamCountsAnswersUntilTheTimeIsUpAndShowsNoSolutionMeanwhile() {
        PracticeViewModel m = new PracticeViewModel(new Progress(dir.resolve("p.json")));
        m.showSolution(true);
        m.startExam(1);
        assertThat(m.solutionShownProperty().get()).isFalse();
        assertThat(m.examStatusProperty().get()).startsWith("Mock exam · 1:00 left");
        m.showSolution(true);
        assertThat(m.solutionShownProperty().get()).isFalse();
        answerRightly(m);
        m.check();
        m.check();
        assertThat(m.examStatusProperty().get()).endsWith("1 of 1 right");
        for (int i = 0; i < 60; i++) {
            m.tick();
        }
        assertThat(m.examStatusProperty().get()).isEqualTo("Time is up: 1 of 1 right.");
        assertThat(m.examSecondsProperty().get()).isZero();
        m.showSolution(true);
        assertThat(m.solutionShownProperty().get()).isTrue();
        m.next();
        assertThat(m.examSecondsProperty().get()).isEqualTo(-1);
    }
}
