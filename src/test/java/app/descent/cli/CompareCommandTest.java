package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class CompareCommandTest {
    @TempDir
    Path dir;
    Path toy;

    @BeforeEach
    void model() throws Exception {
        toy = dir.resolve("toy.py");
        Files.writeString(toy, "from torch import nn\n"
                + "net = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 2))\n");
    }

    private JsonNode compare(String... extra) throws Exception {
        String[] base = {"compare", "--json", "--model", toy.toString(), "--dataset", "circles", "--epochs", "2",
            "--samples", "200"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        CliTest.Run r = CliTest.run(args);
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().count()).isEqualTo(1);
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void oneObjectPerValueInOrderWithTheContractKeys() throws Exception {
        JsonNode a = compare("--vary", "lr=0.1,0.001,0.01");
        assertThat(a.isArray()).isTrue();
        assertThat(a).hasSize(3);
        double[] lrs = {0.1, 0.001, 0.01};
        for (int i = 0; i < 3; i++) {
            JsonNode o = a.get(i);
            assertThat(o.get("variant").get("lr").isNumber()).isTrue();
            assertThat(o.get("variant").get("lr").asDouble()).isEqualTo(lrs[i]);
            assertThat(o.get("variant").size()).isEqualTo(1);
            assertThat(o.get("initialLoss").isNumber()).isTrue();
            assertThat(o.get("testAccuracy").isNumber()).isTrue();
            assertThat(o.get("status").asText()).isEqualTo("done");
            assertThat(o.get("epochs")).hasSize(2);
            for (JsonNode e : o.get("epochs")) {
                assertThat(e.fieldNames()).toIterable().containsExactly("epoch", "trainLoss", "trainAccuracy", "valLoss",
                        "valAccuracy", "seconds");
            }
        }
        assertThat(a.get(0).fieldNames()).toIterable().startsWith("variant", "initialLoss", "epochs", "testAccuracy");
    }

    @Test
    void optimizerVariantsShareTheInitialLoss() throws Exception {
        JsonNode a = compare("--vary", "optimizer=sgd,adam,rmsprop,momentum");
        assertThat(a.get(0).get("variant").get("optimizer").asText()).isEqualTo("sgd");
        for (JsonNode o : a) {
            assertThat(o.get("initialLoss").asDouble()).isEqualTo(a.get(0).get("initialLoss").asDouble());
        }
        assertThat(a.get(0).get("epochs").get(1).get("trainLoss").asDouble())
                .isNotEqualTo(a.get(1).get("epochs").get(1).get("trainLoss").asDouble());
    }

    @Test
    void integerKeysAreJsonIntegersAndADivergedVariantDoesNotStopTheOthers() throws Exception {
        JsonNode a = compare("--vary", "hidden=4,16");
        assertThat(a.get(1).get("variant").get("hidden").isInt()).isTrue();
        assertThat(a.get(1).get("variant").get("hidden").asInt()).isEqualTo(16);
        JsonNode d = compare("--optimizer", "sgd", "--vary", "lr=1e7,0.1");
        assertThat(d.get(0).get("status").asText()).isEqualTo("diverged");
        assertThat(d.get(0).get("testAccuracy").isNull()).isTrue();
        assertThat(d.get(0).get("reason").asText()).contains("learning rate");
        assertThat(d.get(1).get("status").asText()).isEqualTo("done");
        assertThat(d.get(1).get("epochs")).hasSize(2);
    }

    @Test
    void dropoutIsInsertedAndSaidDepthChangesTheNetwork() throws Exception {
        JsonNode a = compare("--vary", "dropout=0,0.5");
        assertThat(a.get(1).get("variant").get("dropout").asDouble()).isEqualTo(0.5);
        assertThat(a.get(1).get("note").asText()).contains("inserted");
        assertThat(a.get(0).get("initialLoss").asDouble()).isEqualTo(a.get(1).get("initialLoss").asDouble());
        JsonNode d = compare("--vary", "depth=0,3");
        assertThat(d.get(1).get("variant").get("depth").asInt()).isEqualTo(3);
        assertThat(d.get(0).get("status").asText()).isEqualTo("done");
        JsonNode e = compare("--vary", "epochs=1,3");
        assertThat(e.get(0).get("epochs")).hasSize(1);
        assertThat(e.get(1).get("epochs")).hasSize(3);
        com.fasterxml.jackson.databind.node.ObjectNode first =
                (com.fasterxml.jackson.databind.node.ObjectNode) e.get(0).get("epochs").get(0).deepCopy();
        first.put("seconds", e.get(1).get("epochs").get(0).get("seconds").asDouble());
        assertThat(e.get(1).get("epochs").get(0)).isEqualTo(first);
    }

    @Test
    void textOutputIsATable() {
        CliTest.Run r = CliTest.run("compare", "--model", toy.toString(), "--dataset", "xor", "--epochs", "1",
                "--vary", "activation=relu,tanh");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("variant", "test acc", "activation=relu", "activation=tanh");
    }

    @Test
    void badVaryExitsWith2AndOneLine() {
        String[] cases = {"colour=red", "lr=fast", "lr", "batch-size=0", "activation=swoosh", "hidden=8,,4",
            "depth=-1"};
        for (String c : cases) {
            CliTest.Run r = CliTest.run("compare", "--json", "--model", toy.toString(), "--dataset", "xor", "--vary", c);
            assertThat(r.code()).as(c).isEqualTo(2);
            assertThat(r.err().strip()).as(c).isNotEmpty().doesNotContain("\n").doesNotContain("Exception", "\tat ");
            assertThat(r.out()).as(c).isEmpty();
        }
        assertThat(CliTest.run("compare", "--model", toy.toString(), "--dataset", "xor").code()).isEqualTo(2);
        CliTest.Run bad = CliTest.run("compare", "--model", toy.toString(), "--dataset", "spiral:3", "--vary",
                "hidden=4,8");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("hidden=4");
    }
}
