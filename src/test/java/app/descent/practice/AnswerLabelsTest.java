package app.descent.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feedback names the numbers as the question does (h2, ∂f/∂x), and an answer can be typed one number per field. */
class AnswerLabelsTest {
    private static List<String> expected(Exercise e) {
        List<String> out = new ArrayList<>();
        for (Answers.Leaf l : Answers.leaves(e.answer())) {
            out.add(String.valueOf(l.value()));
        }
        return out;
    }

    @Test
    void aWrongSecondHiddenStateIsCalledH2AsInTheQuestion() {
        Topic t = Topics.get("rnn-steps");
        Exercise e = t.generate(7);
        int n = e.given().get("x").size();
        assertThat(e.question()).contains("compute h1 to h" + n);
        assertThat(e.labels()).startsWith("h1", "h2");
        List<String> answer = expected(e);
        answer.set(1, String.valueOf(Double.parseDouble(answer.get(1)) + 1));
        Grade g = t.check(e, String.join(", ", answer));
        assertThat(g.correct()).isFalse();
        assertThat(g.feedback()).isEqualTo("Not quite: h2 is off (" + (n - 1) + " of " + n + " right).");
        assertThat(g.off()).containsExactly("h2");
        // the same, typed one number per field
        assertThat(t.check(e, answer)).isEqualTo(g);
        assertThat(t.check(e, expected(e)).correct()).isTrue();
    }

    @Test
    void backpropNamesTheValueAndEveryPartialDerivative() {
        Exercise e = Topics.get("backprop").generate(3);
        List<String> names = new ArrayList<>(List.of("f"));
        e.given().get("inputs").fieldNames().forEachRemaining(v -> names.add("∂f/∂" + v));
        assertThat(e.labels()).isEqualTo(names);
        List<String> answer = expected(e);
        answer.set(0, "1000");
        assertThat(Topics.get("backprop").check(e, answer).feedback()).startsWith("Not quite: f is off");
    }

    @Test
    void labelsReadLikeTheQuestion() {
        assertThat(Topics.get("conv-params").generate(1).labels())
                .containsExactly("output C", "output H", "output W", "parameters", "multiplications");
        assertThat(Topics.get("iterations").generate(1).labels()).containsExactly("iterations per epoch", "iterations");
        Exercise p = Topics.get("perceptron").generate(2);
        assertThat(p.labels()).endsWith("bias", "epochs").startsWith("w1");
        Exercise gd = Topics.get("gd-step").generate(2);
        assertThat(gd.labels()).startsWith("loss", "layer 1 W[1,1]");
        assertThat(gd.labels()).contains("layer 1 b[1]");
        assertThat(Topics.get("optimizer-step").generate(2).labels()).anyMatch(l -> l.endsWith("after step 2"));
        assertThat(Topics.get("sequential-shape").generate(2).labels()).startsWith("output shape 1").endsWith("parameters");
    }

    @Test
    void everyExerciseHasOneDistinctLabelPerNumber() {
        for (Topic t : Topics.all()) {
            for (long seed = 1; seed <= 30; seed++) {
                Exercise e = t.generate(seed);
                assertThat(e.labels()).hasSize(Answers.leaves(e.answer()).size()).doesNotHaveDuplicates()
                        .allMatch(l -> !l.isBlank() && !l.contains("[0"));
            }
        }
    }

    @Test
    void anEmptyOrUnreadableFieldIsNamed() {
        Topic t = Topics.get("rnn-steps");
        Exercise e = t.generate(7);
        List<String> answer = expected(e);
        answer.set(2, " ");
        assertThatThrownBy(() -> t.check(e, answer)).isInstanceOf(PracticeException.class).hasMessage("h3 is empty");
        answer.set(2, "abc");
        assertThatThrownBy(() -> t.check(e, answer)).hasMessage("h3: 'abc' is not a number");
    }
}
