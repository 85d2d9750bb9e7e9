package app.descent.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.descent.lessons.LessonCatalog;
import app.descent.ui.Workspaces;
import app.descent.ui.learn.LearnView;
import app.descent.ui.learn.LearnViewModel;
import app.descent.ui.shell.ShellView;
import app.descent.ui.shell.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Math is typeset everywhere a student reads it: a walk through every lesson's steps (with their hints), every
 * Practice topic's question and worked solution, the Missed list, and every Backprop preset's note finds no raw TeX
 * ({@code h_{t-1}}, {@code \frac}, {@code $…$}) in any visible text.
 */
@ExtendWith(ApplicationExtension.class)
class MathOnScreenTest {
    /** A TeX command, a braced sub- or superscript, or a formula still between dollars. */
    static final Pattern RAW_TEX = Pattern.compile("\\\\[a-zA-Z]+|[_^]\\{|\\$[^$\\n]+\\$");
    private ShellView shell;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        java.nio.file.Files.deleteIfExists(app.descent.io.Logs.home().resolve(app.descent.io.ProgressStore.FILE));
        java.nio.file.Files.deleteIfExists(app.descent.io.Logs.home().resolve("lessons-progress.json"));
        shell = Workspaces.open(stage, Workspace.LEARN);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    /** The visible texts on screen that hold raw TeX (text fields, where a person types code, aside). */
    static List<String> rawTex(Node root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node n, List<String> out) {
        if (!n.isVisible() || n instanceof TextInputControl) {
            return;
        }
        if (n instanceof Text t && t.getText() != null && RAW_TEX.matcher(t.getText()).find()) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, out);
            }
        }
    }

    private final Set<String> found = new LinkedHashSet<>();

    private void scan(FxRobot robot, String where) {
        WaitForAsyncUtils.waitForFxEvents();
        for (String t : rawTex(stage.getScene().getRoot())) {
            found.add(where + ": " + t);
        }
    }

    @Test
    void noRawTexInLessonsPracticeOrBackprop(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#lesson-open-exam-perceptron").tryQuery().isPresent());
        LearnViewModel model = (LearnViewModel) stage.getScene().getRoot().lookupAll("*").stream()
                .filter(n -> n.getProperties().containsKey(LearnView.MODEL_KEY)).findFirst().orElseThrow()
                .getProperties().get(LearnView.MODEL_KEY);
        List<String> ids = model.entries().stream().filter(e -> !e.broken()).map(LessonCatalog.Entry::id).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(12);

        // every lesson, step by step, each hint taken
        for (String id : ids) {
            Node open = robot.lookup("#lesson-open-" + id).query();
            Workspaces.reveal(robot, open);
            robot.clickOn(open);
            for (int step = 0; step < 40 && model.lessonProperty().get() != null; step++) {
                scan(robot, id + " step " + (step + 1));
                for (Node hint : robot.lookup(".lesson-check .button").match(n -> n.getId() != null
                        && n.getId().startsWith("lesson-hint-") && !((javafx.scene.control.Button) n).isDisabled())
                        .queryAll()) {
                    Workspaces.reveal(robot, hint);
                    robot.clickOn(hint);
                }
                scan(robot, id + " step " + (step + 1) + " hints");
                robot.clickOn("#lesson-next");
            }
        }

        // every Practice topic: the question and its worked solution
        robot.clickOn("#nav-practice");
        ListView<?> topics = robot.lookup("#topics").queryListView();
        waitFor(10, TimeUnit.SECONDS, () -> !topics.getItems().isEmpty());
        robot.clickOn(robot.from(topics).lookup(".list-cell").match(Node::isVisible).queryAs(Node.class));
        for (int i = 0; i < topics.getItems().size(); i++) {
            if (i > 0) {
                robot.clickOn(topics).type(KeyCode.DOWN);
            }
            Node solution = robot.lookup("#solution").query();
            if (!solution.isVisible()) {
                robot.clickOn("#show-solution");
            }
            assertThat(solution.isVisible()).isTrue();
            scan(robot, "practice " + topics.getItems().get(i));
        }

        // a missed exercise whose question holds math, on the Missed list
        String rnn = app.descent.practice.Topics.get("rnn-steps").title();
        robot.clickOn(robot.from(topics).lookup(".list-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText(rnn)).queryAs(Node.class));
        robot.clickOn("#answer-0").write("7");
        for (int i = 1; robot.lookup("#answer-" + i).tryQuery().isPresent(); i++) {
            robot.type(KeyCode.TAB).write("7");
        }
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#feedback").queryAs(Label.class).getText()).startsWith("✗");
        ListView<?> missed = robot.lookup("#missed").queryListView();
        assertThat(missed.getItems()).isNotEmpty();
        assertThat(robot.from(missed).lookup(".math").queryAll()).as("the missed question's math is typeset")
                .isNotEmpty();
        scan(robot, "practice missed list");
        app.descent.ui.Screenshots.save(stage.getScene(), "practice-missed-math");

        // every Backprop preset's note
        robot.clickOn("#nav-backprop");
        ComboBox<?> presets = robot.lookup("#presets").queryComboBox();
        for (int i = 0; i < presets.getItems().size(); i++) {
            robot.clickOn(presets);
            robot.type(i == 0 ? KeyCode.HOME : KeyCode.DOWN).type(KeyCode.ENTER);
            scan(robot, "backprop preset " + presets.getValue());
        }
        assertThat(presets.getSelectionModel().getSelectedIndex()).isEqualTo(presets.getItems().size() - 1);
        assertThat(robot.lookup("#preset-note .math").tryQuery()).as("the RNN preset's formula typeset").isPresent();
        app.descent.ui.Screenshots.save(stage.getScene(), "backprop-note-math");

        assertThat(found).as("raw TeX on screen").isEmpty();
    }
}
