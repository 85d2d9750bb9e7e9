package app.descent.cli;

import app.descent.UserInputException;
import app.descent.network.ModelZoo;
import app.descent.network.NetworkJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryCommandTest {
    @TempDir
    Path dir;

    StringWriter out = new StringWriter();

    CommandLine cli() {
        CommandLine c = new CommandLine(new SummaryCommand());
        c.setOut(new PrintWriter(out));
        return c;
    }

    /** Runs like the top-level command would, but lets exceptions through to the test. */
    int run(String... args) {
        CommandLine c = cli();
        c.parseArgs(args);
        return c.<SummaryCommand>getCommand().call();
    }

    Path code(String text) throws Exception {
        Path f = dir.resolve("net.py");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void jsonSummaryOfCode() throws Exception {
        Path f = code("""
                import torch
                from torch import nn
                net = nn.Sequential(nn.Linear(10,7), nn.ELU(), nn.Linear(7,1), nn.Sigmoid())
                x = torch.randn(100, 10)
                print(net(x))
                """);
        assertThat(cli().execute("--json", f.toString())).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("params").asLong()).isEqualTo(85);
        assertThat(j.get("trainableParams").asLong()).isEqualTo(85);
        assertThat(j.get("outputShape").toString()).isEqualTo("[100,1]");
        assertThat(j.get("input").toString()).isEqualTo("[100,10]");
        assertThat(j.get("macs").asLong()).isEqualTo(77);
        assertThat(j.get("layers")).hasSize(4);
        JsonNode l0 = j.get("layers").get(0);
        assertThat(l0.get("index").asInt()).isZero();
        assertThat(l0.get("name").asText()).isEqualTo("0");
        assertThat(l0.get("type").asText()).isEqualTo("Linear");
        assertThat(l0.get("outputShape").toString()).isEqualTo("[100,7]");
        assertThat(l0.get("params").asLong()).isEqualTo(77);
        assertThat(l0.get("trainable").asLong()).isEqualTo(77);
        assertThat(l0.get("receptiveField").isNull()).isTrue();
        assertThat(j.get("ignoredLines")).hasSize(1);
        assertThat(j.get("ignoredLines").get(0).get("line").asInt()).isEqualTo(5);
    }

    @Test
    void tableAndInputOption() throws Exception {
        Path f = code("import torchvision.models as models\nmodel = models.vgg16()\nfor p in model.features.parameters(): p.requires_grad = False\n");
        assertThat(cli().execute("--input", "1,3,224,224", f.toString())).isZero();
        String text = out.toString();
        assertThat(text).contains("features.0 (Conv2d)", "classifier.6 (Linear)", "[1, 1000]", "Total params: 138,357,544",
                "Trainable params: 123,642,856");
    }

    @Test
    void savedNetworkJson() throws Exception {
        Path f = dir.resolve("r.json");
        NetworkJson.save(f, ModelZoo.create("resnet18"), List.of(2, 3, 64, 64));
        assertThat(cli().execute("--json", f.toString())).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("params").asLong()).isEqualTo(11_689_512);
        assertThat(j.get("outputShape").toString()).isEqualTo("[2,1000]");
        assertThat(j.get("layers").get(0).get("name").asText()).isEqualTo("conv1");
        assertThat(j.get("layers").get(0).get("receptiveField").asInt()).isEqualTo(7);
    }

    @Test
    void errors() throws Exception {
        Path noInput = code("from torch import nn\nnet = nn.Sequential(nn.Linear(10, 2))\n");
        assertThatThrownBy(() -> run(noInput.toString())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("no input shape").hasMessageContaining("--input");
        Path mismatch = code("import torch\nfrom torch import nn\nnet = nn.Sequential(nn.Linear(10, 7), nn.ReLU(), nn.Linear(8, 1))\nx = torch.randn(4, 10)\n");
        assertThatThrownBy(() -> run(mismatch.toString())).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("layer 2 Linear expects 8 input features but receives 7");
        assertThatThrownBy(() -> run("--input", "1,x", mismatch.toString())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("--input");
        assertThatThrownBy(() -> run(dir.resolve("nope.py").toString())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("no such file");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aSnippetWithoutImportsIsReadWithTheUsualOnesAndSaysSo() throws Exception {
        Path f = dir.resolve("slide.py");
        Files.writeString(f, "net = nn.Sequential(nn.Linear(10, 7), nn.ReLU(), nn.Linear(7, 1))\nx = torch.randn(100, 10)\n");
        CliTest.Run r = CliTest.run("summary", "--json", f.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("outputShape").toString()).isEqualTo("[100,1]");
        assertThat(doc.get("params").asLong()).isEqualTo(10 * 7 + 7 + 7 + 1);
        assertThat(doc.get("ignoredLines")).isEmpty();
        assertThat(doc.get("notes")).hasSize(2);
        assertThat(doc.get("notes").get(0).asText())
                .isEqualTo("line 1: no import for 'nn'; read as if 'import torch.nn as nn' were written");
        assertThat(doc.get("notes").get(1).asText())
                .isEqualTo("line 2: no import for 'torch'; read as if 'import torch' were written");
        CliTest.Run table = CliTest.run("summary", f.toString());
        assertThat(table.out()).contains("Notes:", "import torch.nn as nn");
    }

    @Test
    void aSnippetWithItsImportsHasNoNotes() throws Exception {
        Path f = dir.resolve("full.py");
        Files.writeString(f, "import torch\nimport torch.nn as nn\nnet = nn.Sequential(nn.Linear(10, 7))\nx = torch.randn(4, 10)\n");
        CliTest.Run r = CliTest.run("summary", "--json", f.toString());
        assertThat(r.code()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("notes")).isEmpty();
    }
}
