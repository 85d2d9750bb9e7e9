package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.practice.Exercise;
import app.descent.practice.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PracticeCommandTest {
    private static JsonNode json(String out) throws Exception {
        assertThat(out.strip()).doesNotContain("\n");
        return Json.MAPPER.readTree(out);
    }

    @Test
    void listsTheTopicsAsJson() throws Exception {
        CliTest.Run r = CliTest.run("practice", "--list", "--json");
        assertThat(r.code()).isZero();
        JsonNode list = json(r.out());
        assertThat(list.isArray()).isTrue();
        List<String> ids = new ArrayList<>();
        list.forEach(t -> {
            ids.add(t.get("topic").asText());
            assertThat(t.get("title").asText()).isNotBlank();
        });
        assertThat(ids).containsExactlyElementsOf(app.descent.practice.Topics.all().stream()
                .map(app.descent.practice.Topic::id).toList());
        assertThat(CliTest.run("practice", "--list").out()).contains("backprop", "quiz");
    }

    @Test
    void exerciseJsonHasTheContractKeysAndIsDeterministic() throws Exception {
        for (String topic : app.descent.practice.Topics.all().stream().map(app.descent.practice.Topic::id).toList()) {
            CliTest.Run r = CliTest.run("practice", "--json", "--topic", topic, "--seed", "42");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode e = json(r.out());
            assertThat(iterable(e)).startsWith("topic", "question", "given", "answer", "solution").contains("labels");
            assertThat(e.get("topic").asText()).isEqualTo(topic);
            assertThat(e.get("given").isObject()).isTrue();
            assertThat(e.get("answer").isObject()).isTrue();
            assertThat(e.get("solution").isArray()).isTrue();
            Exercise same = Topics.get(topic).generate(42);
            assertThat(Json.write(e.get("answer"))).isEqualTo(Json.write(same.answer()));
            assertThat(Json.write(e.get("given"))).isEqualTo(Json.write(same.given()));
            assertThat(CliTest.run("practice", "--json", "--topic", topic, "--seed", "42").out()).isEqualTo(r.out());
        }
    }

    @Test
    void backprop_answerShapes() throws Exception {
        JsonNode e = json(CliTest.run("practice", "--json", "--topic", "backprop", "--seed", "3").out());
        assertThat(e.get("given").has("expr")).isTrue();
        assertThat(e.get("given").get("inputs").isObject()).isTrue();
        assertThat(e.get("answer").get("value").isNumber()).isTrue();
        assertThat(e.get("answer").get("gradients").isObject()).isTrue();
    }

    @Test
    void gradesAJsonAnswerAndPlainNumbers() throws Exception {
        JsonNode e = json(CliTest.run("practice", "--json", "--topic", "rnn-params", "--seed", "5").out());
        String answer = Json.write(e.get("answer"));
        CliTest.Run ok = CliTest.run("practice", "--json", "--topic", "rnn-params", "--seed", "5", "--answer", answer);
        assertThat(ok.code()).isZero();
        JsonNode g = json(ok.out());
        assertThat(g.get("correct").asBoolean()).isTrue();
        assertThat(g.get("feedback").asText()).isNotBlank();
        long n = e.get("answer").get("params").asLong();
        assertThat(json(CliTest.run("practice", "--json", "--topic", "rnn-params", "--seed", "5", "--answer", String.valueOf(n)).out())
                .get("correct").asBoolean()).isTrue();
        assertThat(json(CliTest.run("practice", "--json", "--topic", "rnn-params", "--seed", "5", "--answer", String.valueOf(n + 1)).out())
                .get("correct").asBoolean()).isFalse();
    }

    @Test
    void gradesNegativeNumbersAndQuizIndices() throws Exception {
        JsonNode e = json(CliTest.run("practice", "--json", "--topic", "backprop", "--seed", "8").out());
        StringBuilder plain = new StringBuilder(e.get("answer").get("value").asText());
        e.get("answer").get("gradients").forEach(v -> plain.append(", ").append(v.asText()));
        CliTest.Run r = CliTest.run("practice", "--json", "--topic", "backprop", "--seed", "8", "--answer", plain.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(json(r.out()).get("correct").asBoolean()).as(plain.toString()).isTrue();

        JsonNode q = json(CliTest.run("practice", "--json", "--topic", "quiz", "--seed", "2").out());
        String indices = q.get("answer").get("correct").toString().replaceAll("[\\[\\]]", "");
        assertThat(json(CliTest.run("practice", "--json", "--topic", "quiz", "--seed", "2", "--answer", indices).out())
                .get("correct").asBoolean()).isTrue();
        CliTest.Run text = CliTest.run("practice", "--topic", "quiz", "--seed", "2", "--answer", indices);
        assertThat(text.out()).startsWith("Correct");
    }

    @Test
    void readableTextShowsQuestionThenSolution() {
        CliTest.Run r = CliTest.run("practice", "--topic", "rnn-steps", "--seed", "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("h_t =", "Solution", "h1 =");
        assertThat(r.out().indexOf("h_t =")).isLessThan(r.out().indexOf("Solution"));
    }

    @Test
    void unknownTopicIsOneLineAndExitCode2() {
        CliTest.Run r = CliTest.run("practice", "--json", "--topic", "nope", "--seed", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("nope").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void malformedAnswerIsOneLineAndExitCode2() {
        for (String[] args : List.of(
                new String[] {"practice", "--json", "--topic", "backprop", "--seed", "1", "--answer", "abc"},
                new String[] {"practice", "--json", "--topic", "conv-params", "--seed", "1", "--answer", "{broken"},
                new String[] {"practice", "--json", "--topic", "quiz", "--seed", "1", "--answer", "x"},
                new String[] {"practice", "--json", "--topic", "quiz", "--seed", "1", "--answer", "99"},
                new String[] {"practice", "--json", "--topic", "rnn-steps", "--answer", "1"},
                new String[] {"practice", "--json"})) {
            CliTest.Run r = CliTest.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
        assertThat(CliTest.run("practice", "--json", "--topic", "backprop", "--seed", "1", "--answer", "abc").err())
                .contains("backprop", "abc");
    }

    private static List<String> iterable(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void difficultyPicksExercisesByTheirWorking() throws Exception {
        CliTest.Run easy = CliTest.run("practice", "--json", "--topic", "perceptron", "--seed", "3", "--difficulty", "easy");
        CliTest.Run hard = CliTest.run("practice", "--json", "--topic", "perceptron", "--seed", "3", "--difficulty", "hard");
        assertThat(easy.code()).isZero();
        assertThat(hard.code()).isZero();
        int easySteps = Json.MAPPER.readTree(easy.out()).get("solution").size();
        int hardSteps = Json.MAPPER.readTree(hard.out()).get("solution").size();
        assertThat(hardSteps).isGreaterThanOrEqualTo(easySteps);
        assertThat(CliTest.run("practice", "--topic", "perceptron", "--seed", "3", "--difficulty", "brutal").code())
                .isEqualTo(2);
    }
}
