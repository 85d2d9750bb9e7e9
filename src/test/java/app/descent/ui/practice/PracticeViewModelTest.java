package app.descent.ui.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PracticeViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aMissedExerciseComesBackTheSameAndProgressLasts() {
        Path file = dir.resolve("progress.json");
        PracticeViewModel m = new PracticeViewModel(new Progress(file));
        m.topicProperty().set("Unroll a scalar RNN");
        m.next(42);
        String question = m.exerciseProperty().get().question();
        m.answerProperty().set("1e9, 1e9, 1e9, 1e9".substring(0, 5 * m.exerciseProperty().get().given().get("x").size() - 2));
        m.check();
        assertThat(m.gradeProperty().get().correct()).isFalse();
        m.next(43);
        assertThat(m.missed()).hasSize(1);
        m.retry(m.missed().get(0));
        assertThat(m.exerciseProperty().get().question()).isEqualTo(question);
        PracticeViewModel later = new PracticeViewModel(new Progress(file));
        assertThat(later.missed()).hasSize(1);
        assertThat(later.progress()).containsExactly("Unroll a scalar RNN: 0 of 1 right");
    }

    @Test
    void aMockExamCountsAnswersUntilTheTimeIsUp() {
        PracticeViewModel m = new PracticeViewModel(new Progress(dir.resolve("p.json")));
        m.startExam(1);
        assertThat(m.examStatusProperty().get()).startsWith("Mock exam · 1:00 left");
        app.descent.practice.Exercise e = m.exerciseProperty().get();
        m.answerProperty().set(e.answer().toString());
        m.check();
        m.check();
        assertThat(m.examStatusProperty().get()).endsWith("1 of 1 right");
        for (int i = 0; i < 60; i++) {
            m.tick();
        }
        assertThat(m.examStatusProperty().get()).isEqualTo("Time is up: 1 of 1 right.");
        assertThat(m.examSecondsProperty().get()).isZero();
        m.next();
        assertThat(m.examSecondsProperty().get()).isEqualTo(-1);
    }
}
