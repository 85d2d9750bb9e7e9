package app.descent.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** What every topic promises: determinism, variety, and a grader that accepts its own answer and no other. */
class TopicsContractTest {
    static final ObjectMapper M = new ObjectMapper();

    static Stream<Topic> topics() {
        return Topics.all().stream();
    }

    @Test
    void everyTopicIsFoundByItsOwnIdAndNoOther() {
        assertThat(Topics.all()).isNotEmpty();
        assertThat(Topics.all()).extracting(Topic::id).doesNotHaveDuplicates();
        for (Topic t : Topics.all()) {
            assertThat(t.title()).as(t.id()).isNotBlank();
            assertThat(t.id()).as("ids are typed on the command line").matches("[a-z0-9-]+");
            assertThat(Topics.get(t.id())).isSameAs(t);
        }
        assertThatThrownBy(() -> Topics.get("nope")).isInstanceOf(PracticeException.class).hasMessageContaining("nope");
    }

    @ParameterizedTest
    @MethodSource("topics")
    void sameSeedSameExerciseDifferentSeedsDiffer(Topic t) {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(t.generate(seed)).isEqualTo(t.generate(seed));
        }
        Set<Exercise> distinct = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            distinct.add(t.generate(seed));
        }
        assertThat(distinct).as(t.id()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(t.generate(1)).isNotEqualTo(t.generate(2));
    }

    @ParameterizedTest
    @MethodSource("topics")
    void exercisesAreComplete(Topic t) {
        for (long seed = 0; seed < 30; seed++) {
            Exercise e = t.generate(seed);
            assertThat(e.topic()).isEqualTo(t.id());
            assertThat(e.question()).isNotBlank();
            assertThat(e.solution()).isNotEmpty();
            assertThat(e.given().size()).isPositive();
            assertThat(Answers.leaves(e.answer())).isNotEmpty()
                    .allSatisfy(l -> assertThat(Double.isFinite(l.value())).as(l.path()).isTrue());
        }
    }

    @ParameterizedTest
    @MethodSource("topics")
    void ownAnswerIsCorrectAsJsonAndAsPlainNumbers(Topic t) throws Exception {
        for (long seed = 0; seed < 30; seed++) {
            Exercise e = t.generate(seed);
            String json = M.writeValueAsString(e.answer());
            assertThat(t.check(e, json).correct()).as(t.id() + " seed " + seed + " " + json).isTrue();
            assertThat(t.check(e, plain(e)).correct()).as(plain(e)).isTrue();
            assertThat(t.check(e, plain(e).replace(", ", " ")).correct()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("topics")
    void perturbedAnswerIsWrong(Topic t) throws Exception {
        for (long seed = 0; seed < 30; seed++) {
            Exercise e = t.generate(seed);
            ObjectNode wrong = e.answer().deepCopy();
            perturbFirstNumber(wrong, e.given().has("options"), e);
            Grade g = t.check(e, M.writeValueAsString(wrong));
            assertThat(g.correct()).as(t.id() + " seed " + seed + " " + wrong).isFalse();
            assertThat(g.feedback()).isNotBlank();
        }
    }

    @Test
    void answersWithinTheToleranceAreAccepted() {
        Exercise e = new RnnParamsTopic().generate(3);
        double n = e.answer().get("params").asDouble();
        assertThat(new RnnParamsTopic().check(e, String.valueOf(n * (1 + 5e-5))).correct()).isTrue();
        assertThat(new RnnParamsTopic().check(e, String.valueOf(n * (1 + 5e-4))).correct()).isFalse();
        Exercise b = new BackpropTopic().generate(5);
        assertThat(Answers.close(0, 5e-7)).isTrue();
        assertThat(Answers.close(0, 5e-6)).isFalse();
        assertThat(b.answer().get("gradients").size()).isPositive();
    }

    @ParameterizedTest
    @MethodSource("topics")
    void malformedAnswersAreUserMistakes(Topic t) {
        Exercise e = t.generate(4);
        assertThatThrownBy(() -> t.check(e, "abc")).isInstanceOf(PracticeException.class).hasMessageContaining(t.id());
        assertThatThrownBy(() -> t.check(e, "{oops")).isInstanceOf(PracticeException.class);
        assertThatThrownBy(() -> t.check(e, "")).isInstanceOf(PracticeException.class);
    }

    @Test
    void wrongCountOfNumbersNamesWhatIsExpected() {
        Exercise e = new ConvParamsTopic().generate(1);
        assertThatThrownBy(() -> new ConvParamsTopic().check(e, "1, 2"))
                .isInstanceOf(PracticeException.class).hasMessageContaining("expected 5 numbers").hasMessageContaining("output C, output H, output W, parameters");
        assertThatThrownBy(() -> new ConvParamsTopic().check(e, "{\"params\": 3}"))
                .isInstanceOf(PracticeException.class).hasMessageContaining("outputShape[0]");
    }

    /** The answer's numbers in natural order, comma separated (quiz: the indices). */
    static String plain(Exercise e) {
        StringJoiner j = new StringJoiner(", ");
        for (Answers.Leaf l : Answers.leaves(e.answer())) {
            j.add(l.value() == Math.rint(l.value()) && Math.abs(l.value()) < 1e15
                    ? String.valueOf((long) l.value()) : String.valueOf(l.value()));
        }
        return j.toString();
    }

    private static void perturbFirstNumber(ObjectNode answer, boolean quiz, Exercise e) {
        if (quiz) {
            ArrayNode correct = (ArrayNode) answer.get("correct");
            int options = e.given().get("options").size();
            Set<Integer> chosen = new HashSet<>();
            correct.forEach(n -> chosen.add(n.asInt()));
            if (chosen.size() < options) {
                for (int i = 0; i < options; i++) {
                    if (!chosen.contains(i)) {
                        correct.add(i); // one wrong option too many
                        return;
                    }
                }
            }
            correct.remove(0);
            return;
        }
        perturb(answer);
    }

    private static boolean perturb(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (String key : List.copyOf(iterable(o))) {
                JsonNode v = o.get(key);
                if (v.isNumber()) {
                    o.put(key, v.asDouble() * 1.01 + 0.5);
                    return true;
                }
                if (perturb(v)) {
                    return true;
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isNumber()) {
                    a.set(i, M.getNodeFactory().numberNode(a.get(i).asDouble() * 1.01 + 0.5));
                    return true;
                }
                if (perturb(a.get(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> iterable(ObjectNode o) {
        List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
