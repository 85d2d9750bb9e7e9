package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path dir;
    Path toy;
    Path mlp;

    @BeforeEach
    void models() throws Exception {
        toy = dir.resolve("toy.py");
        Files.writeString(toy, "from torch import nn\n"
                + "net = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 2))\n");
        mlp = dir.resolve("mlp.py");
        Files.writeString(mlp, "import torch.nn as nn\n"
                + "model = nn.Sequential(nn.Flatten(), nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 10))\n");
    }

    @Test
    void printsOneLinePerEpochThenTheTestFigures() throws Exception {
        CliTest.Run r = CliTest.run("train", "--json", "--model", toy.toString(), "--dataset", "circles",
                "--optimizer", "adam", "--lr", "0.03", "--epochs", "15", "--batch-size", "16", "--seed", "2");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(16);
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        JsonNode lastEpoch = Json.MAPPER.readTree(lines.get(14));
        for (String key : new String[] {"epoch", "trainLoss", "trainAccuracy", "valLoss", "valAccuracy", "seconds"}) {
            assertThat(first.has(key)).as(key).isTrue();
        }
        assertThat(lastEpoch.get("trainLoss").asDouble()).isLessThan(first.get("trainLoss").asDouble());
        JsonNode done = Json.MAPPER.readTree(lines.get(15));
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("testAccuracy").asDouble()).isGreaterThan(0.9);
        assertThat(done.get("steps").asInt()).isEqualTo(15 * 23);
    }

    @Test
    void savesWeightsWithALoadingScriptAndTheMetrics() throws Exception {
        Path npz = dir.resolve("toy.npz");
        Path csv = dir.resolve("metrics.csv");
        CliTest.Run r = CliTest.run("train", "--json", "--model", toy.toString(), "--dataset", "moons", "--epochs", "2",
                "--save-weights", npz.toString(), "--metrics", csv.toString());
        assertThat(r.code()).isZero();
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            ai.djl.ndarray.NDList weights = ai.djl.ndarray.NDList.decode(m, Files.readAllBytes(npz));
            assertThat(weights).extracting(ai.djl.ndarray.NDArray::getName)
                    .containsExactly("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias");
            assertThat(weights.get(0).getShape().getShape()).containsExactly(8, 2);
            assertThat(weights.get(4).getShape().getShape()).containsExactly(2, 8);
        }
        assertThat(Files.readString(dir.resolve("toy.py"))).contains("nn.Linear(2, 8)", "np.load('toy.npz')",
                "net.load_state_dict(state");
        assertThat(Files.readAllLines(csv)).hasSize(3).first()
                .isEqualTo("epoch,trainLoss,trainAccuracy,valLoss,valAccuracy,seconds");
    }

    @Test
    void checkpointsEveryEpochAndResumesFromOne() throws Exception {
        Path dirs = dir.resolve("ckpt");
        CliTest.Run first = CliTest.run("train", "--json", "--model", toy.toString(), "--dataset", "circles",
                "--epochs", "3", "--checkpoints", dirs.toString());
        assertThat(first.code()).isZero();
        assertThat(dirs.resolve("epoch-001.npz")).exists();
        assertThat(dirs.resolve("epoch-003.npz")).exists();
        double freshStart = Json.MAPPER.readTree(first.out().lines().findFirst().orElseThrow()).get("trainLoss").asDouble();
        CliTest.Run resumed = CliTest.run("train", "--json", "--model", toy.toString(), "--dataset", "circles",
                "--epochs", "1", "--resume", dirs.resolve("epoch-003.npz").toString());
        assertThat(resumed.code()).isZero();
        double resumedStart = Json.MAPPER.readTree(resumed.out().lines().findFirst().orElseThrow()).get("trainLoss").asDouble();
        assertThat(resumedStart).isLessThan(freshStart);
        CliTest.Run wrong = CliTest.run("train", "--json", "--model", mlp.toString(), "--dataset", "mnist",
                "--epochs", "1", "--train-size", "500", "--resume", dirs.resolve("epoch-003.npz").toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("checkpoint");
    }

    @Test
    void aDivergingRunEndsWithExitCode3() throws Exception {
        CliTest.Run r = CliTest.run("train", "--json", "--model", mlp.toString(), "--dataset", "mnist",
                "--optimizer", "sgd", "--lr", "1e6", "--epochs", "5", "--batch-size", "16", "--train-size", "2000");
        assertThat(r.code()).isEqualTo(3);
        List<String> lines = r.out().lines().toList();
        JsonNode last = Json.MAPPER.readTree(lines.get(lines.size() - 1));
        assertThat(last.get("status").asText()).isEqualTo("diverged");
        assertThat(last.get("step").asInt()).isPositive();
        assertThat(last.get("reason").asText()).contains("learning rate");
    }

    @Test
    void badOptionsExitWith2AndAMessage() {
        String[][] cases = {
            {"--lr", "-0.1"}, {"--batch-size", "0"}, {"--optimizer", "lion"}, {"--init", "orthogonal"},
            {"--lr", "fast"}, {"--epochs", "x"}, {"--loss", "hinge"}, {"--device", "tpu"},
            {"--momentum", "0.5"}, {"--momentum-decay", "0.01"}, {"--betas", "0.9"}
        };
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run("train", "--json", "--model", toy.toString(), "--dataset", "xor", c[0], c[1]);
            assertThat(r.code()).as(String.join(" ", c)).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", c)).isNotEmpty().doesNotContain("Exception", "\tat ");
        }
        assertThat(CliTest.run("train", "--model", toy.toString(), "--dataset", "xor", "--momentum", "0.5").err())
                .contains("--momentum 0.5: adam has no momentum");
        assertThat(CliTest.run("train", "--model", toy.toString(), "--dataset", "cifar").err()).contains("cifar");
        assertThat(CliTest.run("train", "--model", toy.toString(), "--dataset", "csv:" + dir.resolve("no.csv")).err())
                .contains("no.csv");
        assertThat(CliTest.run("train", "--model", dir.resolve("none.py").toString(), "--dataset", "xor").code())
                .isEqualTo(2);
        assertThat(CliTest.run("train", "--model", toy.toString(), "--dataset", "mnist").err())
                .contains("does not fit mnist", "layer 0 Linear expects 2 input features");
    }

    /** Every optimizer of the registry trains from the command line, with its own hyperparameter options. */
    @Test
    void theRegistrysOptimizersAndTheirOptionsTrain() throws Exception {
        String[][] cases = {
            {"nadam", "--momentum-decay", "0.01"}, {"radam", "--betas", "0.8,0.99"}, {"adamax", "--eps", "1e-6"},
        };
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run("train", "--json", "--model", toy.toString(), "--dataset", "xor",
                    "--epochs", "1", "--optimizer", c[0], c[1], c[2]);
            assertThat(r.code()).as(c[0] + ": " + r.err()).isZero();
            assertThat(Json.MAPPER.readTree(r.out().lines().reduce((a, b) -> b).orElseThrow()).get("status").asText())
                    .isEqualTo("done");
        }
        CliTest.Run help = CliTest.run("train", "--help");
        assertThat(help.out()).contains("--momentum-decay", "--betas", "torch.optim.NAdam", "torch.optim.RAdam",
                "torch.optim.Adamax");
        for (String id : app.descent.catalog.Optimizers.IDS) {
            assertThat(help.out()).contains(id);
        }
        assertThat(CliTest.run("compare", "--help").out()).contains("--momentum-decay", "torch.optim.NAdam");
    }
}
