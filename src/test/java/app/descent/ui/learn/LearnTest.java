package app.descent.ui.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.ShellView;
import app.descent.ui.shell.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A student walks the first steps of a lesson: set it up, answer wrong, take the hint, answer right, go on. */
@ExtendWith(ApplicationExtension.class)
class LearnTest {
    private ShellView shell;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Path.of(System.getProperty("descent.home", "target/descent-home"));
        Files.deleteIfExists(home.resolve(app.descent.io.ProgressStore.FILE));
        shell = Workspaces.open(stage, Workspace.LEARN);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void walksALessonEndToEnd(FxRobot robot) throws Exception {
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

        robot.clickOn("#lesson-setup");
        assertThat(shell.model().workspaceProperty().get()).isEqualTo(Workspace.BACKPROP);
        assertThat(robot.lookup("#expression-field").queryAs(TextArea.class).getText()).isEqualTo("2*((x*y)+max(z,w))");
        assertThat(robot.lookup("#lesson-panel").query().isVisible()).as("the panel stays docked").isTrue();

        robot.clickOn("#lesson-answer-0").write("-12").type(KeyCode.ENTER);
        assertThat(text(robot, "#lesson-feedback-0")).startsWith("Not quite");
        assertThat(robot.lookup("#lesson-feedback-0").query().getStyleClass()).contains("wrong");

        robot.clickOn("#lesson-hint-0");
        Node hint = robot.lookup("#lesson-hint-text-0").query();
        assertThat(hint).isNotNull();

        robot.doubleClickOn("#lesson-answer-0").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("-20").type(KeyCode.ENTER);
        assertThat(text(robot, "#lesson-feedback-0")).isEqualTo("Correct.");
        assertThat(robot.lookup(".lesson-explain").tryQuery()).isPresent();
        Screenshots.save(robot.window(0).getScene(), "lessons");

        robot.clickOn("#lesson-next");
        assertThat(text(robot, "#lesson-step")).isEqualTo("Step 2 of 4: The multiply gate swaps");
        assertThat(LessonProgress.standard().get("backprop-basics").step()).isEqualTo(1);

        robot.clickOn("#nav-learn");
        assertThat(text(robot, "#lesson-progress-backprop-basics")).isEqualTo("step 2 of 4");
        assertThat(robot.lookup("#lesson-open-backprop-basics").queryButton().getText()).isEqualTo("Resume");
    }
}
