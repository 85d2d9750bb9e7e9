package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class SearchCommandTest {
    @TempDir
    Path dir;

    private Path toy() throws Exception {
        Path toy = dir.resolve("toy.py");
        Files.writeString(toy, "from torch import nn\n"
                + "net = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 2))\n");
        return toy;
    }

    @Test
    void printsEveryTrialAndTheBest() throws Exception {
        CliTest.Run r = CliTest.run("search", "--json", "--model", toy().toString(), "--dataset", "circles",
                "--samples", "200", "--epochs", "3", "--trials", "4", "--lr-range", "1e-3,0.1",
                "--weight-decay-range", "0,1e-3", "--batch-sizes", "16,32");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode o = Json.MAPPER.readTree(r.out());
        assertThat(o.get("trials")).hasSize(4);
        for (JsonNode t : o.get("trials")) {
            assertThat(t.fieldNames()).toIterable().contains("trial", "params", "valLoss", "valAccuracy", "epochs",
                    "pruned", "status");
            assertThat(t.get("params").get("lr").asDouble()).isBetween(1e-3, 0.1);
            assertThat(t.get("params").get("batch-size").asInt()).isIn(16, 32);
        }
        JsonNode best = o.get("best");
        for (JsonNode t : o.get("trials")) {
            if (t.get("status").asText().equals("done")) {
                assertThat(t.get("valLoss").asDouble()).isGreaterThanOrEqualTo(best.get("valLoss").asDouble());
            }
        }
    }

    @Test
    void gridAndTextTableAndMistakes() throws Exception {
        CliTest.Run r = CliTest.run("search", "--model", toy().toString(), "--dataset", "xor", "--epochs", "1",
                "--grid", "--grid-points", "2", "--lr-range", "0.01,0.1", "--batch-sizes", "32");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("val loss", "best: trial");
        assertThat(r.out().lines().filter(l -> l.matches("^[ *] +\\d+ .*"))).hasSize(2);
        for (String[] bad : new String[][] {{"--lr-range", "0.1"}, {"--lr-range", "0.1,0.01"}, {"--batch-sizes", "0"},
            {"--trials", "0"}, {"--val-fraction", "0"}, {"--loss", "mse"}}) {
            CliTest.Run b = CliTest.run("search", "--model", toy().toString(), "--dataset", "xor", bad[0], bad[1]);
            assertThat(b.code()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(b.err().strip()).as(String.join(" ", bad)).doesNotContain("\n", "Exception");
        }
    }
}
