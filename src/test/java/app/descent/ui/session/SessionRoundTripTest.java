package app.descent.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.ui.Workspaces;
import app.descent.ui.fx.Dialogs;
import app.descent.ui.fx.RecordingDialogs;
import app.descent.ui.shell.ShellView;
import app.descent.ui.shell.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Each workspace's state is saved with Ctrl+S and comes back whole when the file is opened with Ctrl+O in a new
 * window, as a person does it: type, click, then compare what the two windows show.
 */
@ExtendWith(ApplicationExtension.class)
class SessionRoundTripTest {
    static final Path DIR = Path.of("target", "sessions").toAbsolutePath();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Stage> stages = new ArrayList<>();

    @BeforeEach
    void dialogs() throws Exception {
        Files.createDirectories(DIR);
        Dialogs.use(dialogs);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stages.forEach(Stage::close));
        Dialogs.use(null);
    }

    /** A new window on {@code w}, the earlier ones closed (as a new start of Descent on another machine). */
    ShellView window(FxRobot robot, Workspace w) {
        ShellView[] shell = new ShellView[1];
        robot.interact(() -> {
            stages.forEach(Stage::close);
            Stage s = new Stage();
            stages.add(s);
            shell[0] = Workspaces.open(s, w);
            Workspaces.laptopSize(s);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return shell[0];
    }

    Stage stage() {
        return stages.get(stages.size() - 1);
    }

    <T extends Node> T find(FxRobot robot, String query) {
        return robot.from(stage().getScene().getRoot()).lookup(query).query();
    }

    void saveAs(FxRobot robot, Path file) {
        dialogs.answerSave(name -> file.toFile());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(file).exists();
        assertThat(stage().getTitle()).isEqualTo("Descent — " + file.getFileName());
    }

    void open(FxRobot robot, Path file) {
        dialogs.answerOpen(pattern -> file.toFile());
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ------------------------------------------------------------------------------------------ Backprop

    record BackpropShown(String expression, List<String> values, String step, boolean predict, String result) {
    }

    BackpropShown backprop(FxRobot robot) {
        TableView<app.descent.ui.backprop.BackpropViewModel.Variable> vars = find(robot, "#variables");
        return new BackpropShown(this.<TextArea>find(robot, "#expression-field").getText(),
                vars.getItems().stream().map(v -> v.name() + "=" + v.valueProperty().get()).toList(),
                this.<Label>find(robot, "#step-counter").getText(), this.<CheckBox>find(robot, "#predict").isSelected(),
                this.<Label>find(robot, "#result").getText());
    }

    @Test
    void backpropComesBackWithItsExpressionValuesStepAndMode(FxRobot robot) {
        window(robot, Workspace.BACKPROP);
        TextArea field = find(robot, "#expression-field");
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("a*b + max(c, 2)");
        TableView<?> vars = find(robot, "#variables");
        Node cell = robot.from(vars).lookup(".table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                c.getIndex() == 0 && c.getTableColumn() == vars.getColumns().get(1)).query();
        robot.doubleClickOn(cell).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("3.5").type(KeyCode.ENTER);
        for (int i = 0; i < 4; i++) {
            robot.clickOn(this.<Node>find(robot, "#step-forward"));
        }
        robot.clickOn(this.<Node>find(robot, "#predict"));
        WaitForAsyncUtils.waitForFxEvents();
        BackpropShown before = backprop(robot);
        assertThat(before.values()).contains("a=3.5");
        assertThat(before.step()).isEqualTo("backward 1 / 3");
        assertThat(stage().getTitle()).as("unsaved work is marked").endsWith("*");
        Path file = DIR.resolve("backprop.descent");
        saveAs(robot, file);

        window(robot, Workspace.BACKPROP);
        assertThat(backprop(robot)).as("a new window starts elsewhere").isNotEqualTo(before);
        open(robot, file);
        assertThat(backprop(robot)).isEqualTo(before);
        assertThat(stage().getTitle()).isEqualTo("Descent — backprop.descent");
        assertThat(dialogs.count("confirm")).as("nothing to discard in a fresh window").isZero();
    }

    // ------------------------------------------------------------------------------------------ Builder

    record BuilderShown(String input, List<String> layers, String totals, int selected, int batch) {
    }

    BuilderShown builder(FxRobot robot) {
        TableView<app.descent.ui.builder.BuilderViewModel.Row> table = find(robot, "#layers");
        return new BuilderShown(this.<TextField>find(robot, "#input-shape").getText(),
                table.getItems().stream().map(r -> r.layer() + " " + r.outputShape()).toList(),
                this.<Label>find(robot, "#totals").getText(), table.getSelectionModel().getSelectedIndex(),
                this.<javafx.scene.control.Spinner<Integer>>find(robot, "#batch-size").getValue());
    }

    void add(FxRobot robot, String layer) {
        TextField search = find(robot, "#palette-search");
        robot.clickOn(search).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(layer).type(KeyCode.ENTER);
    }

    @Test
    void theBuildersNetworkInputAndSelectionComeBack(FxRobot robot) {
        window(robot, Workspace.BUILDER);
        TextField input = find(robot, "#input-shape");
        robot.clickOn(input).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("1, 3, 32, 32");
        add(robot, "Conv2d");
        add(robot, "ReLU");
        add(robot, "Flatten");
        TableView<?> table = find(robot, "#layers");
        robot.clickOn(robot.from(table).lookup(".table-row-cell").match((javafx.scene.control.TableRow<?> r) ->
                r.getIndex() == 1).<Node>query());
        BuilderShown before = builder(robot);
        assertThat(before.layers()).hasSize(3);
        assertThat(before.selected()).isEqualTo(1);
        Path file = DIR.resolve("builder.descent");
        saveAs(robot, file);

        window(robot, Workspace.BUILDER);
        assertThat(builder(robot).layers()).isEmpty();
        open(robot, file);
        assertThat(builder(robot)).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------ Practice

    record PracticeShown(String seed, String question, String difficulty, String topic, List<String> answer) {
    }

    PracticeShown practice(FxRobot robot) {
        Node q = find(robot, "#question");
        List<String> answer = robot.from(stage().getScene().getRoot()).lookup(".answer-field")
                .queryAllAs(TextField.class).stream().map(TextField::getText).toList();
        return new PracticeShown(this.<Label>find(robot, "#seed").getText(), texts(q),
                String.valueOf(this.<ComboBox<?>>find(robot, "#difficulty").getValue()),
                this.<ListView<String>>find(robot, "#topics").getSelectionModel().getSelectedItem(), answer);
    }

    static String texts(Node n) {
        StringBuilder b = new StringBuilder();
        if (n instanceof javafx.scene.control.Labeled l) {
            b.append(l.getText()).append('|');
        }
        if (n instanceof javafx.scene.text.Text t) {
            b.append(t.getText()).append('|');
        }
        if (n instanceof javafx.scene.image.ImageView iv) {
            b.append(iv.getImage() == null ? "" : iv.getImage().getWidth() + "x" + iv.getImage().getHeight())
                    .append('|');
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> b.append(texts(c)));
        }
        return b.toString();
    }

    @Test
    void practicesExerciseAndTypedNumbersComeBack(FxRobot robot) {
        window(robot, Workspace.PRACTICE);
        ListView<String> topics = find(robot, "#topics");
        robot.clickOn(robot.from(topics).lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) ->
                "Backpropagation through an expression".equals(c.getItem())).<Node>query());
        robot.clickOn(this.<Node>find(robot, "#new-exercise"));
        robot.clickOn("#answer-0").write("1.25");
        WaitForAsyncUtils.waitForFxEvents();
        PracticeShown before = practice(robot);
        assertThat(before.topic()).isEqualTo("Backpropagation through an expression");
        assertThat(before.answer()).startsWith("1.25");
        Path file = DIR.resolve("practice.descent");
        saveAs(robot, file);

        window(robot, Workspace.PRACTICE);
        assertThat(practice(robot).seed()).isNotEqualTo(before.seed());
        open(robot, file);
        assertThat(practice(robot)).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------ Learn

    @Test
    void theOpenLessonAndItsStepComeBack(FxRobot robot) throws Exception {
        window(robot, Workspace.LEARN);
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#lesson-open-backprop-basics").tryQuery().isPresent());
        robot.clickOn(this.<Node>find(robot, "#lesson-open-backprop-basics"));
        // the lesson opens where the person left it (an earlier test run): back to its first step
        for (int i = 0; i < 4 && !this.<Label>find(robot, "#lesson-step").getText().startsWith("Step 1 "); i++) {
            robot.clickOn(this.<Node>find(robot, "#lesson-back"));
        }
        robot.clickOn(this.<Node>find(robot, "#lesson-next"));
        robot.clickOn(this.<Node>find(robot, "#lesson-next"));
        String before = this.<Label>find(robot, "#lesson-step").getText();
        assertThat(before).startsWith("Step 3 of 4");
        Path file = DIR.resolve("lessons.descent");
        saveAs(robot, file);

        window(robot, Workspace.LEARN);
        assertThat(robot.from(stage().getScene().getRoot()).lookup("#lesson-step").tryQuery()
                .map(n -> n.isVisible() && n.getScene() != null).orElse(false)).isFalse();
        open(robot, file);
        assertThat(this.<Label>find(robot, "#lesson-step").getText()).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------ every workspace

    @Test
    void aSessionOfEveryWorkspaceIsWhatTheCommandLineShows(FxRobot robot) throws Exception {
        window(robot, Workspace.LEARN);
        // every workspace visited (Ctrl+1 … Ctrl+6), so every one that takes part in sessions is built
        for (Workspace w : Workspace.values()) {
            robot.press(KeyCode.CONTROL, w.key()).release(w.key(), KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(Sessions.registered().keySet()).contains("backprop", "builder", "practice", "lessons");
        Path file = DIR.resolve("demo.descent");
        saveAs(robot, file);
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = app.descent.cli.Cli.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        assertThat(cli.execute("session", "show", "--json", file.toString())).isZero();
        com.fasterxml.jackson.databind.JsonNode shown = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString());
        List<String> ids = new ArrayList<>();
        shown.get("workspaces").fieldNames().forEachRemaining(ids::add);
        assertThat(ids).containsExactlyInAnyOrderElementsOf(Sessions.registered().keySet());
        assertThat(shown.at("/workspaces/builder/input").asText()).isEqualTo("1, 1, 28, 28");
        assertThat(shown.at("/workspaces/practice/difficulty").asText()).isEqualTo("normal");
    }
}
