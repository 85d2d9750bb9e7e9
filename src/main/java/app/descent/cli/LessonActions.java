package app.descent.cli;

import app.descent.UserInputException;
import app.descent.compare.CompareException;
import app.descent.compare.CustomGrid;
import app.descent.compare.Grid;
import app.descent.compare.PathRace;
import app.descent.compare.Study;
import app.descent.graph.Backprop;
import app.descent.lessons.ActionRunner;
import app.descent.lessons.Block;
import app.descent.lessons.LessonException;
import app.descent.network.ImportResult;
import app.descent.network.PyTorchExporter;
import app.descent.network.ShapeInference;
import app.descent.practice.Topic;
import app.descent.practice.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Runs a lesson's action headless through the commands' own code: the settings become the command's options (as the
 * command line names them), picocli reads them into the command, and the result is what the command prints with
 * --json (train: the final object with the epochs as {@code history}; compare with a study: study --json; with vary:
 * {@code {"runs": compare --json}}).
 */
public final class LessonActions implements ActionRunner {

    @Override
    public JsonNode run(Block.Action action) {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("descent-lesson");
            return switch (action.workspace()) {
                case BACKPROP -> grad(action);
                case BUILDER -> summary(action, temp);
                case TRAINING -> train(action, temp);
                case COMPARE -> compare(action, temp);
                case PATHS -> path(action);
                case PRACTICE -> practice(action);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ActionFailed | LessonException e) {
            throw e;
        } catch (UserInputException e) {
            throw new ActionFailed("line " + action.line() + ": " + e.getMessage(), null);
        } finally {
            delete(temp);
        }
    }

    private static JsonNode grad(Block.Action a) {
        List<String> assignments = new ArrayList<>();
        if (a.setting("values").isPresent()) {
            assignments.addAll(a.pairs("values"));
        }
        return GradCommand.result(Backprop.run(a.settings().get("expression").asText(),
                Backprop.parseAssignments(assignments)));
    }

    private static JsonNode summary(Block.Action a, Path temp) throws IOException {
        Path file = modelFile(a, "code", temp);
        ModelFiles.Loaded loaded = ModelFiles.load(file);
        List<Integer> shape = a.setting("input").isPresent() ? SummaryCommand.parseInput(value(a, "input"))
                : loaded.input().orElseThrow(() -> new ActionFailed("line " + a.line()
                        + ": the code gives no input shape (no x = torch.randn(...) line); add input: [N, C, H, W]", null));
        List<ImportResult.IgnoredLine> ignored = loaded.ignored();
        return Json.MAPPER.readTree(SummaryCommand.toJson(ShapeInference.infer(loaded.network(), shape), ignored));
    }

    private static JsonNode train(Block.Action a, Path temp) throws IOException {
        TrainCommand cmd = parse(new TrainCommand(), a, trainArgs(a, temp));
        ArrayNode history = Json.MAPPER.createArrayNode();
        ObjectNode last = cmd.train(history::add);
        last.set("history", history);
        if ("diverged".equals(last.path("status").asText())) {
            throw new ActionFailed("diverged at step " + last.path("step").asText() + ": " + last.path("reason").asText(),
                    last);
        }
        return last;
    }

    private static JsonNode compare(Block.Action a, Path temp) throws IOException {
        if (a.setting("study").isPresent()) {
            Study s = Study.byId(value(a, "study"));
            return StudyCommand.json(s, s.run());
        }
        // the grid as Compare's Runs tab sets it up from the same action, and as descent compare runs it
        Map<String, String> settings = a.options();
        settings.put("dataset", dataset(a));
        CustomGrid grid;
        try {
            grid = CustomGrid.of(modelCode(a, temp), settings);
        } catch (CompareException e) {
            throw LessonException.at(a.file(), a.line(), "the compare action: " + e.getMessage());
        }
        List<Grid.Result> results;
        try (Grid g = grid.grid()) {
            g.runToEnd(e -> {
            });
            results = g.results();
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.set("runs", CompareCommand.json(results));
        return o;
    }

    /** The network of a compare action as PyTorch code: written in the lesson, or read from its file. */
    private static String modelCode(Block.Action a, Path temp) throws IOException {
        Path file = modelFile(a, "model", temp);
        if (file.getFileName().toString().endsWith(".py")) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        return PyTorchExporter.export(ModelFiles.load(file).network());
    }

    private static JsonNode path(Block.Action a) {
        PathCommand cmd = parse(new PathCommand(), a, options(a, List.of()));
        PathRace.Path path = cmd.compute();
        ObjectNode o = PathCommand.json(path);
        if (path.stopped()) {
            throw new ActionFailed("the path stopped at step " + path.stoppedAt() + ": " + path.reason(), o);
        }
        return o;
    }

    private static JsonNode practice(Block.Action a) {
        PracticeCommand cmd = parse(new PracticeCommand(), a, options(a, List.of()));
        Topic t = Topics.get(cmd.topic);
        return PracticeCommand.exerciseJson(cmd.exercise(t, cmd.seed));
    }

    /** model (code or a file) and dataset as files, then every other setting as its option. */
    private static List<String> trainArgs(Block.Action a, Path temp) throws IOException {
        List<String> args = options(a, List.of("model", "dataset", "vary", "study"));
        args.add("--model");
        args.add(modelFile(a, "model", temp).toString());
        args.add("--dataset");
        args.add(dataset(a));
        return args;
    }

    /** The dataset setting, a CSV file relative to the lesson's folder. */
    private static String dataset(Block.Action a) {
        String dataset = value(a, "dataset");
        if (dataset.startsWith("csv:") && a.folder().isPresent()) {
            dataset = "csv:" + a.folder().get().resolve(dataset.substring(4)).normalize();
        }
        return dataset;
    }

    /** Every setting not in skip as {@code --key value}. */
    private static List<String> options(Block.Action a, List<String> skip) {
        List<String> args = new ArrayList<>();
        a.options().forEach((key, text) -> {
            if (!skip.contains(key)) {
                args.add("--" + key);
                args.add(text);
            }
        });
        return args;
    }

    /** A setting as option text (see {@link Block.Action#option}). */
    static String value(Block.Action a, String key) {
        return a.option(key);
    }

    /** The network: code written in the lesson (to a temporary .py), or a file relative to the lesson. */
    private static Path modelFile(Block.Action a, String key, Path temp) throws IOException {
        String text = value(a, key);
        if (text.contains("\n") || text.contains("(")) {
            Path f = temp.resolve("model.py");
            Files.writeString(f, text, StandardCharsets.UTF_8);
            return f;
        }
        if (a.folder().isEmpty()) {
            throw LessonException.at(a.file(), a.line(), key + ": a shipped lesson writes its network as code, not a file ('"
                    + text + "')");
        }
        Path f = a.folder().get().resolve(text).normalize();
        if (!Files.isRegularFile(f)) {
            throw LessonException.at(a.file(), a.line(), key + ": no such file " + f);
        }
        return f;
    }

    private static <T> T parse(T command, Block.Action a, List<String> args) {
        CommandLine cl = new CommandLine(command);
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw LessonException.at(a.file(), a.line(), "the " + a.workspace().id() + " action: "
                    + e.getMessage().replace("option '--", "key '"));
        }
        return command;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
