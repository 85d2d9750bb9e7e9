package app.descent.ui.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.ShellView;
import app.descent.ui.shell.Workspace;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
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
 * A student walks the first steps of a lesson on a laptop's screen (1366×768 and 1280×720): set it up, answer
 * wrong, take the hint, answer right, go on; the docked panel stays whole and usable throughout.
 */
@ExtendWith(ApplicationExtension.class)
class LearnTest {
    private ShellView shell;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.deleteIfExists(app.descent.io.Logs.home().resolve(app.descent.io.ProgressStore.FILE));
        Files.deleteIfExists(app.descent.io.Logs.home().resolve("lessons-progress.json"));
        shell = Workspaces.open(stage, Workspace.LEARN);
    }

    /** The window at w × h, as far as the test screen allows (Monocle's is 1366×768 in this build). */
    private void size(FxRobot robot, double w, double h) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(Math.min(w, screen.getWidth()));
            stage.setHeight(Math.min(h, screen.getHeight()));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /**
     * The panel is whole: inside the window, wide enough to read, its controls inside it, and no label of it cut
     * short ("…") or squeezed out of sight.
     */
    private void assertUsable(FxRobot robot, String where) {
        WaitForAsyncUtils.waitForFxEvents();
        double w = stage.getScene().getWidth();
        double h = stage.getScene().getHeight();
        Node panel = robot.lookup("#lesson-panel").query();
        Bounds p = panel.localToScene(panel.getBoundsInLocal());
        assertThat(panel.isVisible()).as(where + ": panel shown").isTrue();
        assertThat(p.getWidth()).as(where + ": panel width").isGreaterThanOrEqualTo(320);
        assertThat(p.getMinX()).as(where + ": panel left").isGreaterThanOrEqualTo(0);
        assertThat(p.getMaxX()).as(where + ": panel right").isLessThanOrEqualTo(w + 0.5);
        assertThat(p.getMaxY()).as(where + ": panel bottom").isLessThanOrEqualTo(h + 0.5);
        Node scroll = panel.lookup(".scroll-pane");
        Bounds view = scroll.localToScene(scroll.getBoundsInLocal());
        assertThat(view.getHeight()).as(where + ": room for the step's text").isGreaterThanOrEqualTo(200);
        for (String id : new String[] {"#lesson-close", "#lesson-back", "#lesson-next", "#lesson-step"}) {
            Node n = robot.lookup(id).query();
            Bounds b = n.localToScene(n.getBoundsInLocal());
            assertThat(b.getMinX()).as(where + ": " + id + " left").isGreaterThanOrEqualTo(p.getMinX() - 0.5);
            assertThat(b.getMaxX()).as(where + ": " + id + " right").isLessThanOrEqualTo(p.getMaxX() + 0.5);
            assertThat(b.getMaxY()).as(where + ": " + id + " bottom").isLessThanOrEqualTo(h + 0.5);
        }
        // the buttons of the step fit the panel's width (the step scrolls only up and down)
        for (Node n : robot.from(panel).lookup(".button").queryAll()) {
            if (n.isVisible() && n.getScene() != null) {
                Bounds b = n.localToScene(n.getBoundsInLocal());
                assertThat(b.getMaxX()).as(where + ": " + n.getId() + " inside the panel")
                        .isLessThanOrEqualTo(p.getMaxX() + 0.5);
            }
        }
        for (Node n : robot.from(panel).lookup(".label").queryAll()) {
            if (n instanceof Labeled l && n.isVisible() && l.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY
                    && l.getText() != null && !l.getText().isEmpty()) {
                Text shown = (Text) l.lookup(".text");
                assertThat(shown == null ? null : shown.getText()).as(where + ": label '" + l.getText() + "' whole")
                        .isEqualTo(l.getText());
            }
        }
    }

    private void walk(FxRobot robot, double w, double h, String screenshot) throws Exception {
        size(robot, w, h);
        String where = (int) w + "×" + (int) h;
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#lesson-open-exam-perceptron").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#lesson-progress-backprop-basics")).isEqualTo("new");
        assertThat(robot.lookup(".learn-course").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Backprop tutorial", "UvA notebooks P02", "UDL chapter 3", "Exam topics");

        robot.clickOn("#lesson-open-backprop-basics");
        assertThat(robot.lookup("#lesson-panel").query().isVisible()).isTrue();
        assertThat(text(robot, "#lesson-step")).isEqualTo("Step 1 of 4: The forward pass");
        // the math in the step is typeset, not shown as raw TeX
        assertThat(robot.lookup(".math").queryAllAs(ImageView.class)).isNotEmpty();
        assertUsable(robot, where + " opened");

        robot.clickOn("#lesson-setup");
        assertThat(shell.model().workspaceProperty().get()).isEqualTo(Workspace.BACKPROP);
        assertThat(robot.lookup("#expression-field").queryAs(TextArea.class).getText()).isEqualTo("2*((x*y)+max(z,w))");
        assertThat(robot.lookup("#lesson-panel").query().isVisible()).as("the panel stays docked").isTrue();
        assertUsable(robot, where + " beside Backprop");

        Workspaces.reveal(robot, robot.lookup("#lesson-answer-0").query());
        robot.clickOn("#lesson-answer-0").write("-12").type(KeyCode.ENTER);
        assertThat(text(robot, "#lesson-feedback-0")).startsWith("Not quite");
        assertThat(robot.lookup("#lesson-feedback-0").query().getStyleClass()).contains("wrong");

        Workspaces.reveal(robot, robot.lookup("#lesson-hint-0").query());
        robot.clickOn("#lesson-hint-0");
        Node hint = robot.lookup("#lesson-hint-text-0").query();
        assertThat(hint.isVisible()).isTrue();
        assertUsable(robot, where + " with the hint");

        Workspaces.reveal(robot, robot.lookup("#lesson-answer-0").query());
        robot.doubleClickOn("#lesson-answer-0").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("-20").type(KeyCode.ENTER);
        assertThat(text(robot, "#lesson-feedback-0")).isEqualTo("Correct.");
        assertThat(robot.lookup(".lesson-explain").tryQuery()).isPresent();
        assertUsable(robot, where + " answered");
        Screenshots.save(stage.getScene(), screenshot);

        robot.clickOn("#lesson-next");
        assertThat(text(robot, "#lesson-step")).isEqualTo("Step 2 of 4: The multiply gate swaps");
        assertThat(LessonProgress.standard().get("backprop-basics").step()).isEqualTo(1);
        assertUsable(robot, where + " step 2");

        robot.clickOn("#nav-learn");
        assertThat(text(robot, "#lesson-progress-backprop-basics")).isEqualTo("step 2 of 4");
        assertThat(robot.lookup("#lesson-open-backprop-basics").queryButton().getText()).isEqualTo("Resume");
    }

    @Test
    void walksALessonEndToEndOnALaptop(FxRobot robot) throws Exception {
        walk(robot, 1366, 768, "lessons");
    }

    @Test
    void walksALessonEndToEndAt1280x720(FxRobot robot) throws Exception {
        walk(robot, 1280, 720, "lessons-1280x720");
    }
}
