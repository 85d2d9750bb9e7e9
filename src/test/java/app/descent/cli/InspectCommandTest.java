package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path dir;
    Path toy;
    Path cnn;

    @BeforeEach
    void models() throws Exception {
        toy = dir.resolve("toy.py");
        Files.writeString(toy, "from torch import nn\n"
                + "net = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 2))\n");
        cnn = dir.resolve("cnn.py");
        Files.writeString(cnn, "import torch.nn as nn\n"
                + "model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),"
                + " nn.Linear(4 * 13 * 13, 10), nn.Sigmoid(), nn.Linear(10, 10))\n");
    }

    private static JsonNode json(CliTest.Run r) throws Exception {
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).doesNotContain("\n");
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void everyLayerCarriesTheContractKeys() throws Exception {
        JsonNode o = json(CliTest.run("inspect", "--json", "--model", cnn.toString(), "--dataset", "mnist",
                "--init", "kaiming", "--batch-size", "32", "--seed", "1"));
        assertThat(o.get("loss").asDouble()).isPositive();
        assertThat(o.get("batchSize").asInt()).isEqualTo(32);
        JsonNode layers = o.get("layers");
        assertThat(layers).hasSize(7);
        Set<String> weighted = Set.of("Conv2d", "Linear");
        Set<String> activations = Set.of("ReLU", "Sigmoid");
        for (int k = 0; k < layers.size(); k++) {
            JsonNode l = layers.get(k);
            assertThat(l.get("index").asInt()).isEqualTo(k);
            assertThat(l.get("name").asText()).isEqualTo(String.valueOf(k));
            String type = l.get("type").asText();
            for (String key : new String[] {"gradMean", "gradStd", "gradNorm"}) {
                assertThat(l.has(key)).as(type + " " + key).isEqualTo(weighted.contains(type));
            }
            for (String key : new String[] {"activationMean", "activationStd", "deadFraction"}) {
                assertThat(l.has(key)).as(type + " " + key).isEqualTo(activations.contains(type));
            }
            if (weighted.contains(type)) {
                assertThat(l.get("gradNorm").isNumber()).isTrue();
                assertThat(l.get("gradNorm").asDouble()).isPositive();
                assertThat(l.get("gradStd").asDouble()).isPositive();
            }
        }
        assertThat(layers.get(0).get("type").asText()).isEqualTo("Conv2d");
        assertThat(layers.get(0).get("outputShape")).hasSize(4);
        assertThat(layers.get(1).get("deadFraction").asDouble()).isBetween(0.0, 1.0);
        long counted = 0;
        for (JsonNode c : layers.get(4).get("weightHistogram").get("counts")) {
            counted += c.asLong();
        }
        assertThat(counted).isEqualTo(10 * 4 * 13 * 13);
    }

    @Test
    void theSameSeedGivesTheSameFiguresAndAnotherInitOthers() throws Exception {
        String[] args = {"inspect", "--json", "--model", toy.toString(), "--dataset", "moons", "--seed", "3"};
        JsonNode a = json(CliTest.run(args));
        JsonNode b = json(CliTest.run(args));
        assertThat(b).isEqualTo(a);
        JsonNode zeros = json(CliTest.run("inspect", "--json", "--model", toy.toString(), "--dataset", "moons",
                "--seed", "3", "--init", "zeros", "--no-histograms"));
        // all weights 0: every ReLU unit is 0 for every example, and no gradient reaches the first layer
        assertThat(zeros.get("layers").get(1).get("deadFraction").asDouble()).isEqualTo(1.0);
        assertThat(zeros.get("layers").get(0).get("gradNorm").asDouble()).isZero();
        assertThat(zeros.get("layers").get(0).has("outputHistogram")).isFalse();
        assertThat(a.get("layers").get(1).get("deadFraction").asDouble()).isLessThan(1.0);
    }

    @Test
    void inspectsSavedWeights() throws Exception {
        Path npz = dir.resolve("toy.npz");
        assertThat(CliTest.run("train", "--json", "--model", toy.toString(), "--dataset", "circles", "--epochs", "3",
                "--lr", "0.03", "--save-weights", npz.toString()).code()).isZero();
        String[] base = {"inspect", "--json", "--model", toy.toString(), "--dataset", "circles"};
        JsonNode fresh = json(CliTest.run(base));
        String[] resumed = java.util.Arrays.copyOf(base, base.length + 2);
        resumed[base.length] = "--resume";
        resumed[base.length + 1] = npz.toString();
        JsonNode trained = json(CliTest.run(resumed));
        assertThat(trained.get("loss").asDouble()).isLessThan(fresh.get("loss").asDouble());
        assertThat(trained.get("weights").asText()).endsWith("toy.npz");
    }

    @Test
    void withoutJsonItPrintsATable() {
        CliTest.Run r = CliTest.run("inspect", "--model", toy.toString(), "--dataset", "xor");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Layer (type)", "Grad norm", "1 (ReLU)", "4 (Linear)", "Loss (ce) on 64 examples");
        assertThat(r.out().lines().count()).isEqualTo(1 + 1 + 5 + 2);
    }

    @Test
    void comparesInitializersByDepth() throws Exception {
        JsonNode o = json(CliTest.run("inspect", "--json", "--init-study", "relu", "--dataset", "fashion-mnist",
                "--init", "normal:0.01, kaiming", "--batch-size", "64"));
        assertThat(o.get("activation").asText()).isEqualTo("relu");
        JsonNode curves = o.get("initializers");
        assertThat(curves).hasSize(2);
        assertThat(curves.get(1).get("init").asText()).isEqualTo("kaiming");
        assertThat(curves.get(1).get("activationStd")).hasSize(8);
        assertThat(curves.get(1).get("gradientNorm")).hasSize(9);
        assertThat(curves.get(0).get("activationStd").get(7).asDouble())
                .isLessThan(1e-3 * curves.get(1).get("activationStd").get(7).asDouble());
        CliTest.Run text = CliTest.run("inspect", "--init-study", "tanh", "--dataset", "mnist", "--init", "xavier",
                "--batch-size", "32");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("Activation std by hidden layer", "Gradient norm by Linear layer", "xavier");
        CliTest.Run bad = CliTest.run("inspect", "--init-study", "swish3", "--dataset", "mnist");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("swish3").doesNotContain("Exception");
    }

    @Test
    void badInputExitsWith2AndOneLine() {
        String[][] cases = {
            {"--batch-size", "0"}, {"--init", "orthogonal"}, {"--init", "normal:-1"}, {"--seed", "x"},
            {"--loss", "hinge"}, {"--resume", dir.resolve("none.npz").toString()},
            {"--device", "tpu"}
        };
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run("inspect", "--json", "--model", toy.toString(), "--dataset", "xor", c[0], c[1]);
            assertThat(r.code()).as(String.join(" ", c)).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", c)).isNotEmpty().doesNotContain("\n")
                    .doesNotContain("Exception", "\tat ");
            assertThat(r.out()).isEmpty();
        }
        assertThat(CliTest.run("inspect", "--model", dir.resolve("none.py").toString(), "--dataset", "xor").code())
                .isEqualTo(2);
        assertThat(CliTest.run("inspect", "--model", toy.toString(), "--dataset", "cifar").err()).contains("cifar");
        assertThat(CliTest.run("inspect", "--model", toy.toString(), "--dataset", "mnist").err())
                .contains("does not fit mnist");
        assertThat(CliTest.run("inspect", "--model", toy.toString()).code()).isEqualTo(2);
        CliTest.Run noModel = CliTest.run("inspect", "--dataset", "xor");
        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err()).contains("--model");
    }

    @Test
    void theInitStudyHelpListsEveryActivationOfTheRegistry() {
        CliTest.Run help = CliTest.run("inspect", "--help");
        assertThat(help.code()).isZero();
        String flat = help.out().replaceAll("\\s+", " ");
        assertThat(flat).contains("with this activation: " + app.descent.catalog.Activation.ids());
        assertThat(flat).contains("mish").contains("softsign").contains("hardtanh");
    }
}
