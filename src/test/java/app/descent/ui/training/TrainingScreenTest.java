package app.descent.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.Workspace;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 13 on a laptop's screen: the Training form fits 1366×768 and 1280×720 before and after a run, and what an
 * earlier run left (confusion matrix, misclassified images) goes when a new run starts, fails or is stopped; a
 * paused run says at which step it is.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingScreenTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.TRAINING);
    }

    /**
     * The window at w × h, as far as the test screen allows: Monocle's headless screen is 1280×800 unless
     * -Dheadless.geometry=1366x768-32 says otherwise, and a window beyond it crashes its frame buffer.
     */
    private void size(FxRobot robot, double w, double h) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(Math.min(w, screen.getWidth()));
            stage.setHeight(Math.min(h, screen.getHeight()));
        });
        waitForFxEvents();
    }

    private void assertFits(FxRobot robot, String where) {
        double w = stage.getScene().getWidth();
        double h = stage.getScene().getHeight();
        for (String id : new String[] {"#train", "#pause", "#step", "#stop"}) {
            Node button = robot.lookup(id).query();
            Bounds b = button.localToScene(button.getBoundsInLocal());
            assertThat(button.isVisible()).isTrue();
            assertThat(b.getMinX()).as(where + ": " + id + " left").isGreaterThanOrEqualTo(0);
            assertThat(b.getMinY()).as(where + ": " + id + " top").isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxX()).as(where + ": " + id + " right in a window " + w + " wide").isLessThanOrEqualTo(w);
            assertThat(b.getMaxY()).as(where + ": " + id + " bottom in a window " + h + " high").isLessThanOrEqualTo(h);
        }
        Node statusBar = robot.lookup(".status-bar").query();
        Bounds s = statusBar.localToScene(statusBar.getBoundsInLocal());
        assertThat(s.getHeight()).as(where + ": status bar height").isGreaterThan(10);
        assertThat(s.getMaxY()).as(where + ": status bar bottom").isLessThanOrEqualTo(h + 0.5);
        TableView<?> history = robot.lookup("#history").queryAs(TableView.class);
        Bounds t = history.localToScene(history.getBoundsInLocal());
        // a header and at least two rows (24 px each)
        assertThat(history.getHeight()).as(where + ": runs table height").isGreaterThanOrEqualTo(80);
        assertThat(t.getMaxY()).as(where + ": runs table bottom").isLessThanOrEqualTo(h);
        for (String id : new String[] {"#log-scale", "#x-epochs"}) {
            CheckBox box = robot.lookup(id).query();
            javafx.scene.text.Text shown = (javafx.scene.text.Text) box.lookup(".text");
            assertThat(shown.getText()).as(where + ": " + id + "'s label").isEqualTo(box.getText());
            Bounds c = box.localToScene(box.getBoundsInLocal());
            assertThat(c.getMaxY()).as(where + ": " + id + " bottom").isLessThanOrEqualTo(h);
        }
    }

    private static void waitForResult(FxRobot robot, int runs) throws Exception {
        TableView<?> history = robot.lookup("#history").queryAs(TableView.class);
        waitFor(240, TimeUnit.SECONDS, () -> history.getItems().size() == runs
                && !((TrainingViewModel.RunRow) history.getItems().get(0)).result().equals("running"));
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#training-status").queryAs(Label.class).getText();
    }

    @Test
    void fitsALaptopScreenBeforeAndAfterAnImageRun(FxRobot robot) throws Exception {
        size(robot, 1366, 768);
        assertFits(robot, "1366×768 on xor");
        size(robot, 1280, 720);
        assertFits(robot, "1280×720 on xor");

        size(robot, 1366, 768);
        TrainingFormTest.choose(robot, "#dataset", "mnist");
        TrainingFormTest.type(robot, "#epochs", "1", KeyCode.ENTER);
        robot.clickOn("#train");
        waitForResult(robot, 1);
        GridPane confusion = robot.lookup("#confusion").query();
        waitFor(20, TimeUnit.SECONDS, () -> confusion.getChildren().size() == 11 * 12);
        ImageGrid mistakes = robot.lookup(n -> n instanceof ImageGrid).query();
        waitFor(20, TimeUnit.SECONDS, () -> mistakes.shown() > 0);
        waitForFxEvents();
        assertFits(robot, "1366×768 after an mnist run");
        Screenshots.save(stage.getScene(), "first-hour-training");
        size(robot, 1280, 720);
        assertFits(robot, "1280×720 after an mnist run");
    }

    @Test
    void aNewRunAFailedRunAndStopClearTheLastRunsResults(FxRobot robot) throws Exception {
        TrainingFormTest.choose(robot, "#dataset", "mnist");
        TrainingFormTest.type(robot, "#epochs", "1", KeyCode.ENTER);
        robot.clickOn("#train");
        waitForResult(robot, 1);
        GridPane confusion = robot.lookup("#confusion").query();
        ImageGrid mistakes = robot.lookup(n -> n instanceof ImageGrid).query();
        waitFor(20, TimeUnit.SECONDS, () -> confusion.getChildren().size() == 11 * 12 && mistakes.shown() > 0);

        // a run that fails: the xor network cannot take 28×28 images
        TrainingFormTest.choose(robot, "#network", NetworkChoices.TOY_TANH);
        robot.clickOn("#train");
        waitForResult(robot, 2);
        waitForFxEvents();
        assertThat(((TrainingViewModel.RunRow) robot.lookup("#history").queryAs(TableView.class).getItems().get(0))
                .result()).doesNotContain("test accuracy");
        assertThat(confusion.getChildren()).as("run 1's confusion matrix after run 2 failed").isEmpty();
        assertThat(mistakes.shown()).as("run 1's misclassified images after run 2 failed").isZero();

        // a run of the MLP again, paused at once, stepped, stopped
        TrainingFormTest.choose(robot, "#network", NetworkChoices.MLP);
        // long enough that not even its first epoch (whose end shows the run's own confusion matrix) can end before
        // Pause is pressed, however fast the trainer: 54,000 steps of one example each
        TrainingFormTest.choose(robot, "#dataset", "fashion-mnist");
        TrainingFormTest.type(robot, "#batch-size", "1", KeyCode.ENTER);
        TrainingFormTest.type(robot, "#epochs", "50", KeyCode.ENTER);
        robot.clickOn("#train");
        robot.clickOn("#pause");
        waitFor(60, TimeUnit.SECONDS, () -> status(robot).matches("Run 3: paused at step \\d+"));
        assertThat(confusion.getChildren()).isEmpty();
        assertThat(mistakes.shown()).isZero();
        // the pause lands between two steps; the status may still be on its way from the training thread
        Thread.sleep(500);
        waitForFxEvents();
        long at = Long.parseLong(status(robot).replaceAll("\\D+", " ").trim().split(" ")[1]);
        robot.clickOn("#step");
        waitFor(30, TimeUnit.SECONDS, () -> status(robot).equals("Run 3: paused at step " + (at + 1)));
        robot.clickOn("#stop");
        waitForResult(robot, 3);
        waitForFxEvents();
        assertThat(status(robot)).contains("stopped by you");
        assertThat(mistakes.shown()).as("misclassified images after Stop").isZero();
        assertThat(robot.lookup(".section-title").queryAllAs(Label.class).stream()
                .noneMatch(l -> l.getText().startsWith("Misclassified"))).isTrue();
    }
}
