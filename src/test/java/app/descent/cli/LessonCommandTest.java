package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.lessons.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LessonCommandTest {
    private static final String FRONT = "---\nid: tiny\ntitle: Tiny\ncourse: Test\nminutes: 5\n---\n";
    private static final String GRAD = "```descent-action\nworkspace: backprop\nexpression: x*y\nvalues: {x: 3, y: -4}\n```\n";

    private static Path write(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void listGivesTheContractKeysForEveryShippedLesson() throws Exception {
        CliTest.Run r = CliTest.run("lesson", "--list", "--json");
        assertThat(r.code()).isZero();
        JsonNode list = Json.MAPPER.readTree(r.out());
        assertThat(list.size()).isGreaterThanOrEqualTo(12);
        for (JsonNode e : list) {
            assertThat(e.fieldNames()).toIterable().containsExactly("id", "title", "course", "minutes", "stepCount");
        }
        assertThat(list.get(0).get("id").asText()).isEqualTo("backprop-basics");
        assertThat(list.get(0).get("stepCount").asInt()).isEqualTo(4);
    }

    @Test
    void anInstructorFolderAddsAndOverridesByIdAndListsABrokenFileWithItsError(@TempDir Path dir) throws Exception {
        write(dir, "mine.md", FRONT + "## One\n" + GRAD);
        write(dir, "override.md", FRONT.replace("id: tiny", "id: backprop-basics").replace("Tiny", "Our own backprop")
                + "## One\n## Two\n");
        write(dir, "broken.md", FRONT + "## S\n```descent-action\nworkspace: kitchen\n```\n");
        CliTest.Run r = CliTest.run("lesson", "--list", "--json", "--lessons", dir.toString());
        assertThat(r.code()).isZero();
        JsonNode list = Json.MAPPER.readTree(r.out());
        assertThat(list.get(0).get("title").asText()).isEqualTo("Our own backprop");
        assertThat(list.get(0).get("stepCount").asInt()).isEqualTo(2);
        JsonNode broken = null;
        JsonNode mine = null;
        for (JsonNode e : list) {
            if (e.has("error")) {
                broken = e;
            }
            if (e.get("id").asText().equals("tiny")) {
                mine = e;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(broken.get("id").asText()).isEqualTo("broken");
        assertThat(broken.get("error").asText()).isEqualTo(dir.resolve("broken.md") + ":9: unknown workspace 'kitchen'"
                + " (known: backprop, builder, training, compare, paths, practice)");
        assertThat(CliTest.run("lesson", "--lessons", dir.toString(), "check", "tiny").code()).isZero();
        assertThat(CliTest.run("lesson", "show", "--json", "--lessons", dir.toString(), "tiny").code()).isZero();
    }

    @Test
    void theHomeFolderAddsLessons() throws Exception {
        Path home = app.descent.lessons.LessonCatalog.homeFolder();
        Files.createDirectories(home);
        Path f = write(home, "zz-cli-home.md", FRONT.replace("id: tiny", "id: zz-cli-home") + "## One\n" + GRAD);
        try {
            JsonNode list = Json.MAPPER.readTree(CliTest.run("lesson", "--list", "--json").out());
            assertThat(list.findValuesAsText("id")).contains("zz-cli-home", "backprop-basics");
            assertThat(CliTest.run("lesson", "check", "zz-cli-home").code()).isZero();
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void theWindowTakesLessonFoldersAtStart(@TempDir Path dir) {
        assertThat(LessonCommand.opensWindow()).isFalse();
        assertThat(LessonCommand.opensWindow("--lessons", dir.toString())).isTrue();
        assertThat(LessonCommand.opensWindow("--lessons=" + dir, "--lessons", dir.toString())).isTrue();
        assertThat(LessonCommand.opensWindow("--lessons")).isFalse();
        assertThat(LessonCommand.opensWindow("lesson", "--lessons", dir.toString())).isFalse();
        assertThat(LessonCommand.opensWindow("--lessons", dir.toString(), "--list")).isFalse();
        try {
            assertThat(LessonCommand.windowFolders("--lessons", dir.resolve("nowhere").toString())).isEqualTo(2);
            assertThat(System.getProperty(app.descent.lessons.LessonCatalog.WINDOW_FOLDERS)).isNull();
            assertThat(LessonCommand.windowFolders("--lessons", dir.toString())).isZero();
            assertThat(app.descent.lessons.LessonCatalog.windowFolders()).containsExactly(dir.toAbsolutePath());
        } finally {
            System.clearProperty(app.descent.lessons.LessonCatalog.WINDOW_FOLDERS);
        }
    }

    private static final String GRID_MODEL = "import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), "
            + "nn.Linear(8, 2))\n";

    @Test
    void aGridActionTakesDescentComparesDefaultsAndGivesItsRuns(@TempDir Path dir) throws Exception {
        Path model = write(dir, "model.py", GRID_MODEL);
        // what Compare's Runs tab and lesson check build from the action, against what descent compare parses
        app.descent.compare.CustomGrid grid = app.descent.compare.CustomGrid.of(GRID_MODEL,
                java.util.Map.of("dataset", "moons", "epochs", "2", "vary", "optimizer=sgd,adam"));
        CompareCommand cmd = new CompareCommand();
        new CommandLine(cmd).parseArgs("--model", model.toString(), "--dataset", "moons", "--epochs", "2", "--vary",
                "optimizer=sgd,adam");
        List<String> gridKeys = new java.util.ArrayList<>(List.of("study", "model"));
        gridKeys.addAll(app.descent.compare.CustomGrid.KEYS);
        assertThat(Workspace.COMPARE.keys()).as("a compare action's keys are the grid's")
                .containsExactlyInAnyOrderElementsOf(gridKeys);
        assertThat(grid.settings()).isEqualTo(cmd.options.settings());
        assertThat(grid.lrGiven()).isEqualTo(cmd.options.lrGiven());
        assertThat(grid.varyText()).isEqualTo(cmd.vary);
        assertThat(grid.data()).isEqualTo(app.descent.compare.CustomGrid.data(cmd.options.split.samples,
                cmd.options.split.noise, cmd.options.seed, cmd.options.split.trainSize, cmd.options.split.valFraction));

        // the lesson's result is {"runs": what descent compare --json prints}
        Path lesson = write(dir, "grid.md", FRONT + "## Grid\n```descent-action\nworkspace: compare\nmodel: model.py\n"
                + "dataset: moons\nepochs: 2\nvary: {optimizer: [sgd, adam]}\n```\n");
        app.descent.lessons.Block.Action action = app.descent.lessons.LessonParser.parseFile(lesson).steps().get(0)
                .blocks().stream().filter(b -> b instanceof app.descent.lessons.Block.Action)
                .map(b -> (app.descent.lessons.Block.Action) b).findFirst().orElseThrow();
        JsonNode runs = new LessonActions().run(action).get("runs");
        JsonNode printed = Json.MAPPER.readTree(CliTest.run("compare", "--json", "--model", model.toString(),
                "--dataset", "moons", "--epochs", "2", "--vary", "optimizer=sgd,adam").out());
        for (JsonNode r : List.of(runs, printed)) {
            // timings differ from run to run; everything else is the same
            r.forEach(o -> {
                ((com.fasterxml.jackson.databind.node.ObjectNode) o).remove("seconds");
                o.get("epochs").forEach(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove("seconds"));
            });
        }
        assertThat(runs.toString()).isEqualTo(printed.toString());

        // a value no option takes names the file and the line
        Path bad = write(dir, "bad.md", FRONT + "## Grid\n```descent-action\nworkspace: compare\nmodel: model.py\n"
                + "dataset: moons\nepochs: many\nvary: {optimizer: [sgd, adam]}\n```\n");
        CliTest.Run r = CliTest.run("lesson", "check", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.md:8: the compare action: ").contains("epochs: 'many' is not a whole number");
    }

    @Test
    void showPrintsTheParsedLesson() throws Exception {
        CliTest.Run r = CliTest.run("lesson", "show", "--json", "backprop-basics");
        assertThat(r.code()).isZero();
        JsonNode l = Json.MAPPER.readTree(r.out());
        assertThat(l.get("id").asText()).isEqualTo("backprop-basics");
        JsonNode first = l.get("steps").get(0).get("blocks");
        assertThat(first.toString()).contains("{\"math\":\"f = 2\\\\,((x y) + \\\\max(z, w))\"}")
                .contains("\"type\":\"action\",\"workspace\":\"backprop\"").contains("\"of\":\"value\"");
    }

    @Test
    void checkVerifiesStatedAnswersAgainstTheEnginesResult(@TempDir Path dir) throws Exception {
        Path ok = write(dir, "ok.md", FRONT + "## Gradients\n" + GRAD
                + "```descent-check\nask: dx?\nanswer: -4\nof: gradients.x\n```\n"
                + "```descent-check\nask: f?\nanswer: -12.0001\nof: value\n```\n");
        CliTest.Run r = CliTest.run("lesson", "check", "--json", ok.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertThat(doc.fieldNames()).toIterable().containsExactly("id", "status", "steps");
        assertThat(doc.get("status").asText()).isEqualTo("ok");
        JsonNode step = doc.get("steps").get(0);
        assertThat(step.fieldNames()).toIterable().containsExactly("title", "action", "checks");
        assertThat(step.get("action").asText()).isEqualTo("ok");
        assertThat(step.get("checks").get(0).fieldNames()).toIterable().containsExactly("ask", "status", "expected", "got");
        assertThat(step.get("checks").get(1).get("got").asDouble()).isEqualTo(-12.0);

        Path wrong = write(dir, "wrong.md", FRONT + "## Gradients\n" + GRAD
                + "```descent-check\nask: dx?\nanswer: 4\nof: gradients.x\n```\n");
        r = CliTest.run("lesson", "check", "--json", wrong.toString());
        assertThat(r.code()).isEqualTo(1);
        doc = Json.MAPPER.readTree(r.out());
        assertThat(doc.get("status").asText()).isEqualTo("failed");
        JsonNode c = doc.get("steps").get(0).get("checks").get(0);
        assertThat(c.get("status").asText()).isEqualTo("failed");
        assertThat(c.get("expected").asDouble()).isEqualTo(4.0);
        assertThat(c.get("got").asDouble()).isEqualTo(-4.0);

        r = CliTest.run("lesson", "check", wrong.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED  Gradients");
    }

    @Test
    void aFailingOrDivergingActionFailsItsStep(@TempDir Path dir) throws Exception {
        Path bad = write(dir, "bad.md", FRONT + "## Broken expression\n```descent-action\nworkspace: backprop\n"
                + "expression: x*(y\n```\n");
        CliTest.Run r = CliTest.run("lesson", "check", "--json", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        JsonNode step = Json.MAPPER.readTree(r.out()).get("steps").get(0);
        assertThat(step.get("title").asText()).isEqualTo("Broken expression");
        assertThat(step.get("action").asText()).startsWith("line 8: ");

        Path diverges = write(dir, "div.md", FRONT + "## Too large a step\n```descent-action\nworkspace: paths\n"
                + "function: x**2\nstart: {x: 1, y: 1}\nlr: 1e30\nsteps: 40\n```\n");
        r = CliTest.run("lesson", "check", "--json", diverges.toString());
        assertThat(r.code()).isEqualTo(1);
        step = Json.MAPPER.readTree(r.out()).get("steps").get(0);
        assertThat(step.get("action").asText()).startsWith("the path stopped at step");
    }

    @Test
    void unknownIdsAndMalformedFilesExitTwoWithOneLine(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("lesson", "check", "no-such-lesson");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("descent lesson check: unknown lesson 'no-such-lesson' (known: backprop-basics,");

        Path key = write(dir, "key.md", FRONT + "## S\n```descent-action\nworkspace: training\nmodel: m.py\n"
                + "dataset: xor\nepoch: 3\n```\n");
        r = CliTest.run("lesson", "check", key.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("descent lesson check: " + key + ":12: unknown key 'epoch' for workspace training");

        Path of = write(dir, "of.md", FRONT + "## S\n" + GRAD + "```descent-check\nask: dq?\nanswer: 1\nof: gradients.q\n```\n");
        r = CliTest.run("lesson", "check", "--json", of.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("descent lesson check: " + of + ":13: 'of: gradients.q' names no field of the "
                + "backprop result: 'q' is not in gradients; it has x, y");

        Path yaml = write(dir, "yaml.md", FRONT + "## S\n```descent-action\nworkspace: backprop\nvalues: {x: 3\n```\n");
        r = CliTest.run("lesson", "show", "--json", yaml.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("descent lesson show: " + yaml + ":10: YAML error:");

        Path value = write(dir, "value.md", FRONT + "## S\n```descent-action\nworkspace: paths\nfunction: x**2\n"
                + "start: {x: 1, y: 1}\nsteps: many\n```\n");
        r = CliTest.run("lesson", "check", value.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("descent lesson check: " + value + ":8: the paths action: Invalid value for key 'steps'");
    }

    @Test
    void everyActionKeyIsAnOptionOfTheMatchingCommand() {
        assertThat(options(new TrainCommand())).containsAll(Workspace.TRAINING.keys());
        List<String> compare = Workspace.COMPARE.keys().stream().filter(k -> !k.equals("study")).toList();
        assertThat(options(new CompareCommand())).containsAll(compare);
        assertThat(options(new PathCommand())).containsAll(Workspace.PATHS.keys());
        assertThat(options(new PracticeCommand())).containsAll(Workspace.PRACTICE.keys());
        assertThat(options(new SummaryCommand())).contains("input");
    }

    private static List<String> options(Object command) {
        return new CommandLine(command).getCommandSpec().options().stream().map(o -> o.longestName().replaceFirst("^--", ""))
                .toList();
    }

    @Test
    void theExampleInTheDocsPassesCheck(@TempDir Path dir) throws Exception {
        String doc = Files.readString(Path.of("docs/lessons.md"));
        Matcher m = Pattern.compile("````markdown\n(.*?)\n````", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("docs/lessons.md has a ````markdown example").isTrue();
        Path example = write(dir, "example.md", m.group(1));
        CliTest.Run r = CliTest.run("lesson", "check", "--json", example.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode report = Json.MAPPER.readTree(r.out());
        assertThat(report.get("id").asText()).isEqualTo("chain-rule-intro");
        assertThat(report.get("steps")).hasSize(3);
        assertThat(report.toString()).contains("\"status\":\"stated\"");
    }
}
