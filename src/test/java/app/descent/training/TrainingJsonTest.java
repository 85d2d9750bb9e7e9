package app.descent.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.descent.session.JsonFields;
import app.descent.session.SessionException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training settings and a run's figures through a session's JSON text and back. */
class TrainingJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode text(ObjectNode o) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(o));
    }

    @Test
    void settingsKeepEveryOptionUnderTheCommandLinesNames() throws Exception {
        TrainingRun.Settings s = new TrainingRun.Settings(Losses.Kind.BCE,
                OptimizerSpec.of("adamw", 0.003).with("beta2", 0.98).with("weightDecay", 0.05),
                Initializer.parse("normal:0.02"), 48, 7, 42, Schedule.parse("cosine+warmup:30"), 1.5, 3, "cpu");
        JsonNode json = text(TrainingJson.settings(s));
        assertThat(json.get("optimizer").asText()).isEqualTo("adamw");
        assertThat(json.get("betas").toString()).isEqualTo("[0.9,0.98]");
        assertThat(json.get("weight-decay").asDouble()).isEqualTo(0.05);
        assertThat(json.get("schedule").asText()).isEqualTo("cosine+warmup:30");
        assertThat(json.get("init").asText()).isEqualTo("normal:0.02");
        assertThat(json.get("batch-size").asInt()).isEqualTo(48);
        assertThat(TrainingJson.settings(JsonFields.of(json, "s"))).isEqualTo(s);
    }

    @Test
    void everyScheduleIsWrittenAsItIsRead() {
        for (String text : List.of("constant", "cosine", "step:200:0.5", "warmup:10", "cosine+warmup:50",
                "step:100:0.1+warmup:5")) {
            Schedule s = Schedule.parse(text);
            assertThat(Schedule.parse(s.text())).as(text).isEqualTo(s);
        }
    }

    @Test
    void aRunsLogComesBackWithItsCurvesConfusionMatrixAndTestFigures() throws Exception {
        RunLog log = new RunLog(3);
        log.stepsPerEpoch(2);
        log.add(new TrainingEvent.Step(3, 1, 1, 2.25, 0.1));
        log.add(new TrainingEvent.Step(3, 2, 1, 1.125, 0.1));
        log.add(new TrainingEvent.Epoch(3, 1, 1.5, 0.25, 1.75, 0.3, 0.5));
        log.add(new TrainingEvent.Step(3, 3, 2, 0.1 + 0.2, 0.1));
        log.add(new TrainingEvent.Step(3, 4, 2, Double.NaN, 0.1));
        log.add(new TrainingEvent.Epoch(3, 2, 0.7, 0.5, Double.NaN, 0.6, 0.9));
        log.add(new TrainingEvent.Done(3, 0.8, 0.55, 4, 1.25, "early stop: no better val loss in 1 epoch"));
        log.confusion(new int[][] {{5, 1, 0}, {2, 7, 1}, {0, 0, 9}}, List.of("cat", "dog", "bird"));
        JsonNode json = text(TrainingJson.log(log, JsonFields.object()));
        RunLog back = TrainingJson.log(3, JsonFields.of(json, "run"));
        assertThat(back.stepsPerEpoch()).isEqualTo(2);
        assertThat(back.steps()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(back.steps().get(i)).containsExactly(log.steps().get(i));
        }
        assertThat(back.epochs()).isEqualTo(log.epochs());
        assertThat(back.done()).isEqualTo(log.done());
        assertThat(back.confusion()).isDeepEqualTo(log.confusion());
        assertThat(back.classNames()).containsExactly("cat", "dog", "bird");
        assertThat(text(TrainingJson.log(back, JsonFields.object()))).isEqualTo(json);
    }

    @Test
    void aDamagedLogIsRefusedNamingTheField() throws Exception {
        RunLog log = new RunLog(1);
        log.add(new TrainingEvent.Step(1, 1, 1, 0.5, 0.1));
        log.confusion(new int[][] {{1, 0}, {0, 1}}, List.of("a", "b"));
        ObjectNode json = (ObjectNode) text(TrainingJson.log(log, JsonFields.object()));
        ((ObjectNode) json.get("confusion")).putArray("counts").addArray().add(1).add(2);
        assertThatThrownBy(() -> TrainingJson.log(1, JsonFields.of(json, "training.runs[0]")))
                .isInstanceOf(SessionException.class)
                .hasMessageStartingWith("training.runs[0].confusion.counts: 2 rows expected");
        ObjectNode bad = JsonFields.object();
        bad.put("optimizer", "sgd").put("lr", "fast");
        assertThatThrownBy(() -> TrainingJson.optimizer(JsonFields.of(bad, "x")))
                .isInstanceOf(SessionException.class).hasMessage("x.lr: expected a number, not \"fast\"");
    }
}
