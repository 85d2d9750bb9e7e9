package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class StudyCommandTest {
    @Test
    void listsAndRunsAPreset() throws Exception {
        CliTest.Run list = CliTest.run("study", "--list", "--json");
        assertThat(list.code()).isZero();
        assertThat(Json.MAPPER.readTree(list.out()).size()).isGreaterThanOrEqualTo(7);
        CliTest.Run r = CliTest.run("study", "--json", "learning-rate");
        assertThat(r.code()).isZero();
        JsonNode o = Json.MAPPER.readTree(r.out());
        assertThat(o.get("source").asText()).isEqualTo("TUM");
        assertThat(o.get("rows")).hasSize(3);
        assertThat(o.get("rows").get(1).get("note").asText()).isEqualTo("good");
        assertThat(CliTest.run("study", "nope").code()).isEqualTo(2);
    }
}
